import { sql } from 'drizzle-orm';
import type { StaffUser } from '../server/auth/auth.service';
import { loadConfig } from '../server/config';
import { queryRows } from '../server/db/query-rows';
import type { Database } from '../server/db/types';
import { assembleDeps, systemClock, type AppDeps } from '../server/deps';
import { seedDemo } from '../server/demo/seed-demo';
import { createLogger } from '../server/logger';
import { CATEGORIES } from '../shared/domain/categories';

/*
 * The data set of the 1M-report benchmarks (bench/queue.ts, bench/dashboard.ts): the demo units and
 * accounts, then reports over the last twelve months loaded in bulk, in SQL.
 */

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
        -- Accepted within the day mostly, one in twenty late (24–72 hours); resolved in 1–33 days (28 allowed).
        case when b.status not in ('received', 'needs_info') then b.received_at + interval '1 minute' * case when b.h5 % 20 = 0 then 1440 + b.h5 % 2880 else b.h5 % 1440 end end,
        case when b.status in ('resolved', 'closed') then least(now(), b.received_at + interval '1 day' + f * interval '32 days') end,
        case when b.status = 'closed' then least(now(), b.received_at + interval '3 days' + f * interval '32 days') end,
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

export const BENCH_PASSWORD = 'benchmark-password';

/**
 * Seeds the demo units and accounts (password BENCH_PASSWORD) and bulk-loads `reports` reports
 * without the secondary indexes, then builds them: what a restore would do. Returns the app's
 * dependencies on that database and a way to read a demo account as a signed-in staff member.
 */
export async function loadBenchReports(database: Database, url: string, reports: number) {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT_DISABLED: '1' });
  await seedDemo(database.db, { password: BENCH_PASSWORD });
  const db = database.db;
  const started = performance.now();
  const indexes = await queryRows<{ indexdef: string; indexname: string }>(
    db,
    sql`select indexname, indexdef from pg_indexes where tablename in ('reports', 'report_coordinations') and indexname not in (select conname from pg_constraint)`,
  );
  for (const i of indexes) await db.execute(sql.raw(`drop index ${i.indexname}`));
  await db.execute(
    sql.raw(
      loadSql(reports, [
        'violation_handled',
        'criminal_case',
        'no_prosecution',
        'goods_seized',
        'unfounded',
        'out_of_scope',
      ]),
    ),
  );
  const loaded = performance.now();
  for (const i of indexes) await db.execute(sql.raw(i.indexdef));
  // Statistics for every table (the running totals and the demo units too), as after a restore:
  // without them the planner took the 40 market units for one and read the totals unit by unit.
  await db.execute(sql.raw('vacuum analyze'));
  const indexed = performance.now();

  const staffUser = async (username: string): Promise<StaffUser> => {
    const [row] = await queryRows<{
      id: string;
      display_name: string;
      role: StaffUser['role'];
      scope_province_code: string | null;
      unit_id: string | null;
      unit_code: string | null;
      unit_name: string | null;
    }>(
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
      unit:
        row.unit_id && row.unit_code && row.unit_name
          ? { id: row.unit_id, code: row.unit_code, name: row.unit_name }
          : null,
      scopeProvinceCode: row.scope_province_code,
      scopeCommuneCode: null,
    };
  };
  const deps: AppDeps = assembleDeps({
    config,
    database,
    clock: systemClock,
    logger: createLogger('silent'),
    secrets: { contactEncryptionKey: '0'.repeat(64), sessionSecret: '0'.repeat(64) },
  });
  return { db, deps, staffUser, loadSeconds: (loaded - started) / 1000, indexSeconds: (indexed - loaded) / 1000 };
}
