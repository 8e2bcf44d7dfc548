import { rmSync } from 'node:fs';
import path from 'node:path';
import { adminQuery, serverUrl, TEMPLATE_DB_ENV, TEMPLATE_DUMP_ENV } from './test-db';

export default async function globalTeardown(): Promise<void> {
  const dump = process.env[TEMPLATE_DUMP_ENV];
  if (dump) rmSync(path.dirname(dump), { recursive: true, force: true });
  const template = process.env[TEMPLATE_DB_ENV];
  if (template && serverUrl()) await adminQuery(`drop database if exists ${template} with (force)`);
}
