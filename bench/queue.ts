import { sql } from 'drizzle-orm';
import { loadBenchReports } from './report-load';
import { quantile, withBenchDatabase } from './server-database';
import type { StaffUser } from '../server/auth/auth.service';
import { caseQueue } from '../server/cases/queue.service';
import { queryRows } from '../server/db/query-rows';
import { CATEGORIES } from '../shared/domain/categories';
import { caseQueueQuerySchema } from '../shared/schemas/cases';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 120);
const DATABASE = 'tipline_bench_queue';
interface Scenario {
  label: string;
  staff: StaffUser;
  query: (i: number) => Record<string, string>;
  cursors: (string | undefined)[];
}

/** Issue #6 target: a unit's queue p95 under 50 ms with 1,000,000 reports in the PostgreSQL server. */
export async function queueBenchmark(): Promise<void> {
  await withBenchDatabase(DATABASE, 'queue', async (database, url) => {
    const { db, deps, staffUser, loadSeconds, indexSeconds } = await loadBenchReports(database, url, REPORTS);
    const officer = await staffUser('market.cao-bang');
    const national = await staffUser('coordinator');
    const run = (staff: StaffUser, query: Record<string, string>) =>
      caseQueue(deps, staff, caseQueueQuerySchema.parse(query));

    const [scope] = await queryRows<{ lead: number; coordinating: number; open: number; units: number; leads: number }>(
      db,
      sql`with recursive tree as (select id from units where id = ${officer.unit?.id ?? null}::uuid union all select u.id from units u join tree t on u.parent_id = t.id)
          select (select count(*) from reports where lead_unit_id in (select id from tree))::int as lead,
                 (select count(distinct report_id) from report_coordinations where unit_id in (select id from tree))::int as coordinating,
                 (select count(*) from reports r where next_due_at is not null and (lead_unit_id in (select id from tree)
                    or exists (select 1 from report_coordinations c where c.report_id = r.id and c.unit_id in (select id from tree))))::int as open,
                 (select count(*) from tree)::int as units,
                 (select count(distinct lead_unit_id) from reports)::int as leads`,
    );
    const [totals] = await queryRows<{ n: number; units: number; running: number; overdue: number }>(
      db,
      sql`select count(*)::int as n, (select count(*) from units)::int as units, count(next_due_at)::int as running,
                 count(*) filter (where next_due_at < now())::int as overdue from reports`,
    );

    const scenarios: Scenario[] = [
      { label: `${officer.unit?.code} officer, no filter`, staff: officer, query: () => ({}), cursors: [] },
      {
        label: `${officer.unit?.code} officer, status=received`,
        staff: officer,
        query: () => ({ status: 'received' }),
        cursors: [],
      },
      {
        label: `${officer.unit?.code} officer, overdue=1`,
        staff: officer,
        query: () => ({ overdue: '1' }),
        cursors: [],
      },
      {
        label: `${officer.unit?.code} officer, category=each in turn`,
        staff: officer,
        query: (i) => ({ category: CATEGORIES[i % CATEGORIES.length] ?? 'counterfeit' }),
        cursors: [],
      },
      { label: 'national coordinator, overdue=1', staff: national, query: () => ({ overdue: '1' }), cursors: [] },
    ];
    // The cursor of page 10 of each query, found by following `next` as the client does.
    for (const s of scenarios) {
      const variants = s.label.includes('each in turn') ? CATEGORIES.length : 1;
      for (let v = 0; v < variants; v++) {
        let after: string | undefined;
        for (let page = 1; page < 10; page++) {
          const res = await run(s.staff, { ...s.query(v), ...(after ? { after } : {}) });
          if (!res.next) throw new Error(`${s.label}: no page ${page + 1}`);
          after = res.next;
        }
        s.cursors.push(after);
      }
    }

    const times = scenarios.map(() => [[] as number[], [] as number[]]);
    const items = scenarios.map(() => [0, 0]);
    for (let i = 0; i < SAMPLES; i++) {
      // Round robin, so that a busy moment of the shared machine falls on every query alike.
      for (const [n, s] of scenarios.entries()) {
        for (const page of [0, 1]) {
          const cursor = page === 1 ? s.cursors[i % s.cursors.length] : undefined;
          const t0 = performance.now();
          const res = await run(s.staff, { ...s.query(i), ...(cursor ? { after: cursor } : {}) });
          times[n]?.[page]?.push(performance.now() - t0);
          if (items[n]) items[n][page] = (items[n][page] ?? 0) + res.items.length;
        }
      }
    }

    const rows: string[] = [];
    let worst = 0;
    for (const [n, s] of scenarios.entries()) {
      for (const page of [0, 1]) {
        const t = [...(times[n]?.[page] ?? [])].sort((a, b) => a - b);
        const p95 = quantile(t, 0.95);
        worst = Math.max(worst, p95);
        rows.push(
          `| ${s.label} | ${page === 0 ? 1 : 10} | ${quantile(t, 0.5).toFixed(1)} | ${p95.toFixed(1)} | ${(t.at(-1) ?? 0).toFixed(1)} | ${((items[n]?.[page] ?? 0) / SAMPLES).toFixed(0)} |`,
        );
      }
    }
    const lines = [
      `queue: ${totals?.n.toLocaleString('en-US')} reports over 12 months in the PostgreSQL server, led by ${scope?.leads} of the ${totals?.units} demo units; ${totals?.running.toLocaleString('en-US')} with a running deadline, ${totals?.overdue.toLocaleString('en-US')} overdue`,
      `${officer.unit?.code} and the ${(scope?.units ?? 1) - 1} units beneath it: ${scope?.lead.toLocaleString('en-US')} reports led, ${scope?.coordinating.toLocaleString('en-US')} coordinated, ${scope?.open.toLocaleString('en-US')} with a running deadline`,
      `load ${loadSeconds.toFixed(0)} s, index ${indexSeconds.toFixed(0)} s; ${SAMPLES} samples per row, caseQueue() as the API calls it (page of 25 + counts per status)`,
      '| queue | page | p50 ms | p95 ms | max ms | items |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows,
      `Target (issue #6): p95 < 50 ms: ${worst < 50 ? 'met' : 'NOT met'} (worst p95 ${worst.toFixed(1)} ms)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
