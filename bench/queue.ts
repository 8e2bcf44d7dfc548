import { sql } from 'drizzle-orm';
import { quantile, withBenchDatabase } from './server-database';
import type { StaffUser } from '../server/auth/auth.service';
import { caseQueue } from '../server/cases/queue.service';
import { loadConfig } from '../server/config';
import { queryRows } from '../server/db/query-rows';
import { assembleDeps, systemClock } from '../server/deps';
import { seedDemo } from '../server/demo/seed-demo';
import { createLogger } from '../server/logger';
import { CATEGORIES } from '../shared/domain/categories';
import { caseQueueQuerySchema } from '../shared/schemas/cases';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 120);
const DATABASE = 'tipline_bench_queue';
/** Share of the reports in Cao Bằng (04), the province of the measured unit: a busy border province, and a pessimistic queue. */
const HOT_PROVINCE_SHARE = 0.2;

const DESCRIPTIONS = [
  'Bán nước hoa giả nhãn hiệu Chanel ở chợ, giá rất rẻ, không có hóa đơn.',
  'Xe tải chở thuốc lá lậu từ biên giới về thành phố mỗi đêm.',
  'Kho hàng mỹ phẩm không rõ nguồn gốc, dán nhãn phụ tiếng Việt sai.',
  'Shop online giao hàng toàn quốc bán đồng hồ giả thương hiệu Thụy Sĩ.',
  'Sữa bột ngoại nhập lậu bán tại cửa hàng tạp hóa đầu ngõ.',
  'Pháo hoa nổ bán công khai trên mạng xã hội, giao hàng tận nơi.',
  'Cân điện tử bị chỉnh gian lận tại quầy hải sản chợ đầu mối.',
  'Quảng cáo thực phẩm chức năng chữa khỏi ung thư trên livestream.',
];

/**
 * The bench data set: one million reports over twelve months, led by every demo unit the way routing
 * would pick them (the most specific unit of the lead force covering the commune), 1–2 coordinating
 * units each, statuses as a year of work leaves them. All in SQL: a restore-like bulk load.
 */
