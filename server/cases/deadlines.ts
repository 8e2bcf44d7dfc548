import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format } from 'date-fns';
import type { SanctionClock } from '../../shared/domain/results';
import { TIME_ZONE } from '../../shared/i18n/format';

/** The holiday calendar as deadlines read it: dates (yyyy-MM-dd, Vietnam) off, and Saturdays worked. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export interface DeadlineRules {
  acceptWithinHours: number;
  acceptWithinHoursRemote: number;
  /** Issue #17: calendar minutes to accept a report marked urgent, wherever it is. */
  urgentAcceptMinutes: number;
  /**
   * Issue #18: calendar days from receipt (SPEC.md §5, BLTTHS 2015 Điều 147): weekends and holidays count;
   * the deadline is the end of the last day, Vietnam time.
   */
  resolveWithinCalendarDays: number;
  /** Calendar days an extension may reach, from the receipt (first) and from the first extension (second). */
  extensionMaxDays: number;
  secondExtensionMaxDays: number;
}

const vietnam = (at: Date) => new TZDate(at.getTime(), TIME_ZONE);
const dayKey = (d: Date) => format(d, 'yyyy-MM-dd');

export function isWorkingDay(day: Date, calendar: WorkCalendar): boolean {
  const key = dayKey(day);
  if (calendar.workdays.has(key)) return true;
  const weekday = day.getDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(key);
}

/**
 * The end (24:00, Vietnam time) of the `days`-th working day after the day of `from`: what
 * "within N working days" means for a report received at any hour of that day.
 */
export function addWorkingDays(from: Date, days: number, calendar: WorkCalendar): Date {
  let day = vietnam(from);
  day.setHours(0, 0, 0, 0);
  for (let counted = 0; counted < days;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return new Date(addDays(day, 1).getTime());
}

/** The end (24:00, Vietnam time) of the `days`-th calendar day after the day of `from`. */
export function addCalendarDays(from: Date, days: number): Date {
  const day = vietnam(from);
  day.setHours(0, 0, 0, 0);
  return new Date(addDays(day, days + 1).getTime());
}

/** The end (24:00, Vietnam time) of the day `months` calendar months after the day of `from` (31/1 + 1 → 28/2). */
export function addCalendarMonths(from: Date, months: number): Date {
  const day = vietnam(from);
  day.setHours(0, 0, 0, 0);
  return new Date(addDays(addMonths(day, months), 1).getTime());
}

/** Midnight that starts a Vietnam day given as yyyy-mm-dd (a violation record's day). */
export const vietnamDay = (day: string): Date => new TZDate(`${day}T00:00:00`, TIME_ZONE);

/** The day (yyyy-MM-dd) `at` falls on in Vietnam. */
export const vietnamDayOf = (at: Date): string => dayKey(vietnam(at));

/**
 * Issue #18, Luật XLVPHC Điều 66: when the sanction decision is due, from the day of the violation record:
 * 7 working days (`standard`), 10 when transferred, on the holiday calendar; 1 month (`verification`) or
 * 2 months (`extended`) in calendar time; always the end of the last day, Vietnam time.
 */
export function sanctionDue(recordDate: string, clock: SanctionClock, calendar: WorkCalendar): Date {
  const day = vietnamDay(recordDate);
  switch (clock) {
    case 'standard':
      return addWorkingDays(day, 7, calendar);
    case 'transferred':
      return addWorkingDays(day, 10, calendar);
    case 'verification':
      return addCalendarMonths(day, 1);
    case 'extended':
      return addCalendarMonths(day, 2);
  }
}

/**
 * SPEC.md §5, at receipt: accept within 24 hours (48 for remote or island communes), resolve within 20
 * calendar days (issue #18; reports received before it kept their 20 working days, `resolve_clock`). Issue #17: an urgent report is to be accepted within `urgentAcceptMinutes` (calendar
 * time, like the 24 hours); its resolution clock is the same.
 */
export function initialDeadlines(
  receivedAt: Date,
  remote: boolean,
  rules: DeadlineRules,
  { urgent = false }: { urgent?: boolean } = {},
) {
  const acceptMs = urgent
    ? rules.urgentAcceptMinutes * 60_000
    : (remote ? rules.acceptWithinHoursRemote : rules.acceptWithinHours) * 3_600_000;
  return {
    acceptDueAt: new Date(receivedAt.getTime() + acceptMs),
    resolveDueAt: addCalendarDays(receivedAt, rules.resolveWithinCalendarDays),
  };
}

/**
 * The latest a resolution deadline may be extended to (SPEC.md §5): two months (EXTENSION_MAX_DAYS)
 * from receipt the first time, up to two more (SECOND_EXTENSION_MAX_DAYS) the second; none after. `pausedMs` is the time the clock stood still,
 * which moves every limit with it.
 */
export function extensionLimit(
  report: { receivedAt: Date; resolveDueAt: Date; extensions: number; pausedMs: number },
  rules: DeadlineRules,
): Date | null {
  if (report.extensions >= 2) return null;
  const base = report.extensions === 0 ? report.receivedAt : report.resolveDueAt;
  const days = report.extensions === 0 ? rules.extensionMaxDays : rules.secondExtensionMaxDays;
  return new Date(base.getTime() + days * 86_400_000 + (report.extensions === 0 ? report.pausedMs : 0));
}

/** While paused the deadlines drift with the clock: what they are at `now`. */
export function currentDue(due: Date | null, pausedSince: Date | null, now: Date): Date | null {
  if (!due) return null;
  return pausedSince ? new Date(due.getTime() + (now.getTime() - pausedSince.getTime())) : due;
}
