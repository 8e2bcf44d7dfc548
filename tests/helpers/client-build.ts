import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const INDEX = path.join(ROOT, 'client', 'dist', 'index.html');
const SOURCES = [path.join(ROOT, 'client'), path.join(ROOT, 'shared'), path.join(ROOT, 'vite.config.mts')];

function newestSourceTime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => name !== 'dist' && name !== 'node_modules' && !name.startsWith('.'))
    .reduce((newest, name) => Math.max(newest, newestSourceTime(path.join(entry, name))), stat.mtimeMs);
}

function isBuildCurrent(): boolean {
  if (!existsSync(INDEX)) return false;
  const built = statSync(INDEX).mtimeMs;
  return SOURCES.every((source) => !existsSync(source) || newestSourceTime(source) <= built);
}

/**
 * Builds client/dist (which the app serves) when it is missing or older than its sources.
 * Called once from jest's globalSetup, before any worker could serve from a half-built directory.
 */
export function ensureClientBuilt(): void {
  if (isBuildCurrent()) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      // jest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}
