import { sql } from 'drizzle-orm';
import request from 'supertest';
import type { PublicCount, PublicStats } from '../../shared/api/stats';
import { CATEGORIES } from '../../shared/domain/categories';
import { PLACE_TYPES } from '../../shared/domain/place-types';
import { queryRows } from '../../server/db/query-rows';
import { publicYear, type PublicYear } from '../../server/stats/period';
import { publishYear } from '../../server/stats/public-stats';
import type { PublicCell } from '../../server/stats/stats.repository';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

/*
 * Issue #15, "<5" undone by subtraction: Đồng Tháp had exactly one report in May 2026, and the totals
 * of two overlapping spans (May–Nov 8, Jun–Nov 7) gave it away. Here: a fixture of small counts (that
 * one report among them), every figure the public API publishes for every year and every scope (the
 * nation and each province), and a proof that no published count below 5 can be worked out from them.
 *
 * The proof, for each published figure whose true count is 1 to 4: another set of reports, one report
 * removed, added, or moved to another month, category, place type, province or status, that publishes
 * every figure of every scope exactly the same while that count is different. Whatever one does with
 * the published tables (any difference, any sum, any mix of months, year, provinces, nation, categories,
 * place types and statuses) gives the same result for both sets of reports, so it cannot tell the count.
 * Spans of one's choice are refused, so there is nothing else to combine (tests/api/stats.test.ts).
 */

let t: TestApp;

type State = 'waiting' | 'handling' | 'resolved';
interface Report {
  province: string;
  /** `yyyy-mm`, received on the 10th. */
  month: string;
  category: string;
  placeType: string;
  state: State;
}

const reports = (
  n: number,
  province: string,
  month: string,
  category: string,
  placeType: string,
  state: State,
): Report[] => Array.from({ length: n }, () => ({ province, month, category, placeType, state }));

// Now is 23 November 2026: 2026 publishes January to October.
const FIXTURE: Report[] = [
  // Cao Bằng, 48 in 2026 (months of 8, 13, 2, 12, 7, 5 and 1: both sides of every rounding step), 8 waiting.
  ...reports(8, '04', '2026-01', 'counterfeit', 'market', 'resolved'),
  ...reports(7, '04', '2026-02', 'smuggling', 'transport_route', 'handling'),
  ...reports(6, '04', '2026-02', 'counterfeit', 'online', 'resolved'),
  ...reports(2, '04', '2026-03', 'banned_goods', 'market', 'waiting'),
  ...reports(5, '04', '2026-04', 'counterfeit', 'market', 'resolved'),
  ...reports(4, '04', '2026-04', 'trade_fraud', 'market', 'handling'),
  ...reports(3, '04', '2026-04', 'poor_quality', 'production_site', 'waiting'),
  ...reports(7, '04', '2026-07', 'counterfeit', 'online', 'resolved'),
  ...reports(3, '04', '2026-09', 'smuggling', 'market', 'resolved'),
  ...reports(2, '04', '2026-09', 'smuggling', 'market', 'waiting'),
  ...reports(1, '04', '2026-10', 'counterfeit', 'market', 'waiting'),
  // Đồng Tháp: the issue's one report in May, then 3, 2 and 2; and one in November, not yet published.
  ...reports(1, '82', '2026-05', 'counterfeit', 'market', 'resolved'),
  ...reports(3, '82', '2026-06', 'trade_fraud', 'market', 'resolved'),
  ...reports(2, '82', '2026-08', 'counterfeit', 'online', 'handling'),
  ...reports(2, '82', '2026-10', 'banned_goods', 'market', 'handling'),
  ...reports(1, '82', '2026-11', 'counterfeit', 'market', 'waiting'),
  // Hà Nội: 4 waiting, 7 being handled, 7 resolved. Published with "<5" for 0–4 and 5 for 5–7, the total
  // of 18 (shown as 20, so at least 18) minus at most 7 and 7 would give the 4 waiting exactly. With the
  // statuses of each province published too, "at least 4" would meet "at most 4": the nation's 12
  // waiting (shown as 10, so at most 12) minus Cao Bằng's 8 (shown as 10, so at least 8).
  ...reports(4, '01', '2026-03', 'counterfeit', 'market', 'waiting'),
  ...reports(7, '01', '2026-05', 'smuggling', 'transport_route', 'handling'),
  ...reports(7, '01', '2026-06', 'counterfeit', 'online', 'resolved'),
  // 2025, a whole year.
  ...reports(9, '04', '2025-03', 'counterfeit', 'market', 'resolved'),
  ...reports(3, '04', '2025-12', 'poor_quality', 'production_site', 'resolved'),
  ...reports(1, '82', '2025-07', 'counterfeit', 'market', 'resolved'),
];
const YEARS = [2025, 2026];

