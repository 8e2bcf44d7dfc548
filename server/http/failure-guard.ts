import { counterKey, createCounter, type CounterDeps } from './counters';

export interface FailurePolicy {
  /** Tells this guard's keys from the others' (in Redis, the same in every process). */
  name: string;
  /** Failures that block a key. */
  max: number;
  /** How long failures are remembered, from the first; unset: a day (FORGET_AFTER_MS), or until a block ends. */
  windowMs?: number;
  /** How long a block lasts, from the failure that reached `max`; unset: until the window ends. */
  lockMs?: number;
}

/** Failures of a guard without a window are forgotten after a day without a block: bounded memory. */
export const FORGET_AFTER_MS = 24 * 3_600_000;

/**
 * Failures per key (a tracking code, a username): after `max` of them the key is blocked, whoever
 * asks, until the block ends. Issue #19: counted with rate-limiter-flexible, in Redis when REDIS_URL
 * is set (one count for every process; memory while Redis is away), else in this process's memory,
 * where every key expires with its window or its block. Keys are stored as keyed hashes.
 */
export function createFailureGuard(deps: CounterDeps, policy: FailurePolicy) {
  const counter = createCounter(deps, {
    name: `guard:${policy.name}`,
    points: policy.max,
    durationSeconds: Math.max(1, Math.ceil((policy.windowMs ?? FORGET_AFTER_MS) / 1000)),
  });
  const stored = (key: string) => counterKey(deps, `${policy.name}\0${key}`);
  return {
    /** Milliseconds left of the key's block; 0 when it is not blocked. */
    async blockedFor(key: string): Promise<number> {
      const entry = await counter.get(stored(key));
      return entry && entry.consumedPoints >= policy.max ? Math.max(1, entry.msBeforeNext) : 0;
    },
    async fail(key: string): Promise<void> {
      const entry = await counter.penalty(stored(key), 1);
      // The failure that reaches `max` (exactly one of parallel ones, the count is atomic) starts the lock.
      if (policy.lockMs !== undefined && entry.consumedPoints === policy.max)
        await counter.block(stored(key), Math.max(1, Math.ceil(policy.lockMs / 1000)));
    },
    async succeed(key: string): Promise<void> {
      await counter.delete(stored(key));
    },
  };
}
export type FailureGuard = ReturnType<typeof createFailureGuard>;
