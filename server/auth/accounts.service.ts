import type { AccountView } from '../../shared/api/accounts';
import { roleIssues, usernameSchema, type AccountChange, type AccountInput } from '../../shared/schemas/accounts';
import type { Db, Queryable } from '../db/types';
import type { AppDeps, Clock } from '../deps';
import { AppError, fieldIssue, notFound, validationFailed } from '../http/errors';
import { findCommunesByCode, findProvince } from '../places/places.repository';
import { findUnit } from '../units/units.repository';
import type { StaffUser } from './auth.service';
import {
  appendAudit,
  findAccountByUsername,
  findAccounts,
  insertStaffAccount,
  revokeSessions,
  updateAccount,
  type NewStaffAccount,
} from './auth.repository';
import { generatePassword, hashPassword } from './passwords';

export class AccountRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountRefused';
  }
}

/** A new administrator with a generated password, returned once; written to the audit log. */
export async function createAdminAccount(
  db: Db,
  clock: Clock,
  input: { username: string; displayName: string },
): Promise<{ username: string; password: string }> {
  const parsed = usernameSchema.safeParse(input.username);
  if (!parsed.success)
    throw new AccountRefused(
      `${input.username.trim().toLowerCase()}: a username is 2-63 lower-case letters, digits, dots, dashes or underscores`,
    );
  const username = parsed.data;
  const { password, passwordHash } = await newPassword();
  await db.transaction(async (tx) => {
    const id = await addAccount(
      tx,
      { username, displayName: input.displayName, role: 'admin', passwordHash },
      { at: clock.now(), data: { role: 'admin', via: 'command line' } },
    );
    if (!id) throw new AccountRefused(`the username ${username} is already taken`);
  });
  return { username, password };
}

/** 'national' and an absent scope are stored as null (whole country for a coordinator). */
const provinceOfScope = (scope: string | null | undefined) => (scope && scope !== 'national' ? scope : null);

const usernameTaken = () => new AppError('account.username_taken', 409);

async function newPassword(): Promise<{ password: string; passwordHash: string }> {
  const password = generatePassword();
  return { password, passwordHash: await hashPassword(password) };
}

/** Inserts an account and audits its creation; undefined when the username is taken. */
async function addAccount(
  q: Queryable,
  account: NewStaffAccount,
  audit: { at: Date; actorId?: string; data: Record<string, unknown> },
): Promise<string | undefined> {
  if (await findAccountByUsername(q, account.username)) return undefined;
  const id = await insertStaffAccount(q, account);
  await appendAudit(q, { ...audit, action: 'account_created', subject: `account:${id}` });
  return id;
}

function view(row: Awaited<ReturnType<typeof findAccounts>>[number]): AccountView {
  const { account, unitName, communeName, communeProvinceCode } = row;
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    unit: account.unitId && unitName ? { id: account.unitId, name: unitName } : null,
    scopeProvinceCode: account.scopeProvinceCode,
    scopeCommune:
      account.scopeCommuneCode && communeName && communeProvinceCode
        ? { code: account.scopeCommuneCode, name: communeName, provinceCode: communeProvinceCode }
        : null,
    isDisabled: account.isDisabled,
    lockedUntil: account.lockedUntil?.toISOString() ?? null,
  };
}

export async function listAccounts(deps: AppDeps): Promise<AccountView[]> {
  return (await findAccounts(deps.db)).map(view);
}

async function accountView(q: Queryable, id: string): Promise<AccountView> {
  const [row] = await findAccounts(q, id);
  if (!row) throw notFound();
  return view(row);
}

/** The unit, province and commune named must exist and the unit must be open; each refusal names its field. */
async function checkPlacement(
  q: Queryable,
  placement: { unitId?: string | null; scopeProvinceCode?: string | null; scopeCommuneCode?: string | null },
): Promise<void> {
  if (placement.unitId) {
    const unit = await findUnit(q, placement.unitId);
    // Issue #18: a standing office has no officers (its staff are the province's coordinators).
    if (!unit || unit.validTo || unit.kind !== 'force')
      throw validationFailed([fieldIssue(['unitId'], 'invalid_value')]);
  }
  if (placement.scopeProvinceCode) {
    if (!(await findProvince(q, placement.scopeProvinceCode)))
      throw validationFailed([fieldIssue(['scopeProvinceCode'], 'invalid_value')]);
  }
  if (placement.scopeCommuneCode && !(await findCommunesByCode(q, [placement.scopeCommuneCode])).size)
    throw validationFailed([fieldIssue(['scopeCommuneCode'], 'invalid_value')]);
}

