import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { openContact } from '../../server/reports/receipt';
import { findReportByCode, photoFileIsStored } from '../../server/reports/reports.repository';
import {
  animatedGif,
  decompressionBomb,
  gif,
  HTML,
  noisyJpeg,
  PDF,
  phoneJpeg,
  png,
  SVG,
  truncatedJpeg,
} from '../helpers/images';
import { staffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';
import { diskLayout } from '../../server/reports/photo-store';

const TRA_LINH = '01447';
const AGENT = 'TiplineTest/9.9 (UniqueAgent-7731)';
const CLIENT_ADDRESS = '203.0.113.77';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY_HOPS: '1' } });
});
afterAll(() => t.close());

const valid = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: TRA_LINH,
  address: 'Chợ Trà Lĩnh, gian hàng số 12',
  observedAt: '2026-11-22T08:30:00+07:00',
  description: 'Bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường, không có hóa đơn.',
};

function multipart(
  fields: Record<string, string>,
  files: { name: string; data: Buffer; type?: string; field?: string }[] = [],
) {
  let req = request(t.app).post('/api/public/reports').set('User-Agent', AGENT).set('X-Forwarded-For', CLIENT_ADDRESS);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  for (const f of files)
    req = req.attach(f.field ?? 'photos', f.data, { filename: f.name, contentType: f.type ?? 'image/jpeg' });
  return req;
}

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;
const files = () =>
  Object.fromEntries(
    Object.entries(diskLayout(t.deps.config.paths.uploadDir)).map(([k, dir]) => [k, readdirSync(dir).length]),
  );

async function expectNothingLeft(before: { reports: number; photos: number; files: Record<string, number> }) {
  expect(await count('reports')).toBe(before.reports);
  expect(await count('report_photos')).toBe(before.photos);
  expect(files()).toEqual(before.files);
}
const snapshot = async () => ({
  reports: await count('reports'),
  photos: await count('report_photos'),
  files: files(),
});

