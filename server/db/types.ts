import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

type Schema = typeof schema;

/** The same typed handle on both engines: PGlite and node-postgres both extend PgDatabase. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take this, so they run inside the caller's transaction when there is one. */
export type Queryable = Db | Tx;

export type DatabaseEngine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: DatabaseEngine;
  /** The embedded engine itself (dumps for tests and backups); absent on a server. */
  pglite?: PGlite;
  /**
   * Raw SQL for libraries that bring their own (pg-boss, server/jobs): with values one statement through
   * the engine's parameterised query; without, PGlite runs a script of several statements (the last
   * one's rows are returned). Application code uses `db`.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
