import { count } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { staffAccountsTable } from './auth.table';

export type NewStaffAccount = typeof staffAccountsTable.$inferInsert;

export async function countStaffAccounts(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: count() }).from(staffAccountsTable);
  return row?.n ?? 0;
}

export async function insertStaffAccounts(q: Queryable, accounts: NewStaffAccount[]): Promise<void> {
  if (accounts.length > 0) await q.insert(staffAccountsTable).values(accounts);
}