describe('POST /api/public/reports', () => {
  it('stores an anonymous report with its photos, routed, and answers the receipt', async () => {
    const res = await multipart(valid, [
      { name: 'IMG_2041.jpg', data: await phoneJpeg(4000, 3000) },
      { name: 'screenshot.jpg', data: await png(), type: 'image/jpeg' },
    ]);
    expect(res.status).toBe(201);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toEqual({
      trackingCode: expect.stringMatching(/^389-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/),
      secret: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/),
      status: 'received',
      receivedAt: FIXED_NOW.toISOString(),
      lead: { force: 'market', unitName: 'Đội Quản lý thị trường số 2' },
      photoUploadUntil: new Date(FIXED_NOW.getTime() + 24 * 3_600_000).toISOString(),
      photosAccepted: 3,
    });
    const report = await findReportByCode(t.deps.db, res.body.trackingCode);
    expect(report).toMatchObject({
      status: 'received',
      channel: 'web',
      hasContact: false,
      contactSealed: null,
      description: valid.description,
    });
    expect(report?.secretHash).toMatch(/^scrypt\$/);
    expect(report?.secretHash).not.toContain(res.body.secret.replace(/-/g, ''));
    const [decision] = await queryRows<{ rule_key: string; lead_unit_name: string }>(
      t.deps.db,
      sql`select rule_key, lead_unit_name from routing_decisions where id = ${report?.routingDecisionId}`,
    );
    expect(decision).toEqual({ rule_key: 'national/market/*', lead_unit_name: 'Đội Quản lý thị trường số 2' });
    const events = await queryRows<{ type: string }>(
      t.deps.db,
      sql`select type from report_events where report_id = ${report?.id}`,
    );
    expect(events).toEqual([{ type: 'received' }]);

    // Photos: re-encoded JPEG under random names, turned upright, with no EXIF or GPS left.
    const photos = await queryRows<{ file_name: string; thumb_name: string; width: number; height: number }>(
      t.deps.db,
      sql`select file_name, thumb_name, width, height from report_photos where report_id = ${report?.id} order by width desc`,
    );
    expect(photos).toHaveLength(2);
    expect(photos[0]).toMatchObject({ width: 1920, height: 2560 }); // orientation 6 applied, long side cut to 2,560
    for (const p of photos) {
      expect(p.file_name).not.toMatch(/IMG_2041|screenshot/);
      for (const name of [p.file_name, p.thumb_name]) {
        const stored = path.join(diskLayout(t.deps.config.paths.uploadDir).stored, name);
        const meta = await sharp(stored).metadata();
        expect(meta).toMatchObject({ format: 'jpeg' });
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(meta.iptc).toBeUndefined();
        expect(meta.orientation).toBeUndefined();
        expect(meta.icc).toBeUndefined();
        expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(name === p.thumb_name ? 400 : 2560);
        // The stored bytes themselves: re-encoding them here would strip metadata and prove nothing.
        const bytes = readFileSync(stored).toString('latin1');
        expect(bytes).not.toContain('TiplineTestCam');
      }
    }
    expect(files()).toMatchObject({ incoming: 0, pending: 0 });
  });

  it('keeps neither the client address nor the user agent anywhere: database or logs', async () => {
    const res = await multipart({ ...valid, description: `${valid.description} (anonymity check)` });
    expect(res.status).toBe(201);
    const tables = await queryRows<{ table_name: string }>(
      t.deps.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    let dump = '';
    for (const { table_name } of tables) {
      const rows = await queryRows<{ row: string }>(
        t.deps.db,
        sql.raw(`select row_to_json(t)::text as row from "${table_name}" t`),
      );
      dump += rows.map((r) => r.row).join('\n');
    }
    expect(dump).toContain('anonymity check');
    const logs = JSON.stringify(t.logs);
    for (const text of [dump, logs]) {
      expect(text).not.toContain(CLIENT_ADDRESS);
      expect(text).not.toContain('UniqueAgent-7731');
      expect(text).not.toContain('127.0.0.1');
    }
  });

  it('accepts JSON without photos, encrypts the contact and stores the phone number normalised', async () => {
    const res = await request(t.app)
      .post('/api/public/reports')
      .send({ ...valid, contactName: ' Trần Thị B ', contactPhone: '0981.389.389', contactEmail: 'b@example.vn' });
    expect(res.status).toBe(201);
    const report = await findReportByCode(t.deps.db, res.body.trackingCode);
    expect(report?.hasContact).toBe(true);
    expect(report?.contactSealed).not.toContain('0981389389');
    expect(openContact(report?.contactSealed ?? '', t.deps.secrets.contactEncryptionKey)).toEqual({
      name: 'Trần Thị B',
      phone: '0981389389',
      email: 'b@example.vn',
    });
    const track = await request(t.app)
      .post('/api/public/track')
      .send({ trackingCode: res.body.trackingCode, secret: res.body.secret });
    expect(JSON.stringify(track.body)).not.toMatch(/Trần Thị B|0981389389|b@example\.vn/);
  });

  it('normalises text: NFC, no control or bidi-override characters', async () => {
    const decomposed = 'Ha\u0300ng gia\u0309 ba\u0301n ta\u0323i chơ\u0323 \u202Eevil\u202C \u0007 và hóa đơn sai';
    const res = await request(t.app)
      .post('/api/public/reports')
      .send({ ...valid, description: decomposed, address: 'Chợ\u0000 Trà Lĩnh' });
    expect(res.status).toBe(201);
    const report = await findReportByCode(t.deps.db, res.body.trackingCode);
    expect(report?.description).toBe('Hàng giả bán tại chợ evil  và hóa đơn sai');
    expect(report?.address).toBe('Chợ Trà Lĩnh');
  });

  it('accepts a PNG named .jpg as the PNG it is, a GIF, a WebP and an AVIF', async () => {
    const res = await multipart(valid, [
      { name: 'photo.jpg', data: await png(), type: 'image/jpeg' },
      { name: 'anim.gif', data: await gif(), type: 'image/gif' },
      {
        name: 'x.webp',
        data: await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123' } })
          .webp()
          .toBuffer(),
        type: 'image/webp',
      },
      {
        name: 'x.avif',
        data: await sharp({ create: { width: 40, height: 30, channels: 3, background: '#321' } })
          .avif()
          .toBuffer(),
        type: 'image/avif',
      },
    ]);
    expect(res.status).toBe(201);
    const report = await findReportByCode(t.deps.db, res.body.trackingCode);
    expect(await queryRows(t.deps.db, sql`select 1 from report_photos where report_id = ${report?.id}`)).toHaveLength(
      4,
    );
  });

  it('stores an animated GIF as its first frame only', async () => {
    const res = await multipart(valid, [{ name: 'anim.gif', data: await animatedGif(), type: 'image/gif' }]);
    expect(res.status).toBe(201);
    const report = await findReportByCode(t.deps.db, res.body.trackingCode);
    const [photo] = await queryRows<{ id: string; width: number; height: number }>(
      t.deps.db,
      sql`select id, width, height from report_photos where report_id = ${report?.id}`,
    );
    expect(photo).toMatchObject({ width: 64, height: 48 });
    const { cookie } = await staffSession(t.app, 'coordinator');
    const served = await request(t.app).get(`/api/staff/photos/${photo?.id}`).set('Cookie', cookie);
    expect(served.status).toBe(200);
    const meta = await sharp(served.body).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(meta.pages ?? 1).toBe(1);
    const [red, green, blue] = (await sharp(served.body).stats()).channels.map((c) => c.mean);
    expect(green).toBeGreaterThan(200);
    expect(Math.max(red ?? 255, blue ?? 255)).toBeLessThan(50);
  });

  it('limits receipt look-ups per client when the limits are on', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_DISABLED: '0', RATE_LIMIT_TRACKING_MAX: '2' } });
    try {
      const look = () =>
        request(limited.app)
          .post('/api/public/track')
          .send({ trackingCode: '389-AAAA-BBBB', secret: 'AAAA-BBBB-CCCC-DDDD' });
      expect((await look()).status).toBe(404);
      expect((await look()).status).toBe(404);
      const third = await look();
      expect(third.status).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('limits submissions per client when the limits are on: 429 with Retry-After and a clear message', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_DISABLED: '0', RATE_LIMIT_REPORTS_MAX: '2' } });
    try {
      const send = () => request(limited.app).post('/api/public/reports?lang=en').send(valid);
      expect((await send()).status).toBe(201);
      expect((await send()).status).toBe(201);
      const third = await send();
      expect(third.status).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect(third.body.error.message).toMatch(/too many/i);
    } finally {
      await limited.close();
    }
  });

  const refusals: [string, () => Promise<request.Response>, number, string, RegExp][] = [
    [
      'a decompression bomb',
      () => multipart(valid, [{ name: 'bomb.png', data: decompressionBomb(), type: 'image/png' }]),
      400,
      'photos.0',
      /40 megapixel/,
    ],
    [
      'an HTML file named .jpg',
      () => multipart(valid, [{ name: 'x.jpg', data: HTML }]),
      400,
      'photos.0',
      /không phải ảnh/,
    ],
    [
      'an SVG',
      async () =>
        multipart(valid, [
          { name: 'ok.jpg', data: await phoneJpeg(200, 100) },
          { name: 'x.svg', data: SVG, type: 'image/svg+xml' },
        ]),
      400,
      'photos.1',
      /không phải ảnh/,
    ],
    [
      'a PDF',
      () => multipart(valid, [{ name: 'x.pdf', data: PDF, type: 'application/pdf' }]),
      400,
      'photos.0',
      /không phải ảnh/,
    ],
    [
      'a truncated JPEG',
      async () => multipart(valid, [{ name: 'x.jpg', data: await truncatedJpeg() }]),
      400,
      'photos.0',
      /hỏng/,
    ],
    [
      'a zero-byte file',
      () => multipart(valid, [{ name: 'x.jpg', data: Buffer.alloc(0) }]),
      400,
      'photos.0',
      /không phải ảnh/,
    ],
    [
      'six photos',
      async () => {
        const data = await phoneJpeg(100, 100);
        return multipart(
          valid,
          Array.from({ length: 6 }, (_, i) => ({ name: `${i}.jpg`, data })),
        );
      },
      400,
      'photos',
      /tối đa 5 ảnh/,
    ],
    [
      'an 11 MB photo',
      () => multipart(valid, [{ name: 'big.jpg', data: Buffer.alloc(11 * 1024 * 1024, 1) }]),
      413,
      'photos.0',
      /10 MB/,
    ],
    [
      'a commune of another province',
      () => multipart({ ...valid, provinceCode: '82' }),
      400,
      'communeCode',
      /không thuộc tỉnh/,
    ],
    [
      'a future date',
      () => multipart({ ...valid, observedAt: '2026-11-24T08:00:00+07:00' }),
      400,
      'observedAt',
      /tương lai/,
    ],
    [
      'an unknown category',
      () => multipart({ ...valid, category: 'weapons' }),
      400,
      'category',
      /^Lĩnh vực vi phạm: hãy chọn một mục trong danh sách$/,
    ],
    [
      'an online report without URL or seller handle',
      () => multipart({ ...valid, placeType: 'online' }),
      400,
      'url',
      /^Đường dẫn \(URL\): với vi phạm trên mạng, hãy nhập đường dẫn \(URL\) hoặc tài khoản, số Zalo\/điện thoại hay tên cửa hàng/,
    ],
    [
      'a market report without commune',
      () => multipart({ ...valid, communeCode: '' }),
      400,
      'communeCode',
      /^Xã\/phường: bắt buộc phải nhập$/,
    ],
    [
      'a market report without address',
      () => multipart({ ...valid, address: '  ' }),
      400,
      'address',
      /^Địa chỉ hoặc mốc nhận biết: bắt buộc phải nhập$/,
    ],
    [
      'an online report in a province that does not exist',
      () =>
        multipart({
          ...valid,
          placeType: 'online',
          communeCode: '',
          provinceCode: '99',
          sellerHandle: 'Zalo 0912345678',
        }),
      400,
      'provinceCode',
      /^Tỉnh\/thành phố: hãy chọn một mục trong danh sách$/,
    ],
    [
      'a seller handle of 201 characters',
      () => multipart({ ...valid, placeType: 'online', sellerHandle: 'x'.repeat(201) }),
      400,
      'sellerHandle',
      /tối đa 200 ký tự/,
    ],
    [
      'a javascript: URL',
      () => multipart({ ...valid, placeType: 'online', url: 'javascript:alert(1)' }),
      400,
      'url',
      /Đường dẫn/,
    ],
    [
      'a description of 5,001 characters',
      () => multipart({ ...valid, description: 'x'.repeat(5001) }),
      400,
      'description',
      /tối đa 5000/,
    ],
    [
      'a description of control characters only',
      () => multipart({ ...valid, description: '\u0001\u0002\u0003'.repeat(10) }),
      400,
      'description',
      /ít nhất 20/,
    ],
    [
      'duplicate field names',
      () => multipart(valid).field('category', 'smuggling'),
      400,
      'category',
      /Lĩnh vực vi phạm/,
    ],
    [
      'a file in another field',
      async () => multipart(valid, [{ name: 'x.jpg', data: await phoneJpeg(100, 100), field: 'evidence' }]),
      400,
      'evidence',
      /chỉ được gửi tệp/,
    ],
    [
      'a bad phone number',
      () => multipart({ ...valid, contactPhone: '12345' }),
      400,
      'contactPhone',
      /không phải số điện thoại/,
    ],
  ];

  it.each(refusals)(
    'refuses %s with a named field and leaves no row and no file',
    async (_what, send, status, field, message) => {
      const before = await snapshot();
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.error.fields).toEqual(
        expect.arrayContaining([{ field, message: expect.stringMatching(message) }]),
      );
      await expectNothingLeft(before);
    },
  );

  it('refuses malformed JSON and an unknown media type', async () => {
    const bad = await request(t.app)
      .post('/api/public/reports')
      .set('Content-Type', 'application/json')
      .send('{"category": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const xml = await request(t.app).post('/api/public/reports').set('Content-Type', 'text/xml').send('<report/>');
    expect(xml.status).toBe(415);
  });

  it('answers in English on request', async () => {
    const res = await request(t.app)
      .post('/api/public/reports?lang=en')
      .send({ ...valid, description: 'too short' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { field: 'description', message: expect.stringMatching(/^Description: .*20/) },
    ]);
  });
});

