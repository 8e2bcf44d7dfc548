import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '../../server/bootstrap';
import { openDatabase } from '../../server/db/client';
import { seedDemo } from '../../server/demo/seed-demo';
import { ensureClientBuilt } from './client-build';
import { adminQuery, serverUrl, TEMPLATE_DB_ENV, TEMPLATE_DUMP_ENV, TEST_DEMO_PASSWORD, withDatabase } from './test-db';

/**
 * Builds the database every test starts from once: migrated, with the reference data and the demo
 * units and staff. PGlite: a gzip dump loaded per test (0.6 s instead of 4 s of initdb, STACK.md).
 * Server: a template database copied by CREATE DATABASE … TEMPLATE.
 */
export default async function globalSetup(): Promise<void> {
  // Browser tests are served the built client; API tests of the client fallback need it too.
  ensureClientBuilt();
  const url = serverUrl();
  if (!url) {
    const database = await openDatabase({});
    await prepareDatabase(database);
    await seedDemo(database.db, { password: TEST_DEMO_PASSWORD });
    const dump = await dumpPglite(database);
    await database.close();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tipline-test-'));
    const file = path.join(dir, 'template.tar.gz');
    writeFileSync(file, dump);
    process.env[TEMPLATE_DUMP_ENV] = file;
    return;
  }
  const name = `tipline_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const database = await openDatabase({ url: withDatabase(url, name), poolSize: 2 });
  await prepareDatabase(database);
  await seedDemo(database.db, { password: TEST_DEMO_PASSWORD });
  await database.close();
  process.env[TEMPLATE_DB_ENV] = name;
}

async function dumpPglite(database: Awaited<ReturnType<typeof openDatabase>>): Promise<Buffer> {
  if (!database.pglite) throw new Error('expected an embedded database');
  const blob = await database.pglite.dumpDataDir('gzip');
  return Buffer.from(await blob.arrayBuffer());
}
