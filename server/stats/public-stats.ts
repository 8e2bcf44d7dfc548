import type { PublicCount, PublicStats } from '../../shared/api/stats';
import { CATEGORIES } from '../../shared/domain/categories';
import { PLACE_TYPES } from '../../shared/domain/place-types';
import { t, type Language } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import type { PublicStatsQuery } from '../../shared/schemas/stats';
import type { AppDeps } from '../deps';
import { fieldIssue, validationFailed } from '../http/errors';
import { publicYear, type PublicYear } from './period';
import { readNames, readPublicCells, type PublicCell } from './stats.repository';

/*
 * Issue #15, how public counts are hidden. SPEC.md §5: no count below 5 may be shown, nor worked out
 * from what is shown. Every published figure (cells and totals alike) is rounded on its own to the
 * nearest multiple of 5, and a result of 0 or 5 is shown as "<10":
 *
 *   true count   0–7     8–12   13–17   …
 *   shown        "<10"   10     15      …
 *
 * So a reader who knows the rule learns of any figure only a range: "<10" is 0–7, any other value v is
 * v−2 … v+2. A small true count (1–4) is always shown as "<10", strictly inside 0–7. One sum or
 * difference of other figures bounds it by a range at least 4 wide, and two ranges, one of them 0–7,
 * meet in a single point only at 0 or 7: never at 1–4. (With "<5" for 0–4 and 5 for 5–7 instead, a
 * year of 4 waiting, 7 being handled and 7 resolved, 18 shown as 20, gives the 4 exactly: 18 − 7 − 7.)
 * Periods are fixed (a calendar year, its finished months), so spans cannot overlap. Several relations
 * at once can still narrow a range in rare, contrived data (every other figure of two tables at the
 * edge of its range; no audit of the whole publication is made), and so can the same figures read
 * at two moments (resolved counts grow, the current year gains months);
 * tests/api/public-stats-disclosure.test.ts proves on a fixture with small counts that every published
 * small count could have been another with everything published alike.
 */
export const publicCount = (n: number): PublicCount => {
  const rounded = Math.round(n / 5) * 5;
  return rounded < 10 ? '<10' : rounded;
};

type Measure = 'received' | 'accepted' | 'resolved';
interface Counts {
  received: number;
  resolved: number;
}
const sum = (cells: PublicCell[], measure: Measure) => cells.reduce((total, c) => total + c[measure], 0);

export interface PublishInput {
  year: PublicYear;
  /** Null: the nation. */
  province: { code: string; name: string } | null;
  /** Every province, in the order of the list. */
  provinces: { code: string; name: string }[];
  /** The cells of the year (all provinces, or the province's only). */
  cells: PublicCell[];
  lang: Language;
  /** How a true count is published; the test swaps it for weaker rules to show what they leak. */
  round?: (n: number) => PublicCount;
}

/**
 * The public figures of a year and a scope, from its cells: a pure function, so that the disclosure test
 * can publish any other data the same way.
 */
export function publishYear({
  year,
  province,
  provinces,
  cells: all,
  lang,
  round = publicCount,
}: PublishInput): PublicStats {
  const cells = province ? all.filter((c) => c.province === province.code) : all;
  // One pass: the true counts per category, place type, province and month (a nation-year is ~20,000 cells).
  const tables = {
    category: new Map<string, Counts>(),
    placeType: new Map<string, Counts>(),
    province: new Map<string, Counts>(),
    month: new Map<string, Counts>(),
  };
  for (const cell of cells) {
    for (const dimension of ['category', 'placeType', 'province', 'month'] as const) {
      const counts = tables[dimension].get(cell[dimension]) ?? { received: 0, resolved: 0 };
      counts.received += cell.received;
      counts.resolved += cell.resolved;
      tables[dimension].set(cell[dimension], counts);
    }
  }
  const row = (dimension: keyof typeof tables, key: string, label: string) => {
    const counts = tables[dimension].get(key);
    return { key, label, received: round(counts?.received ?? 0), resolved: round(counts?.resolved ?? 0) };
  };
  const received = sum(cells, 'received');
  const accepted = sum(cells, 'accepted');
  const resolved = sum(cells, 'resolved');
  const statuses = [
    { key: 'waiting', n: received - accepted },
    { key: 'handling', n: accepted - resolved },
    { key: 'resolved', n: resolved },
  ] as const;
  return {
    province,
    year: year.year,
    from: year.period.from,
    to: year.period.to,
    totals: { received: round(received), resolved: round(resolved) },
    byCategory: CATEGORIES.map((c) => row('category', c, t(lang, `category.${c}` as MessageKey))),
    byPlaceType: PLACE_TYPES.map((p) => row('placeType', p, t(lang, `place_type.${p}` as MessageKey))),
    byProvince: provinces
      .filter((p) => !province || p.code === province.code)
      .map((p) => row('province', p.code, p.name)),
    byMonth: year.months.map((m) => row('month', m, m.slice(0, 7))),
    // The nation only: waiting and being handled are in no other table, so each is bounded by the other's
    // own range (at least 4 wide). Per province as well, the nation's count would be the sum of the
    // provinces', and the two relations together could pin one (4 waiting beside 7 and 7 under a total of
    // 18, and a national 12 beside another province's 8: tests/api/public-stats-disclosure.test.ts).
    byStatus: province
      ? []
      : statuses.map((s) => ({ key: s.key, label: t(lang, `stats.public_status.${s.key}`), count: round(s.n) })),
  };
}

/**
 * Issues #7 and #15, `GET /api/public/stats`: received and resolved per category, place type, province
 * and month, and how many are waiting, being handled or resolved, as a citizen's tracking page names
 * them, for one calendar year's finished months; every figure rounded (publicCount).
 */
export async function publicStats(deps: AppDeps, query: PublicStatsQuery, lang: Language): Promise<PublicStats> {
  const names = await readNames(deps.db);
  if (query.province && !names.provinces.has(query.province))
    throw validationFailed([fieldIssue(['province'], 'invalid_value')]);
  const year = publicYear(query.year, deps.clock.now());
  const cells = await readPublicCells(deps.db, year.months, query.province ?? null);
  const provinces = names.provinceOrder.map((code) => ({ code, name: names.provinces.get(code) ?? code }));
  const province = query.province ? (provinces.find((p) => p.code === query.province) ?? null) : null;
  return publishYear({ year, province, provinces, cells, lang });
}
