import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { provincesTable } from '../places/places.table';
import { reportsTable } from '../reports/reports.table';
import { unitsTable } from '../units/units.table';

export const ESCALATION_LEVELS = ['province', 'national'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** Why a report was escalated: today only its acceptance deadline passed (issue #17). */
export type EscalationReason = 'accept_overdue';
/** What ended it: the report was accepted, a coordinator moved the lead, or it left the open statuses. */
export type EscalationResolution = 'accepted' | 'lead_moved' | 'closed';

/**
 * Issue #17: a report not accepted in time is escalated to its province's coordinators, and after a
 * further ESCALATE_NATIONAL_HOURS to the national ones. One row per report and level (the sweeper is
 * idempotent); resolved when the report is accepted, its lead moved, or it is closed.
 */
export const reportEscalationsTable = pgTable(
  'report_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reportsTable.id),
    level: text('level').$type<EscalationLevel>().notNull(),
    /** The report's province: whose coordinators see it. */
    provinceCode: text('province_code')
      .notNull()
      .references(() => provincesTable.code),
    /** The lead unit that let the deadline pass. */
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => unitsTable.id),
    reason: text('reason').$type<EscalationReason>().notNull(),
    /** The deadline that passed. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution').$type<EscalationResolution>(),
  },
  (t) => [
    uniqueIndex('report_escalations_report_level_idx').on(t.reportId, t.level),
    index('report_escalations_open_idx')
      .on(t.provinceCode, t.at)
      .where(sql`${t.resolvedAt} is null`),
    check('report_escalations_level', sql`${t.level} in ('province', 'national')`),
    check('report_escalations_resolved', sql`(${t.resolvedAt} is null) = (${t.resolution} is null)`),
  ],
);