describe('online reports (SPEC.md §3, issue #14)', () => {
  const online = {
    category: 'counterfeit',
    placeType: 'online',
    provinceCode: '04',
    observedAt: '2026-11-22T08:30:00+07:00',
    description: 'Tài khoản Zalo bán mỹ phẩm giả nhãn hiệu nổi tiếng, giao hàng khắp tỉnh.',
  };

  it('takes a seller known only by a Zalo number, with the province only, routes it to the province and shows it everywhere', async () => {
    const res = await request(t.app)
      .post('/api/public/reports')
      .send({ ...online, sellerHandle: 'Zalo 0912 345 678 "Mỹ phẩm Hàn chính hãng"' });
    expect(res.status).toBe(201);
    expect(res.body.lead).toEqual({ force: 'market', unitName: 'Chi cục Quản lý thị trường tỉnh Cao Bằng' });
    const report = await findReportByCode(t.deps.db, res.body.trackingCode);
    expect(report).toMatchObject({
      provinceCode: '04',
      communeCode: null,
      address: null,
      url: null,
      sellerHandle: 'Zalo 0912 345 678 "Mỹ phẩm Hàn chính hãng"',
    });
    const [decision] = await queryRows<{ commune_code: string | null; explanation_vi: string }>(
      t.deps.db,
      sql`select commune_code, explanation_vi from routing_decisions where id = ${report?.routingDecisionId}`,
    );
    expect(decision?.commune_code).toBeNull();
    expect(decision?.explanation_vi).toContain('phụ trách toàn tỉnh Cao Bằng');

    // The lead unit's queue and case page, the coordinator's figures and the list behind them.
    const officer = await staffSession(t.app, 'market.cao-bang');
    const queue = await request(t.app).get('/api/staff/cases').set('Cookie', officer.cookie);
    expect(queue.status).toBe(200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ trackingCode: res.body.trackingCode, communeName: null }),
    );
    const page = await request(t.app).get(`/api/staff/cases/${res.body.trackingCode}`).set('Cookie', officer.cookie);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      commune: null,
      address: null,
      province: { code: '04' },
      sellerHandle: 'Zalo 0912 345 678 "Mỹ phẩm Hàn chính hãng"',
    });
    const coordinator = await staffSession(t.app, 'coordinator');
    const figures = await request(t.app)
      .get('/api/staff/stats?from=2026-11-01&to=2026-11-23')
      .set('Cookie', coordinator.cookie);
    expect(figures.status).toBe(200);
    const behind = await request(t.app)
      .get('/api/staff/stats/reports?from=2026-11-01&to=2026-11-23&limit=100')
      .set('Cookie', coordinator.cookie);
    expect(behind.status).toBe(200);
    expect(behind.body.items).toContainEqual(
      expect.objectContaining({
        trackingCode: res.body.trackingCode,
        communeName: null,
        provinceName: 'Tỉnh Cao Bằng',
      }),
    );
    const exported = await request(t.app)
      .get('/api/staff/stats/export?period=2026-H2&format=csv&table=reports')
      .set('Cookie', coordinator.cookie);
    expect([exported.status, exported.text]).toEqual([200, expect.stringContaining(res.body.trackingCode)]);
  });

  it('takes a shop URL instead of a handle, and a commune when the reporter knows it', async () => {
    const withUrl = await request(t.app)
      .post('/api/public/reports')
      .send({ ...online, url: 'https://shopee.vn/my-pham-gia' });
    expect(withUrl.status).toBe(201);
    const withCommune = await request(t.app)
      .post('/api/public/reports')
      .send({ ...online, url: 'https://shopee.vn/my-pham-gia', communeCode: TRA_LINH });
    expect(withCommune.status).toBe(201);
    expect((await findReportByCode(t.deps.db, withCommune.body.trackingCode))?.communeCode).toBe(TRA_LINH);
  });

  it('refuses a commune outside the province even when online, and keeps the database from a commune-less market report', async () => {
    const outside = await request(t.app)
      .post('/api/public/reports')
      .send({ ...online, sellerHandle: 'shop', communeCode: TRA_LINH, provinceCode: '82' });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toEqual([
      { field: 'communeCode', message: expect.stringMatching(/^Xã\/phường: /) },
    ]);
    await expect(
      t.deps.db.execute(sql`update reports set commune_code = null where place_type = 'market'`),
    ).rejects.toThrow();
  });

  it('names fields in words a citizen understands, in English too', async () => {
    const res = await request(t.app)
      .post('/api/public/reports?lang=en')
      .send({ ...online, placeType: 'market', category: 'weapons' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([
        { field: 'category', message: 'Category: please choose an item from the list' },
        { field: 'communeCode', message: 'Commune/ward: required' },
      ]),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/allowed values|Commune code|Province code/);
  });
});

