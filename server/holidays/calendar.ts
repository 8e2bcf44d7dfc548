import type { Config } from '../config';
import { initialDeadlines, sanctionDue, type DeadlineRules, type WorkCalendar } from '../cases/deadlines';
import type { SanctionClock } from '../../shared/domain/results';
import type { Queryable } from '../db/types';
import { isRemoteCommune } from '../places/places.repository';
import { findCalendarDays } from './holidays.repository';

/** The holiday calendar as deadlines count with it: days off, and Saturdays worked in exchange. */
export async function loadCalendar(q: Queryable): Promise<WorkCalendar> {
  const rows = await findCalendarDays(q);
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
    workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
  };
}

export const deadlineRules = (config: Config): DeadlineRules => ({
  acceptWithinHours: config.deadlines.acceptWithinHours,
  acceptWithinHoursRemote: config.deadlines.acceptWithinHoursRemote,
  urgentAcceptMinutes: config.deadlines.urgentAcceptMinutes,
  resolveWithinCalendarDays: config.deadlines.resolveWithinDays,
  extensionMaxDays: config.deadlines.extensionMaxDays,
  secondExtensionMaxDays: config.deadlines.secondExtensionMaxDays,
});

/**
 * Issue #18: when the sanction decision is due (Luật XLVPHC Điều 66): the working-day clocks count on the
 * holiday calendar as it stands when the record is entered.
 */
export async function sanctionDueAt(q: Queryable, recordDate: string, clock: SanctionClock): Promise<Date> {
  return sanctionDue(recordDate, clock, await loadCalendar(q));
}

/**
 * A new report's deadlines (SPEC.md §5): the commune's remote flag decides the acceptance deadline; the
 * resolution deadline is 20 calendar days (issue #18: the holiday calendar no longer moves it);
 * an urgent report (issue #17) is to be accepted within URGENT_ACCEPT_MINUTES wherever it is.
 */
export async function deadlinesAtReceipt(
  q: Queryable,
  config: Config,
  report: { communeCode?: string | null | undefined; urgent: boolean },
  receivedAt: Date,
) {
  // An online report without a commune is not in a remote place: the ordinary deadline.
  const remote = report.communeCode ? await isRemoteCommune(q, report.communeCode) : false;
  return initialDeadlines(receivedAt, remote, deadlineRules(config), { urgent: report.urgent });
}
