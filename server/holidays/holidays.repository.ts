import { asc, eq, like, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { holidaysTable } from './holidays.table';

export type HolidayRow = typeof holidaysTable.$inferInsert;
type HolidayInput = Pick<HolidayRow, 'kind' | 'name'>;

/** The calendar by day, or one year of it. */
export async function findHolidays(q: Queryable, year?: number) {
  return q
    .select({ day: holidaysTable.day, kind: holidaysTable.kind, name: holidaysTable.name })
    .from(holidaysTable)
    .where(year ? like(holidaysTable.day, `${year}-%`) : undefined)
    .orderBy(asc(holidaysTable.day));
}

/** Every day of the calendar with its kind: what deadlines count with. */
export async function findCalendarDays(q: Queryable) {
  return q.select({ day: holidaysTable.day, kind: holidaysTable.kind }).from(holidaysTable);
}

/** Sets a day, whether it was in the calendar or not. */
export async function upsertHoliday(q: Queryable, day: string, input: HolidayInput, at: Date): Promise<void> {
  await q
    .insert(holidaysTable)
    .values({ day, ...input, updatedAt: at })
    .onConflictDoUpdate({ target: holidaysTable.day, set: { ...input, updatedAt: at } });
}

/** Removes a day; false when it was not in the calendar. */
export async function deleteHoliday(q: Queryable, day: string): Promise<boolean> {
  const rows = await q.delete(holidaysTable).where(eq(holidaysTable.day, day)).returning({ day: holidaysTable.day });
  return rows.length > 0;
}

/** The years that have at least one day in the calendar. */
export async function findCalendarYears(q: Queryable): Promise<Set<number>> {
  const rows = await q.selectDistinct({ year: sql<string>`left(${holidaysTable.day}, 4)` }).from(holidaysTable);
  return new Set(rows.map((r) => Number(r.year)));
}

/** Adds days; a day already there is left as it is. */
export async function insertHolidays(q: Queryable, rows: HolidayRow[]): Promise<void> {
  if (rows.length > 0) await q.insert(holidaysTable).values(rows).onConflictDoNothing();
}
