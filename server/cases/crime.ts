import { TZDate } from '@date-fns/tz';
import { addDays, addMonths } from 'date-fns';
import { eq } from 'drizzle-orm';
import { TIME_ZONE } from '../../shared/i18n/format';
import type { Queryable } from '../db/types';
import { unitsTable } from '../units/units.table';
import { reportCrimeTable } from './results.table';

/*
 * Issue #18, the crime track (SPEC.md §4–5): a report with signs of a crime keeps its lead and is handed to an
 * investigating body within HANDOVER_HOURS; the body's clock is BLTTHS 2015 Điều 147: 20 days from its receipt
 * of the report, extended to 2 months, then once more by up to 2 months with the procuracy's approval.
 * The durations are the law's, not a setting: a province cannot shorten or lengthen them.
 */

/** The lead hands a flagged report over within 24 hours (a later hand-off is taken, and shown late). */
export const HANDOVER_HOURS = 24;
/** BLTTHS 2015 Điều 147 khoản 1: 20 days from the investigating body's receipt. */
export const CRIMINAL_CLOCK_DAYS = 20;
/** Điều 147 khoản 2 and 3: up to 2 months from the receipt, then once more up to 2 months. */
export const CRIMINAL_EXTENSION_MONTHS = 2;
export const CRIMINAL_EXTENSIONS_MAX = 2;

export type CrimeRecord = typeof reportCrimeTable.$inferSelect;

/** 00:00 (Vietnam time) of the day of `at`, as a time zone aware date. */
function startOfVietnamDay(at: Date): TZDate {
  const day = new TZDate(at.getTime(), TIME_ZONE);
  day.setHours(0, 0, 0, 0);
  return day;
}

/** The end (24:00, Vietnam time) of the 20th calendar day after the hand-off day, like the resolution clock. */
export function criminalDue(handedOverAt: Date): Date {
  return new Date(addDays(startOfVietnamDay(handedOverAt), CRIMINAL_CLOCK_DAYS + 1).getTime());
}

/**
 * How far the next extension reaches: the end of the day two months after the hand-off day (first), the end
 * of the day two months after the last day of the extended clock (second); none after the second.
 */
export function criminalExtensionLimit(crime: Pick<CrimeRecord, 'handedOverAt' | 'dueAt' | 'extensions'>): Date | null {
  if (!crime.handedOverAt || !crime.dueAt || crime.extensions >= CRIMINAL_EXTENSIONS_MAX) return null;
  // The last day the clock allows is the day before its end at 24:00.
  const from = crime.extensions === 0 ? crime.handedOverAt : new Date(crime.dueAt.getTime() - 1);
  return new Date(addDays(addMonths(startOfVietnamDay(from), CRIMINAL_EXTENSION_MONTHS), 1).getTime());
}

/** Whether the hand-off came after the 24 hours (or, still missing, whether they have passed at `now`). */
export function handoverLate(crime: Pick<CrimeRecord, 'handoverDueAt' | 'handedOverAt'>, now: Date): boolean {
  return (crime.handedOverAt ?? now).getTime() > crime.handoverDueAt.getTime();
}

/** The report's crime track with the investigating body's name, or undefined when it was never flagged. */
/**
 * Every investigating body is police (CHECK units_investigates_police): a tip about the police's own officers has
 * none it may be handed to (SPEC.md §4: never to the force named), so it is resolved without the hand-off.
 */
export const hasNoInvestigatingBody = (report: { misconduct: boolean; implicatedForce: string | null }): boolean =>
  report.misconduct && report.implicatedForce === 'police';

export async function findCrime(q: Queryable, reportId: string) {
  const [row] = await q
    .select({ crime: reportCrimeTable, unitName: unitsTable.name })
    .from(reportCrimeTable)
    .leftJoin(unitsTable, eq(unitsTable.id, reportCrimeTable.investigatingUnitId))
    .where(eq(reportCrimeTable.reportId, reportId));
  return row;
}

export async function insertCrime(q: Queryable, values: typeof reportCrimeTable.$inferInsert): Promise<void> {
  await q.insert(reportCrimeTable).values(values);
}

export async function updateCrime(
  q: Queryable,
  reportId: string,
  changes: Partial<Omit<CrimeRecord, 'reportId'>>,
): Promise<CrimeRecord> {
  const [row] = await q
    .update(reportCrimeTable)
    .set(changes)
    .where(eq(reportCrimeTable.reportId, reportId))
    .returning();
  if (!row) throw new Error('report_crime row vanished under the report lock');
  return row;
}
