import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, format, parseISO, startOfMonth, startOfWeek, subMonths } from 'date-fns';
import { TIME_ZONE } from '../../shared/i18n/format';
import type { StatsInterval } from '../../shared/schemas/stats';

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

export function resolvePeriod(query: { from?: string | undefined; to?: string | undefined }, now: Date): Period {
  const fallback = defaultPeriod(now);
  return { from: query.from ?? fallback.from, to: query.to ?? (query.from && query.from > fallback.to ? query.from : fallback.to) };
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
  for (let d = bucketOf(from, interval); d <= to; ) {
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
 * totals) and the days before and after them (read from the reports themselves).
 */
export function splitPeriod({ from, to }: Period): { months: string[]; days: Period[] } {
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
export const periodMoments = ({ from, to }: Period) => ({ start: startOfVietnamDay(from), end: startOfVietnamDay(day(addDays(calendar(to), 1))) });
