import { jest } from '@jest/globals';
import { createFailureGuard, FORGET_AFTER_MS, type FailurePolicy } from '../../../server/http/failure-guard';

const MINUTE = 60_000;

// rate-limiter-flexible counts on Date.now and expires keys with timers: both are faked here.
function guardAt(policy: Omit<FailurePolicy, 'name'>) {
  const guard = createFailureGuard(
    { redis: null, secrets: { sessionSecret: '22'.repeat(32) } },
    { name: 'test', ...policy },
  );
  return { guard, wait: (ms: number) => jest.advanceTimersByTime(ms) };
}

describe('failure guard (in memory, without REDIS_URL)', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-23T03:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('blocks a tracking code after 5 failures within 15 minutes, until 15 minutes after the first', async () => {
    const { guard, wait } = guardAt({ max: 5, windowMs: 15 * MINUTE });
    for (let i = 0; i < 5; i += 1) {
      expect(await guard.blockedFor('389-AAAA-BBBB')).toBe(0);
      await guard.fail('389-AAAA-BBBB');
      wait(MINUTE);
    }
    expect(await guard.blockedFor('389-AAAA-BBBB')).toBe(10 * MINUTE);
    expect(await guard.blockedFor('389-CCCC-DDDD')).toBe(0);
    wait(10 * MINUTE);
    expect(await guard.blockedFor('389-AAAA-BBBB')).toBe(0);
  });

  it('forgets failures when the window ends before the fifth', async () => {
    const { guard, wait } = guardAt({ max: 5, windowMs: 15 * MINUTE });
    for (let i = 0; i < 4; i += 1) await guard.fail('code');
    wait(15 * MINUTE);
    await guard.fail('code');
    expect(await guard.blockedFor('code')).toBe(0);
  });

  it('locks a username for 15 minutes from its fifth failure, however far apart they came (within a day), then counts afresh', async () => {
    const { guard, wait } = guardAt({ max: 5, lockMs: 15 * MINUTE });
    for (let i = 0; i < 4; i += 1) {
      await guard.fail('ghost');
      wait(60 * MINUTE);
    }
    await guard.fail('ghost');
    expect(await guard.blockedFor('ghost')).toBe(15 * MINUTE);
    wait(15 * MINUTE);
    expect(await guard.blockedFor('ghost')).toBe(0);
    await guard.fail('ghost');
    expect(await guard.blockedFor('ghost')).toBe(0);
  });

  it('forgets the failures of a guard without a window after a day, so that memory stays bounded (issue #15)', async () => {
    const { guard, wait } = guardAt({ max: 2, lockMs: 15 * MINUTE });
    await guard.fail('ghost');
    wait(FORGET_AFTER_MS);
    await guard.fail('ghost');
    expect(await guard.blockedFor('ghost')).toBe(0);
  });

  it('clears a key on success', async () => {
    const { guard } = guardAt({ max: 2, windowMs: MINUTE });
    await guard.fail('code');
    await guard.succeed('code');
    await guard.fail('code');
    expect(await guard.blockedFor('code')).toBe(0);
  });
});
