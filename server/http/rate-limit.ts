import { createHmac, randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Config } from '../config';
import { rateLimited } from './errors';

// Counters are keyed by a keyed hash of the address, with a key that lives only in this process:
// the limiter works, and even a memory dump holds no reporter's address (SPEC.md §6).
const processKey = randomBytes(32);

const pass: RequestHandler = (_req, _res, next) => next();

/** A limiter of `limit` requests per window and client; off when RATE_LIMIT_DISABLED is set. */
export function limiter(config: Config['rateLimit'], limit: number): RequestHandler {
  if (config.disabled) return pass;
  return rateLimit({
    windowMs: config.windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) =>
      createHmac('sha256', processKey)
        .update(ipKeyGenerator(req.ip ?? 'unknown'))
        .digest('base64url'),
    handler: (_req, _res, next) => next(rateLimited(Math.ceil(config.windowMs / 1000))),
    validate: { keyGeneratorIpFallback: false },
  });
}
