import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { intarray } from '@electric-sql/pglite/contrib/intarray';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool, type QueryResult } from 'pg';
import { MIGRATIONS_DIR } from '../paths';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';
import type { Database, Db } from './types';

interface DatabaseOptions {
  /** A postgres:// URL; absent means embedded PGlite. */
  url?: string;
  poolSize?: number;
  /** PGlite data directory; absent with no url means in memory (tests). */
  dataDir?: string;
  /** PGlite only: start from a dump made by dumpDataDir() (tests start in 0.6 s instead of 4 s). */
  loadDataDir?: Blob | File;
}

/** PGlite ships these as contrib modules; they load only when passed in (STACK.md). */
const pgliteExtensions: PGliteOptions['extensions'] = { intarray, pg_trgm, unaccent };

/** SPEC.md stack: PGlite in DATA_DIR when there is no DATABASE_URL, a PostgreSQL server when there is. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // JIT compilation off for every session: the planner turns it on from estimated cost alone, and for
  // the reads of this application (queues, dashboards over running totals) compiling costs 10–40 ms,
  // more than the query itself (bench/queue.ts). PGlite has no JIT.
  const pool = new Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, options: '-c jit=off' });
  // An idle client that loses its server emits 'error'; without a listener the process would crash.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    executeSql: async (text, values) => {
      // Without values pg sends a simple query, which may hold several statements and answer with an array.
      const result: QueryResult | QueryResult[] = await pool.query(text, values);
      return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await pool.end();
    },
  };
}

/**
 * PGlite writes its files 0666 and its directories 0755 whatever the umask (measured with 0.5); a
 * DATA_DIR made earlier may be anything. Owner only (issue #15): the directory itself 0700, which
 * also covers files PGlite creates while running, and every file 0600 at each open and close.
 */
function keepToOwner(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) keepToOwner(full);
    else if (!lstatSync(full).isSymbolicLink()) chmodSync(full, 0o600);
  }
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(options.dataDir, 0o700);
  }
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      extensions: pgliteExtensions,
    });
  } catch (err) {
    unlock();
    throw err;
  }
  if (options.dataDir) keepToOwner(options.dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    executeSql: async (text, values) => {
      if (values !== undefined && values.length > 0) return { rows: (await client.query(text, values)).rows };
      // exec runs a script of several statements (pg-boss's schema install); query takes one.
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    ping: async () => {
      if (closed) throw new Error('database closed');
      await client.query('select 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      if (options.dataDir) keepToOwner(options.dataDir);
      unlock();
    },
  };
}

/** Applies the committed migrations; drizzle records them, so a second run is a no-op. */
export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.engine === 'pglite') {
    await migratePglite(database.db as unknown as Parameters<typeof migratePglite>[0], config);
  } else {
    await migratePg(database.db as unknown as Parameters<typeof migratePg>[0], config);
  }
}
