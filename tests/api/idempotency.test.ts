import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { startKeySweep } from '../../server/reports/idempotency';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

const HOUR = 3_600_000;
let now = FIXED_NOW;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
});
afterAll(() => t.close());
afterEach(() => {
  now = FIXED_NOW;
});

const report = {
  category: 'counterfeit',
  placeType: 'online',
  provinceCode: '04',
  sellerHandle: 'Zalo 0912 345 678',
  observedAt: '2026-11-22T08:30:00+07:00',
  description: 'Tài khoản Zalo bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường.',
};

const send = (key: string | undefined, body: object = report, lang?: string) => {
  let req = request(t.app).post(`/api/public/reports${lang ? `?lang=${lang}` : ''}`);
  if (key !== undefined) req = req.set('Idempotency-Key', key);
  return req.send(body);
};
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;

describe('Idempotency-Key on POST /api/public/reports (issue #14)', () => {
  it('answers a resend with the same key the same receipt, secret included, and stores one report', async () => {
    const key = randomUUID();
    const before = await count('reports');
    const first = await send(key);
    expect(first.status).toBe(201);
    now = new Date(FIXED_NOW.getTime() + 23 * HOUR);
    const again = await send(key, { ...report });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.body.secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(await count('reports')).toBe(before + 1);
    // The receipt answered twice opens the one report.
    const track = await request(t.app)
      .post('/api/public/track')
      .send({ trackingCode: again.body.trackingCode, secret: again.body.secret });
    expect(track.status).toBe(200);
  });

  it('takes the same fields in another order as the same request', async () => {
    const key = randomUUID();
    const first = await send(key);
    const reordered = Object.fromEntries(Object.entries(report).reverse());
    expect((await send(key, reordered)).body).toEqual(first.body);
  });

  it('refuses the same key with a different body: 422 naming the header, nothing stored', async () => {
    const key = randomUUID();
    expect((await send(key)).status).toBe(201);
    const before = await count('reports');
    const other = await send(key, { ...report, description: `${report.description} Thêm một chi tiết.` });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      code: 'idempotency.key_reused',
      message: expect.stringContaining('Idempotency-Key'),
    });
    const en = await send(key, { ...report, sellerHandle: 'another shop' }, 'en');
    expect(en.body.error.message).toMatch(/^This Idempotency-Key was already used for a different request/);
    expect(await count('reports')).toBe(before);
  });

  it('answers 409 with Retry-After while the first request with the key is still running', async () => {
    const key = randomUUID();
    const body = { ...report, description: `${report.description} (chạy song song)` };
    // Two at once: one of them holds the key while it routes and stores; the other is told to wait.
    const [a, b] = await Promise.all([send(key, body), send(key, body)]);
    const statuses = [a.status, b.status].sort();
    if (statuses[0] === 201 && statuses[1] === 201) {
      // The second arrived after the first had finished: then it must be the same answer.
      expect(a.body).toEqual(b.body);
    } else {
      expect(statuses).toEqual([201, 409]);
      const waiting = a.status === 409 ? a : b;
      expect(waiting.headers['retry-after']).toBe('2');
      expect(waiting.body.error).toMatchObject({
        code: 'idempotency.in_progress',
        message: expect.stringContaining('Idempotency-Key'),
      });
    }
    expect(
      (
        await queryRows<{ n: number }>(
          t.deps.db,
          sql`select count(*)::int as n from reports where description = ${body.description}`,
        )
      )[0]?.n,
    ).toBe(1);
  });

  it('answers 409 for a key whose first request is running (a claim without an answer), and takes over one left by a crash', async () => {
    const key = randomUUID();
    const first = await send(key);
    // Make the stored key look as if its request were still running, as a crashed or slow process leaves it.
    await t.deps.db.execute(
      sql`update idempotency_keys set status = null, response_sealed = null where created_at = ${FIXED_NOW.toISOString()}::timestamptz and status = 201`,
    );
    const running = await send(key);
    expect(running.status).toBe(409);
    expect(running.headers['retry-after']).toBe('2');
    now = new Date(FIXED_NOW.getTime() + 3 * 60_000);
    const takenOver = await send(key);
    expect(takenOver.status).toBe(201);
    expect(takenOver.body.trackingCode).not.toBe(first.body.trackingCode);
  });

  it('does not keep a refused request: the same key works once the mistake is corrected', async () => {
    const key = randomUUID();
    const bad = await send(key, { ...report, description: 'quá ngắn' });
    expect(bad.status).toBe(400);
    expect((await send(key)).status).toBe(201);
  });

  it('forgets a key after 24 hours: it then counts as new', async () => {
    const key = randomUUID();
    const first = await send(key);
    now = new Date(FIXED_NOW.getTime() + 24 * HOUR + 1000);
    const later = await send(key);
    expect(later.status).toBe(201);
    expect(later.body.trackingCode).not.toBe(first.body.trackingCode);
  });

  it('stores only a hash of the key and an answer sealed with it: no receipt, report id or sender in the table', async () => {
    const key = randomUUID();
    const res = await send(key);
    const rows = await queryRows<Record<string, unknown>>(t.deps.db, sql`select * from idempotency_keys`);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(key);
    expect(text).not.toContain(res.body.trackingCode);
    expect(text).not.toContain(res.body.secret);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual([
      'created_at',
      'expires_at',
      'key_hash',
      'request_hash',
      'response_sealed',
      'status',
    ]);
    const [own] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select id from reports where tracking_code = ${res.body.trackingCode}`,
    );
    expect(text).not.toContain(own?.id);
  });

  it('sweeps expired keys from the table', async () => {
    await send(randomUUID());
    now = new Date(FIXED_NOW.getTime() + 25 * HOUR);
    await send(randomUUID());
    const [row] = await queryRows<{ old: number }>(
      t.deps.db,
      sql`select count(*)::int as old from idempotency_keys where expires_at <= ${now.toISOString()}::timestamptz`,
    );
    expect(row?.old).toBe(0);
  });

  it("is forgotten by the server's periodic sweep too, when no request comes along", async () => {
    await send(randomUUID());
    // Later than every key the tests before made (the latest at 25 h), 24 hours on.
    now = new Date(FIXED_NOW.getTime() + 50 * HOUR);
    const stop = startKeySweep(t.deps, 20);
    try {
      for (let i = 0; i < 100 && (await count('idempotency_keys')) > 0; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      stop();
    }
    expect(await count('idempotency_keys')).toBe(0);
  });

  it('refuses a key that is not a UUID, naming the header', async () => {
    const res = await send('not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { field: 'Idempotency-Key', message: 'Tiêu đề Idempotency-Key: sai định dạng' },
    ]);
  });

  it('without a key, two sends are two reports (old clients)', async () => {
    const before = await count('reports');
    await send(undefined);
    await send(undefined);
    expect(await count('reports')).toBe(before + 2);
  });
});
