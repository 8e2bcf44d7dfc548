import { sql, type SQL } from 'drizzle-orm';
import type { Force } from '../../shared/domain/forces';
import type { StatsInterval } from '../../shared/schemas/stats';
import { openStatusOf } from '../cases/cases.repository';
import { queryRows, uuidArray } from '../db/query-rows';
import type { Queryable } from '../db/types';
import { periodMoments, splitPeriod, type Period } from './period';

/*
 * Issue #7, the one query layer of the dashboard, the periodic report, its exports and the public
 * page. Figures come from the running totals of migration 0011 (report_stats_daily, _monthly,
 * _durations) for whole days and months, and from the view report_stats_facts for the days of a
 * period outside whole months and for lists; both apply the same SQL function, report_stats_of.
 */

export interface StatsScope {
  period: Period;
  /** Today in Vietnam: no report was received after it. */
  today: string;
  province: string | null;
  force: Force | null;
  unit: string | null;
  /** Issue #18: a unit lead's unit and those beneath it: only the reports they lead. */
  units?: readonly string[] | null;
  /**
   * Issue #18: a condition over `reports r` that bounds the figures (a commune committee's commune); the
   * running totals have no commune, so such a scope reads its rows from the reports themselves.
   */
  reports?: SQL | null;
}

export interface Measures {
  received: number;
  accepted: number;
  acceptedInTime: number;
  resolved: number;
  resolvedInTime: number;
}

/** Conditions of a scope on any row with `province_code` and `lead_unit_id`. */
function scopeFilter(alias: string, s: StatsScope): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [sql`true`];
  if (s.province) parts.push(sql`${a}.province_code = ${s.province}`);
  if (s.unit) parts.push(sql`${a}.lead_unit_id = ${s.unit}::uuid`);
  if (s.force) parts.push(sql`${a}.lead_unit_id in (select id from units where force = ${s.force})`);
  if (s.units) parts.push(sql`${a}.lead_unit_id = any(${uuidArray([...s.units])})`);
  // A scope bounded by a condition on the reports (a commune committee's) holds on every query of `reports r`.
  if (s.reports && alias === 'r') parts.push(s.reports);
  return sql.join(parts, sql` and `);
}

/*
 * Issue #18, where a scope's figures come from: the running totals and the view, or, for a scope bounded
 * by a condition on the reports (`StatsScope.reports`: one commune, a few reports), the same rows read
 * from those reports, one per report (each query sums them, as it sums the totals' rows).
 */
const factsOf = (s: StatsScope): SQL =>
  s.reports
    ? sql`(select f.* from report_stats_facts f join reports r on r.id = f.id where ${s.reports})`
    : sql`report_stats_facts`;
const dailyOf = (s: StatsScope): SQL =>
  s.reports
    ? sql`(select day, province_code, lead_unit_id, 1 as received, accepted, accepted_in_time, resolved, resolved_in_time from ${factsOf(s)} x)`
    : sql`report_stats_daily`;
const monthlyOf = (s: StatsScope): SQL =>
  s.reports
    ? sql`(select month, province_code, lead_unit_id, category, place_type, channel, 1 as received, accepted, accepted_in_time, resolved, resolved_in_time from ${factsOf(s)} x)`
    : sql`report_stats_monthly`;
const durationsOf = (s: StatsScope): SQL =>
  s.reports
    ? sql`(select x.month, x.province_code, x.lead_unit_id, d.kind, d.amount, 1 as n from ${factsOf(s)} x
        cross join lateral (values ('accept', x.accept_hours), ('resolve', x.resolve_days)) d(kind, amount) where d.amount is not null)`
    : sql`report_stats_durations`;

/** Reports received in a run of days, as a condition on `received_at` of `alias` (an index range). */
function receivedIn(alias: string, p: Period): SQL {
  const a = sql.raw(alias);
  const { start, end } = periodMoments(p);
  return sql`(${a}.received_at >= ${start.toISOString()}::timestamptz and ${a}.received_at < ${end.toISOString()}::timestamptz)`;
}

