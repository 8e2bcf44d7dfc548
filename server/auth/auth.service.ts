import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/domain/roles';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import { createFailureGuard, type FailureGuard } from '../http/failure-guard';
import {
  appendAudit,
  clearFailedSignIns,
  findAccountByUsername,
  findSession,
  insertSession,
  reserveSignInAttempt,
  revokeSessions,
  touchSession,
  type StaffAccount,
  type StaffSession,
} from './auth.repository';
import { keyedHash } from './keyed-hash';
import { hashPassword, verifyPassword } from './passwords';

export const SESSION_COOKIE = 'tipline_staff';

/** The signed-in staff member as every staff route sees it (res.locals.staff). */
export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: { id: string; code: string; name: string } | null;
  scopeProvinceCode: string | null;
  /** Issue #18: a commune Steering Committee 389, its commune; null for every other role. */
  scopeCommuneCode: string | null;
}

export interface ActiveSession {
  user: StaffUser;
  tokenHash: string;
  csrfToken: string;
}

const invalidCredentials = () => new AppError('auth.invalid_credentials', 401);
export const locked = (retryAfterSeconds: number) =>
  new AppError('auth.locked', 429, {}, [], { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });

/** Keyed, so a copy of the sessions table alone cannot be matched against tokens; a new SESSION_SECRET ends every session. */
const hashToken = (deps: AppDeps, token: string) => keyedHash(deps.secrets.sessionSecret, 'session-token', token);
/** Issue #15: an unknown username may be a password typed in the wrong field; the audit log keeps only this. */
const auditedUsername = (deps: AppDeps, username: string) =>
  `username-hash:${keyedHash(deps.secrets.sessionSecret, 'audit-username', username)}`;
const newToken = () => randomBytes(32).toString('base64url');
// An unknown username, and a locked account of either kind, cost as much time as a wrong password.
const decoyHash = hashPassword('no-account-has-this-password');
/** The slow hash of a sign-in that is refused before any password is checked (issue #15: timing). */
export const spendDecoyHash = async (password: string): Promise<void> => {
  await verifyPassword(password, await decoyHash);
};
/** Sessions are touched at most once a minute: a write per request would be a write per click. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Failures for usernames that do not exist, in memory: they lock like real accounts do
 * (reserveSignInAttempt), so the answer never tells whether an account exists.
 */
export const createUnknownUserGuard = (deps: AppDeps): FailureGuard =>
  createFailureGuard(deps, {
    name: 'unknown-user',
    max: deps.config.staff.maxFailures,
    lockMs: deps.config.staff.lockMs,
  });

/**
 * SPEC.md §7 and issue #5: the same 401 for a wrong password, an unknown user and a disabled account;
 * after `maxFailures` in a row the account is locked for `lockMs` (an admin may release it sooner).
 */
export async function signIn(
  deps: AppDeps,
  guard: FailureGuard,
  input: { username: string; password: string },
): Promise<{ token: string; session: ActiveSession }> {
  const { maxFailures, lockMs } = deps.config.staff;
  const now = deps.clock.now();
  const username = input.username.trim().toLowerCase();
  const found = await findAccountByUsername(deps.db, username);

  // Both refusals of a locked name do the same work (a write, a slow hash), so their time tells
  // nothing about whether the account exists.
  if (!found) {
    const subject = auditedUsername(deps, username);
    const wait = await guard.blockedFor(subject);
    if (wait > 0) {
      await appendAudit(deps.db, { at: now, action: 'sign_in_refused_locked', subject });
      await spendDecoyHash(input.password);
      throw locked(wait / 1000);
    }
    await guard.fail(subject);
    await verifyPassword(input.password, await decoyHash);
    await appendAudit(deps.db, { at: now, action: 'sign_in_failed', subject, data: { reason: 'unknown_user' } });
    throw invalidCredentials();
  }
  const { account, unit } = found;
  const reserved = await reserveSignInAttempt(deps.db, account.id, now, maxFailures, new Date(now.getTime() + lockMs));
  if (!reserved) {
    await appendAudit(deps.db, { at: now, action: 'sign_in_refused_locked', subject: `account:${account.id}` });
    await spendDecoyHash(input.password);
    // Read before the attempt; a lock set meanwhile by a parallel guess lasts the full lockMs.
    throw locked(
      ((account.lockedUntil && account.lockedUntil > now ? account.lockedUntil.getTime() : now.getTime() + lockMs) -
        now.getTime()) /
        1000,
    );
  }
  const ok = await verifyPassword(input.password, account.passwordHash);
  if (!ok || account.isDisabled) {
    await appendAudit(deps.db, {
      at: now,
      action: 'sign_in_failed',
      subject: `account:${account.id}`,
      data: { reason: ok ? 'disabled' : 'wrong_password' },
    });
    if (reserved.lockedUntil)
      await appendAudit(deps.db, {
        at: now,
        action: 'account_locked',
        subject: `account:${account.id}`,
        data: { minutes: lockMs / 60_000 },
      });
    throw invalidCredentials();
  }

  await clearFailedSignIns(deps.db, account.id);
  const token = newToken();
  const session = await insertSession(deps.db, {
    tokenHash: hashToken(deps, token),
    accountId: account.id,
    csrfToken: newToken(),
    createdAt: now,
    lastSeenAt: now,
  });
  await appendAudit(deps.db, { at: now, action: 'sign_in', actorId: account.id, subject: `account:${account.id}` });
  return { token, session: activeSession({ session, account, unit }) };
}

/**
 * The session of a cookie's token, or undefined when unknown, revoked, idle too long or too old (or its
 * account disabled). `touch: false` (an open alert stream re-checking itself) does not count as activity.
 */
export async function authenticate(
  deps: AppDeps,
  token: string | undefined,
  { touch = true }: { touch?: boolean } = {},
): Promise<ActiveSession | undefined> {
  if (!token) return undefined;
  const tokenHash = hashToken(deps, token);
  const row = await findSession(deps.db, tokenHash);
  if (!row) return undefined;
  const now = deps.clock.now();
  const { idleMs, maxAgeMs } = deps.config.staff;
  if (
    now.getTime() - row.session.lastSeenAt.getTime() > idleMs ||
    now.getTime() - row.session.createdAt.getTime() > maxAgeMs
  ) {
    await revokeSessions(deps.db, { tokenHash }, now);
    return undefined;
  }
  if (touch && now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await touchSession(deps.db, tokenHash, now);
  return activeSession(row);
}

/** An account and its unit as staff routes see them. */
export function toStaffUser({ account, unit }: { account: StaffAccount; unit: StaffUser['unit'] }): StaffUser {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    unit: unit?.id ? { id: unit.id, code: unit.code, name: unit.name } : null,
    scopeProvinceCode: account.scopeProvinceCode,
    scopeCommuneCode: account.scopeCommuneCode,
  };
}

function activeSession({
  session,
  account,
  unit,
}: {
  session: StaffSession;
  account: StaffAccount;
  unit: StaffUser['unit'];
}): ActiveSession {
  return { tokenHash: session.tokenHash, csrfToken: session.csrfToken, user: toStaffUser({ account, unit }) };
}

export async function signOut(deps: AppDeps, session: ActiveSession, everywhere: boolean): Promise<void> {
  const now = deps.clock.now();
  await revokeSessions(deps.db, everywhere ? { accountId: session.user.id } : { tokenHash: session.tokenHash }, now);
  await appendAudit(deps.db, {
    at: now,
    action: everywhere ? 'sign_out_everywhere' : 'sign_out',
    actorId: session.user.id,
    subject: `account:${session.user.id}`,
  });
}
