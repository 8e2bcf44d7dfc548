import { bigint, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DeskChannel } from '../../shared/domain/channels';
import { staffAccountsTable } from '../auth/auth.table';
import { reportEventsTable, reportsTable } from '../reports/reports.table';

/**
 * A hotline call an operator recorded (issue #5): the one that opened a report, or a later call
 * appended to it. An anonymous caller's number is not kept in any form (SPEC.md §6); otherwise the
 * number is sealed like contact details and kept masked (`0981***389`) for lists.
 */
export const hotlineCallsTable = pgTable(
  'hotline_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reportsTable.id),
    /** The report's `received` event for the opening call, its `call_appended` event otherwise. */
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => reportEventsTable.id),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => staffAccountsTable.id),
    opensReport: boolean('opens_report').notNull(),
    /**
     * Issue #18: how the report reached the desk (DESK_CHANNELS): a call, a visit, a letter, an e-mail or a Zalo
     * message; every one is entered through the console's form and gets the same receipt.
     */
    channel: text('channel').$type<DeskChannel>().notNull().default('hotline'),
    /** The hotline number the call came in on, normalised (0981389389); for other channels the desk's line. */
    line: text('line').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    callerAnonymous: boolean('caller_anonymous').notNull(),
    callerMasked: text('caller_masked'),
    /** `v1.<iv>.<tag>.<ciphertext>` of the caller's number, as contactSealed. */
    callerSealed: text('caller_sealed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('hotline_calls_report_idx').on(t.reportId),
    index('hotline_calls_operator_idx').on(t.operatorId, t.createdAt),
  ],
);