describe('tracking', () => {
  async function submit() {
    const res = await request(t.app).post('/api/public/reports').send(valid);
    expect(res.status).toBe(201);
    return { trackingCode: res.body.trackingCode as string, secret: res.body.secret as string };
  }

  it('shows the citizen view for the code and secret, forgiving case, spaces and look-alike letters', async () => {
    const receipt = await submit();
    const res = await request(t.app)
      .post('/api/public/track')
      .send({
        trackingCode: receipt.trackingCode.toLowerCase().replace(/-/g, ' '),
        secret: receipt.secret.toLowerCase().replace(/0/g, 'o'),
      });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      trackingCode: receipt.trackingCode,
      status: 'received',
      statusLabel: 'Đã tiếp nhận',
      receivedAt: FIXED_NOW.toISOString(),
      // Issue #17: the tracking page lists the duty hotlines of the report's province.
      provinceCode: '04',
      lead: { force: 'market', unitName: 'Đội Quản lý thị trường số 2' },
      timeline: [{ at: FIXED_NOW.toISOString(), type: 'received', status: 'received' }],
      openQuestion: null,
      outcome: null,
      messages: [],
      mergedInto: null,
    });
  });

  it('answers the same 404 for an unknown code and a wrong secret', async () => {
    const receipt = await submit();
    const wrong = await request(t.app)
      .post('/api/public/track')
      .send({ trackingCode: receipt.trackingCode, secret: 'AAAA-BBBB-CCCC-DDDD' });
    const unknown = await request(t.app)
      .post('/api/public/track')
      .send({ trackingCode: '389-ZZZZ-ZZZZ', secret: receipt.secret });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect({ ...wrong.body.error, requestId: 0 }).toEqual({ ...unknown.body.error, requestId: 0 });
  });

  it('slows down repeated wrong secrets for one code with 429 and Retry-After', async () => {
    const receipt = await submit();
    for (let i = 0; i < 5; i += 1) {
      expect(
        (
          await request(t.app)
            .post('/api/public/track')
            .send({ trackingCode: receipt.trackingCode, secret: 'AAAA-BBBB-CCCC-DDDD' })
        ).status,
      ).toBe(404);
    }
    const limited = await request(t.app).post('/api/public/track').send(receipt);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('report.too_many_attempts');
  });

  it('lets the reporter answer an open question with a photo; the report goes back to where it was', async () => {
    const receipt = await submit();
    // Under verification when the question is asked: that is where the answer must take it back.
    const officer = await staffSession(t.app, 'market.cao-bang');
    const act = (action: string, body: object) =>
      request(t.app)
        .post(`/api/staff/cases/${receipt.trackingCode}/${action}`)
        .set('Cookie', officer.cookie)
        .set('X-CSRF-Token', officer.csrf)
        .send(body);
    expect((await act('accept', { version: 1 })).status).toBe(200);
    expect((await act('verify', { version: 2 })).status).toBe(200);
    expect((await act('ask', { version: 3, question: 'Gian hàng nằm ở dãy nào trong chợ?' })).status).toBe(200);
    const asked = await request(t.app).post('/api/public/track').send(receipt);
    expect(asked.body).toMatchObject({
      status: 'needs_info',
      statusLabel: 'Cần bổ sung thông tin',
      openQuestion: { text: 'Gian hàng nằm ở dãy nào trong chợ?' },
    });

    const answer = await request(t.app)
      .post('/api/public/track/messages')
      .field('trackingCode', receipt.trackingCode)
      .field('secret', receipt.secret)
      .field('message', 'Dãy C, gần cổng phía bắc.')
      .attach('photos', await phoneJpeg(640, 480), { filename: 'stall.jpg', contentType: 'image/jpeg' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'in_progress', openQuestion: null });
    expect(answer.body.messages).toEqual([
      { at: FIXED_NOW.toISOString(), from: 'unit', text: 'Gian hàng nằm ở dãy nào trong chợ?', photos: 0 },
      { at: FIXED_NOW.toISOString(), from: 'reporter', text: 'Dãy C, gần cổng phía bắc.', photos: 1 },
    ]);
    expect((await findReportByCode(t.deps.db, receipt.trackingCode))?.status).toBe('verifying');
  });

  it('refuses a message with a wrong secret and keeps none of its photos', async () => {
    const receipt = await submit();
    const before = await snapshot();
    const res = await request(t.app)
      .post('/api/public/track/messages')
      .field('trackingCode', receipt.trackingCode)
      .field('secret', 'AAAA-BBBB-CCCC-DDDD')
      .field('message', 'hello')
      .attach('photos', await phoneJpeg(64, 64), { filename: 'x.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(404);
    await expectNothingLeft(before);
  });
});

