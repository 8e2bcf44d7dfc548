import { appendAudit } from '../auth/auth.repository';
import type { StaffUser } from '../auth/auth.service';
import type { AppDeps } from '../deps';
import { notFound } from '../http/errors';
import { deleteHoliday, findHolidays, upsertHoliday, type HolidayRow } from './holidays.repository';

/*
 * SPEC.md §5: the holiday calendar is data that coordinators maintain (the national ones: who may is
 * server/auth/scope.ts, `mayEditCalendar`). Every change is audited and counts for reports received
 * from then on; deadlines already set are not recomputed.
 */

export const listHolidays = (deps: AppDeps, year?: number) => findHolidays(deps.db, year);

/** Sets a day as a holiday or a Saturday worked; answers that year's calendar. */
export async function setHoliday(
  deps: AppDeps,
  staff: StaffUser,
  day: string,
  input: Pick<HolidayRow, 'kind' | 'name'>,
) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await upsertHoliday(tx, day, input, at);
    await appendAudit(tx, { at, action: 'holiday_set', actorId: staff.id, subject: `holiday:${day}`, data: input });
  });
  return findHolidays(deps.db, Number(day.slice(0, 4)));
}

/** Removes a day from the calendar; 404 when it is not there. */
export async function removeHoliday(deps: AppDeps, staff: StaffUser, day: string): Promise<void> {
  const at = deps.clock.now();
  const removed = await deps.db.transaction(async (tx) => {
    const found = await deleteHoliday(tx, day);
    if (found) await appendAudit(tx, { at, action: 'holiday_removed', actorId: staff.id, subject: `holiday:${day}` });
    return found;
  });
  if (!removed) throw notFound();
}
