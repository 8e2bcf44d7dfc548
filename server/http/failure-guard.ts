import type { Clock } from '../deps';

export interface FailurePolicy {
  /** Failures that block a key. */
  max: number;
  /** How long failures are remembered, from the first; unset: until a block ends. */
  windowMs?: number;
  /** How long a block lasts, from the failure that reached `max`; unset: until the window ends. */
  lockMs?: number;
}

/**
 * Failures per key (a tracking code, a username), in memory and per process like the rate limits:
 * after `max` of them the key is blocked, whoever asks, until the block ends.
 */
export function createFailureGuard(clock: Clock, policy: FailurePolicy) {
  const entries = new Map<string, { count: number; endsAt: number }>();
  const live = (key: string, now: number) => {
    const entry = entries.get(key);
    if (entry && entry.endsAt <= now) entries.delete(key);
    return entry && entry.endsAt > now ? entry : undefined;
  };
  return {
    /** Milliseconds left of the key's block; 0 when it is not blocked. */
    blockedFor(key: string): number {
      const now = clock.now().getTime();
      const entry = live(key, now);
      return entry && entry.count >= policy.max ? entry.endsAt - now : 0;
    },
    fail(key: string): void {
      const now = clock.now().getTime();
      const entry = live(key, now) ?? { count: 0, endsAt: now + (policy.windowMs ?? Infinity) };
      entry.count += 1;
      if (entry.count >= policy.max && policy.lockMs !== undefined) entry.endsAt = now + policy.lockMs;
      entries.set(key, entry);
      if (entries.size > 100_000) entries.clear();
    },
    succeed(key: string): void {
      entries.delete(key);
    },
  };
}
export type FailureGuard = ReturnType<typeof createFailureGuard>;
