import type { RequestHandler } from 'express';

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
