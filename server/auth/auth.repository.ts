import { and, ne, count, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { communesTable } from '../places/places.table';
import { unitsTable } from '../units/units.table';
import { auditLogTable, staffAccountsTable, staffSessionsTable } from './auth.table';

export type NewStaffAccount = typeof staffAccountsTable.$inferInsert;

export async function countStaffAccounts(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: count() }).from(staffAccountsTable);
  return row?.n ?? 0;
}

export async function insertStaffAccounts(q: Queryable, accounts: NewStaffAccount[]): Promise<void> {
  if (accounts.length > 0) await q.insert(staffAccountsTable).values(accounts);
}

/** Inserts one account and returns its id. */
export async function insertStaffAccount(q: Queryable, account: NewStaffAccount): Promise<string> {
  const [row] = await q.insert(staffAccountsTable).values(account).returning({ id: staffAccountsTable.id });
  if (!row) throw new Error('account not inserted');
  return row.id;
}

export type StaffAccount = typeof staffAccountsTable.$inferSelect;
export type StaffSession = typeof staffSessionsTable.$inferSelect;

const unitColumns = { id: unitsTable.id, name: unitsTable.name, code: unitsTable.code };

/** The account of a username, with its unit. */
export async function findAccountByUsername(q: Queryable, username: string) {
  const [row] = await q
    .select({ account: staffAccountsTable, unit: unitColumns })
    .from(staffAccountsTable)
    .leftJoin(unitsTable, eq(unitsTable.id, staffAccountsTable.unitId))
    .where(eq(staffAccountsTable.username, username));
  return row;
}

/**
 * Counts a sign-in attempt before its password is checked, in one statement, so that parallel guesses
 * cannot all pass a stale count: the attempt that reaches `max` sets the lock, later ones find the
 * account locked (undefined). A lock that has run out starts a fresh count.
 */
export async function reserveSignInAttempt(
  q: Queryable,
  id: string,
  now: Date,
  max: number,
  lockUntil: Date,
): Promise<{ attempt: number; lockedUntil: Date | null } | undefined> {
  const a = staffAccountsTable;
  const next = sql`(case when ${a.lockedUntil} is not null and ${a.lockedUntil} <= ${now.toISOString()}::timestamptz then 1 else ${a.failedSignIns} + 1 end)`;
  const [row] = await q
    .update(a)
    .set({
      failedSignIns: next,
      lockedUntil: sql`case when ${next} >= ${max} then ${lockUntil.toISOString()}::timestamptz else null end`,
    })
    .where(and(eq(a.id, id), or(isNull(a.lockedUntil), lte(a.lockedUntil, now))))
    .returning({ attempt: a.failedSignIns, lockedUntil: a.lockedUntil });
  return row;
}

export async function clearFailedSignIns(q: Queryable, id: string): Promise<void> {
  await q.update(staffAccountsTable).set({ failedSignIns: 0, lockedUntil: null }).where(eq(staffAccountsTable.id, id));
}

export async function insertSession(
  q: Queryable,
  session: typeof staffSessionsTable.$inferInsert,
): Promise<StaffSession> {
  const [row] = await q.insert(staffSessionsTable).values(session).returning();
  if (!row) throw new Error('session not inserted');
  return row;
}

/** The session with its account, if the token is known, not revoked, and the account not disabled. */
export async function findSession(q: Queryable, tokenHash: string) {
  const [row] = await q
    .select({ session: staffSessionsTable, account: staffAccountsTable, unit: unitColumns })
    .from(staffSessionsTable)
    .innerJoin(staffAccountsTable, eq(staffAccountsTable.id, staffSessionsTable.accountId))
    .leftJoin(unitsTable, eq(unitsTable.id, staffAccountsTable.unitId))
    .where(
      and(
        eq(staffSessionsTable.tokenHash, tokenHash),
        isNull(staffSessionsTable.revokedAt),
        eq(staffAccountsTable.isDisabled, false),
      ),
    );
  return row;
}

export async function touchSession(q: Queryable, tokenHash: string, at: Date): Promise<void> {
  await q.update(staffSessionsTable).set({ lastSeenAt: at }).where(eq(staffSessionsTable.tokenHash, tokenHash));
}

/** One session, every session of an account, or every one but the session in use (`except`). */
export async function revokeSessions(
  q: Queryable,
  where: { tokenHash: string } | { accountId: string; except?: string },
  at: Date,
): Promise<number> {
  const condition =
    'tokenHash' in where
      ? eq(staffSessionsTable.tokenHash, where.tokenHash)
      : and(
          eq(staffSessionsTable.accountId, where.accountId),
          where.except ? ne(staffSessionsTable.tokenHash, where.except) : undefined,
        );
  const rows = await q
    .update(staffSessionsTable)
    .set({ revokedAt: at })
    .where(and(condition, isNull(staffSessionsTable.revokedAt)))
    .returning({ tokenHash: staffSessionsTable.tokenHash });
  return rows.length;
}

export async function appendAudit(q: Queryable, entry: typeof auditLogTable.$inferInsert): Promise<void> {
  await q.insert(auditLogTable).values(entry);
}

/** Accounts with their unit's name, in username order. */
export async function findAccounts(q: Queryable, id?: string) {
  return q
    .select({
      account: staffAccountsTable,
      unitName: unitsTable.name,
      communeName: communesTable.name,
      communeProvinceCode: communesTable.provinceCode,
    })
    .from(staffAccountsTable)
    .leftJoin(unitsTable, eq(unitsTable.id, staffAccountsTable.unitId))
    .leftJoin(communesTable, eq(communesTable.code, staffAccountsTable.scopeCommuneCode))
    .where(id ? eq(staffAccountsTable.id, id) : undefined)
    .orderBy(staffAccountsTable.username);
}

export async function updateAccount(
  q: Queryable,
  id: string,
  changes: Partial<typeof staffAccountsTable.$inferInsert>,
): Promise<void> {
  await q.update(staffAccountsTable).set(changes).where(eq(staffAccountsTable.id, id));
}
