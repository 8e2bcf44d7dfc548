import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database, Db } from './db/types';
import type { Routing } from './routing/routing.service';
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
  /** Compiled routing tables, shared by every request (server/routing). */
  routing: Routing;
}
