import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { databaseUnavailable } from '../http/errors';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';

const healthSchema = z.object({ status: z.literal('ok') });
const readySchema = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) });

const READY_TIMEOUT_MS = 2000;

/** /healthz: the process answers. /readyz: the database answers too (load balancers, Docker). */
export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS).unref(),
    );
    try {
      await Promise.race([deps.database.ping(), timeout]);
    } catch {
      throw databaseUnavailable();
    }
    res.set('Cache-Control', 'no-store').json({ status: 'ready', database: deps.database.engine });
  });
  return router;
}

export const healthApiDocs: ApiDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    tags: ['operations'],
    summary: 'The process is up',
    responses: { 200: jsonResponse('Up', healthSchema) },
  },
  {
    method: 'get',
    path: '/readyz',
    tags: ['operations'],
    summary: 'The process is up and its database answers',
    responses: { 200: jsonResponse('Ready', readySchema), ...errorResponses(503) },
  },
];
