import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { apiRouter, createApiCatalog, defineRoute } from '../../../server/http/define-route';
import { errorHandler } from '../../../server/http/error-handler';
import { createLogger } from '../../../server/logger';

const itemSchema = z.object({ code: z.string(), count: z.number() });

/** Two declared routes under a prefix, mounted as app.ts mounts them, without a database. */
function appWithItems() {
  const items = apiRouter();
  defineRoute(items, {
    method: 'get',
    path: '/items/:code',
    operationId: 'getItem',
    tags: ['test'],
    summary: 'One item',
    access: 'public',
    request: { params: z.object({ code: z.string().regex(/^\d{2}$/) }) },
    response: { description: 'The item', schema: itemSchema },
    errors: [400],
    handler: ({ params }) => ({ code: params.code, count: 2 }),
  });
  defineRoute(items, {
    method: 'delete',
    path: '/items/:code',
    operationId: 'removeItem',
    tags: ['test'],
    summary: 'Remove an item',
    access: ['admin'],
    response: { status: 204, description: 'Removed' },
    errors: [401, 403],
    handler: () => undefined,
  });
  const router = express.Router();
  const catalog = createApiCatalog(router);
  catalog.mount('/api/things', items);
  const app = express();
  app.use(router, errorHandler(createLogger('silent')));
  return { app, operations: catalog.operations };
}

describe('defineRoute (issue #16)', () => {
  it('documents each route under the prefix it is mounted with, with its security and roles', () => {
    const { operations } = appWithItems();
    expect(operations.map((o) => [o.method, o.path, o.operationId, o.security, o['x-roles']])).toEqual([
      ['get', '/api/things/items/{code}', 'getItem', [], undefined],
      ['delete', '/api/things/items/{code}', 'removeItem', [{ sessionCookie: [], csrfToken: [] }], ['admin']],
    ]);
  });

  it('answers at the documented path: access checked first, then the request parsed (one 400), then the handler', async () => {
    const { app } = appWithItems();
    expect((await request(app).get('/api/things/items/04')).body).toEqual({ code: '04', count: 2 });
    const refused = await request(app).get('/api/things/items/x');
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ field: 'code' })]);
    expect((await request(app).delete('/api/things/items/04')).status).toBe(401);
  });

  it('type-checks what a handler answers against the response schema', () => {
    defineRoute(apiRouter(), {
      method: 'get',
      path: '/wrong',
      operationId: 'getWrong',
      tags: ['test'],
      summary: 'A body the schema does not allow',
      access: 'public',
      response: { description: 'The item', schema: itemSchema },
      errors: [],
      // @ts-expect-error `count` must be a number
      handler: () => ({ code: '04', count: 'two' }),
    });
  });
});
