import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database, Db } from './db/types';
import type { Secrets } from './secrets';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything a feature needs, built once in main.ts (or createTestApp) and passed down. */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets: Secrets;
}
