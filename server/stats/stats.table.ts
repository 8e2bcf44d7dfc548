import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/*
 * Issue #7: running totals of the reports, kept by a database trigger on `reports` in the same
 * transaction as every change (migration 0011), so a dashboard of a year of the nation reads tens of
 * thousands of rows instead of a million, and its numbers always agree with the lists behind them.
 * What one report adds is defined once, by the SQL function `report_stats_of` (the view
 * `report_stats_facts` applies it to every report); merged duplicates add nothing.
 */

const measures = {
  received: integer('received').notNull().default(0),
  accepted: integer('accepted').notNull().default(0),
  acceptedInTime: integer('accepted_in_time').notNull().default(0),
  resolved: integer('resolved').notNull().default(0),
  resolvedInTime: integer('resolved_in_time').notNull().default(0),
};

/** Per day of receipt (Vietnam time), province and lead unit: totals, forces, units, provinces, time series. */
export const reportStatsDailyTable = pgTable(
  'report_stats_daily',
  {
    day: date('day').notNull(),
    provinceCode: text('province_code').notNull(),
    leadUnitId: uuid('lead_unit_id').notNull(),
    ...measures,
  },
  (t) => [primaryKey({ columns: [t.day, t.provinceCode, t.leadUnitId] })],
);

/** Per month of receipt, province, lead unit, category, place type and channel: the other breakdowns. */
export const reportStatsMonthlyTable = pgTable(
  'report_stats_monthly',
  {
    month: date('month').notNull(),
    provinceCode: text('province_code').notNull(),
    leadUnitId: uuid('lead_unit_id').notNull(),
    category: text('category').notNull(),
    placeType: text('place_type').notNull(),
    channel: text('channel').notNull(),
    ...measures,
  },
  (t) => [primaryKey({ columns: [t.month, t.provinceCode, t.leadUnitId, t.category, t.placeType, t.channel] })],
);

/**
 * How many reports took how long, per month of receipt, province and lead unit: `accept` in whole
 * hours from receipt to acceptance, `resolve` in whole days from receipt to resolution. Medians are
 * read off these counts.
 */
export const reportStatsDurationsTable = pgTable(
  'report_stats_durations',
  {
    month: date('month').notNull(),
    provinceCode: text('province_code').notNull(),
    leadUnitId: uuid('lead_unit_id').notNull(),
    kind: text('kind').$type<'accept' | 'resolve'>().notNull(),
    amount: integer('amount').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.provinceCode, t.leadUnitId, t.kind, t.amount] })],
);
