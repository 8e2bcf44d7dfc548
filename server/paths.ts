import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found from this file whether it runs from source (tsx, jest) or compiled
 * (dist/server): migrations, reference data and the client build are read relative to it.
 */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'server', 'db', 'migrations');
export const ADMIN_UNITS_DIR = path.join(PROJECT_ROOT, 'server', 'places', 'data', 'admin-units');
export const CLIENT_DIST_DIR = path.join(PROJECT_ROOT, 'client', 'dist');
