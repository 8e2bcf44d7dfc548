import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';
import { staffSession, type StaffSession } from '../helpers/staff';

const DAYS = 86_400_000;
let now = FIXED_NOW.getTime();
let t: TestApp;
let operator: StaffSession;
const codes: Record<string, string> = {};

const CHANEL = 'Bán nước hoa giả nhãn hiệu Chanel tại chợ, giá rẻ bất thường, không có hóa đơn.';
const TRUCK = 'Xe tải biển số 11C chở thuốc lá lậu từ biên giới về thành phố mỗi đêm khoảng 2 giờ sáng.';

async function report(name: string, fields: Record<string, string>) {
  const res = await request(t.app)
    .post('/api/public/reports')
    .send({ address: 'Chợ', observedAt: new Date(now - 3_600_000).toISOString(), ...fields });
  expect(res.status).toBe(201);
  codes[name] = res.body.trackingCode;
}

const search = (who: StaffSession, body: object) =>
  request(t.app).post('/api/staff/duplicates').set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body);
const found = (res: request.Response) => (res.body.candidates as { trackingCode: string }[]).map((c) => c.trackingCode);

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date(now) } });
  now -= 40 * DAYS;
  await report('old', {
    category: 'counterfeit',
    placeType: 'market',
    provinceCode: '04',
    communeCode: '01447',
    description: CHANEL,
  });
  now += 40 * DAYS;
  await report('chanel', {
    category: 'counterfeit',
    placeType: 'market',
    provinceCode: '04',
    communeCode: '01447',
    description: CHANEL,
  });
  await report('truck', {
    category: 'smuggling',
    placeType: 'transport_route',
    provinceCode: '04',
    communeCode: '01273',
    description: TRUCK,
  });
  await report('shop', {
    category: 'ecommerce',
    placeType: 'online',
    provinceCode: '04',
    communeCode: '01273',
    url: 'https://shopee.vn/Shop-Hang-Gia-123',
    description: 'Shop bán mỹ phẩm không rõ nguồn gốc, giao hàng toàn quốc.',
  });
  await report('zalo', {
    category: 'ecommerce',
    placeType: 'online',
    provinceCode: '04',
    sellerHandle: 'Zalo 0912.345.678 (Mỹ phẩm Hàn)',
    description: 'Tài khoản bán kem trắng da trộn không nhãn mác, ship COD.',
  });
  await report('elsewhere', {
    category: 'counterfeit',
    placeType: 'market',
    provinceCode: '82',
    communeCode: '29869',
    description: CHANEL,
  });
  operator = await staffSession(t.app, 'operator');
});
afterAll(() => t.close());

