import type { RequestHandler } from 'express';
import { AppError } from './errors';

/**
 * /api/staff: nothing a staff member sees may be kept by a shared cache or the browser's disk.
 * Sessions, CSRF and requireStaff(role…) come with the staff sign-in issue (#5).
 */
const privateNoStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'private, no-store');
  next();
};

export function staffApiMiddleware(): RequestHandler[] {
  return [privateNoStore];
}

export const unauthenticated = () => new AppError('unauthenticated', 401);

/**
 * The guard of every staff route that shows report data. Staff sign-in (#5) puts the signed-in
 * account in `res.locals.staff`; until it exists nobody is signed in, so these routes answer 401.
 */
export const requireStaff: RequestHandler = (_req, res, next) => (res.locals.staff ? next() : next(unauthenticated()));
