import { Router, type Response } from 'express';
import { serialize } from 'cookie';
import { staffSessionSchema, type StaffSession } from '../../shared/api/staff';
import { signInInputSchema } from '../../shared/schemas/staff';
import type { AppDeps } from '../deps';
import { parseBody } from '../http/parse';
import { limiter } from '../http/rate-limit';
import { requireStaff } from '../http/staff-api';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';
import { createUnknownUserGuard, SESSION_COOKIE, signIn, signOut, type ActiveSession } from './auth.service';

const present = ({ user, csrfToken }: ActiveSession): StaffSession => ({
  user: {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unit: user.unit && { id: user.unit.id, name: user.unit.name },
    scopeProvinceCode: user.scopeProvinceCode,
  },
  csrfToken,
});

/** HttpOnly, SameSite=Strict, only sent to the staff API, Secure behind HTTPS; no Max-Age: the server times it out. */
function setSessionCookie(deps: AppDeps, res: Response, token: string): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.http.https,
      path: '/api/staff',
    }),
  );
}

function clearSessionCookie(deps: AppDeps, res: Response): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, '', {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.http.https,
      path: '/api/staff',
      maxAge: 0,
    }),
  );
}

/** Signing in: mounted before the session and CSRF middleware, since there is no session yet. */
export function signInRoutes(deps: AppDeps): Router {
  const router = Router();
  const guard = createUnknownUserGuard(deps);
  router.post('/session', limiter(deps.config.rateLimit, deps.config.rateLimit.signInMax), async (req, res) => {
    const { token, session } = await signIn(deps, guard, parseBody(signInInputSchema, req));
    setSessionCookie(deps, res, token);
    res.json(present(session));
  });
  return router;
}

export function authRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/session', requireStaff, (_req, res) => {
    res.json(present(res.locals.session as ActiveSession));
  });

  router.delete('/session', requireStaff, async (_req, res) => {
    await signOut(deps, res.locals.session as ActiveSession, false);
    clearSessionCookie(deps, res);
    res.status(204).end();
  });

  router.delete('/sessions', requireStaff, async (_req, res) => {
    await signOut(deps, res.locals.session as ActiveSession, true);
    clearSessionCookie(deps, res);
    res.status(204).end();
  });

  return router;
}

export const authApiDocs: ApiDoc[] = [
  {
    method: 'post',
    path: '/api/staff/session',
    tags: ['staff'],
    summary: 'Sign in; sets the session cookie (HttpOnly, SameSite=Strict)',
    request: { body: { content: { 'application/json': { schema: signInInputSchema } } } },
    responses: { 200: jsonResponse('Signed in', staffSessionSchema), ...errorResponses(400, 401, 429) },
  },
  {
    method: 'get',
    path: '/api/staff/session',
    tags: ['staff'],
    summary: 'The current session and its CSRF token',
    responses: { 200: jsonResponse('Signed in', staffSessionSchema), ...errorResponses(401) },
  },
  {
    method: 'delete',
    path: '/api/staff/session',
    tags: ['staff'],
    summary: 'Sign out (needs X-CSRF-Token)',
    responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
  },
  {
    method: 'delete',
    path: '/api/staff/sessions',
    tags: ['staff'],
    summary: 'Sign out everywhere: every session of the account (needs X-CSRF-Token)',
    responses: { 204: { description: 'Every session ended' }, ...errorResponses(401, 403) },
  },
];
