import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ResultFigures, ResultRow, StaffStats, StatsReports, StatsRow } from '../../shared/api/stats';
import { OUTCOMES } from '../../shared/domain/outcomes';
import { GOODS_TYPES } from '../../shared/domain/results';
import { CATEGORIES } from '../../shared/domain/categories';
import { CHANNELS } from '../../shared/domain/channels';
import { FORCES, type Force } from '../../shared/domain/forces';
import { PLACE_TYPES } from '../../shared/domain/place-types';
import { t, type Language } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import {
  NO_KEY,
  type StaffStatsQuery,
  type StaffStatsReportsQuery,
  type StatsInterval,
  type StatsMeasure,
} from '../../shared/schemas/stats';
import type { StaffUser } from '../auth/auth.service';
import type { AppDeps } from '../deps';
import { cursorCodec } from '../http/cursor';
import { fieldIssue, notFound, validationFailed } from '../http/errors';
import { figuresBound, withinName, type FiguresWithin } from './figures-scope';
import { bucketOf, bucketPeriod, bucketsOf, defaultInterval, resolvePeriod, vietnamToday, type Period } from './period';
import {
  countFacts,
  readBreakdowns,
  readCrime,
  readDailyFigures,
  readResults,
  type ResultCount,
  type ResultSet,
  readDurations,
  readFacts,
  readNames,
  readOverdue,
  type DurationCount,
  factsCursorOf,
  NO_MEASURES,
  type Measures,
  type OverdueCount,
  type OverdueSet,
  type StatsScope,
} from './stats.repository';

/**
 * SPEC.md §5: accept 100% of tips in time, resolve more than 90% in time; issue #18 (Đồng Tháp plan): every
 * report with signs of a crime prosecuted.
 */
export const TARGETS = { acceptanceRate: 1, resolutionRate: 0.9, prosecutionRate: 1 };

const ZERO = NO_MEASURES;

