import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { PeriodicReport, StaffStats, StatsReports } from '../../shared/api/stats';
import { queryRows } from '../../server/db/query-rows';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';
import { sheetRows } from '../helpers/xlsx';

/*
 * Issue #18, reports for the committees: results (fines, goods seized) and the crime track summed in the
 * dashboard, the periodic report and its files, on reports made by hand with every figure worked out below.
 * Now is Monday 23/11/2026 10:00 in Vietnam. Results rows are inserted directly (the resolve form is helper A's).
 */

let t: TestApp;
const who: Record<string, StaffSession> = {};
const unit: Record<string, string> = {};
let staffId = '';

interface Made {
  code: string;
  province: '04' | '82';
  lead: 'market-04' | 'police-04' | 'market-82';
  received: string;
  resolved?: string;
  status: string;
  outcome?: string;
  goodsType?: string;
  typical?: boolean;
  publicOutcome?: string;
  fine?: number;
  seized?: number[];
  crime?: { flagged: string; handedOver?: string; decision?: 'prosecuted' | 'not_prosecuted' };
  mergedInto?: string;
}

// Times in UTC (Vietnam is seven hours ahead), each at 03:00 UTC = 10:00 in Vietnam, so the day is the same.
const MADE: Made[] = [
  // C1, Cao Bằng: a fine of 15 000 000 đ and two lots (3 000 000 + 2 000 000 đ), resolved in March; a typical case.
  {
    code: '389-CCCC-CCC1',
    province: '04',
    lead: 'market-04',
    received: '2026-03-10T03:00:00Z',
    resolved: '2026-03-20T03:00:00Z',
    status: 'resolved',
    outcome: 'violation_handled',
    goodsType: 'alcohol_tobacco',
    typical: true,
    publicOutcome: 'Xử phạt 15.000.000 đồng, tịch thu 200 bao thuốc lá lậu.',
    fine: 15_000_000,
    seized: [3_000_000, 2_000_000],
  },
  // C2, Cao Bằng: one lot of 7 500 000 đ, received in April, resolved in May.
  {
    code: '389-CCCC-CCC2',
    province: '04',
    lead: 'market-04',
    received: '2026-04-01T03:00:00Z',
    resolved: '2026-05-10T03:00:00Z',
    status: 'resolved',
    outcome: 'goods_seized',
    goodsType: 'food',
    seized: [7_500_000],
  },
  // C3, Đồng Tháp, October 2025 (in the year to 30/9/2026): a fine of 4 000 000 đ.
  {
    code: '389-CCCC-CCC3',
    province: '82',
    lead: 'market-82',
    received: '2025-10-02T03:00:00Z',
    resolved: '2025-10-12T03:00:00Z',
    status: 'closed',
    outcome: 'violation_handled',
    goodsType: 'food',
    fine: 4_000_000,
  },
  // C4, Đồng Tháp, June 2025 (in the year to 30/9/2025, the same period of the one above): a fine of 2 000 000 đ.
  {
    code: '389-CCCC-CCC4',
    province: '82',
    lead: 'market-82',
    received: '2025-06-10T03:00:00Z',
    resolved: '2025-06-20T03:00:00Z',
    status: 'closed',
    outcome: 'violation_handled',
    goodsType: 'food',
    fine: 2_000_000,
  },
  // C5, Cao Bằng, October 2026: signs of a crime, handed over in 20 h, prosecuted; resolved without a goods type.
  {
    code: '389-CCCC-CCC5',
    province: '04',
    lead: 'police-04',
    received: '2026-10-05T03:00:00Z',
    resolved: '2026-10-20T03:00:00Z',
    status: 'resolved',
    outcome: 'criminal_case',
    crime: { flagged: '2026-10-05T05:00:00Z', handedOver: '2026-10-06T01:00:00Z', decision: 'prosecuted' },
  },
  // C6, Cao Bằng, June 2026: flagged, handed over after 30 h (late), no decision yet; still open.
  {
    code: '389-CCCC-CCC6',
    province: '04',
    lead: 'police-04',
    received: '2026-06-01T03:00:00Z',
    status: 'accepted',
    crime: { flagged: '2026-06-02T03:00:00Z', handedOver: '2026-06-03T09:00:00Z' },
  },
  // C7, merged into C1: its fine counts nowhere.
  {
    code: '389-CCCC-CCC7',
    province: '04',
    lead: 'market-04',
    received: '2026-03-11T03:00:00Z',
    resolved: '2026-03-21T03:00:00Z',
    status: 'closed',
    outcome: 'duplicate',
    fine: 99_000_000,
    mergedInto: '389-CCCC-CCC1',
  },
];

