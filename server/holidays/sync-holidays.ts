import type { Queryable } from '../db/types';
import { VIETNAM_HOLIDAYS } from './holidays-vn';
import { findCalendarYears, insertHolidays } from './holidays.repository';

/**
 * Copies the public holidays of holidays-vn.ts (the one place they are written) into the calendar at
 * every start, like the code lists. Unlike them, the calendar is then the coordinators' (they correct a
 * day, add one, remove one): so only the years the calendar has no day of yet are copied, whole. A
 * changed or removed day of a year already there stays as the coordinators left it; a year of the
 * code's that they emptied entirely comes back at the next start.
 */
export async function syncHolidays(q: Queryable): Promise<void> {
  const known = await findCalendarYears(q);
  await insertHolidays(
    q,
    VIETNAM_HOLIDAYS.filter((h) => !known.has(Number(h.date.slice(0, 4)))).map(({ date, kind, name }) => ({
      day: date,
      kind,
      name,
    })),
  );
}