/** The median of a histogram `amount → count`; the mean of the two middle values when the count is even. */
export function medianOf(histogram: Map<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const at = (position: number) => {
    let seen = 0;
    for (const [amount, n] of sorted) {
      seen += n;
      if (seen >= position) return amount;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  return total % 2 === 1 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2;
}

type Histograms = { accept: Map<number, number>; resolve: Map<number, number> };
const emptyHistograms = (): Histograms => ({ accept: new Map(), resolve: new Map() });

/** Durations summed per group (the key function picks the group of a province and unit). */
function histogramsBy(durations: DurationCount[], key: (d: DurationCount) => string): Map<string, Histograms> {
  const groups = new Map<string, Histograms>();
  for (const d of durations) {
    const k = key(d);
    const h = groups.get(k) ?? emptyHistograms();
    h[d.kind].set(d.amount, (h[d.kind].get(d.amount) ?? 0) + d.n);
    groups.set(k, h);
  }
  return groups;
}

const sumBy = <T>(items: T[], key: (item: T) => string, n: (item: T) => number) => {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + n(item));
  return sums;
};

/** Issue #18: no report resolved, no fine, nothing seized. */
export const NO_RESULTS: ResultFigures = { resultsResolved: 0, finesVnd: 0, seizedValueVnd: 0, seizedLots: 0 };

function row(key: string, label: string, m: Measures, overdueNow: number, h?: Histograms): StatsRow {
  return {
    key,
    label,
    ...NO_RESULTS,
    ...m,
    acceptanceRate: m.received > 0 ? m.acceptedInTime / m.received : null,
    resolutionRate: m.received > 0 ? m.resolvedInTime / m.received : null,
    overdueNow,
    medianAcceptHours: h ? medianOf(h.accept) : null,
    medianResolveDays: h ? medianOf(h.resolve) : null,
  };
}

const label = (lang: Language, prefix: string, key: string) => t(lang, `${prefix}.${key}` as MessageKey);

export interface ResolvedScope extends StatsScope {
  interval: StatsInterval;
  /** Unit and province names, read once per request. */
  names: Awaited<ReturnType<typeof readNames>>;
  provinceName: string | null;
  unitName: string | null;
  /** Issue #18: a unit lead's units or a commune committee's commune; null for a province or the nation. */
  within: FiguresWithin | null;
}

/**
 * SPEC.md §7: a province coordinator sees their province only (another province is answered as if it
 * did not exist); a national one the nation or any province; issue #18: a unit lead their units, a
 * commune committee its commune (`figuresBound`). Unknown codes name their field.
 */
export async function resolveScope(
  deps: AppDeps,
  staff: StaffUser,
  query: {
    province?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    force?: Force | undefined;
    unit?: string | undefined;
    interval?: StatsInterval | undefined;
  },
): Promise<ResolvedScope> {
  // Issue #18: whose figures (server/stats/figures-scope.ts); out of scope is 404, like a report.
  const bound = await figuresBound(deps.db, staff, query);
  const province = bound.province ?? query.province ?? null;
  const names = await readNames(deps.db);
  if (province && !names.provinces.has(province)) throw validationFailed([fieldIssue(['province'], 'invalid_value')]);
  const unit = query.unit ? names.units.get(query.unit) : undefined;
  if (query.unit && !unit) throw validationFailed([fieldIssue(['unit'], 'unit_unknown')]);
  if (query.unit && !(await bound.holdsUnit(query.unit))) throw notFound();
  const now = deps.clock.now();
  const period = resolvePeriod(query, now);
  return {
    period,
    today: vietnamToday(now),
    province,
    force: query.force ?? null,
    unit: query.unit ?? null,
    units: bound.units,
    reports: bound.reports,
    within: bound.within,
    interval: query.interval ?? defaultInterval(period),
    names,
    provinceName: province ? (names.provinces.get(province) ?? null) : null,
    unitName: unit?.name ?? null,
  };
}

/** Issue #7: every figure of the dashboard for a scope and period, from the one query layer. */
export async function computeStats(deps: AppDeps, scope: ResolvedScope, lang: Language): Promise<StaffStats> {
  const now = deps.clock.now();
  const names = scope.names;
  const [daily, breakdowns, durations, overdue, results, crime] = await Promise.all([
    readDailyFigures(deps.db, scope, scope.interval),
    readBreakdowns(deps.db, scope),
    readDurations(deps.db, scope),
    readOverdue(deps.db, scope, scope.interval, now),
    readResults(deps.db, scope, scope.interval),
    readCrime(deps.db, scope),
  ]);
  // Issue #18: results (by resolved_at) added to every row; a group with results only is a row too.
  const resultsOf = resultIndex(results);
  const withResults =
    (set: ResultSet) =>
    <R extends StatsRow>(r: R): R => ({ ...r, ...resultsOf.get(set, r.key) });
  const unitForce = (unit: string) => names.units.get(unit)?.force ?? '';
  const overdueBy = (set: OverdueSet, key: (o: OverdueCount) => string = (o) => o.key) =>
    sumBy(
      overdue.filter((o) => o.set === set),
      key,
      (o) => o.n,
    );
  const dailyOf = (set: string) => new Map(daily.filter((d) => d.set === set).map((d) => [d.key, d as Measures]));
  const histUnit = histogramsBy(durations, (d) => d.unit);
  const histForce = histogramsBy(durations, (d) => unitForce(d.unit));
  const histProvince = histogramsBy(durations, (d) => d.province);
  const histAll = histogramsBy(durations, () => '').get('') ?? emptyHistograms();

  const total = daily.find((d) => d.set === 'total') ?? ZERO;
  const overdueTotal = overdue.filter((o) => o.set === 'unit').reduce((a, o) => a + o.n, 0);

  const forces = dailyOf('force');
  const overdueForce = overdueBy('unit', (o) => unitForce(o.key));
  const byForce = FORCES.filter(
    (f) => forces.has(f) || overdueForce.has(f) || resultsOf.has('force', f) || scope.force === f,
  )
    .map((f) => row(f, label(lang, 'force', f), forces.get(f) ?? ZERO, overdueForce.get(f) ?? 0, histForce.get(f)))
    .map(withResults('force'));

  const units = dailyOf('unit');
  const overdueUnit = overdueBy('unit');
  const byUnit = [...new Set([...units.keys(), ...overdueUnit.keys(), ...resultsOf.keys('unit')])]
    .map((id) => {
      const u = names.units.get(id);
      return {
        ...row(id, u?.name ?? id, units.get(id) ?? ZERO, overdueUnit.get(id) ?? 0, histUnit.get(id)),
        force: u?.force ?? '',
        provinceCode: u?.provinceCode ?? '',
      };
    })
    .map(withResults('unit'))
    .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'vi'));

  const provinces = dailyOf('province');
  const overdueProvince = overdueBy('unit', (o) => o.province ?? '');
  const byProvince = names.provinceOrder
    .filter((p) => provinces.has(p) || overdueProvince.has(p) || resultsOf.has('province', p) || p === scope.province)
    .map((p) =>
      row(p, names.provinces.get(p) ?? p, provinces.get(p) ?? ZERO, overdueProvince.get(p) ?? 0, histProvince.get(p)),
    )
    .map(withResults('province'));

  const buckets = dailyOf('time');
  const overdueBucket = overdueBy('time');
  const overTime = bucketsOf(scope.period, scope.interval)
    .map((b) => row(b, b, buckets.get(b) ?? ZERO, overdueBucket.get(b) ?? 0))
    .map(withResults('time'));

  const breakdown = (set: 'category' | 'placeType' | 'channel', codes: readonly string[], prefix: string) => {
    const figures = new Map(breakdowns.filter((b) => b.set === set).map((b) => [b.key, b as Measures]));
    const late = overdueBy(set);
    return codes
      .map((c) => row(c, label(lang, prefix, c), figures.get(c) ?? ZERO, late.get(c) ?? 0))
      .map(withResults(set));
  };
  const resultRows = (set: 'outcome' | 'goodsType', codes: readonly string[], prefix: string): ResultRow[] =>
    [...codes, NO_KEY]
      .filter((c) => c !== NO_KEY || resultsOf.has(set, c))
      .map((c) => ({
        key: c,
        label: c === NO_KEY ? t(lang, `stats.no_${set}` as MessageKey) : label(lang, prefix, c),
        ...resultsOf.get(set, c),
      }));

  return {
    scope: {
      province: scope.province ? { code: scope.province, name: scope.provinceName ?? scope.province } : null,
      force: scope.force,
      unit: scope.unit ? { id: scope.unit, name: scope.unitName ?? scope.unit } : null,
      within: scope.within
        ? { kind: scope.within.kind, name: withinName(scope.within, scope.provinceName, lang) }
        : null,
      from: scope.period.from,
      to: scope.period.to,
      interval: scope.interval,
      now: now.toISOString(),
    },
    targets: TARGETS,
    totals: withResults('total')(
      row('total', t(lang, 'stats.total'), { ...ZERO, ...pickMeasures(total) }, overdueTotal, histAll),
    ),
    byCategory: breakdown('category', CATEGORIES, 'category'),
    byPlaceType: breakdown('placeType', PLACE_TYPES, 'place_type'),
    byChannel: breakdown('channel', CHANNELS, 'channel'),
    byForce,
    byUnit,
    byProvince,
    overTime,
    byOutcome: resultRows('outcome', OUTCOMES, 'outcome'),
    byGoodsType: resultRows('goodsType', GOODS_TYPES, 'goods'),
    crime: {
      ...crime,
      undecided: crime.flagged - crime.decided,
      prosecutionRate: crime.decided > 0 ? crime.prosecuted / crime.decided : null,
    },
  };
}

