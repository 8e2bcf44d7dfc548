import { Router } from 'express';
import { accountSchema, accountsResponseSchema, accountWithPasswordSchema } from '../../shared/api/accounts';
import { accountChangeSchema, accountInputSchema, accountParamsSchema } from '../../shared/schemas/accounts';
import type { AppDeps } from '../deps';
import { parseBody, parseParams, parseRequest } from '../http/parse';
import { requireRole, staffOf } from '../http/staff-api';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';
import { changeAccount, createAccount, listAccounts, resetPassword, unlockAccount } from './accounts.service';

/** Issue #5: admins create, re-assign, disable and unlock accounts and reset passwords. */
export function accountsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use('/accounts', requireRole('admin'));

  router.get('/accounts', async (_req, res) => {
    res.json({ accounts: await listAccounts(deps) });
  });

  router.post('/accounts', async (req, res) => {
    res.status(201).json(await createAccount(deps, staffOf(res.locals), parseBody(accountInputSchema, req)));
  });

  router.patch('/accounts/:accountId', async (req, res) => {
    const { params, body } = parseRequest({ params: accountParamsSchema, body: accountChangeSchema }, req);
    res.json(await changeAccount(deps, staffOf(res.locals), params.accountId, body));
  });

  router.post('/accounts/:accountId/password', async (req, res) => {
    res.json(await resetPassword(deps, staffOf(res.locals), parseParams(accountParamsSchema, req).accountId));
  });

  router.post('/accounts/:accountId/unlock', async (req, res) => {
    res.json(await unlockAccount(deps, staffOf(res.locals), parseParams(accountParamsSchema, req).accountId));
  });

  return router;
}

const json = (schema: Parameters<typeof jsonResponse>[1]) => ({ content: { 'application/json': { schema } } });

export const accountsApiDocs: ApiDoc[] = [
  {
    method: 'get',
    path: '/api/staff/accounts',
    tags: ['admin'],
    summary: 'Every staff account (admins)',
    responses: { 200: jsonResponse('Accounts', accountsResponseSchema), ...errorResponses(401, 403) },
  },
  {
    method: 'post',
    path: '/api/staff/accounts',
    tags: ['admin'],
    summary: 'Create an account; its generated password is in this answer only (admins)',
    request: { body: json(accountInputSchema) },
    responses: { 201: jsonResponse('Created', accountWithPasswordSchema), ...errorResponses(400, 401, 403, 409) },
  },
  {
    method: 'patch',
    path: '/api/staff/accounts/{accountId}',
    tags: ['admin'],
    summary: 'Rename, re-assign, change role, disable or enable; disabling ends its sessions (admins)',
    request: { params: accountParamsSchema, body: json(accountChangeSchema) },
    responses: { 200: jsonResponse('Changed', accountSchema), ...errorResponses(400, 401, 403, 404) },
  },
  {
    method: 'post',
    path: '/api/staff/accounts/{accountId}/password',
    tags: ['admin'],
    summary: 'Reset the password: a generated one, in this answer only; ends its sessions, releases a lock (admins)',
    request: { params: accountParamsSchema },
    responses: { 200: jsonResponse('New password', accountWithPasswordSchema), ...errorResponses(401, 403, 404) },
  },
  {
    method: 'post',
    path: '/api/staff/accounts/{accountId}/unlock',
    tags: ['admin'],
    summary: 'Release a sign-in lock before its time (admins)',
    request: { params: accountParamsSchema },
    responses: { 200: jsonResponse('Unlocked', accountSchema), ...errorResponses(401, 403, 404) },
  },
];
