import type { PublicCount, PublicStats } from '../../shared/api/stats';
import { CATEGORIES } from '../../shared/domain/categories';
import { PLACE_TYPES } from '../../shared/domain/place-types';
import { t, type Language } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import type { PublicStatsQuery } from '../../shared/schemas/stats';
import type { AppDeps } from '../deps';
import { fieldIssue, validationFailed } from '../http/errors';
import { bucketsOf, resolvePeriod } from './period';
import { readBreakdowns, readDailyFigures, readNames, type Measures } from './stats.repository';

/** SPEC.md §5: public statistics never show a count below 5 for a cell (it could point at a reporter). */
export const SMALL_COUNT = 5;
export const suppress = (n: number): PublicCount => (n < SMALL_COUNT ? '<5' : n);

const ZERO: Measures = { received: 0, accepted: 0, acceptedInTime: 0, resolved: 0, resolvedInTime: 0 };

/**
 * Issue #7, `GET /api/public/stats`: received and resolved per category, place type, province and
 * month, and how many are waiting, being handled or resolved, as a citizen's tracking page names
 * them; from the running totals, every count below 5 shown as "<5".
 */
export async function publicStats(deps: AppDeps, query: PublicStatsQuery, lang: Language): Promise<PublicStats> {
  const names = await readNames(deps.db);
  if (query.province && !names.provinces.has(query.province)) throw validationFailed([fieldIssue(['province'], 'validation.invalid_value')]);
  const period = resolvePeriod(query, deps.clock.now());
  const scope = { period, province: query.province ?? null, force: null, unit: null };
  const [daily, breakdowns] = await Promise.all([readDailyFigures(deps.db, scope, 'month'), readBreakdowns(deps.db, scope)]);
  const of = (set: string) => new Map<string, Measures>(daily.filter((d) => d.set === set).map((d) => [d.key, d]));
  const row = (key: string, label: string, m: Measures = ZERO) => ({ key, label, received: suppress(m.received), resolved: suppress(m.resolved) });
  const breakdown = (set: 'category' | 'placeType', codes: readonly string[], prefix: string) => {
    const figures = new Map<string, Measures>(breakdowns.filter((b) => b.set === set).map((b) => [b.key, b]));
    return codes.map((c) => row(c, t(lang, `${prefix}.${c}` as MessageKey), figures.get(c)));
  };
  const total = daily.find((d) => d.set === 'total') ?? ZERO;
  const provinces = of('province');
  const months = of('time');
  return {
    province: query.province ? { code: query.province, name: names.provinces.get(query.province) ?? query.province } : null,
    from: period.from,
    to: period.to,
    totals: { received: suppress(total.received), resolved: suppress(total.resolved) },
    byCategory: breakdown('category', CATEGORIES, 'category'),
    byPlaceType: breakdown('placeType', PLACE_TYPES, 'place_type'),
    byProvince: names.provinceOrder.filter((p) => !query.province || p === query.province).map((p) => row(p, names.provinces.get(p) ?? p, provinces.get(p))),
    byMonth: bucketsOf(period, 'month').map((m) => row(m, m.slice(0, 7), months.get(m))),
    byStatus: [
      { key: 'waiting', label: t(lang, 'stats.public_status.waiting'), count: suppress(total.received - total.accepted) },
      { key: 'handling', label: t(lang, 'stats.public_status.handling'), count: suppress(total.accepted - total.resolved) },
      { key: 'resolved', label: t(lang, 'stats.public_status.resolved'), count: suppress(total.resolved) },
    ],
  };
}
