import {
  addWorkingDays,
  currentDue,
  extensionLimit,
  initialDeadlines,
  type DeadlineRules,
  type WorkCalendar,
} from '../../../server/cases/deadlines';
import { VIETNAM_HOLIDAYS } from '../../../server/holidays/holidays-vn';

const calendar: WorkCalendar = {
  holidays: new Set(VIETNAM_HOLIDAYS.filter((h) => h.kind === 'holiday').map((h) => h.date)),
  workdays: new Set(VIETNAM_HOLIDAYS.filter((h) => h.kind === 'workday').map((h) => h.date)),
};
const rules: DeadlineRules = {
  acceptWithinHours: 24,
  acceptWithinHoursRemote: 48,
  urgentAcceptMinutes: 120,
  resolveWithinWorkingDays: 20,
  extensionMaxDays: 60,
  secondExtensionMaxDays: 60,
};
const vn = (local: string) => new Date(`${local}+07:00`);

describe('deadlines in working days, Vietnam time', () => {
  it('skips Tết 2026 (14–22 February) and the weekends: a report of Friday 13 February is due at the end of Friday 20 March', () => {
    // Working days counted by hand: 23–27 Feb (5), 2–6 Mar (10), 9–13 Mar (15), 16–20 Mar (20).
    expect(addWorkingDays(vn('2026-02-13T10:00:00'), 20, calendar)).toEqual(vn('2026-03-21T00:00:00'));
  });

  it('counts a Saturday worked in exchange and skips 30/4–2/5 2025', () => {
    // Fri 25 Apr: Sat 26 (worked, 1), Mon 28 (2), Tue 29 (3), 30/4–2/5 off, Mon 5 May (4).
    expect(addWorkingDays(vn('2025-04-25T16:00:00'), 4, calendar)).toEqual(vn('2025-05-06T00:00:00'));
  });

  it('takes the day of a report received late at night in Vietnam, not in UTC', () => {
    // 23:30 on Monday 2 March in Vietnam is 16:30 UTC the same day; 00:30 on Tuesday is Monday in UTC.
    expect(addWorkingDays(vn('2026-03-03T00:30:00'), 1, calendar)).toEqual(vn('2026-03-05T00:00:00'));
    expect(addWorkingDays(vn('2026-03-02T23:30:00'), 1, calendar)).toEqual(vn('2026-03-04T00:00:00'));
  });

  it('gives 24 hours to accept, 48 in a remote or island commune', () => {
    const at = vn('2026-11-21T09:00:00'); // a Saturday: hours run on weekends
    expect(initialDeadlines(at, false, rules, calendar).acceptDueAt).toEqual(vn('2026-11-22T09:00:00'));
    expect(initialDeadlines(at, true, rules, calendar).acceptDueAt).toEqual(vn('2026-11-23T09:00:00'));
  });

  it('gives an urgent report URGENT_ACCEPT_MINUTES to accept, remote or not, and keeps its resolution clock', () => {
    const at = vn('2026-11-21T23:30:00'); // Saturday night: calendar minutes, not working time
    for (const remote of [false, true]) {
      const urgent = initialDeadlines(at, remote, rules, calendar, { urgent: true });
      expect(urgent.acceptDueAt).toEqual(vn('2026-11-22T01:30:00'));
      expect(urgent.resolveDueAt).toEqual(initialDeadlines(at, remote, rules, calendar).resolveDueAt);
    }
  });

  it('lets the clock stand still while paused', () => {
    const due = vn('2026-03-20T00:00:00');
    const since = vn('2026-03-01T08:00:00');
    expect(currentDue(due, since, vn('2026-03-03T08:00:00'))).toEqual(vn('2026-03-22T00:00:00'));
    expect(currentDue(due, null, vn('2026-03-03T08:00:00'))).toEqual(due);
  });

  it('limits extensions to two months from receipt (plus paused time), then two more, then none', () => {
    const receivedAt = vn('2026-01-05T10:00:00');
    const first = extensionLimit(
      { receivedAt, resolveDueAt: vn('2026-02-03T00:00:00'), extensions: 0, pausedMs: 2 * 86_400_000 },
      rules,
    );
    expect(first).toEqual(vn('2026-03-08T10:00:00'));
    expect(
      extensionLimit({ receivedAt, resolveDueAt: vn('2026-03-06T00:00:00'), extensions: 1, pausedMs: 0 }, rules),
    ).toEqual(vn('2026-05-05T00:00:00'));
    expect(
      extensionLimit({ receivedAt, resolveDueAt: vn('2026-05-05T00:00:00'), extensions: 2, pausedMs: 0 }, rules),
    ).toBeNull();
  });
});
