import { z } from 'zod';
import type { AppDeps } from '../deps';
import { AppError, databaseUnavailable } from '../http/errors';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';

const healthSchema = z.object({ status: z.literal('ok') });
const readySchema = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) });

const READY_TIMEOUT_MS = 2000;

/** Issue #19: the process was asked to stop (SIGTERM): a balancer sends it nothing new. */
const shuttingDown = () => new AppError('shutting_down', 503);
const redisUnavailable = () => new AppError('redis_unavailable', 503);

/** `check` settles within READY_TIMEOUT_MS, else it has failed. */
async function answersInTime(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * /healthz: the process answers (200 as long as it lives, also while it stops). /readyz: it takes new
 * work: not stopping, the database answers, and Redis too when it is configured (load balancers, Docker).
 */
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
    summary: 'The process takes new work: not shutting down, its database (and Redis, when configured) answer',
    access: 'public',
    response: { description: 'Ready', schema: readySchema },
    errors: [503],
    handler: async (_input, _req, res) => {
      res.set('Cache-Control', 'no-store');
      if (deps.lifecycle.stopping) throw shuttingDown();
      const redis = deps.redis;
      const [database, redisUp] = await Promise.all([
        answersInTime(() => deps.database.ping()),
        redis ? answersInTime(() => redis.ping()) : Promise.resolve(true),
      ]);
      if (!database) throw databaseUnavailable();
      if (!redisUp) throw redisUnavailable();
      return { status: 'ready' as const, database: deps.database.engine };
    },
  });
  return api;
}
