import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { TIME_ZONE } from '../../shared/i18n/format';
import { isWorkingDay, type WorkCalendar } from '../cases/deadlines';
import type { PlannedStep, Rng } from './sample-plan';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Hours (Vietnam time) in which people act: officers in office hours, the duty officer who accepts into the evening. */
const OFFICE = { from: 7.5, to: 17 };
const ON_DUTY = { from: 6.5, to: 21.5 };
const REPORTER = { from: 6, to: 23 };

const hourOf = (at: Date) => {
  const local = new TZDate(at.getTime(), TIME_ZONE);
  return local.getHours() + local.getMinutes() / 60;
};
const startOfDay = (at: Date) => {
  const local = new TZDate(at.getTime(), TIME_ZONE);
  local.setHours(0, 0, 0, 0);
  return local;
};

/** The first moment at or after `at` within `hours` of a day that counts, a little after the start when it has to wait. */
function within(at: Date, hours: { from: number; to: number }, rng: Rng, workingDaysOnly: WorkCalendar | null): Date {
  const dayOk = (day: Date) => !workingDaysOnly || isWorkingDay(day, workingDaysOnly);
  const hour = hourOf(at);
  if (dayOk(new TZDate(at.getTime(), TIME_ZONE)) && hour >= hours.from && hour < hours.to) return at;
  let day = startOfDay(at);
  if (hour >= hours.from) day = addDays(day, 1);
  while (!dayOk(day)) day = addDays(day, 1);
  return new Date(day.getTime() + (hours.from + rng.between(0, 1.5)) * HOUR);
}

export interface StepClock {
  rng: Rng;
  calendar: WorkCalendar;
  /** The report's deadlines as they stand after the step before. */
  due: { acceptDueAt: Date; resolveDueAt: Date };
  /** When the step before happened. */
  previous: Date;
  /** Showcase reports: short waits, so that they reach their stage before the first start. */
  brisk: boolean;
}

/**
 * When a planned step happens, from the report's deadlines: on time or late as planned, people acting
 * in their hours, and always after the step before.
 */
export function stepTime(step: PlannedStep, c: StepClock): Date {
  const { rng, calendar, due, previous } = c;
  const after = (min: number, max: number) => new Date(previous.getTime() + rng.between(min, max));
  const office = (at: Date) => within(at, OFFICE, rng, calendar);
  const wait = (normal: [number, number], brisk: [number, number]) => (c.brisk ? after(...brisk) : after(...normal));
  // A step that would miss its deadline by the hours people keep happens between now and the deadline instead.
  const before = (deadline: Date, at: Date) =>
    at.getTime() < deadline.getTime() - MINUTE
      ? at
      : new Date(previous.getTime() + (deadline.getTime() - previous.getTime()) * rng.between(0.3, 0.8));
  let at: Date;
  switch (step.kind) {
    case 'accept':
      at = step.late
        ? within(new Date(due.acceptDueAt.getTime() + rng.between(HOUR, 30 * HOUR)), ON_DUTY, rng, null)
        : before(due.acceptDueAt, within(wait([15 * MINUTE, 10 * HOUR], [10 * MINUTE, 2 * HOUR]), ON_DUTY, rng, null));
      break;
    case 'answer':
      at = within(wait([2 * HOUR, 4 * DAY], [HOUR, 12 * HOUR]), REPORTER, rng, null);
      break;
    case 'call':
      at = within(wait([DAY, 6 * DAY], [2 * HOUR, DAY]), { from: 7, to: 22 }, rng, null);
      break;
    case 'verify':
    case 'ask':
      at = office(wait([HOUR, 2 * DAY], [30 * MINUTE, 4 * HOUR]));
      break;
    case 'suspend':
      at = office(wait([DAY, 5 * DAY], [2 * HOUR, DAY]));
      break;
    case 'resume':
      at = office(wait([5 * DAY, 25 * DAY], [DAY, 3 * DAY]));
      break;
    case 'transfer_accept':
    case 'transfer_refuse':
    case 'merge':
      at = office(wait([2 * HOUR, 2 * DAY], [HOUR, 5 * HOUR]));
      break;
    case 'extend': {
      // Asked for a few days before the deadline, in time.
      const target = new Date(
        Math.max(previous.getTime() + HOUR, due.resolveDueAt.getTime() - rng.between(DAY, 4 * DAY)),
      );
      at = before(due.resolveDueAt, office(target));
      break;
    }
    case 'resolve':
      if (step.late) {
        at = office(new Date(due.resolveDueAt.getTime() + rng.between(DAY, 12 * DAY)));
      } else {
        const span = due.resolveDueAt.getTime() - previous.getTime();
        const target = c.brisk ? after(2 * HOUR, DAY) : new Date(previous.getTime() + span * rng.between(0.15, 0.85));
        at = before(due.resolveDueAt, office(target));
      }
      break;
    case 'close':
      at = office(wait([DAY, 15 * DAY], [HOUR, DAY]));
      break;
    default:
      at = office(wait([10 * MINUTE, DAY], [10 * MINUTE, 2 * HOUR]));
  }
  return new Date(Math.max(at.getTime(), previous.getTime() + MINUTE));
}

/** The end of a Vietnamese day no later than `limit` and after `floor`: what an officer types as "extend to dd/mm". */
export function extensionUntil(resolveDueAt: Date, limit: Date, rng: Rng): Date {
  const wanted = new Date(Math.min(limit.getTime(), resolveDueAt.getTime() + rng.between(15 * DAY, 35 * DAY)));
  const dayEnd = startOfDay(wanted);
  return dayEnd.getTime() > resolveDueAt.getTime() ? new Date(dayEnd.getTime()) : limit;
}
