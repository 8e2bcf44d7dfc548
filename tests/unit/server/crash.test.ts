import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../server/paths';

jest.setTimeout(60_000);

function runCrashingProcess(kind: 'rejection' | 'exception') {
  const run = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'tests/helpers/crashing-process.ts', kind],
    {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  const lines = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: run.status, lines, output: run.stdout + run.stderr };
}

describe('an error nobody caught (issue #15)', () => {
  it.each([
    ['unhandled rejection', 'rejection'],
    ['uncaught exception', 'exception'],
  ] as const)(
    'an %s: the process logs it without the data it carried, then exits with 1 for the supervisor to restart',
    (event, kind) => {
      const run = runCrashingProcess(kind);
      expect(run.status).toBe(1);
      expect(run.output).not.toContain('still running');
      const fatal = run.lines.find((l) => l.level === 60);
      expect(fatal).toMatchObject({ event, msg: expect.stringContaining('supervisor') });
      expect((fatal?.err as { stack?: string }).stack).toMatch(/^\s+at /);
      expect(run.output).not.toContain('SENTINEL-4471');
    },
  );
});
