import type { Clock } from '../deps';

export interface FailurePolicy {
  /** Failures that block a key. */
  max: number;
  /** How long failures are remembered, from the first; unset: until a block ends. */
  windowMs?: number;
  /** How long a block lasts, from the failure that reached `max`; unset: until the window ends. */
  lockMs?: number;
  /** Keys remembered at most (default MAX_KEYS); past it the least recently failed are forgotten. */
  maxKeys?: number;
}

export const MAX_KEYS = 100_000;

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
      // Re-inserted, so the map's order is the order of last failure and the first keys are the oldest.
      entries.delete(key);
      entries.set(key, entry);
      // Bounded memory against a flood of made-up keys; the oldest go first, the recent locks stay.
      for (const oldest of entries.keys()) {
        if (entries.size <= (policy.maxKeys ?? MAX_KEYS)) break;
        entries.delete(oldest);
      }
    },
    succeed(key: string): void {
      entries.delete(key);
    },
  };
}
export type FailureGuard = ReturnType<typeof createFailureGuard>;