let firstCommune82 = '';

async function make() {
  const communes = await queryRows<{ province_code: string; code: string }>(
    t.deps.db,
    sql`select distinct on (province_code) province_code, code from communes where province_code in ('04', '82') order by province_code, sort_order`,
  );
  const communeOf = new Map(communes.map((c) => [c.province_code, c.code]));
  firstCommune82 = communeOf.get('82') ?? '';
  for (const m of MADE) {
    const lead = unit[m.lead] ?? '';
    const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();
    await t.deps.db.execute(sql`
      with d as (
        insert into routing_decisions (decided_at, category, place_type, commune_code, rule_set_id, rule_set_version, rule_id, rule_key,
          lead_force, lead_unit_id, lead_unit_name, coordinating, explanation_vi, explanation_en)
        select ${m.received}::timestamptz, 'smuggling', 'market', ${communeOf.get(m.province) ?? ''}, r.rule_set_id, 'national@1', r.id, 'fixture',
          u.force, u.id, u.name, '[]'::jsonb, '', ''
        from (select id, rule_set_id from routing_rules order by id limit 1) r, units u where u.id = ${lead}::uuid
        returning id
      )
      insert into reports (tracking_code, secret_hash, channel, category, place_type, province_code, commune_code, address, observed_at,
        description, status, routing_decision_id, lead_unit_id, received_at, accept_due_at, resolve_due_at, accepted_at,
        resolved_at, closed_at, merged_into, outcome, goods_type, typical_case)
      select ${m.code}, 'x', 'web', 'smuggling', 'market', ${m.province}, ${communeOf.get(m.province) ?? ''}, 'fixture', ${m.received}::timestamptz,
        'Báo cáo mẫu cho báo cáo định kỳ', ${m.status}, d.id, ${lead}::uuid, ${m.received}::timestamptz,
        ${plusDays(m.received, 1)}::timestamptz, ${plusDays(m.received, 20)}::timestamptz, ${plusDays(m.received, 0.1)}::timestamptz,
        ${m.resolved ?? null}::timestamptz, ${m.status === 'closed' ? (m.resolved ?? null) : null}::timestamptz,
        (select id from reports where tracking_code = ${m.mergedInto ?? ''}), ${m.outcome ?? null}, ${m.goodsType ?? null}, ${m.typical ?? false}
      from d`);
    const [report] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select id::text from reports where tracking_code = ${m.code}`,
    );
    const id = report?.id ?? '';
    if (m.resolved)
      await t.deps.db
        .execute(sql`insert into report_events (report_id, type, at, actor, public, from_status, to_status, body, data)
        values (${id}::uuid, 'status_changed', ${m.resolved}::timestamptz, ${staffId}, true, 'accepted', 'resolved', ${m.publicOutcome ?? 'Đã xử lý.'},
          ${JSON.stringify({ outcome: m.outcome })}::jsonb)`);
    if (m.fine !== undefined)
      await t.deps.db
        .execute(sql`insert into report_sanctions (report_id, record_no, record_date, clock, due_at, recorded_by, recorded_at,
          decision_no, decision_date, sanction_types, fine_vnd)
        values (${id}::uuid, 'BB-01', ${m.received.slice(0, 10)}, 'standard', ${m.resolved ?? m.received}::timestamptz, ${staffId}::uuid,
          ${m.received}::timestamptz, 'QĐ-01', ${(m.resolved ?? m.received).slice(0, 10)}, '{fine}', ${m.fine})`);
    for (const value of m.seized ?? [])
      await t.deps.db
        .execute(sql`insert into report_seized_goods (report_id, goods_type, quantity, unit, value_vnd, recorded_by, recorded_at)
        values (${id}::uuid, ${m.goodsType ?? 'other'}, 100, 'bao', ${value}, ${staffId}::uuid, ${m.received}::timestamptz)`);
    if (m.crime)
      await t.deps.db
        .execute(sql`insert into report_crime (report_id, reason, flagged_by, flagged_at, handover_due_at, investigating_unit_id,
          handed_over_at, handed_over_by, due_at, decision, decision_no, decision_date, decided_by, decided_at)
        values (${id}::uuid, 'Số lượng lớn', ${staffId}::uuid, ${m.crime.flagged}::timestamptz, ${plusDays(m.crime.flagged, 1)}::timestamptz,
          ${m.crime.handedOver ? unit['police-04'] : null}::uuid, ${m.crime.handedOver ?? null}::timestamptz,
          ${m.crime.handedOver ? staffId : null}::uuid, ${m.crime.handedOver ? plusDays(m.crime.handedOver, 20) : null}::timestamptz,
          ${m.crime.decision ?? null}, ${m.crime.decision ? 'QĐ-KT-01' : null}, ${m.crime.decision ? '2026-10-15' : null},
          ${m.crime.decision ? staffId : null}::uuid, ${m.crime.decision ? '2026-10-15T03:00:00Z' : null}::timestamptz)`);
  }
}

const get = (as: string, path: string) =>
  request(t.app)
    .get(path)
    .set('Cookie', who[as]?.cookie ?? '');
const download = (query: string) =>
  get('coordinator', `/api/staff/stats/export?${query}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
const periodic = async (query: string) => {
  const res = await get('coordinator', `/api/staff/stats/periodic?${query}`);
  expect(res.status).toBe(200);
  return res.body as PeriodicReport;
};
const results = (
  r: { resultsResolved: number; finesVnd: number; seizedValueVnd: number; seizedLots: number } | undefined,
) => r && [r.resultsResolved, r.finesVnd, r.seizedValueVnd, r.seizedLots];
const fieldsOf = (body: { error: { fields: { field: string }[] } }) => body.error.fields.map((f) => f.field).sort();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function book(query: string) {
  const res = await download(query);
  expect(res.status).toBe(200);
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(res.body as never);
  return b;
}
const everyCell = (b: ExcelJS.Workbook) =>
  b.worksheets.flatMap((s) =>
    s
      .getSheetValues()
      .flatMap((r) => (Array.isArray(r) ? r : []))
      .map((v) => String(v ?? '')),
  );

beforeAll(async () => {
  t = await createTestApp({
    clock: { now: () => FIXED_NOW },
    env: { STAFF_SESSION_IDLE_MINUTES: '1000000', STAFF_SESSION_MAX_HOURS: '100000' },
  });
  for (const username of ['coordinator', 'coordinator.cao-bang']) who[username] = await staffSession(t.app, username);
  for (const u of await queryRows<{ code: string; id: string }>(
    t.deps.db,
    sql`select code, id::text from units where code in ('market-04', 'police-04', 'market-82')`,
  ))
    unit[u.code] = u.id;
  staffId = (await queryRows<{ id: string }>(t.deps.db, sql`select id::text from staff_accounts limit 1`))[0]?.id ?? '';
  // Two units that share a name: shown everywhere with their province.
  await t.deps.db.execute(
    sql`update units set name = 'Đội Quản lý thị trường số 2' where code in ('market-04', 'market-82')`,
  );
  await make();
});
afterAll(() => t.close());

describe('results in the dashboard (GET /api/staff/stats)', () => {
  test('fines, seized values and lots of the reports resolved in the period, by outcome, goods type, unit and month', async () => {
    const res = await get('coordinator', '/api/staff/stats?from=2026-01-01&to=2026-11-23&interval=month');
    expect(res.status).toBe(200);
    const s = res.body as StaffStats;
    // Resolved in 2026: C1 (March), C2 (May), C5 (October); C7 is merged. Fines 15 000 000; seized 3 + 2 + 7.5 million in 3 lots.
    expect(results(s.totals)).toEqual([3, 15_000_000, 12_500_000, 3]);
    expect(results(s.byOutcome.find((r) => r.key === 'violation_handled'))).toEqual([1, 15_000_000, 5_000_000, 2]);
    expect(results(s.byOutcome.find((r) => r.key === 'goods_seized'))).toEqual([1, 0, 7_500_000, 1]);
    expect(results(s.byOutcome.find((r) => r.key === 'criminal_case'))).toEqual([1, 0, 0, 0]);
    expect(s.byOutcome.find((r) => r.key === 'duplicate')?.resultsResolved).toBe(0);
    expect(s.byOutcome.find((r) => r.key === 'violation_handled')?.label).toBe('Xử phạt vi phạm hành chính');
    expect(results(s.byGoodsType.find((r) => r.key === 'alcohol_tobacco'))).toEqual([1, 15_000_000, 5_000_000, 2]);
    expect(results(s.byGoodsType.find((r) => r.key === 'food'))).toEqual([1, 0, 7_500_000, 1]);
    expect(results(s.byGoodsType.find((r) => r.key === 'none'))).toEqual([1, 0, 0, 0]);
    // Per force, unit, province, month (of resolution).
    expect(results(s.byForce.find((r) => r.key === 'market'))).toEqual([2, 15_000_000, 12_500_000, 3]);
    const market04 = s.byUnit.find((r) => r.key === unit['market-04']);
    expect(results(market04)).toEqual([2, 15_000_000, 12_500_000, 3]);
    expect(market04?.label).toMatch(/^Đội Quản lý thị trường số 2 \(.*Cao Bằng\)$/);
    expect(results(s.byProvince.find((r) => r.key === '04'))).toEqual([3, 15_000_000, 12_500_000, 3]);
    expect(s.overTime.map((r) => r.finesVnd)).toEqual([0, 0, 15_000_000, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.overTime.map((r) => r.resultsResolved)).toEqual([0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0]);
    expect(s.byCategory.find((r) => r.key === 'smuggling')?.seizedValueVnd).toBe(12_500_000);
  });

  test('the crime track: flagged, handed over within 24 h, prosecuted ÷ decided against 100 %', async () => {
    const s = (await get('coordinator', '/api/staff/stats?from=2026-01-01&to=2026-11-23')).body as StaffStats;
    // Flagged in 2026: C5 (handed over in 20 h, prosecuted) and C6 (after 30 h, no decision).
    expect(s.crime).toEqual({
      flagged: 2,
      handedOver: 2,
      handedOverInTime: 1,
      decided: 1,
      prosecuted: 1,
      undecided: 1,
      prosecutionRate: 1,
    });
    expect(s.targets.prosecutionRate).toBe(1);
    const june = (await get('coordinator', '/api/staff/stats?from=2026-06-01&to=2026-06-30')).body as StaffStats;
    expect([june.crime.flagged, june.crime.prosecutionRate]).toEqual([1, null]);
  });

  test('the drill-down lists the reports of an outcome or goods type resolved in the period', async () => {
    const list = async (query: string) => {
      const res = await get('coordinator', `/api/staff/stats/reports?from=2026-01-01&to=2026-11-23&${query}`);
      expect(res.status).toBe(200);
      return res.body as StatsReports;
    };
    const handled = await list('dimension=outcome&key=violation_handled');
    expect([handled.total, handled.items.map((i) => i.trackingCode)]).toEqual([1, ['389-CCCC-CCC1']]);
    const none = await list('dimension=goodsType&key=none');
    expect(none.items.map((i) => i.trackingCode)).toEqual(['389-CCCC-CCC5']);
    expect((await list('dimension=goodsType&key=food')).items.map((i) => i.trackingCode)).toEqual(['389-CCCC-CCC2']);
    expect(handled.items[0]?.leadUnitName).toMatch(/\(.*Cao Bằng\)$/);
    const bad = await get('coordinator', '/api/staff/stats/reports?dimension=goodsType&key=gold');
    expect([bad.status, fieldsOf(bad.body)]).toEqual([400, ['key']]);
  });
});

describe('the periodic report (GET /api/staff/stats/periodic)', () => {
  test('presets give their days; old period links still work', async () => {
    const days = async (query: string) => {
      const r = await periodic(query);
      return [r.preset, r.stats.scope.from, r.stats.scope.to];
    };
    expect(await days('preset=month&year=2028&part=2')).toEqual(['month', '2028-02-01', '2028-02-29']);
    expect(await days('preset=quarter&year=2026&part=2')).toEqual(['quarter', '2026-04-01', '2026-06-30']);
    expect(await days('preset=half&year=2026&part=2')).toEqual(['half', '2026-07-01', '2026-12-31']);
    expect(await days('preset=year&year=2026')).toEqual(['year', '2026-01-01', '2026-12-31']);
    expect(await days('preset=october_september&year=2026')).toEqual(['october_september', '2025-10-01', '2026-09-30']);
    expect(await days('preset=midterm')).toEqual(['midterm', '2026-01-01', '2027-12-31']);
    expect(await days('preset=final')).toEqual(['final', '2026-01-01', '2030-12-31']);
    expect(await days('from=2026-03-15&to=2026-05-20')).toEqual(['adhoc', '2026-03-15', '2026-05-20']);
    expect(await days('period=2026-H1')).toEqual(['half', '2026-01-01', '2026-06-30']);
    expect(await days('period=2025')).toEqual(['year', '2025-01-01', '2025-12-31']);
  });

  test('the October–September year of Đồng Tháp and its same period a year earlier, with the communes', async () => {
    const r = await periodic('preset=october_september&year=2026&province=82&compare=true');
    // 1/10/2025–30/9/2026: C3 received and resolved (fine 4 000 000). A year earlier, 1/10/2024–30/9/2025: C4 (2 000 000).
    expect([r.stats.totals.received, r.stats.totals.resultsResolved, r.stats.totals.finesVnd]).toEqual([
      1, 1, 4_000_000,
    ]);
    expect([r.previous?.scope.from, r.previous?.scope.to]).toEqual(['2024-10-01', '2025-09-30']);
    expect([r.previous?.totals.received, r.previous?.totals.finesVnd]).toEqual([1, 2_000_000]);
    // Every commune of Đồng Tháp, zeros too; C3's has its figures.
    const [{ n }] = (await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from communes where province_code = '82'`,
    )) as [{ n: number }];
    expect(r.communes).toHaveLength(Number(n));
    const c3 = r.communes.find((c) => c.key === firstCommune82);
    expect([c3?.received, c3?.resultsResolved, c3?.finesVnd]).toEqual([1, 1, 4_000_000]);
    expect(r.communes.filter((c) => c.received > 0)).toHaveLength(1);
    // Without `compare`, no previous period; a national report has no commune table.
    const national = await periodic('preset=year&year=2026');
    expect([national.previous, national.communes]).toEqual([null, []]);
  });

  test('typical cases: code, category, goods type, outcome and the public outcome, never the reporter', async () => {
    const r = await periodic('preset=year&year=2026');
    expect(r.typicalCases).toEqual([
      {
        trackingCode: '389-CCCC-CCC1',
        category: 'smuggling',
        goodsType: 'alcohol_tobacco',
        outcome: 'violation_handled',
        resolvedAt: '2026-03-20T03:00:00.000Z',
        provinceName: expect.stringMatching(/Cao Bằng/),
        publicOutcome: 'Xử phạt 15.000.000 đồng, tịch thu 200 bao thuốc lá lậu.',
      },
    ]);
  });

  test('bad ranges are refused (400), naming the field', async () => {
    const refused = async (query: string) => {
      const res = await get('coordinator', `/api/staff/stats/periodic?${query}`);
      expect(res.status).toBe(400);
      return fieldsOf(res.body);
    };
    expect(await refused('preset=quarter&year=2026&part=5')).toEqual(['part']);
    expect(await refused('preset=month')).toEqual(['part', 'year']);
    expect(await refused('preset=year&year=1999')).toEqual(['year']);
    expect(await refused('from=2026-05-01&to=2026-04-01')).toEqual(['to']);
    expect(await refused('from=2026-05-01')).toEqual(['to']);
    expect(await refused('from=2019-01-01&to=2026-12-31')).toEqual(['to']);
    expect(await refused('period=2026&preset=year&year=2026')).toEqual(['period']);
    expect(await refused('preset=year&year=2026&from=2026-01-01')).toEqual(['from']);
    expect(await refused('preset=weekly')).toEqual(['preset']);
    const exported = await get('coordinator', '/api/staff/stats/export?format=xlsx&preset=quarter&year=2026');
    expect([exported.status, fieldsOf(exported.body)]).toEqual([400, ['part']]);
  });

  test('a province coordinator gets their own province only', async () => {
    const res = await get('coordinator.cao-bang', '/api/staff/stats/periodic?preset=year&year=2026');
    expect(res.status).toBe(200);
    const r = res.body as PeriodicReport;
    expect([r.stats.scope.province?.code, r.stats.totals.finesVnd, r.communes.length > 0]).toEqual([
      '04',
      15_000_000,
      true,
    ]);
    expect(
      (await get('coordinator.cao-bang', '/api/staff/stats/periodic?preset=year&year=2026&province=82')).status,
    ).toBe(404);
  });
});

describe('the periodic report as files (GET /api/staff/stats/export)', () => {
  test('XLSX of the year: results summed as by hand, units by code and province, no internal id anywhere', async () => {
    const b = await book('format=xlsx&preset=year&year=2026');
    expect(b.worksheets.map((s) => s.name)).toEqual(['Báo cáo', 'Dấu hiệu tội phạm', 'Vụ việc điển hình']);
    const rows = sheetRows(b.worksheets[0]);
    const total = rows.find((r) => r['Nhóm'] === 'Tổng số');
    expect([
      total?.['Đã giải quyết trong kỳ'],
      total?.['Tiền phạt (đồng)'],
      total?.['Số lô hàng tạm giữ, tịch thu'],
      total?.['Trị giá hàng tạm giữ, tịch thu (đồng)'],
    ]).toEqual([3, 15_000_000, 3, 12_500_000]);
    const outcome = rows.find((r) => r['Nhóm'] === 'Theo kết quả xử lý' && r['Mã'] === 'violation_handled');
    expect([
      outcome?.['Tiếp nhận'],
      outcome?.['Tiền phạt (đồng)'],
      outcome?.['Trị giá hàng tạm giữ, tịch thu (đồng)'],
    ]).toEqual([undefined, 15_000_000, 5_000_000]);
    const goods = rows.find((r) => r['Nhóm'] === 'Theo nhóm hàng' && r['Mã'] === 'food');
    expect([goods?.['Tên'], goods?.['Trị giá hàng tạm giữ, tịch thu (đồng)']]).toEqual(['Thực phẩm', 7_500_000]);
    const market = rows.find((r) => r['Nhóm'] === 'Theo đơn vị' && r['Mã'] === 'market-04');
    expect(String(market?.['Tên'])).toMatch(/^Đội Quản lý thị trường số 2 \(.*Cao Bằng\)$/);
    const crime = sheetRows(b.worksheets[1]);
    expect(crime.map((r) => [r['Tên'], r['Số lượng']])).toEqual([
      ['Tin báo có dấu hiệu tội phạm', 2],
      ['Đã chuyển cơ quan điều tra', 2],
      ['Chuyển trong 24 giờ', 1],
      ['Đã có quyết định khởi tố hoặc không khởi tố', 1],
      ['Đã khởi tố', 1],
      ['Chưa có quyết định', 1],
      ['Tỷ lệ khởi tố trên số đã có quyết định (%) — chỉ tiêu 100%', 100],
    ]);
    const typical = sheetRows(b.worksheets[2]);
    expect(typical.map((r) => [r['Mã tra cứu'], r['Nhóm hàng'], r['Kết quả công khai']])).toEqual([
      ['389-CCCC-CCC1', 'Rượu, bia, thuốc lá', 'Xử phạt 15.000.000 đồng, tịch thu 200 bao thuốc lá lậu.'],
    ]);
    expect(everyCell(b).filter((v) => UUID.test(v))).toEqual([]);
    const list = await book('format=xlsx&preset=year&year=2026&table=reports');
    expect(everyCell(list).filter((v) => UUID.test(v))).toEqual([]);
    expect(everyCell(list).some((v) => /số 2 \(.*Cao Bằng\)/.test(v))).toBe(true);
  });

  test('XLSX of the October–September year with the same-period columns and the difference', async () => {
    const b = await book('format=xlsx&preset=october_september&year=2026&province=82&compare=true');
    expect(String(b.worksheets[0]?.getCell('A1').value)).toContain('Năm 2026 (từ 01/10/2025 đến 30/09/2026)');
    const rows = sheetRows(b.worksheets[0]);
    const total = rows.find((r) => r['Nhóm'] === 'Tổng số');
    expect([
      total?.['Tiếp nhận'],
      total?.['Tiếp nhận cùng kỳ'],
      total?.['Tiếp nhận: tăng (+), giảm (−)'],
      total?.['Tiền phạt (đồng)'],
      total?.['Tiền phạt cùng kỳ (đồng)'],
      total?.['Tiền phạt: tăng (+), giảm (−)'],
    ]).toEqual([1, 1, 0, 4_000_000, 2_000_000, 2_000_000]);
    const communes = rows.filter((r) => r['Nhóm'] === 'Theo xã, phường');
    expect(communes.filter((r) => Number(r['Tiếp nhận']) > 0).map((r) => r['Tiền phạt (đồng)'])).toEqual([4_000_000]);
    // The months of the year: October 2025 compared with October 2024.
    const october = rows.find((r) => r['Nhóm'] === 'Theo tháng' && r['Mã'] === '2025-10-01');
    expect([october?.['Tiền phạt (đồng)'], october?.['Tiền phạt cùng kỳ (đồng)']]).toEqual([4_000_000, 0]);
  });

  test('CSV: the summary, the crime track and the typical cases, named after the range', async () => {
    const res = await download('format=csv&from=2026-03-01&to=2026-05-31');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="bao-cao-389-2026-03-01_2026-05-31-toan-quoc.csv"',
    );
    const rows = parse((res.body as Buffer).toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    // March–May: C1 and C2 resolved; C1's fine; all three lots.
    const total = rows.find((r) => r['Nhóm'] === 'Tổng số');
    expect([
      total?.['Đã giải quyết trong kỳ'],
      total?.['Tiền phạt (đồng)'],
      total?.['Trị giá hàng tạm giữ, tịch thu (đồng)'],
    ]).toEqual(['2', '15000000', '12500000']);
    const typical = await download('format=csv&from=2026-03-01&to=2026-05-31&table=typical');
    expect((typical.body as Buffer).toString('utf8')).toContain('389-CCCC-CCC1');
    const crime = await download('format=csv&preset=year&year=2026&table=crime');
    expect(crime.headers['content-disposition']).toMatch(/-toi-pham\.csv"$/);
  });
});
