import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
}
const operationsOf = (paths: Record<string, Record<string, Operation>>) =>
  Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, operation]) => ({ route: `${method} ${path}`, method, path, ...operation })),
  );

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document built from the zod schemas', async () => {
    const res = await request(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const communes = res.body.paths['/api/public/provinces/{provinceCode}/communes'].get;
    expect(communes.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual([
      'path:provinceCode',
      'query:limit',
      'query:q',
    ]);
    expect(res.body.components.schemas.ApiError).toBeDefined();
    expect(res.body.components.schemas.Province.properties.code).toBeDefined();
  });

  it('names every operation once, camelCase, as a generated client calls it', async () => {
    const { body } = await request(t.app).get('/api/openapi.json');
    const operations = operationsOf(body.paths);
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.filter((o) => !/^[a-z][A-Za-z]+$/.test(o.operationId ?? '')).map((o) => o.route)).toEqual([]);
    const ids = operations.map((o) => o.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(operations.find((o) => o.route === 'post /api/staff/cases/{code}/accept')?.operationId).toBe('acceptCase');
  });

  it('declares the session cookie and the CSRF header, required by every staff operation but signing in', async () => {
    const { body } = await request(t.app).get('/api/openapi.json');
    expect(body.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'tipline_staff' }),
      csrfToken: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }),
    });
    const securityOf = (o: Operation & { route: string; method: string; path: string }) => {
      if (!o.path.startsWith('/api/staff/') || o.route === 'post /api/staff/session') return [];
      return o.method === 'get' ? [{ sessionCookie: [] }] : [{ sessionCookie: [], csrfToken: [] }];
    };
    const wrong = operationsOf(body.paths).filter((o) => JSON.stringify(o.security) !== JSON.stringify(securityOf(o)));
    expect(wrong.map((o) => o.route)).toEqual([]);
  });
});