/** Issue #18: reports resolved in a run of days (Vietnam), as a condition on `resolved_at` of `alias`. */
function resolvedIn(alias: string, p: Period): SQL {
  const a = sql.raw(alias);
  const { start, end } = periodMoments(p);
  return sql`(${a}.resolved_at >= ${start.toISOString()}::timestamptz and ${a}.resolved_at < ${end.toISOString()}::timestamptz)`;
}

const dateArray = (days: string[]) => sql`${`{${days.join(',')}}`}::date[]`;

/**
 * `union all <select>` for each run of days of a period outside whole months, or nothing when there
 * are none: a branch that reads nothing still costs the start of parallel workers, and two runs in one
 * condition (an OR) are not an index range, so the index was read whole.
 */
const fromReports = (days: Period[], select: (range: Period) => SQL) =>
  sql.join(
    days.map((range) => sql`union all ${select(range)}`),
    sql` `,
  );

const SUMS = sql`sum(received)::int as received, sum(accepted)::int as accepted, sum(accepted_in_time)::int as accepted_in_time,
  sum(resolved)::int as resolved, sum(resolved_in_time)::int as resolved_in_time`;

interface MeasureRow extends Record<string, unknown> {
  received: number;
  accepted: number;
  accepted_in_time: number;
  resolved: number;
  resolved_in_time: number;
}

/** Nothing received: the figures of an empty group. */
export const NO_MEASURES: Measures = { received: 0, accepted: 0, acceptedInTime: 0, resolved: 0, resolvedInTime: 0 };

export const toMeasures = (r: MeasureRow): Measures => ({
  received: Number(r.received ?? 0),
  accepted: Number(r.accepted ?? 0),
  acceptedInTime: Number(r.accepted_in_time ?? 0),
  resolved: Number(r.resolved ?? 0),
  resolvedInTime: Number(r.resolved_in_time ?? 0),
});

/** The first day of a row's day, week or month; a constant (not a parameter), since GROUPING() must see the same expression as GROUP BY. */
export const bucketSql = (column: SQL, interval: StatsInterval): SQL =>
  interval === 'day' ? column : sql`date_trunc(${sql.raw(`'${interval}'`)}, ${column}::timestamp)::date`;

export type DailySet = 'total' | 'force' | 'unit' | 'province' | 'time';

/**
 * From the daily totals: the whole scope, and per force, unit, province and day/week/month, in one
 * pass (grouping sets). `key` is the group's value; `set` names the grouping.
 */
export async function readDailyFigures(q: Queryable, s: StatsScope, interval: StatsInterval) {
  const bucket = bucketSql(sql`d.day`, interval);
  const rows = await queryRows<
    MeasureRow & {
      g: number;
      force: string | null;
      unit: string | null;
      province: string | null;
      bucket: string | null;
    }
  >(
    q,
    sql`select grouping(u.force, d.lead_unit_id, d.province_code, ${bucket}) as g, u.force, d.lead_unit_id::text as unit, d.province_code as province,
          to_char(${bucket}, 'YYYY-MM-DD') as bucket, ${SUMS}
        from ${dailyOf(s)} d join units u on u.id = d.lead_unit_id
        where d.day between ${s.period.from}::date and ${s.period.to}::date and ${scopeFilter('d', s)}
        group by grouping sets ((), (u.force), (u.force, d.lead_unit_id), (d.province_code), (${bucket}))`,
  );
  // grouping() sets a bit for each column left out, first argument highest: force 8, unit 4, province 2, bucket 1.
  const setOf = (g: number): DailySet =>
    g === 15 ? 'total' : g === 7 ? 'force' : g === 3 ? 'unit' : g === 13 ? 'province' : 'time';
  return rows.map((r) => ({
    set: setOf(Number(r.g)),
    key: r.unit ?? (Number(r.g) === 7 ? r.force : null) ?? r.province ?? r.bucket ?? '',
    force: r.force,
    ...toMeasures(r),
  }));
}

