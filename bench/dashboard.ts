import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { BENCH_PASSWORD, loadBenchReports } from './report-load';
import { quantile, withBenchDatabase } from './server-database';
import { peakRssMb, SERVER_NODE_FLAGS, waitForReady } from './server-process';
import type { StaffUser } from '../server/auth/auth.service';
import { queryRows } from '../server/db/query-rows';
import { staffStats } from '../server/stats/stats.service';
import { vietnamToday } from '../server/stats/period';
import { staffStatsQuerySchema } from '../shared/schemas/stats';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const DATABASE = 'tipline_bench_dashboard';
const PORT = 39_390;

/**
 * Issue #7 targets, on 1,000,000 reports in the PostgreSQL server: the dashboard of a province-year
 * and of the nation-year p95 under 300 ms; a full-year national CSV export (every report) under
 * 300 MB of resident memory. The dashboard is timed as `GET /api/staff/stats` calls it; the export
 * through the real HTTP route on 127.0.0.1, its body read and counted, not kept.
 */
export async function dashboardBenchmark(): Promise<void> {
  await withBenchDatabase(DATABASE, 'dashboard', async (database, url) => {
    const { db, deps, staffUser, loadSeconds, indexSeconds } = await loadBenchReports(database, url, REPORTS);
    const national = await staffUser('coordinator');
    const province = await staffUser('coordinator.cao-bang');
    const [counts] = await queryRows<{ n: number; daily: number; monthly: number; durations: number }>(
      db,
      sql`select (select count(*) from reports)::int as n, (select count(*) from report_stats_daily)::int as daily,
                 (select count(*) from report_stats_monthly)::int as monthly, (select count(*) from report_stats_durations)::int as durations`,
    );

    const today = vietnamToday(new Date());
    const year = today.slice(0, 4);
    // `target`: the two (a province-year and the nation-year, as a calendar year and as the default last twelve months).
    const scenarios: { label: string; staff: StaffUser; query: Record<string, string>; target?: boolean }[] = [
      {
        label: `nation, calendar year ${year} (whole months)`,
        staff: national,
        query: { from: `${year}-01-01`, to: `${year}-12-31` },
        target: true,
      },
      { label: 'nation, last 12 months (default)', staff: national, query: {}, target: true },
      {
        label: `Cao Bằng (04), calendar year ${year}`,
        staff: province,
        query: { from: `${year}-01-01`, to: `${year}-12-31` },
        target: true,
      },
      { label: 'Cao Bằng (04), last 12 months (default)', staff: province, query: {}, target: true },
      {
        label: 'nation, 15/03 to 20/06 (edge days from the reports)',
        staff: national,
        query: { from: `${year}-03-15`, to: `${year}-06-20` },
      },
      {
        label: 'nation, last 12 months, force=market, by week',
        staff: national,
        query: { force: 'market', interval: 'week' },
      },
    ];
    const run = (s: (typeof scenarios)[number]) =>
      staffStats(deps, s.staff, staffStatsQuerySchema.parse(s.query), 'vi');
    const received = await Promise.all(scenarios.map(async (s) => (await run(s)).totals.received));
    const times = scenarios.map(() => [] as number[]);
    for (let i = 0; i < SAMPLES; i++) {
      // Round robin, so that a busy moment of the shared machine falls on every scenario alike.
      for (const [n, s] of scenarios.entries()) {
        const t0 = performance.now();
        await run(s);
        times[n]?.push(performance.now() - t0);
      }
    }

    // The export through the real server in a process of its own (as `npm start` runs it, on this
    // database), so that its peak RSS is the server's alone; the body is read and counted, not kept.
    const work = mkdtempSync(path.join(os.tmpdir(), 'tipline-bench-export-'));
    const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
      cwd: path.join(__dirname, '..'),
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: url,
        DATA_DIR: path.join(work, 'data'),
        UPLOAD_DIR: path.join(work, 'uploads'),
        PORT: String(PORT),
        RATE_LIMIT_DISABLED: '1',
        LOG_LEVEL: 'warn',
        DEMO_REPORTS: '0',
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
      },
    });
    const base = `http://127.0.0.1:${PORT}`;
    let exported: { seconds: number; bytes: number; rows: number; idleMb: number; peakMb: number };
    try {
      await waitForReady(base);
      const signIn = await fetch(`${base}/api/staff/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'coordinator', password: BENCH_PASSWORD }),
      });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const idleMb = peakRssMb(server.pid ?? 0);
      const t0 = performance.now();
      const res = await fetch(`${base}/api/staff/stats/export?format=csv&period=${year}&table=reports`, {
        headers: { Cookie: cookie },
      });
      if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
      let bytes = 0;
      let lines = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) lines++;
      }
      exported = {
        seconds: (performance.now() - t0) / 1000,
        bytes,
        rows: lines - 1,
        idleMb,
        peakMb: peakRssMb(server.pid ?? 0),
      };
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(work, { recursive: true, force: true });
    }

    const rows: string[] = [];
    let worst = 0;
    for (const [n, s] of scenarios.entries()) {
      const t = [...(times[n] ?? [])].sort((a, b) => a - b);
      if (s.target) worst = Math.max(worst, quantile(t, 0.95));
      rows.push(
        `| ${s.label}${s.target ? ' (target)' : ''} | ${received[n]?.toLocaleString('en-US')} | ${quantile(t, 0.5).toFixed(0)} | ${quantile(t, 0.95).toFixed(0)} | ${(t.at(-1) ?? 0).toFixed(0)} |`,
      );
    }
    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    const e = exported;
    const lines = [
      `dashboard: ${counts?.n.toLocaleString('en-US')} reports over 12 months in the PostgreSQL server; running totals: ${counts?.daily.toLocaleString('en-US')} daily, ${counts?.monthly.toLocaleString('en-US')} monthly, ${counts?.durations.toLocaleString('en-US')} duration rows`,
      `load ${loadSeconds.toFixed(0)} s, index ${indexSeconds.toFixed(0)} s; ${SAMPLES} samples per row, staffStats() as GET /api/staff/stats calls it (every figure, chart and table of the page)`,
      '| dashboard | reports in it | p50 ms | p95 ms | max ms |',
      '|---|---:|---:|---:|---:|',
      ...rows,
      `export: GET /api/staff/stats/export?format=csv&period=${year}&table=reports from the server process (npm start's server on this database) over HTTP on 127.0.0.1: ${e.rows.toLocaleString('en-US')} reports, ${mb(e.bytes)} MB in ${e.seconds.toFixed(1)} s (${Math.round(e.rows / e.seconds).toLocaleString('en-US')} reports/s)`,
      `server peak RSS (VmHWM): ${e.idleMb.toFixed(0)} MB after start and sign-in, ${e.peakMb.toFixed(0)} MB after the export`,
      `Targets (issue #7): dashboard of a province-year and of the nation-year p95 < 300 ms: ${worst < 300 ? 'met' : 'NOT met'} (worst ${worst.toFixed(0)} ms); export RSS < 300 MB: ${e.peakMb < 300 ? 'met' : 'NOT met'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
