import { Redis } from 'ioredis';
import request from 'supertest';
import { counterKey } from '../../server/http/counters';
import { redisReady } from '../../server/http/redis';
import { TEST_DEMO_PASSWORD } from '../helpers/test-db';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { startThrottleProxy } from '../helpers/throttle-proxy';

/**
 * Issue #19, shared counters: two apps (two processes' worth: each its own deps, limiters and guards,
 * here each with its own database) count in one Redis, database 11 (helper R's; flushed first).
 */
const REDIS_URL = 'redis://127.0.0.1:6379/11';
// Nothing listens there: a Redis that went away.
const DEAD_REDIS_URL = 'redis://127.0.0.1:1/11';

const SHARED = { RATE_LIMIT_DISABLED: '0', TRUST_PROXY_HOPS: '1', REDIS_URL };

const valid = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh, gian hàng số 12',
  observedAt: '2026-11-22T08:30:00+07:00',
  description: 'Bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường, không có hóa đơn.',
};

let redis: Redis;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  await redis.flushdb();
  [a, b] = await Promise.all([createTestApp({ env: SHARED }), createTestApp({ env: SHARED })]);
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await redis.quit();
});

/** One request of `client` (the address the proxy in front saw), to app A or B in turn. */
const track = (app: TestApp, client: string, body: object) =>
  request(app.app).post('/api/public/track').set('X-Forwarded-For', client).send(body);

const signIn = (app: TestApp, client: string, username: string, password: string) =>
  request(app.app).post('/api/staff/session').set('X-Forwarded-For', client).send({ username, password });

describe('shared counters in Redis (issue #19)', () => {
  it('refuses the 21st tracking request of one client in a window, whichever app answers', async () => {
    const client = '203.0.113.21';
    for (let i = 0; i < 20; i += 1) {
      // Each a different unknown code: the wrong-secret guard of one code stays out of it.
      const res = await track(i % 2 ? b : a, client, {
        trackingCode: `389-ZZZZ-ZZ${String(i).padStart(2, '0')}`,
        secret: 'AAAA-BBBB-CCCC-DDDD',
      });
      expect(res.status).toBe(404);
      // The IETF draft-8 headers, as express-rate-limit sent them, counted across both apps.
      expect(res.headers['ratelimit-policy']).toBe('"tracking"; q=20; w=60');
      expect(res.headers.ratelimit).toMatch(new RegExp(`^"tracking"; r=${19 - i}; t=\\d+$`));
    }
    for (const app of [a, b]) {
      const refused = await track(app, client, { trackingCode: '389-ZZZZ-ZY00', secret: 'AAAA-BBBB-CCCC-DDDD' });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Another client still has its own 20.
    expect(
      (await track(b, '203.0.113.22', { trackingCode: '389-ZZZZ-ZY01', secret: 'AAAA-BBBB-CCCC-DDDD' })).status,
    ).toBe(404);
  });

  it("holds a tracking code's wrong-secret lock on both apps", async () => {
    const made = await request(a.app).post('/api/public/reports').set('X-Forwarded-For', '203.0.113.30').send(valid);
    expect(made.status).toBe(201);
    const receipt = { trackingCode: made.body.trackingCode as string, secret: made.body.secret as string };
    // Five wrong secrets from five clients (no rate limit is reached), spread over the two apps.
    for (let i = 0; i < 5; i += 1) {
      const res = await track(i % 2 ? b : a, `203.0.113.${40 + i}`, { ...receipt, secret: 'AAAA-BBBB-CCCC-DDDD' });
      expect(res.status).toBe(404);
    }
    for (const app of [a, b]) {
      const locked = await track(app, '203.0.113.50', receipt);
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('report.too_many_attempts');
    }
  });

  it('locks an unknown username at sign-in on both apps after five failures spread over them', async () => {
    for (let i = 0; i < 5; i += 1) {
      const res = await signIn(i % 2 ? b : a, `203.0.113.${60 + i}`, 'ghost.account', 'wrong-password');
      expect(res.status).toBe(401);
    }
    for (const app of [a, b]) {
      const locked = await signIn(app, '203.0.113.70', 'ghost.account', 'wrong-password');
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('auth.locked');
    }
  });

  it('keeps neither an address nor a tracking code in Redis: keyed hashes only', async () => {
    const keys = await redis.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join('\n')).not.toMatch(/203\.0\.113|389-/);
    expect(await redisReady(a.deps)).toBe(true);
  });
});

