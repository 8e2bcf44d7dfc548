import { addYears, format, parseISO } from 'date-fns';
import type { CommuneRow, PeriodicReport, StaffStats, TypicalCase } from '../../shared/api/stats';
import { t, type Language } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import { NO_KEY, periodicDays, type StaffPeriodicQuery } from '../../shared/schemas/stats';
import type { StaffUser } from '../auth/auth.service';
import type { AppDeps } from '../deps';
import { FIRST_DAY, type Period } from './period';
import { readCommuneFigures, readResults, readTypicalCases } from './stats.repository';
import { computeStats, NO_RESULTS, resolveScope, type ResolvedScope } from './stats.service';

/*
 * Issue #18, the periodic report of the committees: any range of days (a preset or ad hoc), its same-period
 * comparison (cùng kỳ: the same days a year earlier), a province's communes, the typical cases. The figures are
 * the dashboard's (computeStats); the scope is decided by resolveScope, as for the dashboard.
 */

/** The same days a year earlier (29 February → 28 February), or null before the first day statistics know. */
export function samePeriodLastYear(period: Period): Period | null {
  const back = (d: string) => format(addYears(parseISO(d), -1), 'yyyy-MM-dd');
  const from = back(period.from);
  return from < FIRST_DAY ? null : { from, to: back(period.to) };
}

export type PeriodicQuery = Omit<StaffPeriodicQuery, 'compare'> & { compare?: boolean | undefined };

/** The scope of a periodic query: its days (preset, ad hoc or an old `period`), by month. */
export async function periodicScope(deps: AppDeps, staff: StaffUser, query: PeriodicQuery) {
  const days = periodicDays(query);
  const scope = await resolveScope(deps, staff, {
    province: query.province,
    from: days.from,
    to: days.to,
    interval: 'month',
  });
  return { days, scope };
}

/** A province's communes with their figures (every commune, zeros too); none for a national report. */
export async function communeFigures(deps: AppDeps, scope: ResolvedScope, lang: Language): Promise<CommuneRow[]> {
  const province = scope.province;
  if (!province) return [];
  const [figures, results] = await Promise.all([
    readCommuneFigures(deps.db, { ...scope, province }),
    readResults(deps.db, scope, 'month'),
  ]);
  const resultOf = new Map(results.filter((r) => r.set === 'commune').map((r) => [r.key, r]));
  const keys = new Set(figures.map((f) => f.key));
  // A commune with results but no report received in the period (an online report resolved) still shows.
  const extra = [...resultOf.keys()].filter((k) => !keys.has(k) && k === NO_KEY);
  return [...figures, ...extra.map((key) => ({ key, label: null, received: 0, resolved: 0, resolved_in_time: 0 }))].map(
    (f) => {
      const r = resultOf.get(f.key);
      return {
        key: f.key,
        label: f.label ?? t(lang, 'stats.no_commune' as MessageKey),
        received: Number(f.received),
        resolved: Number(f.resolved),
        resolvedInTime: Number(f.resolved_in_time),
        ...(r
          ? {
              resultsResolved: r.resultsResolved,
              finesVnd: r.finesVnd,
              seizedValueVnd: r.seizedValueVnd,
              seizedLots: r.seizedLots,
            }
          : NO_RESULTS),
      };
    },
  );
}

export async function typicalCases(deps: AppDeps, scope: ResolvedScope): Promise<TypicalCase[]> {
  const rows = await readTypicalCases(deps.db, scope);
  return rows.map((r) => ({
    trackingCode: r.tracking_code,
    category: r.category,
    goodsType: r.goods_type,
    outcome: r.outcome,
    resolvedAt: new Date(r.resolved_at).toISOString(),
    provinceName: r.province_name,
    publicOutcome: r.public_outcome,
  }));
}

/** The figures of the same period a year earlier, or null when not asked or before 2000. */
export async function previousStats(
  deps: AppDeps,
  scope: ResolvedScope,
  lang: Language,
  compare: boolean,
): Promise<StaffStats | null> {
  const previous = compare ? samePeriodLastYear(scope.period) : null;
  return previous ? computeStats(deps, { ...scope, period: previous }, lang) : null;
}

/** Issue #18: `GET /api/staff/stats/periodic`. */
export async function periodicReport(
  deps: AppDeps,
  staff: StaffUser,
  query: StaffPeriodicQuery,
  lang: Language,
): Promise<PeriodicReport> {
  const { days, scope } = await periodicScope(deps, staff, query);
  const [stats, previous, communes, typical] = await Promise.all([
    computeStats(deps, scope, lang),
    previousStats(deps, scope, lang, query.compare),
    communeFigures(deps, scope, lang),
    typicalCases(deps, scope),
  ]);
  return {
    preset: days.preset,
    year: days.year ?? null,
    part: days.part ?? null,
    stats,
    previous,
    communes,
    typicalCases: typical,
  };
}
