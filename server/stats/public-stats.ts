import type { PublicCount, PublicStats } from '../../shared/api/stats';
import { CATEGORIES } from '../../shared/domain/categories';
import { PLACE_TYPES } from '../../shared/domain/place-types';
import { t, type Language } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import type { PublicStatsQuery } from '../../shared/schemas/stats';
import type { AppDeps } from '../deps';
import { fieldIssue, validationFailed } from '../http/errors';
import { bucketsOf, publicPeriod, vietnamToday } from './period';
import { NO_MEASURES, readBreakdowns, readDailyFigures, readNames, type Measures } from './stats.repository';

/** SPEC.md §5: public statistics never show a count below 5 for a cell (it could point at a reporter). */
export const SMALL_COUNT = 5;
export const suppress = (n: number): PublicCount => (n < SMALL_COUNT ? '<5' : n);

/**
 * The cells of one breakdown, whose sum is known (it is the total, or another breakdown's sum): every
 * count below 5 is "<5", and when exactly one is, the smallest shown one is hidden too ("*"), or the
 * small one would be the total minus the others.
 */
export function protectCells(values: number[]): PublicCount[] {
  const cells = values.map(suppress);
  if (cells.filter((c) => c === '<5').length !== 1) return cells;
  let smallest = -1;
  values.forEach((v, i) => {
    if (cells[i] !== '<5' && (smallest < 0 || v < (values[smallest] ?? 0))) smallest = i;
  });
  if (smallest >= 0) cells[smallest] = '*';
  return cells;
}

const ZERO = NO_MEASURES;

/**
 * Issue #7, `GET /api/public/stats`: received and resolved per category, place type, province and
 * month, and how many are waiting, being handled or resolved, as a citizen's tracking page names
 * them; from the running totals, every count below 5 shown as "<5".
 */
export async function publicStats(deps: AppDeps, query: PublicStatsQuery, lang: Language): Promise<PublicStats> {
  const names = await readNames(deps.db);
  if (query.province && !names.provinces.has(query.province)) throw validationFailed([fieldIssue(['province'], 'invalid_value')]);
  const now = deps.clock.now();
  const period = publicPeriod(query, now);
  const scope = { period, today: vietnamToday(now), province: query.province ?? null, force: null, unit: null };
  const [daily, breakdowns] = await Promise.all([readDailyFigures(deps.db, scope, 'month'), readBreakdowns(deps.db, scope)]);
  const of = (set: string) => new Map<string, Measures>(daily.filter((d) => d.set === set).map((d) => [d.key, d]));
  const rows = (items: { key: string; label: string; m?: Measures | undefined }[]) => {
    const received = protectCells(items.map((i) => i.m?.received ?? 0));
    const resolved = protectCells(items.map((i) => i.m?.resolved ?? 0));
    return items.map((i, n) => ({ key: i.key, label: i.label, received: received[n] ?? '<5', resolved: resolved[n] ?? '<5' }));
  };
  const breakdown = (set: 'category' | 'placeType', codes: readonly string[], prefix: string) => {
    const figures = new Map<string, Measures>(breakdowns.filter((b) => b.set === set).map((b) => [b.key, b]));
    return rows(codes.map((c) => ({ key: c, label: t(lang, `${prefix}.${c}` as MessageKey), m: figures.get(c) })));
  };
  const total = daily.find((d) => d.set === 'total') ?? ZERO;
  const provinces = of('province');
  const months = of('time');
  const statuses = [
    { key: 'waiting', n: total.received - total.accepted },
    { key: 'handling', n: total.accepted - total.resolved },
    { key: 'resolved', n: total.resolved },
  ] as const;
  const statusCells = protectCells(statuses.map((s) => s.n));
  return {
    province: query.province ? { code: query.province, name: names.provinces.get(query.province) ?? query.province } : null,
    from: period.from,
    to: period.to,
    totals: { received: suppress(total.received), resolved: suppress(total.resolved) },
    byCategory: breakdown('category', CATEGORIES, 'category'),
    byPlaceType: breakdown('placeType', PLACE_TYPES, 'place_type'),
    byProvince: rows(names.provinceOrder.filter((p) => !query.province || p === query.province).map((p) => ({ key: p, label: names.provinces.get(p) ?? p, m: provinces.get(p) }))),
    byMonth: rows(bucketsOf(period, 'month').map((m) => ({ key: m, label: m.slice(0, 7), m: months.get(m) }))),
    byStatus: statuses.map((s, i) => ({ key: s.key, label: t(lang, `stats.public_status.${s.key}`), count: statusCells[i] ?? '<5' })),
  };
}
