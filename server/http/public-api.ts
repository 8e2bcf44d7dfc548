import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps';
import { limiter } from './rate-limit';

/**
 * SPEC.md §6 for /api/public: cookies are dropped before any handler can read them and none is
 * ever set; answers are not cached by shared caches unless a route says so.
 */
const noCookies: RequestHandler = (req, res, next) => {
  delete req.headers.cookie;
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => (name.toLowerCase() === 'set-cookie' ? res : setHeader(name, value));
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export function publicApiMiddleware(deps: AppDeps): RequestHandler[] {
  return [noCookies, limiter(deps, 'public', deps.config.rateLimit.publicMax)];
}
