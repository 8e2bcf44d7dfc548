import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { reportReceiptsTable } from './receipts.table';

/** The slow hashes of the secrets given to callers appended to a report (issue #17), oldest first. */
export async function findReceiptHashes(q: Queryable, reportId: string): Promise<string[]> {
  const rows = await q
    .select({ secretHash: reportReceiptsTable.secretHash })
    .from(reportReceiptsTable)
    .where(eq(reportReceiptsTable.reportId, reportId))
    .orderBy(reportReceiptsTable.createdAt);
  return rows.map((r) => r.secretHash);
}

export async function insertReceipt(q: Queryable, row: typeof reportReceiptsTable.$inferInsert): Promise<void> {
  await q.insert(reportReceiptsTable).values(row);
}
