import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AlertKind } from '../../shared/domain/alerts';
import { staffAccountsTable } from '../auth/auth.table';
import { reportsTable } from '../reports/reports.table';
import { unitsTable } from '../units/units.table';

/**
 * Issue #17: one row per staff member told of one event. `event_key` names the event (e.g.
 * `routed:<report>:<unit>:<at>`), so an event told twice (a retried job, two processes) is stored once.
 */
export const alertsTable = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventKey: text('event_key').notNull(),
    kind: text('kind').$type<AlertKind>().notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reportsTable.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffAccountsTable.id),
    /** The unit the alert concerns (null for a coordinator's escalation). */
    unitId: uuid('unit_id').references(() => unitsTable.id),
    dueAt: timestamp('due_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('alerts_event_staff_idx').on(t.eventKey, t.staffId),
    index('alerts_staff_created_idx').on(t.staffId, t.createdAt, t.id),
    index('alerts_staff_unread_idx')
      .on(t.staffId)
      .where(sql`${t.readAt} is null`),
  ],
);

export type AlertEmailStatus = 'pending' | 'sent' | 'failed';
/**
 * What an outbox row sends: an alert, a unit's digest, or the news notice a reporter asked for (issue #17). A
 * reporter's row holds no address (`recipient` is `REPORTER`): it is opened from the sealed contact when sent.
 */
export type AlertEmailKind = AlertKind | 'digest' | 'reporter_notice';
export const REPORTER = 'reporter';

/**
 * Issue #17: the e-mail outbox, written in the event's transaction and sent by `deliverEmails`.
 * The text is built at send time from the report's code, category, commune and deadline: never its
 * contact or description, and nothing of the report is copied here.
 */
export const alertEmailsTable = pgTable(
  'alert_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventKey: text('event_key').notNull(),
    kind: text('kind').$type<AlertEmailKind>().notNull(),
    /** null for a unit's daily digest. */
    reportId: uuid('report_id').references(() => reportsTable.id),
    /** The unit of a digest, or whose duty mailbox this is. */
    unitId: uuid('unit_id').references(() => unitsTable.id),
    recipient: text('recipient').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** A digest's figures, counted when it was queued. */
    data: jsonb('data').$type<Record<string, unknown>>(),
    status: text('status').$type<AlertEmailStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before: the backoff after a failed attempt. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The SMTP error's code of the last failure (never its message, which may quote the address). */
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('alert_emails_event_recipient_idx').on(t.eventKey, t.recipient),
    index('alert_emails_pending_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Issue #17: e-mail per kind for one staff member; no row = e-mail on for every kind. In-app is always on. */
export const staffAlertPreferencesTable = pgTable('staff_alert_preferences', {
  staffId: uuid('staff_id')
    .primaryKey()
    .references(() => staffAccountsTable.id),
  /** Where this staff member's own alert e-mails go; null: none (the unit's duty mailbox still gets them). */
  address: text('address'),
  email: jsonb('email').$type<Partial<Record<AlertKind, boolean>>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Issue #17: the deadlines already told, one row per report, deadline and kind (due soon / overdue). */
export const deadlineNoticesTable = pgTable(
  'deadline_notices',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reportsTable.id),
    /** Issue #18: `crime_handover_…` and `crime_criminal_…` for the crime track's clocks (crime-deadlines.ts). */
    kind: text('kind')
      .$type<'due_soon' | 'overdue' | `crime_${'handover' | 'criminal'}_${'due_soon' | 'overdue'}`>()
      .notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('deadline_notices_idx').on(t.reportId, t.kind, t.dueAt)],
);

/** Issue #17: one digest per unit and Vietnamese day, whichever process gets there first. */
export const alertDigestsTable = pgTable(
  'alert_digests',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unitsTable.id),
    day: text('day').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('alert_digests_unit_day_idx').on(t.unitId, t.day)],
);
