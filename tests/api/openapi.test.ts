import type { Express } from 'express';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  name: string;
  handle: { stack?: Layer[] };
  matchers?: ((path: string) => { path: string } | false)[];
}

/** Walks Express 5's router stack: every concrete route with its mount prefix. */
function mountedRoutes(app: Express): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push({ method, path: prefix + layer.route.path });
      } else if (layer.name === 'router' && layer.handle.stack) {
        // A mounted router's matcher answers with the part of the path it consumed: its mount point.
        const candidates = ['/api/public/x', '/api/staff/x', '/api/x', '/x'];
        const match = candidates.map((c) => layer.matchers?.[0]?.(c)).find((m) => m);
        walk(layer.handle.stack, prefix + (match ? match.path.replace(/\/$/, '') : ''));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found;
}

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

  it('documents every route the app mounts', async () => {
    const { body } = await request(t.app).get('/api/openapi.json');
    const documented = new Set(
      Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const mounted = mountedRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(mounted.length).toBeGreaterThanOrEqual(6);
    expect(mounted.filter((route) => !documented.has(route))).toEqual([]);
  });
});
