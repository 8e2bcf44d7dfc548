import { z } from 'zod';
import type { AppDeps } from '../deps';
import { databaseUnavailable } from '../http/errors';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';

const healthSchema = z.object({ status: z.literal('ok') });
const readySchema = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) });

const READY_TIMEOUT_MS = 2000;

/** /healthz: the process answers. /readyz: the database answers too (load balancers, Docker). */
export function healthRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  defineRoute(api, {
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    tags: ['operations'],
    summary: 'The process is up',
    access: 'public',
    response: { description: 'Up', schema: healthSchema },
    errors: [],
    handler: (_input, _req, res) => {
      res.set('Cache-Control', 'no-store');
      return { status: 'ok' as const };
    },
  });
  defineRoute(api, {
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    tags: ['operations'],
    summary: 'The process is up and its database answers',
    access: 'public',
    response: { description: 'Ready', schema: readySchema },
    errors: [503],
    handler: async (_input, _req, res) => {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS).unref(),
      );
      try {
        await Promise.race([deps.database.ping(), timeout]);
      } catch {
        throw databaseUnavailable();
      }
      res.set('Cache-Control', 'no-store');
      return { status: 'ready' as const, database: deps.database.engine };
    },
  });
  return api;
}
