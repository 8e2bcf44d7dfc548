import { typedNow, typedToIso } from '../../../client/lib/datetime';

// 20:36 in Vietnam (UTC+7), whatever zone this machine is in.
const NOW = new Date('2026-11-23T13:36:00Z');

describe('times typed at the intake console (Asia/Ho_Chi_Minh)', () => {
  it('prints now as the console pre-fills it', () => {
    expect(typedNow(NOW)).toBe('20:36 23/11/2026');
  });

  it('reads a full time, a short date and a time alone as Vietnamese times', () => {
    expect(typedToIso('14:05 23/11/2026', NOW)).toBe('2026-11-23T07:05:00.000Z');
    expect(typedToIso(' 9:05   2/1/2026 ', NOW)).toBe('2026-01-02T02:05:00.000Z');
    expect(typedToIso('14:05 23/11', NOW)).toBe('2026-11-23T07:05:00.000Z');
    expect(typedToIso('14.05', NOW)).toBe('2026-11-23T07:05:00.000Z');
    expect(typedToIso('20h30', NOW)).toBe('2026-11-23T13:30:00.000Z');
  });

  it('takes a time alone that is still to come today for yesterday (a call across midnight)', () => {
    const justAfterMidnight = new Date('2026-11-23T17:03:00Z'); // 00:03 on the 24th in Vietnam
    expect(typedToIso('23:58', justAfterMidnight)).toBe('2026-11-23T16:58:00.000Z');
  });

  it('hands back what it cannot read, for validation to name the field; blank stays blank', () => {
    expect(typedToIso('hôm qua', NOW)).toBe('hôm qua');
    expect(typedToIso('31/02/2026 10:00', NOW)).toBe('31/02/2026 10:00');
    expect(typedToIso('  ', NOW)).toBe('');
  });
});

describe('deadlines typed ahead (an extension)', () => {
  it('keeps a time to come today, and reads a date alone as the end of that day', () => {
    expect(typedToIso('23:00', NOW, { ahead: true })).toBe('2026-11-23T16:00:00.000Z');
    expect(typedToIso('20/01/2027', NOW, { ahead: true })).toBe('2027-01-20T16:59:00.000Z');
    expect(typedToIso('20/01/2027', NOW)).toBe('20/01/2027');
  });
});
