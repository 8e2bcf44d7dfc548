import { passwordChangeSchema, type PasswordChange } from '../../shared/schemas/staff';
import type { AppDeps } from '../deps';
import { fieldIssue, validationFailed } from '../http/errors';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { limiter } from '../http/rate-limit';
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

export function ownPasswordRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  defineRoute(api, {
    method: 'post',
    path: '/password',
    operationId: 'changeOwnPassword',
    tags: ['staff'],
    summary: `Changes one's own password: the current one, then a new one of at least 12 characters that is not a common password and does not contain the username; other sessions end`,
    access: 'staff',
    // Guessing the current password through this route is slowed like signing in.
    use: [limiter(deps, 'own-password', deps.config.rateLimit.signInMax)],
    request: { body: passwordChangeSchema },
    response: { status: 204, description: 'Changed' },
    errors: [400, 401, 403, 429],
    handler: ({ body }, _req, res) => changeOwnPassword(deps, res.locals.session as ActiveSession, body),
  });
  return api;
}
