import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { GoodsType, ProsecutionDecision, SanctionClock, SanctionType } from '../../shared/domain/results';
import { staffAccountsTable } from '../auth/auth.table';
import { reportsTable } from '../reports/reports.table';
import { unitsTable } from '../units/units.table';

/**
 * Issue #18, the administrative track (Luật XLVPHC): the violation record (biên bản) and, once taken, the
 * sanction decision of one report. The record starts the sanction clock (`clock` → `due_at`, working days
 * on the holiday calendar for `standard` and `transferred`); the decision is entered when resolving.
 */
export const reportSanctionsTable = pgTable(
  'report_sanctions',
  {
    reportId: uuid('report_id')
      .primaryKey()
      .references(() => reportsTable.id),
    recordNo: text('record_no').notNull(),
    /** The day the violation record was made (Vietnam time). */
    recordDate: date('record_date', { mode: 'string' }).notNull(),
    clock: text('clock').$type<SanctionClock>().notNull(),
    /** Required for `verification` and `extended` (Luật XLVPHC Điều 66). */
    clockReason: text('clock_reason'),
    /** When the sanction decision is due: the end of the last day the clock allows. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staffAccountsTable.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date', { mode: 'string' }),
    sanctionTypes: text('sanction_types')
      .array()
      .$type<SanctionType[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** In đồng; only with a `fine` among the sanction types. */
    fineVnd: bigint('fine_vnd', { mode: 'number' }),
  },
  (t) => [
    check('report_sanctions_fine_not_negative', sql`${t.fineVnd} is null or ${t.fineVnd} >= 0`),
    check('report_sanctions_decision_whole', sql`(${t.decisionNo} is null) = (${t.decisionDate} is null)`),
  ],
);

/** Issue #18: goods seized (tạm giữ, tịch thu) in one report: type, quantity with its unit, estimated value. */
export const reportSeizedGoodsTable = pgTable(
  'report_seized_goods',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reportsTable.id),
    goodsType: text('goods_type').$type<GoodsType>().notNull(),
    /** Free words for what it is ("thuốc lá điếu Esse"), never about the reporter. */
    description: text('description'),
    quantity: numeric('quantity', { precision: 18, scale: 3, mode: 'number' }).notNull(),
    /** The unit of count (đơn vị tính): kg, lít, bao, cái … */
    unit: text('unit').notNull(),
    /** Estimated value in đồng. */
    valueVnd: bigint('value_vnd', { mode: 'number' }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staffAccountsTable.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('report_seized_goods_report_idx').on(t.reportId),
    check('report_seized_goods_positive', sql`${t.quantity} > 0 and ${t.valueVnd} >= 0`),
  ],
);

/**
 * Issue #18, the crime track (SPEC.md §4–5, BLTTHS 2015 Điều 147): a report with signs of a crime keeps its
 * lead, is handed to an investigating body (a police unit with `investigates`) within 24 hours, and that body's
 * clock runs from the hand-off: 20 days, extended to 2 months, then once more by up to 2 months with the
 * procuracy's approval; it ends with the decision to prosecute or not.
 */
export const reportCrimeTable = pgTable(
  'report_crime',
  {
    reportId: uuid('report_id')
      .primaryKey()
      .references(() => reportsTable.id),
    reason: text('reason').notNull(),
    flaggedBy: uuid('flagged_by')
      .notNull()
      .references(() => staffAccountsTable.id),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }).notNull(),
    /** flagged_at + 24 hours: the hand-off is due. */
    handoverDueAt: timestamp('handover_due_at', { withTimezone: true }).notNull(),
    investigatingUnitId: uuid('investigating_unit_id').references(() => unitsTable.id),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
    handedOverBy: uuid('handed_over_by').references(() => staffAccountsTable.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => staffAccountsTable.id),
    /** The criminal clock: set at the hand-off, moved by the two extensions. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    extensions: integer('extensions').notNull().default(0),
    /** The procuracy's approval (number, date) the second extension needs. */
    procuracyApproval: text('procuracy_approval'),
    decision: text('decision').$type<ProsecutionDecision>(),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date', { mode: 'string' }),
    decidedBy: uuid('decided_by').references(() => staffAccountsTable.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('report_crime_investigating_idx').on(t.investigatingUnitId),
    // Issue #18 (migration 0020): the crime track of a period, by the day a report was flagged.
    index('report_crime_flagged_idx').on(t.flaggedAt),
    check('report_crime_extensions', sql`${t.extensions} between 0 and 2`),
    check('report_crime_handover_whole', sql`(${t.investigatingUnitId} is null) = (${t.handedOverAt} is null)`),
  ],
);