export function loadSql(reports: number, outcomes: string[]): string {
  const h = (salt: number) => `abs(hashint8(g::bigint * 7 + ${salt})::bigint)`;
  return `
    -- The running totals of the statistics (migration 0011) are rebuilt once at the end, as after a restore.
    alter table reports disable trigger reports_stats;
    -- Where reports come from: every commune once, the hot province's communes weighted to reach its share.
    create temporary table bench_communes as
      select code, province_code, row_number() over (order by province_code, code) - 1 as k
      from communes c, generate_series(1, case when province_code = '04'
        then greatest(1, round(${HOT_PROVINCE_SHARE / (1 - HOT_PROVINCE_SHARE)} * (select count(*) from communes where province_code <> '04') / (select count(*) from communes where province_code = '04')))::int
        else 1 end);
    create index on bench_communes (k);
    -- Per commune and force, the unit routing would pick: the most specific active unit covering the commune.
    create temporary table bench_units as
      select distinct on (c.code, u.force) c.code as commune_code, u.force, u.id as unit_id,
        j.place_types[1] as place_type
      from communes c
      join unit_jurisdictions j on j.province_code = c.province_code and (j.commune_code is null or j.commune_code = c.code) and j.valid_to is null
      join units u on u.id = j.unit_id and u.valid_to is null
      order by c.code, u.force, (j.commune_code is not null) desc, (u.level = 'local') desc, (u.level = 'province') desc;
    -- The lead force of a report: market 9, police 7, border 2, customs 2 (in twentieths), where the force is present.
    create temporary table bench_leads as
      select b.commune_code, b.unit_id, b.force, b.place_type, row_number() over (partition by b.commune_code order by b.force, w) - 1 as k,
        count(*) over (partition by b.commune_code) as n
      from bench_units b, generate_series(1, case b.force when 'market' then 9 when 'police' then 7 else 2 end) w;
    create index on bench_leads (commune_code, k);
    create temporary table bench_officers as
      select id, row_number() over (order by username) - 1 as k, count(*) over () as n from staff_accounts where role = 'officer';

    create temporary table bench_rows as
      select g, x.code as commune_code, x.province_code, l.unit_id as lead_unit_id,
        coalesce(l.place_type, (array['market', 'online', 'transport_route', 'production_site', 'border_area'])[1 + g % 5]) as place_type,
        case when s < 10 then 'received' when s < 20 then 'accepted' when s < 35 then 'verifying' when s < 38 then 'needs_info'
             when s < 40 then 'suspended' when s < 120 then 'resolved' else 'closed' end as status,
        f, ${h(5)} as h5
      from (select g, ${h(1)} % (select count(*) from bench_communes) as ck, ${h(2)} % 1000 as s, (${h(3)} % 1000000) / 1000000.0 as f
            from generate_series(1, ${reports}) g) r
      join bench_communes x on x.k = r.ck
      join bench_leads l on l.commune_code = x.code and l.k = ${h(4)} % l.n;
    alter table bench_rows add column received_at timestamptz;
    -- Open reports are recent; a year's reports are mostly resolved or closed.
    update bench_rows set received_at = now() - interval '1 day' * case status
      when 'received' then f * 2 when 'accepted' then 1 + f * 35 when 'verifying' then 2 + f * 40
      when 'needs_info' then 1 + f * 60 when 'suspended' then 1 + f * 60 when 'resolved' then 5 + f * 60 else 10 + f * 355 end;
    analyze bench_rows;

    insert into routing_decisions (id, decided_at, category, place_type, commune_code, rule_set_id, rule_set_version, rule_id, rule_key,
        lead_force, lead_unit_id, lead_unit_name, coordinating, explanation_vi, explanation_en)
      select md5('d' || g)::uuid, b.received_at, (array['${CATEGORIES.join("','")}'])[1 + g % ${CATEGORIES.length}], b.place_type, b.commune_code,
        (select rule_set_id from routing_rules limit 1), 'national@1', (select id from routing_rules limit 1), 'bench', u.force, b.lead_unit_id,
        u.name, '[]'::jsonb, '', ''
      from bench_rows b join units u on u.id = b.lead_unit_id;
    insert into reports (id, tracking_code, secret_hash, channel, category, place_type, province_code, commune_code, address, url,
        observed_at, description, search_text, has_contact, status, routing_decision_id, lead_unit_id, received_at,
        accept_due_at, resolve_due_at, next_due_at, paused_since, accepted_at, resolved_at, closed_at, outcome, assigned_to, transfer_to_unit_id,
        transfer_requested_at, version)
      select md5('r' || g)::uuid, 'Q' || g, 'x', case when g % 3 = 0 then 'hotline' else 'web' end,
        (array['${CATEGORIES.join("','")}'])[1 + g % ${CATEGORIES.length}], b.place_type, b.province_code, b.commune_code, 'bench', null,
        b.received_at - interval '2 hours', d.text, lower(d.text), false, b.status, md5('d' || g)::uuid, b.lead_unit_id, b.received_at,
        b.received_at + interval '24 hours', b.received_at + interval '28 days',
        case when b.status = 'received' then b.received_at + interval '24 hours'
             when b.status in ('accepted', 'verifying') then b.received_at + interval '28 days' end,
        case when b.status in ('needs_info', 'suspended') then b.received_at + interval '20 hours' end,
        case when b.status not in ('received', 'needs_info') then b.received_at + interval '6 hours' end,
        case when b.status in ('resolved', 'closed') then b.received_at + interval '4 days' + f * interval '20 days' end,
        case when b.status = 'closed' then b.received_at + interval '6 days' + f * interval '20 days' end,
        case when b.status in ('resolved', 'closed') then (array['${outcomes.join("','")}'])[1 + b.h5 % ${outcomes.length}] end,
        case when b.h5 % 10 = 0 then (select id from bench_officers o where o.k = b.h5 / 10 % o.n) end,
        null, null, 2 + (b.h5 % 5)::int
      from bench_rows b
      join lateral (select (array['${DESCRIPTIONS.join("','")}'])[1 + g % ${DESCRIPTIONS.length}] as text) d on true;
    -- Routing names 1–2 coordinating units of the other forces present in the commune.
    insert into report_coordinations (report_id, unit_id, source, at)
      select md5('r' || b.g)::uuid, u.unit_id, 'routing', b.received_at
      from bench_rows b join bench_units u on u.commune_code = b.commune_code and u.unit_id <> b.lead_unit_id
      where abs(hashint8(b.g::bigint * 31 + hashtext(u.unit_id::text))) % 100 < 60;
    -- A transfer asked for and not yet taken, now and then: the receiving unit sees it too.
    update reports r set transfer_to_unit_id = c.unit_id, transfer_requested_at = r.received_at + interval '1 hour'
      from report_coordinations c
      where c.report_id = r.id and r.status in ('received', 'accepted') and abs(hashtext(r.id::text)) % 50 = 0;
    alter table reports enable trigger reports_stats;
    select report_stats_rebuild();
  `;
}

interface Scenario {
  label: string;
  staff: StaffUser;
  query: (i: number) => Record<string, string>;
  cursors: (string | undefined)[];
}

