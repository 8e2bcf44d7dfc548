import { Client } from 'pg';
import { prepareDatabase } from '../server/bootstrap';
import { openDatabase } from '../server/db/client';
import type { Database } from '../server/db/types';

/** The `q` quantile of ascending `sorted` (nearest rank). */
export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

/**
 * A benchmark's own database on the PostgreSQL server of DATABASE_URL (PGlite is not the target of
 * the 1M-report benchmarks), migrated, handed to `run`, then dropped; BENCH_KEEP=1 leaves it for
 * EXPLAIN ANALYZE by hand.
 */
export async function withBenchDatabase(
  name: string,
  bench: string,
  run: (database: Database, url: string) => Promise<void>,
): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`bench ${bench} needs DATABASE_URL (a PostgreSQL server): PGlite is not the target here`);
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), poolSize: 4 });
  try {
    await prepareDatabase(database);
    await run(database, target.toString());
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP !== '1') await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