export type MonthlySet = 'category' | 'placeType' | 'channel';

/** Per category, place type and channel: whole months from the monthly totals, the other days from the reports. */
export async function readBreakdowns(q: Queryable, s: StatsScope) {
  const { months, days } = splitPeriod(s.period, s.today);
  const rows = await queryRows<
    MeasureRow & { g: number; category: string | null; place_type: string | null; channel: string | null }
  >(
    q,
    sql`with src as (
          select category, place_type, channel, received, accepted, accepted_in_time, resolved, resolved_in_time
          from ${monthlyOf(s)} m where m.month = any(${dateArray(months)}) and ${scopeFilter('m', s)}
          ${fromReports(
            days,
            (
              range,
            ) => sql`select category, place_type, channel, 1, accepted, accepted_in_time, resolved, resolved_in_time
          from ${factsOf(s)} f where ${receivedIn('f', range)} and ${scopeFilter('f', s)}`,
          )}
        )
        select grouping(category, place_type, channel) as g, category, place_type, channel, ${SUMS}
        from src group by grouping sets ((category), (place_type), (channel))`,
  );
  return rows.map((r) => {
    const g = Number(r.g);
    const set: MonthlySet = g === 3 ? 'category' : g === 5 ? 'placeType' : 'channel';
    return {
      set,
      key: (set === 'category' ? r.category : set === 'placeType' ? r.place_type : r.channel) ?? '',
      ...toMeasures(r),
    };
  });
}

export interface DurationCount {
  province: string;
  unit: string;
  kind: 'accept' | 'resolve';
  amount: number;
  n: number;
}

/**
 * How many reports took how many whole hours to be accepted and whole days to be resolved, per
 * province and unit: one row per province, unit and kind with the amounts and their counts as two
 * arrays (a few hundred rows rather than tens of thousands). The days outside whole months are read
 * in one pass that yields both kinds.
 */
export async function readDurations(q: Queryable, s: StatsScope): Promise<DurationCount[]> {
  const { months, days } = splitPeriod(s.period, s.today);
  const rows = await queryRows<{
    province: string;
    unit: string;
    kind: 'accept' | 'resolve';
    amounts: number[];
    counts: number[];
  }>(
    q,
    sql`with src as (
          select province_code, lead_unit_id, kind, amount, n from ${durationsOf(s)} m
          where m.month = any(${dateArray(months)}) and ${scopeFilter('m', s)}
          ${fromReports(
            days,
            (range) => sql`select f.province_code, f.lead_unit_id, d.kind, d.amount, 1 from ${factsOf(s)} f
          cross join lateral (values ('accept', f.accept_hours), ('resolve', f.resolve_days)) d(kind, amount)
          where d.amount is not null and ${receivedIn('f', range)} and ${scopeFilter('f', s)}`,
          )}
        ), counted as (
          select province_code, lead_unit_id, kind, amount, sum(n)::int as n from src group by province_code, lead_unit_id, kind, amount having sum(n) > 0
        )
        select province_code as province, lead_unit_id::text as unit, kind, array_agg(amount) as amounts, array_agg(n) as counts
        from counted group by province_code, lead_unit_id, kind`,
  );
  return rows.flatMap((r) =>
    r.amounts.map((amount, i) => ({
      province: r.province,
      unit: r.unit,
      kind: r.kind,
      amount: Number(amount),
      n: Number(r.counts[i] ?? 0),
    })),
  );
}

export type OverdueSet = 'unit' | 'category' | 'placeType' | 'channel' | 'time';

export interface OverdueCount {
  set: OverdueSet;
  /** For `unit`: the unit; otherwise the category, place type, channel or first day of the row. */
  key: string;
  /** For `unit`: the province (a regional unit leads in several). */
  province: string | null;
  n: number;
}

/**
 * Reports of the period whose running deadline has passed at `now`, per province and unit (forces
 * and provinces add those up), category, place type, channel and day/week/month: grouping sets, few
 * rows. Only open reports have a running deadline; saying so lets the planner read the small partial
 * index of open reports (reports_open_idx) alone.
 */
