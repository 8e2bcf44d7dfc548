import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { HTML, phoneJpeg } from '../helpers/images';
import { staffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';
import { diskLayout } from '../../server/reports/photo-store';

const HOUR = 3_600_000;
let now = FIXED_NOW;
let t: TestApp;
let photo: Buffer;
beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  photo = await phoneJpeg(1600, 1200);
});
afterAll(() => t.close());
afterEach(() => {
  now = FIXED_NOW;
});

const report = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh, gian hàng số 12',
  observedAt: '2026-11-22T08:30:00+07:00',
  description: 'Bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường, không có hóa đơn.',
};

async function submit(): Promise<{
  trackingCode: string;
  secret: string;
  photosAccepted: number;
  photoUploadUntil: string;
}> {
  const res = await request(t.app).post('/api/public/reports').send(report);
  expect(res.status).toBe(201);
  return res.body;
}

const sendPhoto = (code: string, secret: string, options: { key?: string; data?: Buffer; lang?: string } = {}) => {
  let req = request(t.app).post(`/api/public/reports/${code}/photos${options.lang ? `?lang=${options.lang}` : ''}`);
  if (options.key) req = req.set('Idempotency-Key', options.key);
  return req
    .field('secret', secret)
    .attach('photo', options.data ?? photo, { filename: 'IMG_2041.jpg', contentType: 'image/jpeg' });
};
const photosOf = async (code: string) =>
  (
    await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from report_photos p join reports r on r.id = p.report_id where r.tracking_code = ${code}`,
    )
  )[0]?.n ?? 0;
const storedFiles = () => readdirSync(diskLayout(t.deps.config.paths.uploadDir).stored).length;
const leftovers = () =>
  readdirSync(diskLayout(t.deps.config.paths.uploadDir).incoming).length +
  readdirSync(diskLayout(t.deps.config.paths.uploadDir).pending).length;

describe('POST /api/public/reports/:trackingCode/photos (issue #14)', () => {
  it('takes photos one by one after the receipt and answers how many are stored and still accepted', async () => {
    const receipt = await submit();
    expect(receipt.photosAccepted).toBe(5);
    expect(receipt.photoUploadUntil).toBe(new Date(FIXED_NOW.getTime() + 24 * HOUR).toISOString());
    const first = await sendPhoto(receipt.trackingCode, receipt.secret, { key: randomUUID() });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ photosStored: 1, photosAccepted: 4 });
    const second = await sendPhoto(receipt.trackingCode, receipt.secret);
    expect(second.body).toEqual({ photosStored: 2, photosAccepted: 3 });
    expect(await photosOf(receipt.trackingCode)).toBe(2);
    expect(leftovers()).toBe(0);

    // Re-encoded like any photo: no EXIF left, turned upright (the phone photo was 1600×1200 with orientation 6).
    const [stored] = await queryRows<{ width: number; height: number }>(
      t.deps.db,
      sql`select p.width, p.height from report_photos p join reports r on r.id = p.report_id where r.tracking_code = ${receipt.trackingCode} limit 1`,
    );
    expect(stored).toEqual({ width: 1200, height: 1600 });

    // The lead unit's case page lists them.
    const officer = await staffSession(t.app, 'market.cao-bang');
    const page = await request(t.app).get(`/api/staff/cases/${receipt.trackingCode}`).set('Cookie', officer.cookie);
    expect(page.body.photos).toHaveLength(2);
    const image = await request(t.app)
      .get(`/api/staff/photos/${page.body.photos[0].id}`)
      .set('Cookie', officer.cookie)
      .buffer(true);
    expect(image.status).toBe(200);
    expect((await sharp(image.body as Buffer).metadata()).exif).toBeUndefined();
  });

  it('stores one photo for the same Idempotency-Key sent twice, and answers the first answer again', async () => {
    const receipt = await submit();
    const key = randomUUID();
    const first = await sendPhoto(receipt.trackingCode, receipt.secret, { key });
    const again = await sendPhoto(receipt.trackingCode, receipt.secret, { key });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(await photosOf(receipt.trackingCode)).toBe(1);
    const other = await sendPhoto(receipt.trackingCode, receipt.secret, { key, data: await phoneJpeg(800, 600) });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency.key_reused');
  });

  it('answers the same 404 for a wrong secret and an unknown code, and stores nothing', async () => {
    const receipt = await submit();
    const files = storedFiles();
    const wrong = await sendPhoto(receipt.trackingCode, 'AAAA-BBBB-CCCC-DDDD');
    const unknown = await sendPhoto('389-ZZZZ-ZZZZ', receipt.secret);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body.error.code).toBe('report.not_found');
    expect({ ...wrong.body.error, requestId: 0 }).toEqual({ ...unknown.body.error, requestId: 0 });
    expect(await photosOf(receipt.trackingCode)).toBe(0);
    expect([storedFiles(), leftovers()]).toEqual([files, 0]);
  });

  it('counts wrong secrets with the tracking guard: after five, 429 for that code', async () => {
    const receipt = await submit();
    for (let i = 0; i < 5; i += 1)
      expect((await sendPhoto(receipt.trackingCode, 'AAAA-BBBB-CCCC-DDDD')).status).toBe(404);
    const limited = await sendPhoto(receipt.trackingCode, receipt.secret);
    expect(limited.status).toBe(429);
  });

  it('answers 404 once 24 hours have passed since the receipt', async () => {
    const receipt = await submit();
    now = new Date(FIXED_NOW.getTime() + 24 * HOUR - 1000);
    expect((await sendPhoto(receipt.trackingCode, receipt.secret)).status).toBe(201);
    now = new Date(FIXED_NOW.getTime() + 24 * HOUR + 1000);
    const late = await sendPhoto(receipt.trackingCode, receipt.secret);
    expect(late.status).toBe(404);
    expect(late.body.error.code).toBe('report.not_found');
    expect(await photosOf(receipt.trackingCode)).toBe(1);
  });

  it('refuses a sixth photo with 409, counting the photos sent with the report', async () => {
    const small = await phoneJpeg(200, 150);
    const res = await request(t.app)
      .post('/api/public/reports')
      .field(report)
      .attach('photos', small, { filename: 'a.jpg', contentType: 'image/jpeg' })
      .attach('photos', small, { filename: 'b.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    expect(res.body.photosAccepted).toBe(3);
    for (const stored of [3, 4, 5]) {
      expect((await sendPhoto(res.body.trackingCode, res.body.secret, { data: small })).body).toEqual({
        photosStored: stored,
        photosAccepted: 5 - stored,
      });
    }
    const sixth = await sendPhoto(res.body.trackingCode, res.body.secret, { data: small });
    expect(sixth.status).toBe(409);
    expect(sixth.body.error).toMatchObject({
      code: 'photos.limit_reached',
      message: 'Tin báo này đã có đủ 5 ảnh, không nhận thêm ảnh.',
    });
    expect(await photosOf(res.body.trackingCode)).toBe(5);
    expect(leftovers()).toBe(0);
  });

  it('refuses a file that is not an image on the field photo, a missing photo and a second file', async () => {
    const receipt = await submit();
    const html = await sendPhoto(receipt.trackingCode, receipt.secret, { data: HTML });
    expect(html.status).toBe(400);
    expect(html.body.error.fields).toEqual([
      { field: 'photo', message: expect.stringMatching(/^Ảnh: tệp này không phải ảnh/) },
    ]);
    const none = await request(t.app)
      .post(`/api/public/reports/${receipt.trackingCode}/photos`)
      .field('secret', receipt.secret);
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toEqual([{ field: 'photo', message: 'Ảnh: bắt buộc phải nhập' }]);
    const two = await sendPhoto(receipt.trackingCode, receipt.secret).attach('photo', photo, {
      filename: 'b.jpg',
      contentType: 'image/jpeg',
    });
    expect(two.status).toBe(400);
    expect(two.body.error.fields[0].field).toBe('photo');
    const json = await request(t.app)
      .post(`/api/public/reports/${receipt.trackingCode}/photos`)
      .send({ secret: receipt.secret });
    expect(json.status).toBe(415);
    expect(await photosOf(receipt.trackingCode)).toBe(0);
    expect(leftovers()).toBe(0);
  });

  it('keeps the tracking code, the secret and the key out of the logs', async () => {
    const receipt = await submit();
    const key = randomUUID();
    expect((await sendPhoto(receipt.trackingCode, receipt.secret, { key })).status).toBe(201);
    expect((await sendPhoto(receipt.trackingCode, 'AAAA-BBBB-CCCC-DDDD')).status).toBe(404);
    const lines = JSON.stringify(t.logs);
    expect(lines).toContain('/api/public/reports/:trackingCode/photos');
    for (const secret of [receipt.trackingCode, receipt.secret, key, 'AAAA-BBBB-CCCC-DDDD'])
      expect(lines).not.toContain(secret);
  });

  it('refuses a photo over 10 MB with 413 on the field photo', async () => {
    const receipt = await submit();
    const big = await sendPhoto(receipt.trackingCode, receipt.secret, {
      data: Buffer.alloc(11 * 1024 * 1024, 1),
      lang: 'en',
    });
    expect(big.status).toBe(413);
    expect(big.body.error.fields).toEqual([{ field: 'photo', message: expect.stringMatching(/^Photo: /) }]);
    expect(leftovers()).toBe(0);
  });
});
