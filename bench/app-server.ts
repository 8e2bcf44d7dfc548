import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureClientBuilt } from '../tests/helpers/client-build';
import { waitForReady } from './server-process';

export interface BenchServer {
  base: string;
  stop(): Promise<void>;
}

/**
 * The app as `npm start` runs it (built client, embedded PGlite in a fresh data directory, no sample
 * reports), in a process of its own so the browser, the proxy and the bench do not share its event loop.
 */
export async function startBenchServer(port: number, moreEnv: Record<string, string> = {}): Promise<BenchServer> {
  ensureClientBuilt();
  const work = mkdtempSync(path.join(os.tmpdir(), 'tipline-bench-'));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: path.join(work, 'data'),
    UPLOAD_DIR: path.join(work, 'uploads'),
    PORT: String(port),
    RATE_LIMIT_DISABLED: '1',
    LOG_LEVEL: 'warn',
    DEMO_REPORTS: '0',
    DEMO_PASSWORD: 'benchmark-password',
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    ...moreEnv,
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: path.join(__dirname, '..'),
    env,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForReady(base);
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(work, { recursive: true, force: true });
    },
  };
}
