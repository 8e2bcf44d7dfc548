import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ADMIN_UNITS_DIR } from '../../server/paths';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function expectedCommuneCounts(): Map<string, number> {
  const lines = readFileSync(path.join(ADMIN_UNITS_DIR, 'communes-2025.csv'), 'utf8').trim().split('\n').slice(1);
  const counts = new Map<string, number>();
  for (const line of lines) {
    const code = line.split(',')[0] ?? '';
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

describe('reference data: provinces and communes of 1 July 2025', () => {
  it('lists the 34 provinces with commune counts that match the reference files and add up to 3,321', async () => {
    const res = await request(t.app).get('/api/public/provinces');
    expect(res.status).toBe(200);
    const provinces = res.body.provinces as { code: string; name: string; communeCount: number }[];
    expect(provinces).toHaveLength(34);
    const expected = expectedCommuneCounts();
    for (const p of provinces) expect([p.code, p.communeCount]).toEqual([p.code, expected.get(p.code)]);
    expect(provinces.reduce((sum, p) => sum + p.communeCount, 0)).toBe(3321);
    expect(provinces.find((p) => p.code === '15')?.name).toBe('Tỉnh Lào Cai');
  });

  it('carries the border and coast flags: Cao Bằng borders China, Đồng Tháp Cambodia and the sea, Hà Nội neither', async () => {
    const { body } = await request(t.app).get('/api/public/provinces');
    const byCode = new Map((body.provinces as { code: string }[]).map((p) => [p.code, p]));
    expect(byCode.get('04')).toMatchObject({ landBorderCountries: ['CN'], coastal: false });
    expect(byCode.get('82')).toMatchObject({ landBorderCountries: ['KH'], coastal: true });
    expect(byCode.get('01')).toMatchObject({ landBorderCountries: [], coastal: false });
    const withBorderOrCoast = (body.provinces as { landBorderCountries: string[]; coastal: boolean }[]).filter(
      (p) => p.landBorderCountries.length > 0 || p.coastal,
    );
    expect(withBorderOrCoast).toHaveLength(30);
  });

  it('finds Xã Trùng Khánh when searching "trung khanh" without diacritics', async () => {
    const res = await request(t.app).get('/api/public/provinces/04/communes').query({ q: 'trung khanh' });
    expect(res.status).toBe(200);
    expect(res.body.communes).toEqual([
      expect.objectContaining({ code: '01477', name: 'Xã Trùng Khánh', type: 'xa', provinceCode: '04' }),
    ]);
  });

  it('matches đ as d and ignores case: "DAM THUY" finds Xã Đàm Thủy', async () => {
    const res = await request(t.app).get('/api/public/provinces/04/communes?q=DAM%20THUY');
    expect(res.body.communes.map((c: { name: string }) => c.name)).toEqual(['Xã Đàm Thủy']);
  });

  it('lists every commune of a province without a query, flags included', async () => {
    const res = await request(t.app).get('/api/public/provinces/48/communes');
    expect(res.body.communes).toHaveLength(expectedCommuneCounts().get('48') ?? -1);
    expect(res.body.communes.find((c: { name: string }) => c.name === 'Đặc khu Hoàng Sa')).toMatchObject({
      type: 'dac_khu',
      remoteOrIsland: true,
    });
  });

  it('treats LIKE wildcards in the search text literally', async () => {
    const res = await request(t.app).get('/api/public/provinces/04/communes?q=%25');
    expect(res.body.communes).toEqual([]);
  });

  it('answers 304 to a repeated request with the ETag it was given', async () => {
    const first = await request(t.app).get('/api/public/provinces');
    expect(first.headers.etag).toBeDefined();
    expect(first.headers['cache-control']).toContain('max-age');
    const second = await request(t.app)
      .get('/api/public/provinces')
      .set('If-None-Match', first.headers.etag as string);
    expect(second.status).toBe(304);
  });

  it('answers an unknown province with a 404 in the error shape, and a malformed code with a 400 naming the field', async () => {
    const unknown = await request(t.app).get('/api/public/provinces/99/communes');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'province.not_found', fields: [] });
    const malformed = await request(t.app).get('/api/public/provinces/abc/communes');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toEqual([{ field: 'provinceCode', message: 'Tỉnh/thành phố: sai định dạng' }]);
  });
});

describe('GET /api/public/meta', () => {
  it('lists every code of the specification with Vietnamese and English labels', async () => {
    const res = await request(t.app).get('/api/public/meta');
    expect(res.status).toBe(200);
    expect(res.body.categories).toHaveLength(9);
    expect(res.body.placeTypes).toHaveLength(7);
    expect(res.body.forces.map((f: { code: string }) => f.code)).toEqual(['police', 'market', 'border', 'customs']);
    expect(res.body.statuses).toHaveLength(7);
    expect(res.body.outcomes).toHaveLength(7);
    expect(res.body.categories[0]).toEqual({ code: 'smuggling', labels: { vi: 'Buôn lậu', en: 'Smuggling' } });
    expect(res.body.placeTypes.find((p: { code: string }) => p.code === 'border_gate').labels.vi).toBe(
      'Cửa khẩu, lối mở',
    );
    expect(res.body.hotlines).toEqual([
      { number: '0981389389', display: '0981.389.389' },
      { number: '0961389389', display: '0961.389.389' },
    ]);
  });
});
