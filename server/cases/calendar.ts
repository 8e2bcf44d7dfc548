import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import type { Queryable } from '../db/types';
import { communesTable } from '../places/places.table';
import { holidaysTable } from '../reports/reports.table';
import { initialDeadlines, type DeadlineRules, type WorkCalendar } from './deadlines';

export async function loadCalendar(q: Queryable): Promise<WorkCalendar> {
  const rows = await q.select({ day: holidaysTable.day, kind: holidaysTable.kind }).from(holidaysTable);
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
    workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
  };
}

export const deadlineRules = (config: Config): DeadlineRules => ({
  acceptWithinHours: config.deadlines.acceptWithinHours,
  acceptWithinHoursRemote: config.deadlines.acceptWithinHoursRemote,
  resolveWithinWorkingDays: config.deadlines.resolveWithinDays,
  extensionMaxDays: config.deadlines.extensionMaxDays,
  secondExtensionMaxDays: config.deadlines.secondExtensionMaxDays,
});

/** A new report's deadlines (SPEC.md §5): the commune's remote flag and the holiday calendar decide them. */
export async function deadlinesAtReceipt(
  q: Queryable,
  config: Config,
  communeCode: string | null | undefined,
  receivedAt: Date,
) {
  // An online report without a commune is not in a remote place: the ordinary deadline.
  const [commune] = communeCode
    ? await q
        .select({ remote: communesTable.remoteOrIsland })
        .from(communesTable)
        .where(eq(communesTable.code, communeCode))
    : [];
  return initialDeadlines(receivedAt, commune?.remote ?? false, deadlineRules(config), await loadCalendar(q));
}
