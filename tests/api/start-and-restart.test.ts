import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client';
import { queryRows } from '../../server/db/query-rows';
import { PROJECT_ROOT } from '../../server/paths';
import { INLAND_PROVINCE_RULES } from '../../server/routing/default-rules';
import { noisyJpeg } from '../helpers/images';

jest.setTimeout(120_000);

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * `server/main.ts` as `npm start` runs it, on an embedded database in a temporary DATA_DIR; with a
 * dozen sample reports instead of the default count, which would cost this suite seconds.
 */
function startServer(dataDir: string, port: number, extraEnv: Record<string, string> = {}): Running {
  return runScript(['server/main.ts'], { DATA_DIR: dataDir, PORT: String(port), DEMO_REPORTS: '12', ...extraEnv });
}

/** `npm run routing:check` on the same data directory. */
function routingCheck(dataDir: string, ...args: string[]): Running {
  return runScript(['server/routing/check-command.ts', ...args], { DATA_DIR: dataDir });
}

function runScript(args: string[], extraEnv: Record<string, string>): Running {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extraEnv };
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), ...args], {
    cwd: PROJECT_ROOT,
    env,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const PORT = 39_000 + (process.pid % 1000);

describe('npm start on the embedded database', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tipline-start-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the URL and the demo logins once, keeps the data over a restart, and stops cleanly on SIGTERM', async () => {
    const first = startServer(dataDir, PORT);
    await waitFor(() => first.output().includes('Tipline 389 is running at'), 'the first start');
    expect(first.output()).toContain(`http://127.0.0.1:${PORT}`);
    const login = /^\s+police\.cao-bang\s+(\S{19})\s+officer/m.exec(first.output());
    expect(login?.[1]).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect(statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(first.output()).toMatch(/^ {2}Demo: 12 sample reports over \d+ months?, from \d\d\/\d\d\/\d{4}/m);
    expect(first.output()).toMatch(
      /^ {4}389-[0-9A-Z]{4}-[0-9A-Z]{4} {2}[0-9A-Z]{4}(-[0-9A-Z]{4}){3} {2}a question waits/m,
    );

    const provinces = (await fetch(`http://127.0.0.1:${PORT}/api/public/provinces`).then((r) => r.json())) as {
      provinces: unknown[];
    };
    expect(provinces.provinces).toHaveLength(34);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');

    const second = startServer(dataDir, PORT, { RATE_LIMIT_DISABLED: '1' });
    await waitFor(() => second.output().includes('Tipline 389 is running at'), 'the restart');
    expect(second.output()).not.toContain(login?.[1]);
    expect(second.output()).toContain('passwords were printed then');
    expect(second.output()).not.toContain('sample reports');
    expect(second.output()).not.toContain('imported administrative units');
    expect(second.output()).toMatch(/"level":40,.*RATE_LIMIT_DISABLED is set: every rate limit is off/);
    expect(first.output()).not.toContain('RATE_LIMIT_DISABLED');
    const ready: unknown = await fetch(`http://127.0.0.1:${PORT}/readyz`).then((r) => r.json());
    expect(ready).toEqual({ status: 'ready', database: 'pglite' });

    // PGlite allows one process: a second one on the same files is refused, not let in to corrupt them.
    const meanwhile = routingCheck(dataDir);
    expect(await meanwhile.exited).toBe(2);
    expect(meanwhile.output()).toMatch(
      /The embedded database in .* is in use by process \d+ \(a running `npm start`\?\)/,
    );

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('routing:check finds no gap and no overlap in the demo data, and names the cells a faulty rule file would break', async () => {
    const check = routingCheck(dataDir);
    expect(await check.exited).toBe(0);
    expect(check.output()).toContain('Cells checked: 209,223 (3,321 communes × 9 categories × 7 place types)');
    expect(check.output()).toContain('Gaps: 0 cells   Overlaps: 0 cells');
    expect(check.output()).toContain(
      'Province rows checked for online reports without a commune: 306 (34 provinces × 9 categories)',
    );
    // Hà Nội's commune cells and its province row for online reports (8 to market management, banned goods to the police).
    expect(check.output()).toMatch(/^01 Thành phố Hà Nội\s+7,947\s+1,135\s+4,544\s+0\s+2,268\s+0\s+0$/m);
    expect(check.output()).toContain('OK: every cell has exactly one lead force and exactly one lead unit.');

    const rules = path.join(dataDir, 'faulty-rules.json');
    const hanoi = INLAND_PROVINCE_RULES.find((r) => r.provinceCode === '01');
    if (!hanoi) throw new Error('no rules for Hà Nội');
    writeFileSync(
      rules,
      JSON.stringify({
        ruleSets: [
          {
            scope: 'province',
            provinceCode: '04',
            rules: [
              { placeType: '*', category: 'counterfeit', lead: 'police' },
              { placeType: 'production_site', category: '*', lead: 'market' },
            ],
          },
          // Hà Nội's own rules, plus one that sends online shops of Phường Ba Đình to a border guard it does not have.
          {
            ...hanoi,
            rules: [
              ...hanoi.rules,
              { placeType: 'online', category: '*', lead: 'border', coordinating: [], communeCode: '00004' },
            ],
          },
        ],
      }),
    );
    const faulty = routingCheck(dataDir, '--rules', rules);
    expect(await faulty.exited).toBe(1);
    expect(faulty.output()).toContain(
      'OVERLAP  56 cells: rules of equal specificity disagree: province-04/*/counterfeit → police, province-04/production_site/* → market',
    );
    expect(faulty.output()).toMatch(
      /GAP {6}9 cells: no border unit covers them \(rule commune-00004\/online\/\* names border as lead\)\n\s+e\.g\. Phường Ba Đình \(00004\) × smuggling × online/,
    );
    expect(faulty.output()).toContain('FAILED: fix the gaps and overlaps above before publishing.');
  });

  it('staff:create-admin makes the first administrator once and prints the password', async () => {
    const created = runScript(['server/auth/create-admin-command.ts', '--username', 'first.admin'], {
      DATA_DIR: dataDir,
    });
    expect(await created.exited).toBe(0);
    expect(created.output()).toMatch(
      /Administrator first\.admin created\.\nPassword \(shown only this once; keep it\): [A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}/,
    );
    const again = runScript(['server/auth/create-admin-command.ts', '--username', 'first.admin'], {
      DATA_DIR: dataDir,
    });
    expect(await again.exited).toBe(2);
    expect(again.output()).toContain('the username first.admin is already taken');
  });

  it('finishes a report with photos that is in flight when SIGTERM arrives, then stops', async () => {
    const server = startServer(dataDir, PORT, { RATE_LIMIT_DISABLED: '1' });
    await waitFor(() => server.output().includes('Tipline 389 is running at'), 'the start');
    const form = new FormData();
    const fields = {
      category: 'smuggling',
      placeType: 'border_gate',
      provinceCode: '04',
      communeCode: '01447',
      address: 'Cửa khẩu Trà Lĩnh',
      observedAt: new Date(Date.now() - 3_600_000).toISOString(),
      description: 'Xe tải chở hàng không khai báo qua cửa khẩu vào ban đêm.',
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const photo = await noisyJpeg(4000, 3000);
    for (let i = 0; i < 5; i += 1) form.append('photos', new Blob([photo], { type: 'image/jpeg' }), `${i}.jpg`);
    const answer = fetch(`http://127.0.0.1:${PORT}/api/public/reports`, { method: 'POST', body: form });
    // Five 12 MP photos take the server over a second; the signal arrives meanwhile.
    await new Promise((r) => setTimeout(r, 250));
    server.child.kill('SIGTERM');
    const res = await answer;
    // Proof that it was in flight: the server had started shutting down before it answered.
    expect(server.output()).toContain('shutting down');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { trackingCode: string }).trackingCode).toMatch(/^389-/);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down: no new connections, finishing requests in flight');
  });

  it("audit:verify finds every chain whole, then names an event edited behind the triggers' back", async () => {
    const whole = runScript(['server/cases/audit-verify-command.ts'], { DATA_DIR: dataDir });
    expect(await whole.exited).toBe(0);
    expect(whole.output()).toMatch(/\d+ reports, \d+ events checked: every chain is whole/);

    const database = await openDatabase({ url: undefined, poolSize: 1, dataDir: path.resolve(dataDir) });
    const [report] = await queryRows<{ tracking_code: string }>(
      database.db,
      sql`select tracking_code from reports limit 1`,
    );
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update report_events set body = 'sửa lén' where seq = 1 and report_id = (select id from reports where tracking_code = ${report?.tracking_code})`,
      );
    });
    await database.close();
    const broken = runScript(['server/cases/audit-verify-command.ts'], { DATA_DIR: dataDir });
    expect(await broken.exited).toBe(1);
    expect(broken.output()).toContain(`BREAK report ${report?.tracking_code}, event #1`);
    expect(broken.output()).toMatch(/1 break\(s\)/);
  });

  it('refuses to start with a wrong setting, naming the variable', async () => {
    const bad = startServer(dataDir, PORT, { RATE_LIMIT_PUBLIC_MAX: 'many' });
    expect(await bad.exited).toBe(78);
    expect(bad.output()).toMatch(/RATE_LIMIT_PUBLIC_MAX: .*"many"/);
  });
});
