import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { hotlineCallsTable } from '../intake/intake.table';
import { reportsTable } from './reports.table';

/**
 * Issue #17: a further secret for a report, one per caller whose call was appended to it, so that each
 * caller follows the report with its code and a secret of their own (the report's first secret stays in
 * `reports.secret_hash`). Only a slow hash is kept, as for the first, and a keyed fingerprint to find it; `openReceipt` accepts any of them.
 */
export const reportReceiptsTable = pgTable(
  'report_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reportsTable.id),
    secretHash: text('secret_hash').notNull(),
    /**
     * keyedHash('receipt-secret') of the secret (migration 0017): `openReceipt` finds the one row to verify
     * with one scrypt. Null on rows written before it: those are verified the slow way.
     */
    secretFingerprint: text('secret_fingerprint'),
    /** The appended call the secret was read out on. */
    callId: uuid('call_id')
      .notNull()
      .references(() => hotlineCallsTable.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('report_receipts_report_idx').on(t.reportId),
    index('report_receipts_fingerprint_idx').on(t.reportId, t.secretFingerprint),
  ],
);
