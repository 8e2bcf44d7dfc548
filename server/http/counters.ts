import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { keyedHash } from '../auth/keyed-hash';
import type { Secrets } from '../secrets';
import { counterFallback } from './redis';

/** What a counter needs: the Redis connection (null without REDIS_URL) and SESSION_SECRET for its keys. */
export interface CounterDeps {
  redis: Redis | null;
  secrets: Pick<Secrets, 'sessionSecret'>;
}

export interface CounterPolicy {
  /** Tells this counter's keys from the others' in Redis; the same in every process. */
  name: string;
  points: number;
  durationSeconds: number;
}

/** Tells the process once (counterFallback) that it counts in memory, then counts there. */
class Insurance extends RateLimiterMemory {
  constructor(
    private readonly client: Redis,
    opts: ConstructorParameters<typeof RateLimiterMemory>[0],
  ) {
    super(opts);
  }
  override consume(...args: Parameters<RateLimiterMemory['consume']>) {
    counterFallback(this.client);
    return super.consume(...args);
  }
  override penalty(...args: Parameters<RateLimiterMemory['penalty']>) {
    counterFallback(this.client);
    return super.penalty(...args);
  }
  override get(...args: Parameters<RateLimiterMemory['get']>) {
    counterFallback(this.client);
    return super.get(...args);
  }
  override block(...args: Parameters<RateLimiterMemory['block']>) {
    counterFallback(this.client);
    return super.block(...args);
  }
  override delete(...args: Parameters<RateLimiterMemory['delete']>) {
    counterFallback(this.client);
    return super.delete(...args);
  }
}

/**
 * Issue #19: one counter (rate-limiter-flexible) shared by every process through Redis when
 * REDIS_URL is set, with a memory counter of the same points as insurance while Redis is away;
 * in this process's memory alone without REDIS_URL.
 */
export function createCounter(deps: CounterDeps, policy: CounterPolicy): RateLimiterAbstract {
  const options = { keyPrefix: `tipline:${policy.name}`, points: policy.points, duration: policy.durationSeconds };
  if (!deps.redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: deps.redis,
    // A Redis that is not connected is not waited for: the insurance answers at once.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new Insurance(deps.redis, options),
  });
}

/**
 * The key a client, a tracking code or a username is counted under: a keyed hash under
 * SESSION_SECRET, the same in every process, so neither Redis nor a memory dump holds an address
 * (SPEC.md §6), and nobody without the secret can find whose counter a key is.
 */
export const counterKey = (deps: CounterDeps, value: string): string =>
  keyedHash(deps.secrets.sessionSecret, 'rate-limit', value);
