import type { RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';
import { counterKey, createCounter, type CounterDeps } from './counters';
import { rateLimited } from './errors';

const pass: RequestHandler = (_req, _res, next) => next();

/** The IETF draft-8 headers express-rate-limit sent before issue #19. */
function setHeaders(res: Response, name: string, limit: number, windowSeconds: number, result: RateLimiterRes) {
  const policy = `"${name}"`;
  res.setHeader('RateLimit-Policy', `${policy}; q=${limit}; w=${windowSeconds}`);
  res.setHeader(
    'RateLimit',
    `${policy}; r=${Math.max(0, result.remainingPoints)}; t=${Math.max(0, Math.ceil(result.msBeforeNext / 1000))}`,
  );
}

/**
 * A limiter of `limit` requests per window and client, counted under `name` (one counter per use,
 * the same name in every process); off when RATE_LIMIT_DISABLED is set. Issue #19: in Redis when
 * REDIS_URL is set (all processes together allow `limit`), else in this process's memory. The client
 * is counted under a keyed hash of its address (of its /56 for IPv6), never the address.
 */
export function limiter(
  deps: CounterDeps & { config: Pick<Config, 'rateLimit'> },
  name: string,
  limit: number,
): RequestHandler {
  const config = deps.config.rateLimit;
  if (config.disabled) return pass;
  const windowSeconds = Math.max(1, Math.ceil(config.windowMs / 1000));
  const counter = createCounter(deps, { name: `rate:${name}`, points: limit, durationSeconds: windowSeconds });
  return (req, res, next) => {
    const key = counterKey(deps, `address\0${ipKeyGenerator(req.ip ?? 'unknown')}`);
    counter.consume(key).then(
      (result) => {
        setHeaders(res, name, limit, windowSeconds, result);
        next();
      },
      (refused: unknown) => {
        if (!(refused instanceof RateLimiterRes)) return next(refused);
        setHeaders(res, name, limit, windowSeconds, refused);
        next(rateLimited(Math.max(1, Math.ceil(refused.msBeforeNext / 1000))));
      },
    );
  };
}
