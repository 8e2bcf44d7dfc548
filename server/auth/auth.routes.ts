import type { Response } from 'express';
import { serialize } from 'cookie';
import { staffSessionSchema, type StaffSession } from '../../shared/api/staff';
import { signInInputSchema } from '../../shared/schemas/staff';
import type { AppDeps } from '../deps';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { limiter } from '../http/rate-limit';
import { createUnknownUserGuard, SESSION_COOKIE, signIn, signOut, type ActiveSession } from './auth.service';

const present = ({ user, csrfToken }: ActiveSession): StaffSession => ({
  user: {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unit: user.unit && { id: user.unit.id, name: user.unit.name },
    scopeProvinceCode: user.scopeProvinceCode,
    scopeCommuneCode: user.scopeCommuneCode,
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
export function signInRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  const guard = createUnknownUserGuard(deps);
  defineRoute(api, {
    method: 'post',
    path: '/session',
    operationId: 'signIn',
    tags: ['staff'],
    summary: 'Sign in; sets the session cookie (HttpOnly, SameSite=Strict)',
    access: 'public',
    use: [limiter(deps, 'sign-in', deps.config.rateLimit.signInMax)],
    request: { body: signInInputSchema },
    response: { description: 'Signed in', schema: staffSessionSchema },
    errors: [400, 401, 429],
    handler: async ({ body }, _req, res) => {
      const { token, session } = await signIn(deps, guard, body);
      setSessionCookie(deps, res, token);
      return present(session);
    },
  });
  return api;
}

export function authRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();

  defineRoute(api, {
    method: 'get',
    path: '/session',
    operationId: 'getSession',
    tags: ['staff'],
    summary: 'The current session and its CSRF token',
    access: 'staff',
    response: { description: 'Signed in', schema: staffSessionSchema },
    errors: [401],
    handler: (_input, _req, res) => present(res.locals.session as ActiveSession),
  });

  defineRoute(api, {
    method: 'delete',
    path: '/session',
    operationId: 'signOut',
    tags: ['staff'],
    summary: 'Sign out (needs X-CSRF-Token)',
    access: 'staff',
    response: { status: 204, description: 'Signed out' },
    errors: [401, 403],
    handler: async (_input, _req, res) => {
      await signOut(deps, res.locals.session as ActiveSession, false);
      clearSessionCookie(deps, res);
    },
  });

  defineRoute(api, {
    method: 'delete',
    path: '/sessions',
    operationId: 'signOutEverywhere',
    tags: ['staff'],
    summary: 'Sign out everywhere: every session of the account (needs X-CSRF-Token)',
    access: 'staff',
    response: { status: 204, description: 'Every session ended' },
    errors: [401, 403],
    handler: async (_input, _req, res) => {
      await signOut(deps, res.locals.session as ActiveSession, true);
      clearSessionCookie(deps, res);
    },
  });

  return api;
}