export async function readOverdue(
  q: Queryable,
  s: StatsScope,
  interval: StatsInterval,
  now: Date,
): Promise<OverdueCount[]> {
  const bucket = bucketSql(sql`f.day`, interval);
  const rows = await queryRows<{
    province: string | null;
    unit: string | null;
    category: string | null;
    place_type: string | null;
    channel: string | null;
    bucket: string | null;
    n: number;
  }>(
    q,
    sql`select f.province_code as province, f.lead_unit_id::text as unit, f.category, f.place_type, f.channel, ${bucket}::text as bucket, count(*)::int as n
        from ${factsOf(s)} f
        where f.next_due_at < ${now.toISOString()}::timestamptz and ${openStatusOf('f')} and ${receivedIn('f', s.period)} and ${scopeFilter('f', s)}
        group by grouping sets ((f.province_code, f.lead_unit_id), (f.category), (f.place_type), (f.channel), (${bucket}))`,
  );
  return rows.map((r) => {
    const set: OverdueSet =
      r.unit !== null
        ? 'unit'
        : r.category !== null
          ? 'category'
          : r.place_type !== null
            ? 'placeType'
            : r.channel !== null
              ? 'channel'
              : 'time';
    const key =
      (set === 'unit'
        ? r.unit
        : set === 'category'
          ? r.category
          : set === 'placeType'
            ? r.place_type
            : set === 'channel'
              ? r.channel
              : r.bucket) ?? '';
    return { set, key, province: set === 'unit' ? r.province : null, n: Number(r.n) };
  });
}

/** One cell of the public statistics: a month, province, category and place type, summed over units and channels. */
export interface PublicCell {
  month: string;
  province: string;
  category: string;
  placeType: string;
  received: number;
  accepted: number;
  resolved: number;
}

/**
 * Issue #15: the cells every public figure of some months is a sum of, from the monthly totals (the
 * public page has whole months only), for one province or all; empty cells are left out.
 */
export async function readPublicCells(q: Queryable, months: string[], province: string | null): Promise<PublicCell[]> {
  const rows = await queryRows<{
    month: string;
    province: string;
    category: string;
    place_type: string;
    received: number;
    accepted: number;
    resolved: number;
  }>(
    q,
    sql`select to_char(m.month, 'YYYY-MM-DD') as month, m.province_code as province, m.category, m.place_type,
          sum(m.received)::int as received, sum(m.accepted)::int as accepted, sum(m.resolved)::int as resolved
        from report_stats_monthly m
        where m.month = any(${dateArray(months)}) ${province ? sql`and m.province_code = ${province}` : sql``}
        group by m.month, m.province_code, m.category, m.place_type
        having sum(m.received) <> 0 or sum(m.accepted) <> 0 or sum(m.resolved) <> 0`,
  );
  return rows.map((r) => ({
    month: r.month,
    province: r.province,
    category: r.category,
    placeType: r.place_type,
    received: Number(r.received),
    accepted: Number(r.accepted),
    resolved: Number(r.resolved),
  }));
}

/** Names for keys: units (with force and province) and provinces. */
export async function readNames(q: Queryable) {
  // Issue #18: a standing office has no force (null).
  const units = await queryRows<{
    id: string;
    code: string;
    name: string;
    force: string | null;
    province_code: string;
  }>(q, sql`select id::text, code, name, force, province_code from units`);
  const provinces = await queryRows<{ code: string; name: string }>(
    q,
    sql`select code, name from provinces order by sort_order`,
  );
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  // Issue #18: a name two units share ("Đội QLTT số 2") is shown with the unit's province.
  const shared = new Set(units.map((u) => u.name).filter((name, i, all) => all.indexOf(name) !== i));
  const labelOf = (u: (typeof units)[number]) =>
    shared.has(u.name) ? `${u.name} (${provinceName.get(u.province_code) ?? u.province_code})` : u.name;
  return {
    units: new Map(
      units.map((u) => [u.id, { code: u.code, name: labelOf(u), force: u.force, provinceCode: u.province_code }]),
    ),
    provinces: provinceName,
    provinceOrder: provinces.map((p) => p.code),
  };
}

