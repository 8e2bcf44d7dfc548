import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffAccountsTable } from '../auth/auth.table';
import { reportsTable } from '../reports/reports.table';

/**
 * Issue #18 (SPEC.md §4): the reporter of a tip about officials is revealed only with a second coordinator's
 * approval. A coordinator's `reveal-contact` on such a report asks (a row here); another coordinator whose scope
 * holds the province approves it (`approve-reveal`); then the asker's `reveal-contact` opens the contact while the
 * approval is fresh (`REVEAL_APPROVAL_HOURS`, server/cases/actions/reveal-contact.ts). Rows are never deleted: with the audit log, they are who
 * asked and who agreed.
 */
export const contactRevealRequestsTable = pgTable(
  'contact_reveal_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reportsTable.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => staffAccountsTable.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    approvedBy: uuid('approved_by').references(() => staffAccountsTable.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** When the asker opened the contact with this approval; an approval serves once. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    index('contact_reveal_requests_report_idx').on(t.reportId),
    check('contact_reveal_requests_approval_whole', sql`(${t.approvedBy} is null) = (${t.approvedAt} is null)`),
    check('contact_reveal_requests_second_person', sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.requestedBy}`),
    check('contact_reveal_requests_used_after_approval', sql`${t.usedAt} is null or ${t.approvedAt} is not null`),
  ],
);
