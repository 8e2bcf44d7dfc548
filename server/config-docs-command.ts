/**
 * `npm run config:docs`: writes README.md's configuration table from the declarations in
 * server/config.ts (tests/unit/server/config-docs.test.ts fails while the two differ).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exitOnError } from './command-line';
import { withConfigTable } from './config-docs';
import { PROJECT_ROOT } from './paths';

function main(): void {
  const file = path.join(PROJECT_ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const updated = withConfigTable(readme);
  if (updated === readme) {
    process.stdout.write('README.md: the configuration table is up to date\n');
    return;
  }
  writeFileSync(file, updated);
  process.stdout.write('README.md: configuration table written from server/config.ts\n');
}

try {
  main();
} catch (err) {
  exitOnError('config:docs', 1)(err);
}
