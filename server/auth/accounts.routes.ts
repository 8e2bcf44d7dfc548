import { accountSchema, accountsResponseSchema, accountWithPasswordSchema } from '../../shared/api/accounts';
import { accountChangeSchema, accountInputSchema, accountParamsSchema } from '../../shared/schemas/accounts';
import type { AppDeps } from '../deps';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { requireRole, staffOf } from '../http/staff-api';
import { changeAccount, createAccount, listAccounts, resetPassword, unlockAccount } from './accounts.service';

/** Issue #5: admins create, re-assign, disable and unlock accounts and reset passwords. */
export function accountsRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  // Also before paths under /accounts that do not exist: anyone but an admin gets 403 there, not 404.
  api.router.use('/accounts', requireRole('admin'));
  const admin = ['admin'] as const;
  const tags = ['admin'];

  defineRoute(api, {
    method: 'get',
    path: '/accounts',
    operationId: 'listAccounts',
    tags,
    summary: 'Every staff account (admins)',
    access: admin,
    response: { description: 'Accounts', schema: accountsResponseSchema },
    errors: [401, 403],
    handler: async () => ({ accounts: await listAccounts(deps) }),
  });

  defineRoute(api, {
    method: 'post',
    path: '/accounts',
    operationId: 'createAccount',
    tags,
    summary: 'Create an account; its generated password is in this answer only (admins)',
    access: admin,
    request: { body: accountInputSchema },
    response: { status: 201, description: 'Created', schema: accountWithPasswordSchema },
    errors: [400, 401, 403, 409],
    handler: ({ body }, _req, res) => createAccount(deps, staffOf(res.locals), body),
  });

  defineRoute(api, {
    method: 'patch',
    path: '/accounts/:accountId',
    operationId: 'changeAccount',
    tags,
    summary: 'Rename, re-assign, change role, disable or enable; disabling ends its sessions (admins)',
    access: admin,
    request: { params: accountParamsSchema, body: accountChangeSchema },
    response: { description: 'Changed', schema: accountSchema },
    errors: [400, 401, 403, 404],
    handler: ({ params, body }, _req, res) => changeAccount(deps, staffOf(res.locals), params.accountId, body),
  });

  defineRoute(api, {
    method: 'post',
    path: '/accounts/:accountId/password',
    operationId: 'resetPassword',
    tags,
    summary: 'Reset the password: a generated one, in this answer only; ends its sessions, releases a lock (admins)',
    access: admin,
    request: { params: accountParamsSchema },
    response: { description: 'New password', schema: accountWithPasswordSchema },
    errors: [401, 403, 404],
    handler: ({ params }, _req, res) => resetPassword(deps, staffOf(res.locals), params.accountId),
  });

  defineRoute(api, {
    method: 'post',
    path: '/accounts/:accountId/unlock',
    operationId: 'unlockAccount',
    tags,
    summary: 'Release a sign-in lock before its time (admins)',
    access: admin,
    request: { params: accountParamsSchema },
    response: { description: 'Unlocked', schema: accountSchema },
    errors: [401, 403, 404],
    handler: ({ params }, _req, res) => unlockAccount(deps, staffOf(res.locals), params.accountId),
  });

  return api;
}