describe('when Redis is unreachable (issue #19)', () => {
  it('still takes reports, counting in memory, and says so once in the log', async () => {
    const t = await createTestApp({
      env: { RATE_LIMIT_DISABLED: '0', TRUST_PROXY_HOPS: '1', REDIS_URL: DEAD_REDIS_URL, RATE_LIMIT_REPORTS_MAX: '2' },
    });
    try {
      expect(await redisReady(t.deps)).toBe(false);
      const send = () => request(t.app).post('/api/public/reports').set('X-Forwarded-For', '198.51.100.7').send(valid);
      expect((await send()).status).toBe(201);
      expect((await send()).status).toBe(201);
      // The limits still hold, in this process's memory.
      expect((await send()).status).toBe(429);
      const warnings = t.logs.filter((line) => line.level === 40 && String(line.msg).startsWith('Redis unreachable'));
      expect(warnings).toHaveLength(1);
      expect(JSON.stringify(t.logs)).not.toContain('198.51.100.7');
    } finally {
      await t.close();
    }
  });

  it('keeps the lockout of a real staff account, which is in the database', async () => {
    const t = await createTestApp({
      env: { RATE_LIMIT_DISABLED: '0', TRUST_PROXY_HOPS: '1', REDIS_URL: DEAD_REDIS_URL },
    });
    try {
      for (let i = 0; i < 5; i += 1)
        expect((await signIn(t, '198.51.100.8', 'market.dong-thap', 'wrong-password')).status).toBe(401);
      const refused = await signIn(t, '198.51.100.8', 'market.dong-thap', TEST_DEMO_PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('auth.locked');
    } finally {
      await t.close();
    }
  });

  it('goes on through an outage in the middle of a run: memory while Redis is away, Redis again when it is back', async () => {
    const link = await startThrottleProxy({ port: 6379 }, { downKbps: 1e6, upKbps: 1e6, latencyMs: 0 });
    const t = await createTestApp({
      env: { ...SHARED, REDIS_URL: `redis://127.0.0.1:${link.port}/11`, RATE_LIMIT_TRACKING_MAX: '100' },
    });
    const unknown = { trackingCode: '389-ZZZZ-ZX00', secret: 'AAAA-BBBB-CCCC-DDDD' };
    try {
      expect((await track(t, '198.51.100.9', unknown)).status).toBe(404);
      link.cut();
      for (let i = 0; i < 3; i += 1) expect((await track(t, '198.51.100.9', unknown)).status).toBe(404);
      expect(await redisReady(t.deps)).toBe(false);
      link.restore();
      for (let i = 0; i < 50 && !(await redisReady(t.deps)); i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(await redisReady(t.deps)).toBe(true);
      // One request counted in Redis before the cut, three in memory during it, and Redis again after.
      expect((await track(t, '198.51.100.9', unknown)).status).toBe(404);
      const key = `tipline:rate:tracking:${counterKey(t.deps, 'address\u0000198.51.100.9')}`;
      expect(await redis.get(key)).toBe('2');
      const messages = t.logs.map((line) => String(line.msg));
      expect(messages.filter((m) => m.startsWith('Redis unreachable'))).toHaveLength(1);
      expect(messages.filter((m) => m.startsWith('Redis is back'))).toHaveLength(1);
    } finally {
      await t.close();
      await link.close();
    }
  });
});