let provinces: { code: string; name: string }[] = [];

async function insertFixture() {
  const provinceCodes = [...new Set(FIXTURE.map((r) => r.province))];
  const places = await queryRows<{ province_code: string; commune: string; unit: string }>(
    t.deps.db,
    sql`select distinct on (c.province_code) c.province_code, c.code as commune, u.id::text as unit
        from communes c join units u on u.province_code = c.province_code
        where c.province_code in (${sql.join(
          provinceCodes.map((p) => sql`${p}`),
          sql`, `,
        )}) order by c.province_code, c.sort_order, u.code`,
  );
  const placeOf = new Map(places.map((p) => [p.province_code, p]));
  expect([...placeOf.keys()].sort()).toEqual([...provinceCodes].sort());
  let n = 0;
  for (const r of FIXTURE) {
    n += 1;
    const place = placeOf.get(r.province);
    const received = new Date(`${r.month}-10T03:00:00Z`);
    const at = (hours: number) => new Date(received.getTime() + hours * 3_600_000).toISOString();
    const accepted = r.state === 'waiting' ? null : at(2);
    const resolved = r.state === 'resolved' ? at(5 * 24) : null;
    const status = r.state === 'waiting' ? 'received' : r.state === 'handling' ? 'verifying' : 'resolved';
    const next = r.state === 'waiting' ? at(24) : r.state === 'handling' ? at(28 * 24) : null;
    await t.deps.db.execute(sql`
      with d as (
        insert into routing_decisions (decided_at, category, place_type, commune_code, rule_set_id, rule_set_version, rule_id, rule_key,
          lead_force, lead_unit_id, lead_unit_name, coordinating, explanation_vi, explanation_en)
        select ${received.toISOString()}::timestamptz, ${r.category}, ${r.placeType}, ${place?.commune ?? ''}, rr.rule_set_id, 'national@1', rr.id, 'fixture',
          u.force, u.id, u.name, '[]'::jsonb, '', ''
        from (select id, rule_set_id from routing_rules order by id limit 1) rr, units u where u.id = ${place?.unit ?? ''}::uuid
        returning id
      )
      insert into reports (tracking_code, secret_hash, channel, category, place_type, province_code, commune_code, address, observed_at,
        description, status, routing_decision_id, lead_unit_id, received_at, accept_due_at, resolve_due_at, next_due_at, accepted_at, resolved_at)
      select ${`389-DISC-${String(n).padStart(4, '0')}`}, 'x', 'web', ${r.category}, ${r.placeType}, ${r.province}, ${place?.commune ?? ''}, 'fixture',
        ${received.toISOString()}::timestamptz, 'Báo cáo mẫu cho thống kê công khai', ${status}, d.id, ${place?.unit ?? ''}::uuid,
        ${received.toISOString()}::timestamptz, ${at(24)}::timestamptz, ${at(28 * 24)}::timestamptz, ${next}::timestamptz,
        ${accepted}::timestamptz, ${resolved}::timestamptz
      from d`);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  provinces = await queryRows<{ code: string; name: string }>(
    t.deps.db,
    sql`select code, name from provinces order by sort_order`,
  );
  await insertFixture();
});
afterAll(() => t.close());

// ——— The publication as a function of a set of reports ———

const yearOf = (year: number): PublicYear => publicYear(String(year), FIXED_NOW);