/** Whether a unit works in a province: its own, or one its jurisdiction reaches (regional customs branches), now or before. */
export async function unitWorksIn(q: Queryable, unitId: string, province: string): Promise<boolean> {
  const rows = await queryRows<{ yes: boolean }>(
    q,
    sql`select exists (select 1 from units where id = ${unitId}::uuid and province_code = ${province})
          or exists (select 1 from unit_jurisdictions where unit_id = ${unitId}::uuid and province_code = ${province}) as yes`,
  );
  return rows[0]?.yes === true;
}

// ——— The reports behind a number ———

export interface FactsCondition {
  scope: StatsScope;
  /** Extra conditions on `f` (report_stats_facts), `r` (the report) and `u` (its lead unit). */
  where: SQL[];
  /** Issue #18: `resolved` lists the reports resolved in the period (results) instead of those received in it. */
  by?: 'received' | 'resolved';
}

const factsWhere = (c: FactsCondition) =>
  sql.join(
    [
      c.by === 'resolved' ? resolvedIn('r', c.scope.period) : receivedIn('f', c.scope.period),
      scopeFilter('f', c.scope),
      ...c.where,
    ],
    sql` and `,
  );

export async function countFacts(q: Queryable, c: FactsCondition): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    q,
    sql`select count(*)::int as n from ${factsOf(c.scope)} f join reports r on r.id = f.id join units u on u.id = f.lead_unit_id where ${factsWhere(c)}`,
  );
  return Number(row?.n ?? 0);
}

/** Where a page of reports ends: receipt in microseconds since 1970 (exact, unlike a JavaScript Date) and id. */
export interface FactsCursor {
  us: string;
  id: string;
}

export const factsCursorOf = (r: FactRow): FactsCursor => ({ us: r.received_us, id: r.id });

export interface FactRow extends Record<string, unknown> {
  id: string;
  tracking_code: string;
  received_at: Date | string;
  received_us: string;
  status: string;
  category: string;
  place_type: string;
  channel: string;
  province_name: string;
  commune_name: string | null;
  lead_unit_name: string;
  /** null: a standing office (issue #18). */
  force: string | null;
  accept_due_at: Date | string;
  accepted_at: Date | string | null;
  resolve_due_at: Date | string;
  resolved_at: Date | string | null;
  next_due_at: Date | string | null;
  outcome: string | null;
  lead_unit_id: string;
  goods_type: string | null;
  accepted_in_time: number;
  resolved_in_time: number;
}

/** A page of the reports behind a number, newest first; `after` is the last row of the previous page. */
export async function readFacts(
  q: Queryable,
  c: FactsCondition,
  page: { after: FactsCursor | null; limit: number; order: 'newest' | 'oldest' },
) {
  const newest = page.order === 'newest';
  const at = page.after ? sql`'epoch'::timestamptz + ${page.after.us}::bigint * interval '1 microsecond'` : sql`null`;
  const keyset = page.after
    ? newest
      ? sql`(f.received_at, f.id) < (${at}, ${page.after.id}::uuid)`
      : sql`(f.received_at, f.id) > (${at}, ${page.after.id}::uuid)`
    : sql`true`;
  const order = newest ? sql`f.received_at desc, f.id desc` : sql`f.received_at asc, f.id asc`;
  return queryRows<FactRow>(
    q,
    sql`select r.id, r.tracking_code, r.received_at, (extract(epoch from r.received_at) * 1000000)::bigint::text as received_us, r.status, r.category, r.place_type, r.channel, p.name as province_name, c.name as commune_name,
          u.name as lead_unit_name, f.lead_unit_id::text, r.goods_type, u.force, r.accept_due_at, r.accepted_at, r.resolve_due_at, r.resolved_at, r.next_due_at, r.outcome,
          f.accepted_in_time, f.resolved_in_time
        from ${factsOf(c.scope)} f
        join reports r on r.id = f.id
        join units u on u.id = f.lead_unit_id
        join provinces p on p.code = r.province_code
        left join communes c on c.code = r.commune_code
        where ${factsWhere(c)} and ${keyset}
        order by ${order} limit ${page.limit}`,
  );
}

