import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configTable, withConfigTable } from '../../../server/config-docs';
import { PROJECT_ROOT } from '../../../server/paths';

describe("README's configuration table, generated from server/config.ts", () => {
  it('matches the declarations (when it fails: npm run config:docs, then commit README.md)', () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(withConfigTable(readme));
  });

  it('shows defaults from the schemas, and the secret ones without a value', () => {
    const table = configTable();
    expect(table).toContain('| `PORT` | `3000` |');
    expect(table).toContain('| `HTTPS` | off |');
    expect(table).toContain('| `DATABASE_URL` | unset |');
    expect(table).toMatch(/^\| `SESSION_SECRET` \| generated \| .*never prints its value\. \|$/m);
  });
});
