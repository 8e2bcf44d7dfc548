import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { openDatabase } from '../../server/db/client';
import type { Database } from '../../server/db/types';

/** Set by global-setup.ts: a gzip dump of a migrated, seeded PGlite, or a template database name. */
export const TEMPLATE_DUMP_ENV = 'TIPLINE_TEST_TEMPLATE_DUMP';
export const TEMPLATE_DB_ENV = 'TIPLINE_TEST_TEMPLATE_DB';
/** The password of every demo account in tests. */
export const TEST_DEMO_PASSWORD = 'demo-password-389';

export function serverUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const url = serverUrl();
  if (!url) throw new Error('DATABASE_URL is not set');
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  database: Database;
  url?: string;
  /** Closes the handle and drops the database (server mode). */
  destroy(): Promise<void>;
}

/**
 * A fresh database with migrations, reference data and demo units already in it: an in-memory
 * PGlite loaded from the template dump, or on a server a new database copied from the template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = serverUrl();
  if (!url) {
    const dumpPath = process.env[TEMPLATE_DUMP_ENV];
    if (!dumpPath) throw new Error('tests/helpers/global-setup.ts did not run');
    const dump = new Blob([readFileSync(dumpPath)]);
    const database = await openDatabase({ loadDataDir: dump });
    return { database, destroy: () => database.close() };
  }
  const template = process.env[TEMPLATE_DB_ENV];
  const name = `tipline_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${template}`);
  const dbUrl = withDatabase(url, name);
  const database = await openDatabase({ url: dbUrl, poolSize: 4 });
  return {
    database,
    url: dbUrl,
    destroy: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
