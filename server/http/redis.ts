import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { loggableError } from '../logger';

/**
 * Issue #19: the one Redis connection of this process (REDIS_URL), for the shared counters
 * (server/http/counters.ts). Commands fail at once while it is down (no offline queue), so that a
 * request never waits for Redis: the counters then fall back to this process's memory.
 */
const state = new WeakMap<Redis, { logger: Logger; degraded: boolean; watch?: NodeJS.Timeout }>();

/** Counters shared again: said once, and the next outage will be said again. */
function back(client: Redis): void {
  const s = state.get(client);
  if (!s?.degraded) return;
  s.degraded = false;
  clearInterval(s.watch);
  s.watch = undefined;
  s.logger.info('Redis is back: rate limits and failure guards are shared again');
}

export function openRedis(config: Config['redis'], logger: Logger): Redis | null {
  if (!config.url) return null;
  const client = new Redis(config.url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    maxRetriesPerRequest: 1,
    // Tries again every second at most, for as long as the process lives.
    retryStrategy: (times) => Math.min(times * 200, 1_000),
  });
  state.set(client, { logger, degraded: false });
  // Without a listener ioredis prints every failed reconnection; one line says it all.
  client.on('error', (err: unknown) => counterFallback(client, err));
  client.on('ready', () => back(client));
  client.on('end', () => clearInterval(state.get(client)?.watch));
  return client;
}

/**
 * Logs ONE warning when the counters start falling back to memory (Redis unreachable, a command
 * timed out), and nothing more until Redis is back. Never a client's address: only the error's kind.
 */
export function counterFallback(client: Redis, err?: unknown): void {
  const s = state.get(client);
  if (!s || s.degraded) return;
  s.degraded = true;
  s.logger.warn(
    { ...(err === undefined ? {} : { err: loggableError(err) }) },
    'Redis unreachable: rate limits and failure guards count in this process memory until it is back',
  );
  // A Redis that timed out without dropping the connection sends no new `ready`: asked every 5 s.
  s.watch = setInterval(() => {
    if (client.status === 'ready')
      client.ping().then(
        () => back(client),
        () => undefined,
      );
  }, 5_000).unref();
}

/**
 * Waits (at most `timeoutMs`) for the connection to be ready, so that the first requests count in
 * Redis, not in memory; a Redis still away by then is not waited for (the counters fall back, logged).
 */
export async function redisConnected(deps: { redis: Redis | null }, timeoutMs = 2_000): Promise<boolean> {
  const client = deps.redis;
  if (!client) return true;
  if (client.status === 'ready') return true;
  return new Promise<boolean>((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    client.on('ready', onReady);
  });
}

/** For /readyz (issue #19): true without REDIS_URL, else whether Redis answers a PING within a second. */
export async function redisReady(deps: { redis: Redis | null }): Promise<boolean> {
  if (!deps.redis) return true;
  try {
    return (await deps.redis.ping()) === 'PONG';
  } catch {
    return false;
  }
}

/** On shutdown, after the last request: QUIT, or a plain disconnect when Redis is not there. */
export async function closeRedis(deps: { redis: Redis | null }): Promise<void> {
  if (!deps.redis) return;
  const client = deps.redis;
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}
