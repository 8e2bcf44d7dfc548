import { Router } from 'express';
import { passwordChangeSchema, type PasswordChange } from '../../shared/schemas/staff';
import type { AppDeps } from '../deps';
import { fieldIssue, validationFailed } from '../http/errors';
import { parseBody } from '../http/parse';
import { limiter } from '../http/rate-limit';
import { requireStaff } from '../http/staff-api';
import { type ApiDoc, errorResponses } from '../openapi/api-doc';
import {
  appendAudit,
  clearFailedSignIns,
  findAccountByUsername,
  reserveSignInAttempt,
  revokeSessions,
  updateAccount,
} from './auth.repository';
import { locked, spendDecoyHash, type ActiveSession } from './auth.service';
import { passwordProblems } from './password-rules';
import { hashPassword, verifyPassword } from './passwords';

/**
 * Issue #5: a staff member replaces the password an admin gave them. The current password is asked
 * again (a session left open is not enough); every other session of the account ends.
 */
export async function changeOwnPassword(deps: AppDeps, session: ActiveSession, input: PasswordChange): Promise<void> {
  const { maxFailures, lockMs } = deps.config.staff;
  const at = deps.clock.now();
  const account = (await findAccountByUsername(deps.db, session.user.username))?.account;
  if (!account) throw validationFailed([fieldIssue(['currentPassword'], 'password_wrong')]);
  // Issue #15: a guess of the current password is a failed sign-in; the same count locks the account.
  const reserved = await reserveSignInAttempt(deps.db, account.id, at, maxFailures, new Date(at.getTime() + lockMs));
  if (!reserved) {
    await appendAudit(deps.db, {
      at,
      action: 'password_change_refused_locked',
      actorId: account.id,
      subject: `account:${account.id}`,
    });
    await spendDecoyHash(input.currentPassword);
    throw locked(
      ((account.lockedUntil && account.lockedUntil > at ? account.lockedUntil.getTime() : at.getTime() + lockMs) -
        at.getTime()) /
        1000,
    );
  }
  if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
    await appendAudit(deps.db, {
      at,
      action: 'password_change_failed',
      actorId: account.id,
      subject: `account:${account.id}`,
    });
    if (reserved.lockedUntil)
      await appendAudit(deps.db, {
        at,
        action: 'account_locked',
        subject: `account:${account.id}`,
        data: { minutes: lockMs / 60_000 },
      });
    throw validationFailed([fieldIssue(['currentPassword'], 'password_wrong')]);
  }
  await clearFailedSignIns(deps.db, account.id);
  const problems = passwordProblems(input.newPassword, account.username).map((key) => fieldIssue(['newPassword'], key));
  if (input.newPassword.normalize('NFC') === input.currentPassword.normalize('NFC'))
    problems.push(fieldIssue(['newPassword'], 'password_unchanged'));
  if (problems.length > 0) throw validationFailed(problems);
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await updateAccount(tx, account.id, { passwordHash, updatedAt: now });
    await revokeSessions(tx, { accountId: account.id, except: session.tokenHash }, now);
    await appendAudit(tx, {
      at: now,
      action: 'password_changed',
      actorId: account.id,
      subject: `account:${account.id}`,
    });
  });
}

export function ownPasswordRoutes(deps: AppDeps): Router {
  const router = Router();
  // Guessing the current password through this route is slowed like signing in.
  router.post(
    '/password',
    requireStaff,
    limiter(deps.config.rateLimit, deps.config.rateLimit.signInMax),
    async (req, res) => {
      await changeOwnPassword(deps, res.locals.session as ActiveSession, parseBody(passwordChangeSchema, req));
      res.status(204).end();
    },
  );
  return router;
}

export const ownPasswordApiDocs: ApiDoc[] = [
  {
    method: 'post',
    path: '/api/staff/password',
    tags: ['staff'],
    summary: `Changes one's own password: the current one, then a new one of at least 12 characters that is not a common password and does not contain the username; other sessions end`,
    request: { body: { content: { 'application/json': { schema: passwordChangeSchema } } } },
    responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 403, 429) },
  },
];