// ——— Issue #18: results, the crime track, communes, typical cases ———

export type ResultSet =
  | 'total'
  | 'force'
  | 'unit'
  | 'province'
  | 'commune'
  | 'category'
  | 'placeType'
  | 'channel'
  | 'outcome'
  | 'goodsType'
  | 'time';

export interface ResultCount {
  set: ResultSet;
  key: string;
  resultsResolved: number;
  finesVnd: number;
  seizedValueVnd: number;
  seizedLots: number;
}

const RESULT_SETS: [ResultSet, string][] = [
  ['force', 'force'],
  ['unit', 'unit'],
  ['province', 'province'],
  ['commune', 'commune'],
  ['category', 'category'],
  ['placeType', 'place_type'],
  ['channel', 'channel'],
  ['outcome', 'outcome'],
  ['goodsType', 'goods_type'],
  ['time', 'bucket'],
];

/**
 * Issue #18, results: the reports of a scope resolved in the period (by `resolved_at`, Vietnam days), read from
 * the report tables (a period's resolved reports are few), with the fine of their sanction decision and the
 * value and number of their seized lots; summed per force, unit, province, commune, category, place type,
 * channel, outcome, goods type (the report's own; `none` when unset) and day/week/month of resolution, in one
 * pass (grouping sets). Merged duplicates are left out, as everywhere.
 */
export async function readResults(q: Queryable, s: StatsScope, interval: StatsInterval): Promise<ResultCount[]> {
  const bucket = bucketSql(sql`res.day`, interval);
  const cols = RESULT_SETS.map(([, c]) => sql.raw(c === 'bucket' ? '' : `res.${c}`));
  const groupCols = RESULT_SETS.map(([, c], i) => (c === 'bucket' ? bucket : (cols[i] as SQL)));
  const rows = await queryRows<
    Record<string, unknown> & {
      set: string;
      key: string | null;
      n: number;
      fines: string;
      seized: string;
      lots: number;
    }
  >(
    q,
    sql`with res as (
          select u.force, r.lead_unit_id::text as unit, r.province_code as province, coalesce(r.commune_code, 'none') as commune,
            r.category, r.place_type, r.channel, coalesce(r.outcome, 'none') as outcome, coalesce(r.goods_type, 'none') as goods_type,
            (r.resolved_at at time zone 'Asia/Ho_Chi_Minh')::date as day,
            coalesce(sn.fine_vnd, 0) as fine, coalesce(g.value, 0) as seized, coalesce(g.lots, 0) as lots
          from reports r
          join units u on u.id = r.lead_unit_id
          left join report_sanctions sn on sn.report_id = r.id
          left join lateral (select sum(value_vnd) as value, count(*) as lots from report_seized_goods where report_id = r.id) g on true
          where ${resolvedIn('r', s.period)} and r.merged_into is null and ${scopeFilter('r', s)}
        )
        select case ${sql.join(
          RESULT_SETS.map(([set], i) => sql`when grouping(${groupCols[i] as SQL}) = 0 then ${set}`),
          sql` `,
        )} else 'total' end as set,
          coalesce(${sql.join(
            RESULT_SETS.map(([, c], i) =>
              c === 'bucket' ? sql`to_char(${bucket}, 'YYYY-MM-DD')` : (groupCols[i] as SQL),
            ),
            sql`, `,
          )}) as key,
          count(*)::int as n, sum(fine)::text as fines, sum(seized)::text as seized, sum(lots)::int as lots
        from res
        group by grouping sets ((), ${sql.join(
          groupCols.map((c) => sql`(${c})`),
          sql`, `,
        )})`,
  );
  return rows.map((r) => ({
    set: r.set as ResultSet,
    key: r.key ?? '',
    resultsResolved: Number(r.n),
    finesVnd: Number(r.fines ?? 0),
    seizedValueVnd: Number(r.seized ?? 0),
    seizedLots: Number(r.lots ?? 0),
  }));
}

