/**
 * `npm run audit:verify`: checks the event chain of every report (issue #6) on the configured
 * database and names every break. Exit codes: 0 every chain whole, 1 a break found, 2 cannot run.
 * In the Docker image: `node dist/server/cases/audit-verify-command.js`.
 */
import { prepareDatabase } from '../bootstrap';
import { exitOnError } from '../command-line';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { describeBreak, verifyEventChains } from './audit-chain';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const database = await openDatabase({ url: config.database.url, poolSize: 2, dataDir: config.database.dataDir });
  try {
    await prepareDatabase(database);
    const { reports, events, breaks } = await verifyEventChains(database.db);
    for (const b of breaks) process.stdout.write(`BREAK ${describeBreak(b)}\n`);
    process.stdout.write(
      `${reports} reports, ${events} events checked: ${breaks.length === 0 ? 'every chain is whole' : `${breaks.length} break(s)`}\n`,
    );
    return breaks.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then((code) => process.exit(code), exitOnError('audit:verify', 2));
