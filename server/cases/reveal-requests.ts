import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { staffAccountsTable } from '../auth/auth.table';
import type { Queryable } from '../db/types';
import { contactRevealRequestsTable } from './reveal-requests.table';

/**
 * Issue #18 (misconduct): an approval opens the contact for this long, once; then a new request is needed.
 * Within it the asker opens the contact with their own `reveal-contact`.
 */
export const REVEAL_APPROVAL_HOURS = 24;

export type RevealRequest = typeof contactRevealRequestsTable.$inferSelect;

export async function insertRevealRequest(
  q: Queryable,
  row: { reportId: string; requestedBy: string; requestedAt: Date; reason: string },
): Promise<RevealRequest> {
  const [inserted] = await q.insert(contactRevealRequestsTable).values(row).returning();
  if (!inserted) throw new Error('reveal request not inserted');
  return inserted;
}

/** A report's requests not yet used, newest first. */
export async function findOpenRevealRequests(q: Queryable, reportId: string): Promise<RevealRequest[]> {
  return q
    .select()
    .from(contactRevealRequestsTable)
    .where(and(eq(contactRevealRequestsTable.reportId, reportId), isNull(contactRevealRequestsTable.usedAt)))
    .orderBy(desc(contactRevealRequestsTable.requestedAt));
}

export async function approveRevealRequest(q: Queryable, id: string, by: string, at: Date): Promise<void> {
  await q
    .update(contactRevealRequestsTable)
    .set({ approvedBy: by, approvedAt: at })
    .where(and(eq(contactRevealRequestsTable.id, id), isNull(contactRevealRequestsTable.approvedBy)));
}

export async function markRevealRequestUsed(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(contactRevealRequestsTable).set({ usedAt: at }).where(eq(contactRevealRequestsTable.id, id));
}

/** Whether an approval still opens the contact at `now`. */
export const approvalFresh = (request: RevealRequest, now: Date) =>
  request.approvedAt !== null && now.getTime() - request.approvedAt.getTime() <= REVEAL_APPROVAL_HOURS * 3_600_000;

const requester = alias(staffAccountsTable, 'requester');
const approver = alias(staffAccountsTable, 'approver');

/** The case page's list for coordinators: the requests not yet used, with who asked and who approved. */
export async function findRevealRequestsView(q: Queryable, reportId: string) {
  return q
    .select({
      id: contactRevealRequestsTable.id,
      requestedBy: contactRevealRequestsTable.requestedBy,
      requestedByName: requester.displayName,
      requestedAt: contactRevealRequestsTable.requestedAt,
      reason: contactRevealRequestsTable.reason,
      approvedByName: approver.displayName,
      approvedAt: contactRevealRequestsTable.approvedAt,
    })
    .from(contactRevealRequestsTable)
    .innerJoin(requester, eq(requester.id, contactRevealRequestsTable.requestedBy))
    .leftJoin(approver, eq(approver.id, contactRevealRequestsTable.approvedBy))
    .where(and(eq(contactRevealRequestsTable.reportId, reportId), isNull(contactRevealRequestsTable.usedAt)))
    .orderBy(desc(contactRevealRequestsTable.requestedAt));
}
