import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  endOfMonth,
  format,
  parseISO,
  startOfMonth,
  startOfWeek,
  subMonths,
} from 'date-fns';
import { TIME_ZONE } from '../../shared/i18n/format';
import { MAX_PERIOD_DAYS, type StatsInterval } from '../../shared/schemas/stats';
import { fieldIssue, validationFailed } from '../http/errors';

/*
 * Issue #7: a period is a run of whole days in Vietnam, `from` and `to` both included, as
 * `yyyy-MM-dd`. Reports belong to the day they were received on, in Vietnam time.
 */

export interface Period {
  from: string;
  to: string;
}

const DAY = 'yyyy-MM-dd';
const day = (d: Date) => format(d, DAY);
/** `yyyy-MM-dd` as a date-fns date (midnight, no zone): only for calendar arithmetic. */
const calendar = (d: string) => parseISO(d);

/** The first moment of a day in Vietnam. */
export function startOfVietnamDay(d: string): Date {
  const [year, month, dayOfMonth] = d.split('-').map(Number);
  return new Date(new TZDate(year ?? 1970, (month ?? 1) - 1, dayOfMonth ?? 1, TIME_ZONE).getTime());
}

export const vietnamToday = (now: Date): string => format(new TZDate(now, TIME_ZONE), DAY);

/** Where a dashboard opens: the last twelve months, the current one included. */
export function defaultPeriod(now: Date): Period {
  const today = vietnamToday(now);
  return { from: day(startOfMonth(subMonths(calendar(today), 11))), to: today };
}

/** The days statistics can be asked about at all. */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2099-12-31';

/**
 * The period asked for, the missing end filled in (`to`: today, or `from` if that is later; `from`:
 * twelve months back from `to`'s month), then checked as a whole: both ends in 2000–2099, in order,
 * at most MAX_PERIOD_DAYS long. A refusal names the field the asker gave.
 */
export function resolvePeriod(query: { from?: string | undefined; to?: string | undefined }, now: Date): Period {
  const today = vietnamToday(now);
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? day(startOfMonth(subMonths(calendar(to), 11)));
  const issues = (['from', 'to'] as const)
    .filter((field) => {
      const value = field === 'from' ? from : to;
      return value < FIRST_DAY || value > LAST_DAY;
    })
    .map((field) => fieldIssue([field], 'period_out_of_range'));
  if (issues.length === 0) {
    const blame = query.to === undefined ? 'from' : 'to';
    const span = differenceInCalendarDays(calendar(to), calendar(from));
    if (span < 0) issues.push(fieldIssue([blame], 'period_reversed'));
    else if (span >= MAX_PERIOD_DAYS)
      issues.push({
        ...fieldIssue([blame], 'period_too_long'),
        params: { key: 'validation.period_too_long', max: MAX_PERIOD_DAYS },
      } as (typeof issues)[number]);
  }
  if (issues.length > 0) throw validationFailed(issues);
  return { from, to };
}

/** Days for up to two months, weeks up to six, months beyond. */
export function defaultInterval({ from, to }: Period): StatsInterval {
  const days = differenceInCalendarDays(calendar(to), calendar(from)) + 1;
  return days <= 62 ? 'day' : days <= 184 ? 'week' : 'month';
}

/** The first day of the day, week (Monday) or month a day falls in. */
export function bucketOf(d: string, interval: StatsInterval): string {
  if (interval === 'day') return d;
  return day(interval === 'week' ? startOfWeek(calendar(d), { weekStartsOn: 1 }) : startOfMonth(calendar(d)));
}

/** Every bucket of a period in order, so that a chart shows the empty ones too. */
export function bucketsOf({ from, to }: Period, interval: StatsInterval): string[] {
  const keys: string[] = [];
  for (let d = bucketOf(from, interval); d <= to;) {
    keys.push(d);
    const next = calendar(d);
    d = day(interval === 'day' ? addDays(next, 1) : interval === 'week' ? addDays(next, 7) : addMonths(next, 1));
  }
  return keys;
}

/** The days of one bucket that fall inside the period. */
export function bucketPeriod(key: string, interval: StatsInterval, period: Period): Period {
  const start = calendar(key);
  const end = interval === 'day' ? start : interval === 'week' ? addDays(start, 6) : addDays(addMonths(start, 1), -1);
  return { from: key > period.from ? key : period.from, to: day(end) < period.to ? day(end) : period.to };
}

/**
 * A period as the running totals can answer it: the whole months inside it (read from the monthly
 * totals) and the days before and after them (read from the reports themselves). A period that
 * reaches `today` may as well run to the end of the month: no report was received after today, so
 * the current month is whole (the default period and "this month" read no report at all).
 */
export function splitPeriod(period: Period, today?: string): { months: string[]; days: Period[] } {
  const from = period.from;
  const to = today && period.to >= today ? day(endOfMonth(calendar(period.to))) : period.to;
  const first = startOfMonth(calendar(from));
  const firstWhole = day(first) === from ? first : addMonths(first, 1);
  const months: string[] = [];
  for (let m = firstWhole; day(addDays(addMonths(m, 1), -1)) <= to; m = addMonths(m, 1)) months.push(day(m));
  if (months.length === 0) return { months, days: [{ from, to }] };
  const days: Period[] = [];
  const head = months[0] as string;
  if (from < head) days.push({ from, to: day(addDays(calendar(head), -1)) });
  const afterLast = day(addMonths(calendar(months.at(-1) as string), 1));
  if (afterLast <= to) days.push({ from: afterLast, to });
  return { months, days };
}

/** The moments a period covers: from the start of its first day to the start of the day after its last. */
export const periodMoments = ({ from, to }: Period) => ({
  start: startOfVietnamDay(from),
  end: startOfVietnamDay(day(addDays(calendar(to), 1))),
});

/** A calendar year of public statistics: its months that have ended (first days), and the days they cover. */
export interface PublicYear {
  year: number;
  months: string[];
  period: Period;
}

/**
 * Issue #15: public statistics are published for fixed periods only, a calendar year and its months,
 * each month once it has ended (a figure that changes day by day, or two spans that overlap, could
 * point at a reporter by subtraction). The current year is its finished months. Default: the year of
 * the last finished month (last year in January). A year before 2000 or without a finished month is
 * refused, naming `year`.
 */
export function publicYear(asked: string | undefined, now: Date): PublicYear {
  const lastClosed = day(addDays(startOfMonth(calendar(vietnamToday(now))), -1));
  const latest = Number(lastClosed.slice(0, 4));
  const year = asked === undefined ? latest : Number(asked);
  if (year < Number(FIRST_DAY.slice(0, 4)) || year > latest) {
    throw validationFailed([
      { ...fieldIssue(['year'], 'public_year'), params: { key: 'validation.public_year', latest } } as ReturnType<
        typeof fieldIssue
      >,
    ]);
  }
  const yearEnd = `${year}-12-31`;
  const to = yearEnd < lastClosed ? yearEnd : lastClosed;
  const period = { from: `${year}-01-01`, to };
  return { year, months: bucketsOf(period, 'month'), period };
}