/** Results by set and key (`total` under the key ''). */
function resultIndex(results: ResultCount[]) {
  const map = new Map(results.map((r) => [`${r.set}:${r.set === 'total' ? '' : r.key}`, r]));
  const pick = (r: ResultCount | undefined): ResultFigures =>
    r
      ? {
          resultsResolved: r.resultsResolved,
          finesVnd: r.finesVnd,
          seizedValueVnd: r.seizedValueVnd,
          seizedLots: r.seizedLots,
        }
      : NO_RESULTS;
  return {
    get: (set: ResultSet, key: string) => pick(map.get(`${set}:${set === 'total' ? '' : key}`)),
    has: (set: ResultSet, key: string) => map.has(`${set}:${key}`),
    keys: (set: ResultSet) => results.filter((r) => r.set === set).map((r) => r.key),
  };
}

const pickMeasures = (m: Measures): Measures => ({
  received: m.received,
  accepted: m.accepted,
  acceptedInTime: m.acceptedInTime,
  resolved: m.resolved,
  resolvedInTime: m.resolvedInTime,
});

export async function staffStats(
  deps: AppDeps,
  staff: StaffUser,
  query: StaffStatsQuery,
  lang: Language,
): Promise<StaffStats> {
  return computeStats(deps, await resolveScope(deps, staff, query), lang);
}

// ——— The reports behind a number ———

