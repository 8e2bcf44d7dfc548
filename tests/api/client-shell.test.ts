import { readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { CLIENT_DIST_DIR } from '../../server/paths';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the built client is served with a fallback to its index', () => {
  it.each(['/', '/report', '/staff/reference', '/no/such/page'])('GET %s answers the client index page', async (url) => {
    const res = await request(t.app).get(url);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with a long cache, and never the index in place of an API answer', async () => {
    const asset = readdirSync(path.join(CLIENT_DIST_DIR, 'assets')).find((f) => f.endsWith('.js'));
    const res = await request(t.app).get(`/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    const api = await request(t.app).get('/api/public/unknown');
    expect(api.type).toBe('application/json');
  });

  it('refuses non-GET requests to client paths with the JSON 404', async () => {
    const res = await request(t.app).post('/staff/reference').send({});
    expect(res.status).toBe(404);
  });
});