/** Issue #6 target: a unit's queue p95 under 50 ms with 1,000,000 reports in the PostgreSQL server. */
export async function queueBenchmark(): Promise<void> {
  await withBenchDatabase(DATABASE, 'queue', async (database, url) => {
    const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' });
    await seedDemo(database.db, { password: 'benchmark-password' });
    const db = database.db;

    const started = performance.now();
    // Bulk load without the secondary indexes, then build them: what a restore would do.
    const indexes = await queryRows<{ indexdef: string; indexname: string }>(
      db,
      sql`select indexname, indexdef from pg_indexes where tablename in ('reports', 'report_coordinations') and indexname not in (select conname from pg_constraint)`,
    );
    for (const i of indexes) await db.execute(sql.raw(`drop index ${i.indexname}`));
    await db.execute(sql.raw(loadSql(REPORTS, ['violation_handled', 'criminal_case', 'no_prosecution', 'goods_seized', 'unfounded', 'out_of_scope'])));
    const loaded = performance.now();
    for (const i of indexes) await db.execute(sql.raw(i.indexdef));
    await db.execute(sql.raw('vacuum analyze reports'));
    await db.execute(sql.raw('vacuum analyze report_coordinations'));
    const indexed = performance.now();

    const staffUser = async (username: string): Promise<StaffUser> => {
      const [row] = await queryRows<{ id: string; display_name: string; role: StaffUser['role']; scope_province_code: string | null; unit_id: string | null; unit_code: string | null; unit_name: string | null }>(
        db,
        sql`select s.id, s.display_name, s.role, s.scope_province_code, u.id as unit_id, u.code as unit_code, u.name as unit_name
            from staff_accounts s left join units u on u.id = s.unit_id where s.username = ${username}`,
      );
      if (!row) throw new Error(`no demo account ${username}`);
      return {
        id: row.id,
        username,
        displayName: row.display_name,
        role: row.role,
        unit: row.unit_id && row.unit_code && row.unit_name ? { id: row.unit_id, code: row.unit_code, name: row.unit_name } : null,
        scopeProvinceCode: row.scope_province_code,
      };
    };
    const officer = await staffUser('market.cao-bang');
    const national = await staffUser('coordinator');
    const deps = assembleDeps({
      config,
      database,
      clock: systemClock,
      logger: createLogger('silent'),
      secrets: { contactEncryptionKey: '0'.repeat(64), sessionSecret: '0'.repeat(64) },
    });
    const run = (staff: StaffUser, query: Record<string, string>) => caseQueue(deps, staff, caseQueueQuerySchema.parse(query));

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
      { label: `${officer.unit?.code} officer, status=received`, staff: officer, query: () => ({ status: 'received' }), cursors: [] },
      { label: `${officer.unit?.code} officer, overdue=1`, staff: officer, query: () => ({ overdue: '1' }), cursors: [] },
      { label: `${officer.unit?.code} officer, category=each in turn`, staff: officer, query: (i) => ({ category: CATEGORIES[i % CATEGORIES.length] ?? 'counterfeit' }), cursors: [] },
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
        rows.push(`| ${s.label} | ${page === 0 ? 1 : 10} | ${quantile(t, 0.5).toFixed(1)} | ${p95.toFixed(1)} | ${(t.at(-1) ?? 0).toFixed(1)} | ${((items[n]?.[page] ?? 0) / SAMPLES).toFixed(0)} |`);
      }
    }
    const lines = [
      `queue: ${totals?.n.toLocaleString('en-US')} reports over 12 months in the PostgreSQL server, led by ${scope?.leads} of the ${totals?.units} demo units; ${totals?.running.toLocaleString('en-US')} with a running deadline, ${totals?.overdue.toLocaleString('en-US')} overdue`,
      `${officer.unit?.code} and the ${(scope?.units ?? 1) - 1} units beneath it: ${scope?.lead.toLocaleString('en-US')} reports led, ${scope?.coordinating.toLocaleString('en-US')} coordinated, ${scope?.open.toLocaleString('en-US')} with a running deadline`,
      `load ${((loaded - started) / 1000).toFixed(0)} s, index ${((indexed - loaded) / 1000).toFixed(0)} s; ${SAMPLES} samples per row, caseQueue() as the API calls it (page of 25 + counts per status)`,
      '| queue | page | p50 ms | p95 ms | max ms | items |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows,
      `Target (issue #6): p95 < 50 ms: ${worst < 50 ? 'met' : 'NOT met'} (worst p95 ${worst.toFixed(1)} ms)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
