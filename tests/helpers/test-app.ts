import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import { closeMail } from '../../server/alerts/deliver';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { closeRedis, redisConnected } from '../../server/http/redis';
import { assembleDeps, type AppDeps, type Clock } from '../../server/deps';
import { registerJobs } from '../../server/jobs/registry';
import { createLogger } from '../../server/logger';
import { createTestDatabase, TEST_DEMO_PASSWORD, type TestDatabase } from './test-db';

export const FIXED_NOW = new Date('2026-11-23T03:00:00Z');

export interface TestApp {
  app: Express;
  deps: AppDeps;
  testDb: TestDatabase;
  /** Every JSON line the app logged, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /**
   * Register the job handlers (server/jobs/registry.ts) and start the runner, as `npm start` does
   * (issue #17); off by default so that the other tests do not poll. Stopped by close().
   */
  jobs?: boolean;
}

/**
 * The real app on a fresh database (PGlite in memory, or a new database on DATABASE_URL's server),
 * with rate limits off unless a test turns them on, a fixed clock and captured logs.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const uploadDir = mkdtempSync(path.join(os.tmpdir(), 'tipline-uploads-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    RATE_LIMIT_DISABLED: '1',
    DEMO_PASSWORD: TEST_DEMO_PASSWORD,
    LOG_LEVEL: 'info',
    UPLOAD_DIR: uploadDir,
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const testDb = await createTestDatabase();
  const deps: AppDeps = assembleDeps({
    config,
    database: testDb.database,
    clock: options.clock ?? { now: () => FIXED_NOW },
    logger: createLogger(config.logLevel, sink),
    secrets: { contactEncryptionKey: '11'.repeat(32), sessionSecret: '22'.repeat(32) },
  });
  // Issue #19: as main does, the first requests count in Redis when REDIS_URL is set.
  await redisConnected(deps);
  if (options.jobs) {
    await registerJobs(deps);
    await deps.jobs.start();
  }
  const close = async () => {
    await deps.jobs.stop(1000);
    // As main's shutdown: the open alert streams and the SMTP connections go before the database.
    deps.streams.closeAll();
    closeMail(deps);
    await closeRedis(deps);
    await testDb.destroy();
    rmSync(uploadDir, { recursive: true, force: true });
  };
  return { app: createApp(deps), deps, testDb, logs, close };
}
