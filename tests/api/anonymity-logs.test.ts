import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY_HOPS: '1' } });
});
afterAll(() => t.close());

const ADDRESS = '203.113.131.7';
const AGENT = 'Mozilla/5.0 (Linux; Android 14; SM-A155F) ReporterPhone/1.0';

describe('public requests leave no trace of who sent them (SPEC.md §6)', () => {
  it('writes a log line per request with method, path, status and id, but no address, user agent or cookie', async () => {
    const res = await request(t.app)
      .get('/api/public/provinces/04/communes?q=tra')
      .set('X-Forwarded-For', ADDRESS)
      .set('User-Agent', AGENT)
      .set('Cookie', 'tracker=abc123');
    expect(res.status).toBe(200);
    const line = t.logs.find((l) => (l.req as { id?: string } | undefined)?.id === res.headers['x-request-id']);
    expect(line).toMatchObject({
      req: { method: 'GET', path: '/api/public/provinces/04/communes' },
      res: { statusCode: 200 },
    });
    const everything = JSON.stringify(t.logs);
    expect(everything).not.toContain(ADDRESS);
    expect(everything).not.toContain('ReporterPhone');
    expect(everything).not.toContain('abc123');
    expect(everything).not.toMatch(/remoteAddress|user-agent|127\.0\.0\.1|::ffff/);
  });

  it('also keeps addresses out of the log of a failed request', async () => {
    await request(t.app)
      .get('/api/public/provinces/zz/communes')
      .set('X-Forwarded-For', ADDRESS)
      .set('User-Agent', AGENT);
    await request(t.app).get('/api/public/nowhere').set('X-Forwarded-For', ADDRESS);
    expect(JSON.stringify(t.logs)).not.toContain(ADDRESS);
  });

  it('sets no cookie on public answers and tells caches not to store them', async () => {
    const res = await request(t.app).get('/api/public/nowhere').set('Cookie', 'session=abc');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and no HSTS on plain http', async () => {
    const res = await request(t.app).get('/healthz');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('adds HSTS and upgrade-insecure-requests behind HTTPS', async () => {
    const https = await createTestApp({ env: { HTTPS: '1' } });
    try {
      const res = await request(https.app).get('/healthz');
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });
});
