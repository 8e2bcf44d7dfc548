import type { Request, RequestHandler } from 'express';
import { parse as parseCookie } from 'cookie';
import { authenticate, SESSION_COOKIE, type ActiveSession, type StaffUser } from '../auth/auth.service';
import type { AppDeps } from '../deps';
import { AppError } from './errors';

export const unauthenticated = () => new AppError('unauthenticated', 401);
const csrfRefused = () => new AppError('csrf_failed', 403);

/** /api/staff: nothing a staff member sees may be kept by a shared cache or the browser's disk. */
export const privateNoStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'private, no-store');
  next();
};

/** The session token of a request's cookie. */
export const sessionToken = (req: Request): string | undefined => parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];

/** Reads the session cookie; a valid session puts the staff member in `res.locals`. */
function loadSession(deps: AppDeps): RequestHandler {
  return async (req, res, next) => {
    const session = await authenticate(deps, sessionToken(req));
    if (session) {
      res.locals.session = session;
      res.locals.staff = session.user;
    }
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The request header that carries the session's CSRF token (also declared in the OpenAPI document). */
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * SPEC.md §7: a state-changing request of a session must carry the session's CSRF token in
 * `X-CSRF-Token` (the cookie is also SameSite=Strict). Signing in has no session yet: app.ts mounts
 * it before this.
 */
const requireCsrf: RequestHandler = (req, res, next) => {
  const session = res.locals.session as ActiveSession | undefined;
  if (SAFE_METHODS.has(req.method) || !session) return next();
  return req.get(CSRF_HEADER) === session.csrfToken ? next() : next(csrfRefused());
};

export function staffApiMiddleware(deps: AppDeps): RequestHandler[] {
  return [loadSession(deps), requireCsrf];
}

/** The guard of every staff route: 401 without a valid session. */
export const requireStaff: RequestHandler = (_req, res, next) => (res.locals.staff ? next() : next(unauthenticated()));

export const staffOf = (locals: Record<string, unknown>): StaffUser => {
  const staff = locals.staff as StaffUser | undefined;
  if (!staff) throw unauthenticated();
  return staff;
};

export const forbidden = () => new AppError('forbidden', 403);

/** Role gate for whole endpoints (account administration): 403, since the endpoint is no secret. */
export function requireRole(...roles: StaffUser['role'][]): RequestHandler {
  return (_req, res, next) => {
    const staff = res.locals.staff as StaffUser | undefined;
    if (!staff) return next(unauthenticated());
    return roles.includes(staff.role) ? next() : next(forbidden());
  };
}
