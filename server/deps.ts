import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createStreamHub, type StreamHub } from './alerts/stream';
import type { Config } from './config';
import type { Database, Db } from './db/types';
import type { FailureGuard } from './http/failure-guard';
import { openRedis } from './http/redis';
import { createJobs, type JobRunner } from './jobs/jobs';
import { APP_QUEUES, type AppQueues } from './jobs/queues';
import { createDiskPhotoStore, type PhotoStore } from './reports/photo-store';
import { createPhotoQueue, type PhotoQueue } from './reports/photos';
import { createSecretGuard } from './reports/tracking.service';
import { createRouting, type Routing } from './routing/routing.service';
import type { Secrets } from './secrets';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything a feature needs, built once by assembleDeps (main.ts, tests, benchmarks) and passed down. */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets: Secrets;
  /** Compiled routing tables, shared by every request (server/routing). */
  routing: Routing;
  /**
   * Where photos are kept (issue #19: one interface, server/reports/photo-store.ts; on disk under
   * UPLOAD_DIR) and the queue that bounds how many are processed at once.
   */
  photos: { store: PhotoStore; queue: PhotoQueue };
  /** Wrong receipt secrets per tracking code (SPEC.md §6), one count for the tracking page and the intake console. */
  receiptGuard: FailureGuard;
  /**
   * Issue #19: the Redis connection of the shared counters (REDIS_URL), or null: each process counts in
   * memory. Checked by /readyz (`redisReady`, server/http/redis.ts), closed on shutdown (`closeRedis`).
   */
  redis: Redis | null;
  /** Issue #17: the open alert streams (Server-Sent Events) of this process, closed on shutdown. */
  streams: StreamHub;
  /**
   * Background jobs (server/jobs, pg-boss in our database). Sending works at any time; jobs run only
   * in a process that registered handlers and started it (server/main.ts; tests that ask).
   */
  jobs: JobRunner<AppQueues>;
  /** Issue #19: set when SIGTERM/SIGINT arrives (main.ts); /readyz answers 503 from then on. */
  lifecycle: Lifecycle;
}

export interface Lifecycle {
  /** The process was asked to stop: it finishes what is in flight and takes nothing new from a balancer. */
  stopping: boolean;
}

export function assembleDeps(parts: Pick<AppDeps, 'config' | 'database' | 'clock' | 'logger' | 'secrets'>): AppDeps {
  const db = parts.database.db;
  const redis = openRedis(parts.config.redis, parts.logger);
  return {
    ...parts,
    db,
    redis,
    routing: createRouting({ db, clock: parts.clock }),
    photos: {
      store: createDiskPhotoStore(parts.config.paths.uploadDir),
      queue: createPhotoQueue(parts.config.photos),
    },
    receiptGuard: createSecretGuard({ redis, secrets: parts.secrets }),
    streams: createStreamHub(),
    jobs: createJobs<AppQueues>(parts.database, {
      queues: APP_QUEUES,
      pollSeconds: parts.config.jobs.pollSeconds,
      logger: parts.logger,
    }),
    lifecycle: { stopping: false },
  };
}
