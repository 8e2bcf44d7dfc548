/**
 * `npm run -s openapi:write -- <file.json>`
 *
 * Writes the OpenAPI document the app serves at `GET /api/openapi.json`, built by `createApi` from the
 * same route declarations, without starting a server or opening a database: `npm run lint:api` lints
 * it with Redocly. `PUBLIC_URL` sets its server as it does the app's. Exit codes: 0 written, 2 bad usage.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi } from '../app';
import { exitOnError, UsageError } from '../command-line';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { assembleDeps, systemClock } from '../deps';
import { createLogger } from '../logger';

async function main(): Promise<void> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0) throw new UsageError('usage: openapi:write <file.json>');
  // The upload routes make their directories when declared: a throwaway place, not the configured one.
  const uploadDir = mkdtempSync(path.join(os.tmpdir(), 'tipline-openapi-'));
  const config = loadConfig({ PUBLIC_URL: process.env.PUBLIC_URL, UPLOAD_DIR: uploadDir, LOG_LEVEL: 'silent' });
  // Declaring routes queries nothing, so a pool that never connects is enough (a query would fail, loudly).
  const database = await openDatabase({ url: 'postgres://openapi.invalid/none', poolSize: 1 });
  try {
    const deps = assembleDeps({
      config,
      database,
      clock: systemClock,
      logger: createLogger(config.logLevel),
      secrets: {
        contactEncryptionKey: randomBytes(32).toString('hex'),
        sessionSecret: randomBytes(32).toString('hex'),
      },
    });
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(createApi(deps).document, null, 2)}\n`);
  } finally {
    await database.close();
    rmSync(uploadDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), exitOnError('openapi:write', 2));