describe('POST /api/staff/duplicates', () => {
  it('finds a report of the last 30 days with the same commune and category, not an older one, not another province', async () => {
    const res = await search(operator, { communeCode: '01447', category: 'counterfeit' });
    expect(res.status).toBe(200);
    expect(found(res)).toEqual([codes.chanel]);
    expect(res.body.candidates[0]).toMatchObject({
      communeName: 'Xã Trà Lĩnh',
      status: 'received',
      reasons: ['same_place_and_category'],
      excerpt: CHANEL,
    });
  });

  it('finds a near-identical description typed without diacritics, elsewhere in the province', async () => {
    const res = await search(operator, {
      communeCode: '01288',
      category: 'smuggling',
      description: 'xe tai bien so 11C cho thuoc la lau tu bien gioi ve thanh pho moi dem',
    });
    expect(found(res)).toEqual([codes.truck]);
    expect(res.body.candidates[0].reasons).toEqual(['similar_description']);
    expect(res.body.candidates[0].similarity).toBeGreaterThan(0.5);
  });

  it('finds the same shop URL written another way', async () => {
    const res = await search(operator, {
      communeCode: '01447',
      category: 'ecommerce',
      url: 'http://www.shopee.vn/shop-hang-gia-123/?utm_source=zalo',
    });
    expect(found(res)).toEqual([codes.shop]);
    expect(res.body.candidates[0].reasons).toEqual(['same_url']);
  });

  it('finds an online seller known only by its province by the same handle written another way (issue #14)', async () => {
    const res = await search(operator, {
      provinceCode: '04',
      category: 'counterfeit',
      sellerHandle: 'zalo +84 912 345 678 (my pham han)',
    });
    expect(res.status).toBe(200);
    expect(res.body.candidates).toEqual([
      expect.objectContaining({
        trackingCode: codes.zalo,
        communeCode: null,
        communeName: null,
        reasons: ['same_seller'],
      }),
    ]);
    const byCommune = await search(operator, {
      communeCode: '01273',
      category: 'ecommerce',
      sellerHandle: 'Zalo 0912345678 (My pham Han)',
    });
    expect(found(byCommune)).toContain(codes.zalo);
    const neither = await search(operator, { category: 'counterfeit', sellerHandle: 'x' });
    expect(neither.status).toBe(400);
    expect(neither.body.error.fields).toEqual([{ field: 'communeCode', message: 'Xã/phường: bắt buộc phải nhập' }]);
    expect((await search(operator, { provinceCode: '99', category: 'counterfeit' })).status).toBe(400);
  });

  it('never returns a report of another province, however similar', async () => {
    const res = await search(operator, { communeCode: '01447', category: 'counterfeit', description: CHANEL });
    expect(found(res)).toEqual([codes.chanel]);
    expect(found(res)).not.toContain(codes.elsewhere);
    expect(res.body.candidates[0].reasons).toEqual(['same_place_and_category', 'similar_description']);
  });

  it('scores with the stored trigram sets exactly as pg_trgm similarity() does, letters outside ASCII included', async () => {
    const texts = [
      'xe tai bien so 11c cho thuoc la lau',
      'ban nuoc hoa gia nhan hieu chanel tai cho',
      'Trùng Khánh Đồng Tháp, hàng 假冒 giá rẻ 😀',
      'a b c',
      '!!!!!!!!!!',
      '',
    ];
    const list = sql`array[${sql.join(
      texts.map((x) => sql`${x}::text`),
      sql`, `,
    )}]`;
    const rows = await queryRows<{ same: boolean }>(
      t.deps.db,
      sql`select coalesce(icount(reports_trigrams(a) & reports_trigrams(b))::real
                 / nullif(icount(reports_trigrams(a)) + icount(reports_trigrams(b)) - icount(reports_trigrams(a) & reports_trigrams(b)), 0)::real, 0)
               = similarity(a, b)
               and reports_trigrams(a) = array(select unnest(reports_trigrams(a)) order by 1) as same
          from unnest(${list}) a, unnest(${list}) b`,
    );
    expect(rows).toHaveLength(texts.length ** 2);
    expect(rows.every((r) => r.same)).toBe(true);
    const [stored] = await queryRows<{ ok: boolean }>(
      t.deps.db,
      sql`select bool_and(search_trigrams = reports_trigrams(search_text)) as ok from reports`,
    );
    expect(stored?.ok).toBe(true);
  });

  it('is for operators and coordinators within their scope', async () => {
    expect(
      (await search(await staffSession(t.app, 'police.cao-bang'), { communeCode: '01447', category: 'counterfeit' }))
        .status,
    ).toBe(403);
    expect(
      (
        await search(await staffSession(t.app, 'coordinator.cao-bang'), {
          communeCode: '29869',
          category: 'counterfeit',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await search(await staffSession(t.app, 'coordinator.cao-bang'), {
          communeCode: '01447',
          category: 'counterfeit',
        })
      ).status,
    ).toBe(200);
    expect(
      (await request(t.app).post('/api/staff/duplicates').send({ communeCode: '01447', category: 'counterfeit' }))
        .status,
    ).toBe(401);
    const bad = await search(operator, { communeCode: 'x', category: 'weapons' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['category', 'communeCode']);
  });
});