describe('photos are for staff only', () => {
  it('serves no photo to a request without a staff session, and none from a static path', async () => {
    const [photo] = await queryRows<{ id: string; file_name: string }>(
      t.deps.db,
      sql`select id, file_name from report_photos limit 1`,
    );
    if (!photo) throw new Error('no photo stored by the tests above');
    const res = await request(t.app).get(`/api/staff/photos/${photo.id}`);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/json/);
    const statik = await request(t.app).get(`/uploads/photos/${photo.file_name}`);
    expect(statik.headers['content-type'] ?? '').not.toMatch(/image/);
  });
});

describe('under load and after a crash', () => {
  it('refuses a submission with 503 and Retry-After when the photo queue is full, keeping nothing of it', async () => {
    const busy = await createTestApp({ env: { PHOTO_CONCURRENCY: '1', PHOTO_QUEUE_MAX: '1' } });
    try {
      const photo = await noisyJpeg(4000, 3000);
      const send = () => {
        let req = request(busy.app).post('/api/public/reports');
        for (const [k, v] of Object.entries(valid)) req = req.field(k, v);
        for (let i = 0; i < 3; i += 1)
          req = req.attach('photos', photo, { filename: `${i}.jpg`, contentType: 'image/jpeg' });
        return req;
      };
      // The second is sent once the first holds the photo queue (a fixed delay raced a busy CI machine).
      const queue = busy.deps.photos.queue;
      const run = queue.run.bind(queue);
      let queued = () => undefined as void;
      const firstQueued = new Promise<void>((resolve) => (queued = resolve));
      queue.run = ((task: () => Promise<unknown>) => {
        queued();
        return run(task);
      }) as typeof queue.run;
      const firstDone = send().then((res) => res);
      await firstQueued;
      const second = await send();
      const first = await firstDone;
      expect(first.status).toBe(201);
      expect(second.status).toBe(503);
      expect(second.headers['retry-after']).toBe('5');
      expect(second.body.error.code).toBe('busy');
      expect(readdirSync(diskLayout(busy.deps.config.paths.uploadDir).stored)).toHaveLength(6);
      expect(readdirSync(diskLayout(busy.deps.config.paths.uploadDir).incoming)).toHaveLength(0);
    } finally {
      await busy.close();
    }
  });

  it('at start-up keeps pending photos whose report committed and removes the others', async () => {
    const [stored] = await queryRows<{ file_name: string }>(
      t.deps.db,
      sql`select file_name from report_photos limit 1`,
    );
    if (!stored) throw new Error('no photo stored by the tests above');
    const { pending, stored: storedDir } = diskLayout(t.deps.config.paths.uploadDir);
    // As if the process died between the commit and the move, and during another upload.
    renameSync(path.join(storedDir, stored.file_name), path.join(pending, stored.file_name));
    writeFileSync(path.join(pending, 'orphan-of-a-rolled-back-report.jpg'), 'x');
    expect(await t.deps.photos.store.settle((name) => photoFileIsStored(t.deps.db, name), 0)).toEqual({
      kept: 1,
      removed: 1,
    });
    expect(readdirSync(pending)).toEqual([]);
    expect(readdirSync(storedDir)).toContain(stored.file_name);
  });
});
