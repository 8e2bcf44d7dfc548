/**
 * `npm run staff:create-admin -- --username <name> [--display-name "<name>"]`
 *
 * Creates an administrator on the configured database (DATA_DIR or DATABASE_URL) and prints a
 * generated password once: how a real installation, which never gets demo accounts, gets its first
 * admin. In the Docker image: `node dist/server/auth/create-admin-command.js --username …`.
 * Exit codes: 0 created, 2 bad usage, the name is taken, or no database.
 */
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../bootstrap';
import { exitOnError, UsageError } from '../command-line';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { systemClock } from '../deps';
import { createAdminAccount, AccountRefused } from './accounts.service';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, 'display-name': { type: 'string' } } });
  if (!values.username) throw new UsageError('--username is required');
  const config = loadConfig(process.env);
  const database = await openDatabase({ url: config.database.url, poolSize: 2, dataDir: config.database.dataDir });
  try {
    await prepareDatabase(database);
    const { username, password } = await createAdminAccount(database.db, systemClock, {
      username: values.username,
      displayName: values['display-name'] ?? values.username,
    });
    process.stdout.write(`Administrator ${username} created.\nPassword (shown only this once; keep it): ${password}\n`);
  } finally {
    await database.close();
  }
}

main().then(() => process.exit(0), exitOnError('staff:create-admin', 2, [AccountRefused]));
