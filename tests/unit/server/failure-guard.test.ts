import { createFailureGuard, MAX_KEYS, type FailurePolicy } from '../../../server/http/failure-guard';

const MINUTE = 60_000;

function guardAt(policy: FailurePolicy) {
  let now = 0;
  const guard = createFailureGuard({ now: () => new Date(now) }, policy);
  return { guard, wait: (ms: number) => (now += ms) };
}

describe('failure guard', () => {
  it('blocks a tracking code after 5 failures within 15 minutes, until 15 minutes after the first', () => {
    const { guard, wait } = guardAt({ max: 5, windowMs: 15 * MINUTE });
    for (let i = 0; i < 5; i += 1) {
      expect(guard.blockedFor('389-AAAA-BBBB')).toBe(0);
      guard.fail('389-AAAA-BBBB');
      wait(MINUTE);
    }
    expect(guard.blockedFor('389-AAAA-BBBB')).toBe(10 * MINUTE);
    expect(guard.blockedFor('389-CCCC-DDDD')).toBe(0);
    wait(10 * MINUTE);
    expect(guard.blockedFor('389-AAAA-BBBB')).toBe(0);
  });

  it('forgets failures when the window ends before the fifth', () => {
    const { guard, wait } = guardAt({ max: 5, windowMs: 15 * MINUTE });
    for (let i = 0; i < 4; i += 1) guard.fail('code');
    wait(15 * MINUTE);
    guard.fail('code');
    expect(guard.blockedFor('code')).toBe(0);
  });

  it('locks a username for 15 minutes from its fifth failure, however far apart they came, then counts afresh', () => {
    const { guard, wait } = guardAt({ max: 5, lockMs: 15 * MINUTE });
    for (let i = 0; i < 4; i += 1) {
      guard.fail('ghost');
      wait(60 * MINUTE);
    }
    guard.fail('ghost');
    expect(guard.blockedFor('ghost')).toBe(15 * MINUTE);
    wait(15 * MINUTE);
    expect(guard.blockedFor('ghost')).toBe(0);
    guard.fail('ghost');
    expect(guard.blockedFor('ghost')).toBe(0);
  });

  it('clears a key on success', () => {
    const { guard } = guardAt({ max: 2, windowMs: MINUTE });
    guard.fail('code');
    guard.succeed('code');
    guard.fail('code');
    expect(guard.blockedFor('code')).toBe(0);
  });

  it('holds at most 100,000 keys by forgetting the least recently failed, so a flood of made-up keys does not lift the locks under way (issue #15)', () => {
    const { guard } = guardAt({ max: 5, windowMs: 15 * MINUTE });
    expect(MAX_KEYS).toBe(100_000);
    for (let i = 0; i < 4; i += 1) guard.fail('oldest');
    for (let i = 0; i < MAX_KEYS - 2; i += 1) guard.fail(`made-up-${i}`);
    for (let i = 0; i < 5; i += 1) guard.fail('389-AAAA-BBBB');
    // Full now; ten more keys push out the ten oldest, 'oldest' first, and not the recent lock.
    for (let i = 0; i < 10; i += 1) guard.fail(`more-${i}`);
    expect(guard.blockedFor('389-AAAA-BBBB')).toBe(15 * MINUTE);
    guard.fail('oldest');
    expect(guard.blockedFor('oldest')).toBe(0);
  });
});
