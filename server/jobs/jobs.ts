import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { loggableError } from '../logger';
import type { Database } from '../db/types';

/**
 * Background jobs (issue #17) on pg-boss 10, kept in OUR database on both engines: pg-boss talks to it
 * through `database.executeSql` (PGlite in one process, or the server's pool). A job is fetched with
 * `FOR UPDATE SKIP LOCKED`, so several server processes on one PostgreSQL run each job once, and jobs
 * are rows, so a restart loses none.
 */

/** pg-boss's tables live in their own schema, beside ours. */
export const JOBS_SCHEMA = 'pgboss';

export type QueuePolicy = PgBoss.QueuePolicy;

/** Queue name → the data its jobs carry. */
export type QueueMap = Record<string, object>;

export interface SendOptions {
  /** With a `short` or `singleton` queue, one waiting (or running) job per key. */
  singletonKey?: string;
  /** Not before this time. */
  startAfter?: Date;
}

export type JobHandler<D> = (data: D, job: { id: string }) => Promise<void>;

export interface JobRunner<Q extends QueueMap> {
  /**
   * The job's id, or null when a singleton of that key already waits. Never call it inside a
   * `deps.db.transaction(...)` callback: pg-boss writes through the database's own connection, and
   * PGlite has one, held by the transaction (it would wait forever).
   */
  send<N extends keyof Q & string>(queue: N, data: Q[N], options?: SendOptions): Promise<string | null>;
  /** Runs the handler for each job of the queue; registered before or after start. */
  work<N extends keyof Q & string>(queue: N, handler: JobHandler<Q[N]>): Promise<void>;
  /** A cron schedule (5 fields, minute first) in a time zone; one process sends each tick. */
  schedule<N extends keyof Q & string>(queue: N, cron: string, options: { tz: string; data: Q[N] }): Promise<void>;
  start(): Promise<void>;
  /** Stops fetching, waits for running jobs up to `timeoutMs`, and leaves the database open. */
  stop(timeoutMs?: number): Promise<void>;
  readonly started: boolean;
}

export interface JobsOptions<Q extends QueueMap> {
  /** Every queue with its policy; created at start (and by installJobs). */
  queues: { [N in keyof Q]: QueuePolicy };
  pollSeconds: number;
  logger: Logger;
}

function bossOptions(database: Database): PgBoss.ConstructorOptions {
  return {
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    schema: JOBS_SCHEMA,
  };
}

/**
 * Installs pg-boss's schema and our queues; `prepareDatabase` runs it at every start (a no-op once
 * done), so the test template already has them (the install costs ~2 s on a fresh PGlite).
 */
export async function installJobs(database: Database, queues: Record<string, QueuePolicy>): Promise<void> {
  const boss = new PgBoss({ ...bossOptions(database), supervise: false, schedule: false });
  await boss.start();
  try {
    await createQueues(boss, queues);
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

/**
 * Creates the queues not there yet. Two processes starting at once may both try (each queue is a
 * partition, and PostgreSQL may answer one of them with a deadlock): the loser finds it made by the other.
 */
async function createQueues(boss: PgBoss, queues: Record<string, QueuePolicy>): Promise<void> {
  for (const [name, policy] of Object.entries(queues)) {
    for (let attempt = 1; !(await boss.getQueue(name)); attempt += 1) {
      try {
        await boss.createQueue(name, { name, policy });
      } catch (err) {
        if (attempt >= 3) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }
}

export function createJobs<Q extends QueueMap>(database: Database, options: JobsOptions<Q>): JobRunner<Q> {
  const boss = new PgBoss({ ...bossOptions(database), supervise: true, schedule: true });
  const { logger } = options;
  boss.on('error', (err: Error) => logger.error({ err: loggableError(err) }, 'background jobs: error'));
  const workers: { queue: string; run: (job: PgBoss.Job<object>) => Promise<void> }[] = [];
  const schedules: { queue: string; cron: string; tz: string; data: object }[] = [];
  let started = false;
  // Two concurrent start() calls share one start of pg-boss.
  let starting: Promise<void> | null = null;

  const applyWorker = async (queue: string, run: (job: PgBoss.Job<object>) => Promise<void>) => {
    await boss.work<object>(queue, { pollingIntervalSeconds: options.pollSeconds, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await run(job);
    });
  };
  const applySchedule = (s: { queue: string; cron: string; tz: string; data: object }) =>
    boss.schedule(s.queue, s.cron, s.data, { tz: s.tz });

  return {
    get started() {
      return started;
    },
    async send(queue, data, sendOptions = {}) {
      const id = await boss.send(queue, data, {
        ...(sendOptions.singletonKey === undefined ? {} : { singletonKey: sendOptions.singletonKey }),
        ...(sendOptions.startAfter === undefined ? {} : { startAfter: sendOptions.startAfter }),
      });
      return id;
    },
    async work(queue, handler) {
      const run = async (job: PgBoss.Job<object>) => {
        try {
          // The queue's data type is the declaration's; pg-boss hands back the JSON it stored.
          await handler(job.data as Q[typeof queue], { id: job.id });
        } catch (err) {
          // Logged without the message (it may quote values); pg-boss marks the job failed and retries it.
          logger.error({ err: loggableError(err), queue }, 'background job failed');
          throw err;
        }
      };
      workers.push({ queue, run });
      if (started) await applyWorker(queue, run);
    },
    async schedule(queue, cron, scheduleOptions) {
      const entry = { queue, cron, tz: scheduleOptions.tz, data: scheduleOptions.data };
      schedules.push(entry);
      if (started) await applySchedule(entry);
    },
    start() {
      if (started) return Promise.resolve();
      starting ??= (async () => {
        await boss.start();
        try {
          await createQueues(boss, options.queues as Record<string, QueuePolicy>);
          for (const s of schedules) await applySchedule(s);
          for (const w of workers) await applyWorker(w.queue, w.run);
        } catch (err) {
          // Half started (some workers polling) is not left behind.
          await boss.stop({ graceful: false, close: false });
          throw err;
        }
        started = true;
      })().finally(() => {
        starting = null;
      });
      return starting;
    },
    async stop(timeoutMs = 10_000) {
      started = false;
      // pg-boss returns at once when it is not running.
      await boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
    },
  };
}