/** Issue #5: an admin creates an account; its generated password is answered once. */
export async function createAccount(
  deps: AppDeps,
  actor: StaffUser,
  input: AccountInput,
): Promise<{ account: AccountView; password: string }> {
  const { password, passwordHash } = await newPassword();
  const account = await deps.db.transaction(async (tx) => {
    const placement = {
      unitId: input.unitId ?? null,
      scopeProvinceCode: provinceOfScope(input.scopeProvinceCode),
      scopeCommuneCode: input.scopeCommuneCode ?? null,
    };
    await checkPlacement(tx, placement);
    const audit = { at: deps.clock.now(), actorId: actor.id, data: { role: input.role, unitId: placement.unitId } };
    const id = await addAccount(tx, { ...input, ...placement, passwordHash }, audit);
    if (!id) throw usernameTaken();
    return accountView(tx, id);
  });
  return { account, password };
}

/** Renames, re-assigns, changes the role, disables or enables; disabling ends the account's sessions. */
export async function changeAccount(
  deps: AppDeps,
  actor: StaffUser,
  id: string,
  changes: AccountChange,
): Promise<AccountView> {
  return deps.db.transaction(async (tx) => {
    const [row] = await findAccounts(tx, id);
    if (!row) throw notFound();
    const becomesCoordinator = changes.role === 'coordinator' && row.account.role !== 'coordinator';
    const next = {
      role: changes.role ?? row.account.role,
      unitId: changes.unitId === undefined ? row.account.unitId : changes.unitId,
      // A new coordinator must be given a scope; an existing one keeps theirs (null is national).
      scopeProvinceCode:
        changes.scopeProvinceCode !== undefined
          ? changes.scopeProvinceCode
          : becomesCoordinator
            ? undefined
            : row.account.scopeProvinceCode,
      // A commune is a committee's only: another role leaves it unless it is named again (then refused).
      scopeCommuneCode:
        changes.scopeCommuneCode !== undefined
          ? changes.scopeCommuneCode
          : (changes.role ?? row.account.role) === 'commune_committee'
            ? row.account.scopeCommuneCode
            : null,
    };
    const issues = roleIssues(next);
    if (issues.length > 0)
      throw validationFailed(issues.map((i) => fieldIssue([i.path], i.key.replace('validation.', ''))));
    // Only what changes is checked: the officers of a unit closed since can still be disabled.
    await checkPlacement(tx, {
      unitId: changes.unitId,
      scopeProvinceCode: provinceOfScope(changes.scopeProvinceCode),
      scopeCommuneCode: changes.scopeCommuneCode,
    });
    const now = deps.clock.now();
    const { scopeProvinceCode: _scope, ...rest } = changes;
    await updateAccount(tx, id, {
      ...rest,
      role: next.role,
      unitId: next.unitId,
      scopeProvinceCode: provinceOfScope(next.scopeProvinceCode),
      scopeCommuneCode: next.scopeCommuneCode,
      updatedAt: now,
    });
    if (changes.isDisabled) await revokeSessions(tx, { accountId: id }, now);
    await appendAudit(tx, {
      at: now,
      action: 'account_changed',
      actorId: actor.id,
      subject: `account:${id}`,
      data: changes,
    });
    return accountView(tx, id);
  });
}

/** A new generated password, answered once; the old sessions end and a lock is released. */
export async function resetPassword(
  deps: AppDeps,
  actor: StaffUser,
  id: string,
): Promise<{ account: AccountView; password: string }> {
  const { password, passwordHash } = await newPassword();
  const account = await deps.db.transaction(async (tx) => {
    const before = await accountView(tx, id);
    const now = deps.clock.now();
    await updateAccount(tx, id, { passwordHash, failedSignIns: 0, lockedUntil: null, updatedAt: now });
    await revokeSessions(tx, { accountId: id }, now);
    await appendAudit(tx, { at: now, action: 'password_reset', actorId: actor.id, subject: `account:${id}` });
    return { ...before, lockedUntil: null };
  });
  return { account, password };
}

/** An admin releases a lock before its time. */
export async function unlockAccount(deps: AppDeps, actor: StaffUser, id: string): Promise<AccountView> {
  return deps.db.transaction(async (tx) => {
    const before = await accountView(tx, id);
    const now = deps.clock.now();
    await updateAccount(tx, id, { failedSignIns: 0, lockedUntil: null, updatedAt: now });
    await appendAudit(tx, { at: now, action: 'account_unlocked', actorId: actor.id, subject: `account:${id}` });
    return { ...before, lockedUntil: null };
  });
}
