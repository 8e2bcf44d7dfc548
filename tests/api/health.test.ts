import type { Redis } from 'ioredis';
import request from 'supertest';
import { createTestApp } from '../helpers/test-app';

/** /readyz asks Redis only for PING: a client that answers it as told (the counters are tested on a real one). */
const fakeRedis = (ping: () => Promise<string>) => ({ ping }) as unknown as Redis;

describe('health and readiness', () => {
  it('is healthy and ready while the database answers, and not ready once it is gone', async () => {
    const t = await createTestApp();
    try {
      expect((await request(t.app).get('/healthz')).body).toEqual({ status: 'ok' });
      const ready = await request(t.app).get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ready', database: t.deps.database.engine });

      await t.deps.database.close();
      const notReady = await request(t.app).get('/readyz');
      expect(notReady.status).toBe(503);
      expect(notReady.body.error.code).toBe('database_unavailable');
      expect((await request(t.app).get('/healthz')).status).toBe(200);
    } finally {
      await t.close().catch(() => undefined);
    }
  });

  it('is not ready while shutting down or while a configured Redis does not answer, and stays healthy (issue #19)', async () => {
    const t = await createTestApp();
    try {
      t.deps.redis = fakeRedis(() => Promise.resolve('PONG'));
      expect((await request(t.app).get('/readyz')).status).toBe(200);
      t.deps.redis = fakeRedis(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')));
      const noRedis = await request(t.app).get('/readyz');
      expect([noRedis.status, noRedis.body.error.code]).toEqual([503, 'redis_unavailable']);
      // A Redis that hangs counts as gone after 2 s.
      t.deps.redis = fakeRedis(() => new Promise<string>(() => undefined));
      expect((await request(t.app).get('/readyz')).status).toBe(503);
      t.deps.redis = null;
      expect((await request(t.app).get('/readyz')).status).toBe(200);

      t.deps.lifecycle.stopping = true;
      const stopping = await request(t.app).get('/readyz');
      expect([stopping.status, stopping.body.error.code]).toEqual([503, 'shutting_down']);
      expect(stopping.headers['cache-control']).toBe('no-store');
      expect((await request(t.app).get('/healthz')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