/** The cells of a year from a set of reports: what the monthly running totals hold. */
function cellsOf(set: Report[], y: PublicYear): PublicCell[] {
  const cells = new Map<string, PublicCell>();
  for (const r of set) {
    const month = `${r.month}-01`;
    if (!y.months.includes(month)) continue;
    const key = [month, r.province, r.category, r.placeType].join('|');
    const cell = cells.get(key) ?? {
      month,
      province: r.province,
      category: r.category,
      placeType: r.placeType,
      received: 0,
      accepted: 0,
      resolved: 0,
    };
    cell.received += 1;
    if (r.state !== 'waiting') cell.accepted += 1;
    if (r.state === 'resolved') cell.resolved += 1;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

type Round = (n: number) => PublicCount;
/** The true counts behind every figure: published without rounding. */
const EXACT = ((n: number) => n) as unknown as Round;

interface Variant {
  round?: Round;
  /** Also publish the statuses of each province, as before issue #15. */
  provinceStatuses?: boolean;
}

function publish(set: Report[], y: PublicYear, scope: string | null, variant: Variant = {}): PublicStats {
  const cells = cellsOf(set, y);
  const answer = publishYear({
    year: y,
    province: scope ? (provinces.find((p) => p.code === scope) ?? null) : null,
    provinces,
    cells,
    lang: 'vi',
    round: variant.round,
  });
  if (!variant.provinceStatuses || !scope) return answer;
  const own = cells.filter((c) => c.province === scope);
  const total = (m: 'received' | 'accepted' | 'resolved') => own.reduce((n, c) => n + c[m], 0);
  const round = variant.round ?? ((n: number) => n as unknown as PublicCount);
  const counts = {
    waiting: total('received') - total('accepted'),
    handling: total('accepted') - total('resolved'),
    resolved: total('resolved'),
  };
  return { ...answer, byStatus: Object.entries(counts).map(([key, n]) => ({ key, label: key, count: round(n) })) };
}

/** Every figure of an answer, named: `totals.received`, `byMonth.2026-05-01.received`, `byStatus.waiting`. */
function figures(s: PublicStats): Map<string, unknown> {
  const all = new Map<string, unknown>([
    ['totals.received', s.totals.received],
    ['totals.resolved', s.totals.resolved],
  ]);
  for (const table of ['byCategory', 'byPlaceType', 'byProvince', 'byMonth'] as const) {
    for (const row of s[table]) {
      all.set(`${table}.${row.key}.received`, row.received);
      all.set(`${table}.${row.key}.resolved`, row.resolved);
    }
  }
  for (const row of s.byStatus) all.set(`byStatus.${row.key}`, row.count);
  return all;
}

/** Sets of reports that differ from `set` by one report: removed, doubled, or moved along one attribute. */
function* neighbours(set: Report[], y: PublicYear): Generator<{ set: Report[]; touched: string[] }> {
  const months = y.months.map((m) => m.slice(0, 7));
  const inYear = set.map((r, i) => [r, i] as const).filter(([r]) => months.includes(r.month));
  for (const [r, i] of inYear) {
    const without = set.filter((_, j) => j !== i);
    yield { set: without, touched: [r.province] };
    yield { set: [...set, r], touched: [r.province] };
    const moves: Report[] = [
      ...months.map((month) => ({ ...r, month })),
      ...CATEGORIES.map((category) => ({ ...r, category })),
      ...PLACE_TYPES.map((placeType) => ({ ...r, placeType })),
      ...provinces.map((p) => ({ ...r, province: p.code })),
      ...(['waiting', 'handling', 'resolved'] as const).map((state) => ({ ...r, state })),
    ];
    for (const moved of moves)
      if (JSON.stringify(moved) !== JSON.stringify(r))
        yield { set: [...without, moved], touched: [r.province, moved.province] };
  }
}

/**
 * The published figures of a year, in any scope, whose true count is 1 to 4 and for which no
 * neighbouring set of reports publishes everything alike with a different count: the counts a
 * reader could work out. `scope|figure`.
 */
function exposedSmallCounts(
  set: Report[],
  year: number,
  variant: Variant = {},
): { exposed: string[]; small: string[] } {
  const y = yearOf(year);
  const scopes = [null, ...provinces.map((p) => p.code)];
  const exact = { ...variant, round: EXACT };
  const shown = new Map(scopes.map((s) => [s, JSON.stringify(publish(set, y, s, variant))]));
  const truth = new Map(scopes.map((s) => [s, figures(publish(set, y, s, exact))]));
  const small = new Set<string>();
  for (const [s, counts] of truth)
    for (const [name, n] of counts)
      if (typeof n === 'number' && n >= 1 && n <= 4) small.add(`${s ?? 'nation'}|${name}`);
  const hidden = new Set(small);
  for (const candidate of neighbours(set, y)) {
    // Scopes the change does not reach publish the same by construction.
    const reached = [null, ...new Set(candidate.touched)];
    if (!reached.every((s) => JSON.stringify(publish(candidate.set, y, s, variant)) === shown.get(s))) continue;
    for (const s of reached) {
      for (const [name, n] of figures(publish(candidate.set, y, s, exact))) {
        if (n !== truth.get(s)?.get(name)) hidden.delete(`${s ?? 'nation'}|${name}`);
      }
    }
  }
  return { exposed: [...hidden].sort(), small: [...small].sort() };
}

describe('public statistics give no count below 5 away (issue #15)', () => {
  test('the API publishes, for every year and scope, each figure rounded from its true count', async () => {
    for (const year of YEARS) {
      const y = yearOf(year);
      for (const scope of [null, ...provinces.map((p) => p.code)]) {
        const res = await request(t.app).get(`/api/public/stats?year=${year}${scope ? `&province=${scope}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual(publish(FIXTURE, y, scope));
      }
    }
    // Figures as a reader sees them: Đồng Tháp's May is "<10" beside its year of 8, shown as 10.
    const dongThap = (await request(t.app).get('/api/public/stats?year=2026&province=82')).body as PublicStats;
    expect(dongThap.totals.received).toBe(10);
    expect(dongThap.byMonth.find((m) => m.key === '2026-05-01')?.received).toBe('<10');
    const nation = (await request(t.app).get('/api/public/stats?year=2026')).body as PublicStats;
    // 74 received (the November one is not yet published): 75; Cao Bằng's 48: 50; Hà Nội's 18: 20.
    expect([
      nation.totals.received,
      nation.byProvince.find((p) => p.key === '04')?.received,
      nation.byProvince.find((p) => p.key === '01')?.received,
    ]).toEqual([75, 50, 20]);
    // Waiting, being handled, resolved: for the nation only (12, 22, 40).
    expect(nation.byStatus.map((r) => r.count)).toEqual([10, 20, 40]);
    expect(dongThap.byStatus).toEqual([]);
  });

  test('every small count of every published table could have been another with everything published alike', () => {
    for (const year of YEARS) {
      const { exposed, small } = exposedSmallCounts(FIXTURE, year);
      expect(exposed).toEqual([]);
      // The search had something to hide: the issue's Đồng Tháp May among the small counts.
      if (year === 2026)
        expect(small).toEqual(
          expect.arrayContaining([
            '82|byMonth.2026-05-01.received',
            'nation|byMonth.2026-10-01.received',
            '01|byMonth.2026-03-01.received',
          ]),
        );
      expect(small.length).toBeGreaterThan(year === 2026 ? 30 : 10);
    }
  });

  test('the same search finds what a weaker publication gives away', () => {
    const lessThanFive = ((n: number) => (n < 5 ? '<5' : Math.round(n / 5) * 5)) as unknown as Round;
    const found = (variant: Variant) => exposedSmallCounts(FIXTURE, 2026, variant).exposed;
    // The statuses of each province beside the nation's: Hà Nội's 4 waiting are at least 18 − 7 − 7 (its
    // total shown as 20, the others as "<10") and at most 12 − 8 (the nation's 10, Cao Bằng's 10).
    expect(found({ provinceStatuses: true })).toContain('01|byStatus.waiting');
    // "<5" for 0–4 and 5 for 5–7: at least 18 − 7 − 7 is all it takes.
    expect(found({ provinceStatuses: true, round: lessThanFive })).toContain('01|byStatus.waiting');
  });
});
