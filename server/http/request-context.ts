import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import pinoHttp from 'pino-http';
import type { Logger } from 'pino';

/** Every request gets an id, returned in X-Request-Id and written in its log line and errors. */
export const requestId: RequestHandler = (_req, res, next) => {
  const id = randomUUID();
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
};

// A receipt's tracking code in a public path stays out of the logs: with the time of the line it
// would tie a photo upload to its report.
const loggedPath = (url: string) =>
  (url.split('?')[0] ?? '').replace(/^(\/api\/public\/reports\/)[^/]+(\/photos\/?)$/, '$1:trackingCode$2');

/**
 * One JSON line per request with method, path, status and time: never the client address, user
 * agent, cookies or other headers (SPEC.md §6), on any route, so no route can forget.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req, res) => String(res.getHeader('X-Request-Id') ?? ''),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: loggedPath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  });
}