/** Issue #18, the crime track of a scope: reports flagged in the period (by `flagged_at`), from report_crime. */
export async function readCrime(q: Queryable, s: StatsScope) {
  const { start, end } = periodMoments(s.period);
  const [row] = await queryRows<{
    flagged: number;
    handed_over: number;
    handed_over_in_time: number;
    decided: number;
    prosecuted: number;
  }>(
    q,
    sql`select count(*)::int as flagged,
          count(*) filter (where c.handed_over_at is not null)::int as handed_over,
          count(*) filter (where c.handed_over_at <= c.handover_due_at)::int as handed_over_in_time,
          count(*) filter (where c.decision is not null)::int as decided,
          count(*) filter (where c.decision = 'prosecuted')::int as prosecuted
        from report_crime c join reports r on r.id = c.report_id
        where c.flagged_at >= ${start.toISOString()}::timestamptz and c.flagged_at < ${end.toISOString()}::timestamptz
          and r.merged_into is null and ${scopeFilter('r', s)}`,
  );
  return {
    flagged: Number(row?.flagged ?? 0),
    handedOver: Number(row?.handed_over ?? 0),
    handedOverInTime: Number(row?.handed_over_in_time ?? 0),
    decided: Number(row?.decided ?? 0),
    prosecuted: Number(row?.prosecuted ?? 0),
  };
}

/**
 * Issue #18: a province's communes, every one (zeros too) in their order, with the reports received in the period
 * (from report_stats_facts, as the dashboard counts them); `none` for online reports without a commune.
 */
export async function readCommuneFigures(q: Queryable, s: StatsScope & { province: string }) {
  return queryRows<{ key: string; label: string | null; received: number; resolved: number; resolved_in_time: number }>(
    q,
    sql`with counted as (
          select coalesce(r.commune_code, 'none') as key, count(*)::int as received, sum(f.resolved)::int as resolved,
            sum(f.resolved_in_time)::int as resolved_in_time
          from report_stats_facts f join reports r on r.id = f.id
          where ${receivedIn('f', s.period)} and ${scopeFilter('f', s)} and ${scopeFilter('r', s)}
          group by 1
        )
        select c.code as key, c.name as label, coalesce(n.received, 0)::int as received, coalesce(n.resolved, 0)::int as resolved,
          coalesce(n.resolved_in_time, 0)::int as resolved_in_time
        from communes c left join counted n on n.key = c.code
        where c.province_code = ${s.province}
          and ${s.reports ? sql`c.code in (select r.commune_code from reports r where ${s.reports})` : sql`true`}
        union all
        select key, null, received, resolved, resolved_in_time from counted where key = 'none'`,
  );
}

/**
 * Issue #18: the typical cases (typical_case) resolved in the period, oldest first, with the outcome as the public
 * saw it (the body of the event that resolved it): never the reporter.
 */
export async function readTypicalCases(q: Queryable, s: StatsScope) {
  return queryRows<{
    tracking_code: string;
    category: string;
    goods_type: string | null;
    outcome: string | null;
    resolved_at: Date | string;
    province_name: string;
    public_outcome: string | null;
  }>(
    q,
    sql`select r.tracking_code, r.category, r.goods_type, r.outcome, r.resolved_at, p.name as province_name,
          (select e.body from report_events e where e.report_id = r.id and e.to_status = 'resolved' and e.public
            order by e.id desc limit 1) as public_outcome
        from reports r join provinces p on p.code = r.province_code
        where r.typical_case and ${resolvedIn('r', s.period)} and r.merged_into is null and ${scopeFilter('r', s)}
        order by r.resolved_at, r.tracking_code
        limit 500`,
  );
}
