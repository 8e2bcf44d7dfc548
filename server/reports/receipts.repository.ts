import { and, eq, isNull } from 'drizzle-orm';
import { keyedHash } from '../auth/keyed-hash';
import type { Queryable } from '../db/types';
import { reportReceiptsTable } from './receipts.table';

/** The keyed fingerprint of a caller's receipt secret (normalised), under SESSION_SECRET. */
export const receiptFingerprint = (key: string, secret: string) => keyedHash(key, 'receipt-secret', secret);

/**
 * The slow hashes `openReceipt` verifies for a secret offered for a report (issue #17): the appended
 * caller's whose fingerprint matches, else the report's own; plus those of rows written before the
 * fingerprint (none in production: they are verified the slow way). So one scrypt per attempt.
 */
export async function receiptHashesFor(
  q: Queryable,
  report: { id: string; secretHash: string },
  fingerprint: string,
): Promise<string[]> {
  const t = reportReceiptsTable;
  const [match] = await q
    .select({ secretHash: t.secretHash })
    .from(t)
    .where(and(eq(t.reportId, report.id), eq(t.secretFingerprint, fingerprint)))
    .limit(1);
  const legacy = await q
    .select({ secretHash: t.secretHash })
    .from(t)
    .where(and(eq(t.reportId, report.id), isNull(t.secretFingerprint)))
    .orderBy(t.createdAt);
  return [match?.secretHash ?? report.secretHash, ...legacy.map((r) => r.secretHash)];
}

export async function insertReceipt(q: Queryable, row: typeof reportReceiptsTable.$inferInsert): Promise<void> {
  await q.insert(reportReceiptsTable).values(row);
}
