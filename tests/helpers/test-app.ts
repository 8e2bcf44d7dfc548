import { Writable } from 'node:stream';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { type AppDeps, type Clock } from '../../server/deps';
import { createRouting } from '../../server/routing/routing.service';
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
}

/**
 * The real app on a fresh database (PGlite in memory, or a new database on DATABASE_URL's server),
 * with rate limits off unless a test turns them on, a fixed clock and captured logs.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    RATE_LIMIT_DISABLED: '1',
    DEMO_PASSWORD: TEST_DEMO_PASSWORD,
    LOG_LEVEL: 'info',
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
  const clock = options.clock ?? { now: () => FIXED_NOW };
  const deps: AppDeps = {
    config,
    database: testDb.database,
    db: testDb.database.db,
    clock,
    routing: createRouting({ db: testDb.database.db, clock }),
    logger: createLogger(config.logLevel, sink),
    secrets: { contactEncryptionKey: '11'.repeat(32), sessionSecret: '22'.repeat(32) },
  };
  return { app: createApp(deps), deps, testDb, logs, close: () => testDb.destroy() };
}
