import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  currentDue,
  extensionLimit,
  initialDeadlines,
  sanctionDue,
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
  resolveWithinCalendarDays: 20,
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
    expect(initialDeadlines(at, false, rules).acceptDueAt).toEqual(vn('2026-11-22T09:00:00'));
    expect(initialDeadlines(at, true, rules).acceptDueAt).toEqual(vn('2026-11-23T09:00:00'));
  });

  it('gives an urgent report URGENT_ACCEPT_MINUTES to accept, remote or not, and keeps its resolution clock', () => {
    const at = vn('2026-11-21T23:30:00'); // Saturday night: calendar minutes, not working time
    for (const remote of [false, true]) {
      const urgent = initialDeadlines(at, remote, rules, { urgent: true });
      expect(urgent.acceptDueAt).toEqual(vn('2026-11-22T01:30:00'));
      expect(urgent.resolveDueAt).toEqual(initialDeadlines(at, remote, rules).resolveDueAt);
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

describe('issue #18: the resolution clock in calendar days (BLTTHS 2015 Điều 147)', () => {
  it('runs through Tết: a report of Friday 13 February 2026, the day before Tết (14–22 Feb), is due at the end of Thursday 5 March', () => {
    // 13 Feb + 20 calendar days = 5 March (February 2026 has 28 days: 13 + 20 = 33 → 33 − 28 = 5); Tết counts.
    const at = vn('2026-02-13T10:00:00');
    expect(initialDeadlines(at, false, rules).resolveDueAt).toEqual(vn('2026-03-06T00:00:00'));
    // Under the former rule the same report had until the end of 20 March (20 working days, Tết skipped).
    expect(addWorkingDays(at, 20, calendar)).toEqual(vn('2026-03-21T00:00:00'));
  });

  it('takes the Vietnam day of receipt, whatever the hour', () => {
    // 23:59 and 00:00 are different days; 06:30 on 1 March in Vietnam is still 28 February in UTC.
    expect(addCalendarDays(vn('2026-02-28T23:59:00'), 20)).toEqual(vn('2026-03-21T00:00:00'));
    expect(addCalendarDays(vn('2026-03-01T00:00:00'), 20)).toEqual(vn('2026-03-22T00:00:00'));
    expect(addCalendarDays(vn('2026-03-01T06:30:00'), 20)).toEqual(vn('2026-03-22T00:00:00'));
  });

  it('is the same for remote communes and urgent reports: only the acceptance clock differs', () => {
    const at = vn('2026-12-25T08:00:00');
    const due = vn('2027-01-15T00:00:00'); // 25 Dec + 20 = 14 Jan, end of day; 1 January counts
    expect(initialDeadlines(at, true, rules).resolveDueAt).toEqual(due);
    expect(initialDeadlines(at, false, rules, { urgent: true }).resolveDueAt).toEqual(due);
  });
});

describe('issue #18: the sanction clock from the violation record (Luật XLVPHC Điều 66)', () => {
  it('gives 7 working days, skipping 30/4 and 1/5 2026: a record of Friday 24 April is due at the end of Friday 8 May', () => {
    // Mon 27 Apr is the substitute day for Giỗ Tổ (off); Tue 28 (1), Wed 29 (2), 30/4 and 1/5 off, weekend,
    // Mon 4 May (3), Tue 5 (4), Wed 6 (5), Thu 7 (6), Fri 8 (7).
    expect(sanctionDue('2026-04-24', 'standard', calendar)).toEqual(vn('2026-05-09T00:00:00'));
  });

  it('gives 10 working days when the case is transferred to the competent person', () => {
    // From Fri 8 May (7, above): Mon 11 (8), Tue 12 (9), Wed 13 (10).
    expect(sanctionDue('2026-04-24', 'transferred', calendar)).toEqual(vn('2026-05-14T00:00:00'));
  });

  it('gives 1 month for verification and 2 months when extended, in calendar time, to the end of the day', () => {
    expect(sanctionDue('2026-04-24', 'verification', calendar)).toEqual(vn('2026-05-25T00:00:00'));
    expect(sanctionDue('2026-04-24', 'extended', calendar)).toEqual(vn('2026-06-25T00:00:00'));
    // A month from 31 January ends on the last day of February.
    expect(addCalendarMonths(vn('2026-01-31T00:00:00'), 1)).toEqual(vn('2026-03-01T00:00:00'));
  });
});