/** Which reports a figure counts, as conditions on report_stats_facts `f` (same as the running totals). */
export function measureCondition(measure: StatsMeasure, now: Date): SQL[] {
  switch (measure) {
    case 'received':
      return [];
    case 'accepted':
      return [sql`f.accepted = 1`];
    case 'acceptedInTime':
      return [sql`f.accepted_in_time = 1`];
    case 'notAcceptedInTime':
      return [sql`f.accepted_in_time = 0`];
    case 'resolved':
      return [sql`f.resolved = 1`];
    case 'resolvedInTime':
      return [sql`f.resolved_in_time = 1`];
    case 'notResolvedInTime':
      return [sql`f.resolved_in_time = 0`];
    case 'overdueNow':
      return [sql`f.next_due_at < ${now.toISOString()}::timestamptz`];
  }
}

function dimensionCondition(
  query: StaffStatsReportsQuery,
  scope: ResolvedScope,
): { where: SQL[]; period: Period; by?: 'resolved' } {
  const { dimension, key } = query;
  if (!dimension || key === undefined) return { where: [], period: scope.period };
  switch (dimension) {
    // Issue #18: a result's list is the reports resolved in the period with that outcome or goods type.
    case 'outcome':
      return {
        where: [key === NO_KEY ? sql`r.outcome is null` : sql`r.outcome = ${key}`],
        period: scope.period,
        by: 'resolved',
      };
    case 'goodsType':
      return {
        where: [key === NO_KEY ? sql`r.goods_type is null` : sql`r.goods_type = ${key}`],
        period: scope.period,
        by: 'resolved',
      };
    case 'category':
      return { where: [sql`f.category = ${key}`], period: scope.period };
    case 'placeType':
      return { where: [sql`f.place_type = ${key}`], period: scope.period };
    case 'channel':
      return { where: [sql`f.channel = ${key}`], period: scope.period };
    case 'force':
      return { where: [sql`u.force = ${key}`], period: scope.period };
    case 'unit':
      return { where: [sql`f.lead_unit_id = ${key}::uuid`], period: scope.period };
    case 'province':
      return { where: [sql`f.province_code = ${key}`], period: scope.period };
    case 'time': {
      if (bucketOf(key, scope.interval) !== key) throw validationFailed([fieldIssue(['key'], 'invalid_value')]);
      return { where: [], period: bucketPeriod(key, scope.interval, scope.period) };
    }
  }
}

/** The list's keyset: the microsecond a report was received (a moment between 2000 and 2100), then its id. */
const factsCursor = cursorCodec(
  z.object({
    us: z
      .string()
      .regex(/^\d{15,16}$/)
      .refine((us) => Number(us) >= 946_684_800_000_000 && Number(us) < 4_102_444_800_000_000),
    id: z.uuid(),
  }),
);

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** Issue #7: the reports behind one number of the dashboard; `total` is that number. */
export async function statsReports(
  deps: AppDeps,
  staff: StaffUser,
  query: StaffStatsReportsQuery,
): Promise<StatsReports> {
  const scope = await resolveScope(deps, staff, query);
  const { where, period, by } = dimensionCondition(query, scope);
  const condition = {
    scope: { ...scope, period },
    // A result's list counts what its row counts (resolved in the period), whatever `measure` says.
    where: [...(by ? [] : measureCondition(query.measure, deps.clock.now())), ...where],
    by,
  };
  const after = query.after ? factsCursor.decode(query.after) : null;
  const [total, rows] = await Promise.all([
    countFacts(deps.db, condition),
    readFacts(deps.db, condition, { after, limit: query.limit + 1, order: 'newest' }),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    total,
    items: page.map((r) => ({
      trackingCode: r.tracking_code,
      receivedAt: new Date(r.received_at).toISOString(),
      status: r.status,
      category: r.category,
      placeType: r.place_type,
      channel: r.channel,
      provinceName: r.province_name,
      communeName: r.commune_name,
      leadUnitName: scope.names.units.get(r.lead_unit_id)?.name ?? r.lead_unit_name,
      force: r.force,
      acceptDueAt: new Date(r.accept_due_at).toISOString(),
      acceptedAt: iso(r.accepted_at),
      resolveDueAt: new Date(r.resolve_due_at).toISOString(),
      resolvedAt: iso(r.resolved_at),
      nextDueAt: iso(r.next_due_at),
    })),
    next: rows.length > query.limit && last ? factsCursor.encode(factsCursorOf(last)) : null,
  };
}
