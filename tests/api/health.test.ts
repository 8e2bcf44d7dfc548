import request from 'supertest';
import { createTestApp } from '../helpers/test-app';

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
});
