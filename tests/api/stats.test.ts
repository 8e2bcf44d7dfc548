import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { PublicStats, StaffStats, StatsReports, StatsRow } from '../../shared/api/stats';
import { queryRows } from '../../server/db/query-rows';
import { publicCount } from '../../server/stats/public-stats';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

/*
 * Issue #7: every figure of the dashboard, the periodic report and the public page on a fixture whose
 * answers are worked out by hand below. Now is Monday 23/11/2026 10:00 in Vietnam (03:00 UTC).
 */

let t: TestApp;
let now = FIXED_NOW.getTime();
const who: Record<string, StaffSession> = {};
const unit: Record<string, string> = {};

interface Fixture {
  code: string;
  province: '04' | '82';
  lead: 'market-04' | 'police-04' | 'market-82';
  category: string;
  placeType: string;
  channel: 'web' | 'hotline';
  received: string;
  acceptDue: string;
  accepted?: string;
  resolveDue: string;
  resolved?: string;
  status: string;
  next?: string;
  mergedInto?: string;
}

// Times in UTC; Vietnam is seven hours ahead. Whole hours to accept and whole days to resolve in the comments.
const FIXTURE: Fixture[] = [
  // R1, March: accepted in 3 h (3.5 h), resolved in 10 days, both in time.
  {
    code: '389-AAAA-AAA1',
    province: '04',
    lead: 'market-04',
    category: 'counterfeit',
    placeType: 'market',
    channel: 'web',
    received: '2026-03-10T02:00:00Z',
    acceptDue: '2026-03-11T02:00:00Z',
    accepted: '2026-03-10T05:30:00Z',
    resolveDue: '2026-04-07T02:00:00Z',
    resolved: '2026-03-20T02:00:00Z',
    status: 'closed',
  },
  // R2, 01:00 on 1 April in Vietnam (still 31 March in UTC): accepted late after 50 h, resolved late after 40 days.
  {
    code: '389-AAAA-AAA2',
    province: '04',
    lead: 'market-04',
    category: 'counterfeit',
    placeType: 'online',
    channel: 'hotline',
    received: '2026-03-31T18:00:00Z',
    acceptDue: '2026-04-01T18:00:00Z',
    accepted: '2026-04-02T20:00:00Z',
    resolveDue: '2026-04-28T18:00:00Z',
    resolved: '2026-05-10T18:00:00Z',
    status: 'resolved',
  },
  // R3, April: accepted in 10 h; its resolve deadline passed in May: overdue now.
  {
    code: '389-AAAA-AAA3',
    province: '04',
    lead: 'police-04',
    category: 'smuggling',
    placeType: 'transport_route',
    channel: 'web',
    received: '2026-04-15T01:00:00Z',
    acceptDue: '2026-04-16T01:00:00Z',
    accepted: '2026-04-15T11:00:00Z',
    resolveDue: '2026-05-13T01:00:00Z',
    status: 'verifying',
    next: '2026-05-13T01:00:00Z',
  },
  // R4, three days ago: never accepted, overdue now.
  {
    code: '389-AAAA-AAA4',
    province: '04',
    lead: 'police-04',
    category: 'banned_goods',
    placeType: 'market',
    channel: 'hotline',
    received: '2026-11-20T03:00:00Z',
    acceptDue: '2026-11-21T03:00:00Z',
    resolveDue: '2026-12-18T03:00:00Z',
    status: 'received',
    next: '2026-11-21T03:00:00Z',
  },
  // R5, June in Đồng Tháp: accepted in 6 h, resolved in 15 days.
  {
    code: '389-AAAA-AAA5',
    province: '82',
    lead: 'market-82',
    category: 'counterfeit',
    placeType: 'market',
    channel: 'web',
    received: '2026-06-05T00:00:00Z',
    acceptDue: '2026-06-06T00:00:00Z',
    accepted: '2026-06-05T06:00:00Z',
    resolveDue: '2026-07-03T00:00:00Z',
    resolved: '2026-06-20T00:00:00Z',
    status: 'closed',
  },
  // R6, 23:59 on 30 June in Vietnam: accepted in 9 h (9 h 1 min), resolved in 10 days.
  {
    code: '389-AAAA-AAA6',
    province: '82',
    lead: 'market-82',
    category: 'trade_fraud',
    placeType: 'market',
    channel: 'web',
    received: '2026-06-30T16:59:00Z',
    acceptDue: '2026-07-01T16:59:00Z',
    accepted: '2026-07-01T02:00:00Z',
    resolveDue: '2026-07-28T16:59:00Z',
    resolved: '2026-07-10T16:59:00Z',
    status: 'resolved',
  },
  // R7, merged into R5: counted nowhere.
  {
    code: '389-AAAA-AAA7',
    province: '82',
    lead: 'market-82',
    category: 'counterfeit',
    placeType: 'market',
    channel: 'web',
    received: '2026-06-06T00:00:00Z',
    acceptDue: '2026-06-07T00:00:00Z',
    resolveDue: '2026-07-04T00:00:00Z',
    status: 'closed',
    mergedInto: '389-AAAA-AAA5',
  },
  // R8, yesterday: its accept deadline is still ahead.
  {
    code: '389-AAAA-AAA8',
    province: '04',
    lead: 'market-04',
    category: 'counterfeit',
    placeType: 'market',
    channel: 'web',
    received: '2026-11-22T03:00:00Z',
    acceptDue: '2026-11-23T05:00:00Z',
    resolveDue: '2026-12-21T03:00:00Z',
    status: 'received',
    next: '2026-11-23T05:00:00Z',
  },
  // R9, December 2025: outside every 2026 period.
  {
    code: '389-AAAA-AAA9',
    province: '04',
    lead: 'market-04',
    category: 'poor_quality',
    placeType: 'production_site',
    channel: 'hotline',
    received: '2025-12-15T03:00:00Z',
    acceptDue: '2025-12-16T03:00:00Z',
    accepted: '2025-12-15T04:00:00Z',
    resolveDue: '2026-01-12T03:00:00Z',
    resolved: '2025-12-20T03:00:00Z',
    status: 'closed',
  },
  // R10, April: accepted in 1 h, then suspended (no running deadline).
  {
    code: '389-AAAA-AABA',
    province: '04',
    lead: 'market-04',
    category: 'counterfeit',
    placeType: 'market',
    channel: 'web',
    received: '2026-04-10T03:00:00Z',
    acceptDue: '2026-04-11T03:00:00Z',
    accepted: '2026-04-10T04:00:00Z',
    resolveDue: '2026-05-08T03:00:00Z',
    status: 'suspended',
  },
];

const YEAR = 'from=2026-01-01&to=2026-11-23';

async function insertFixture() {
  const communes = await queryRows<{ province_code: string; code: string }>(
    t.deps.db,
    sql`select distinct on (province_code) province_code, code from communes where province_code in ('04', '82') order by province_code, sort_order`,
  );
  const communeOf = new Map(communes.map((c) => [c.province_code, c.code]));
  for (const f of FIXTURE) {
    const commune = communeOf.get(f.province) ?? '';
    const lead = unit[f.lead] ?? '';
    await t.deps.db.execute(sql`
      with d as (
        insert into routing_decisions (decided_at, category, place_type, commune_code, rule_set_id, rule_set_version, rule_id, rule_key,
          lead_force, lead_unit_id, lead_unit_name, coordinating, explanation_vi, explanation_en)
        select ${f.received}::timestamptz, ${f.category}, ${f.placeType}, ${commune}, r.rule_set_id, 'national@1', r.id, 'fixture',
          u.force, u.id, u.name, '[]'::jsonb, '', ''
        from (select id, rule_set_id from routing_rules order by id limit 1) r, units u where u.id = ${lead}::uuid
        returning id
      )
      insert into reports (tracking_code, secret_hash, channel, category, place_type, province_code, commune_code, address, observed_at,
        description, status, routing_decision_id, lead_unit_id, received_at, accept_due_at, resolve_due_at, next_due_at, accepted_at,
        resolved_at, closed_at, merged_into)
      select ${f.code}, 'x', ${f.channel}, ${f.category}, ${f.placeType}, ${f.province}, ${commune}, 'fixture', ${f.received}::timestamptz,
        'Báo cáo mẫu cho thống kê', ${f.status}, d.id, ${lead}::uuid, ${f.received}::timestamptz, ${f.acceptDue}::timestamptz,
        ${f.resolveDue}::timestamptz, ${f.next ?? null}::timestamptz, ${f.accepted ?? null}::timestamptz, ${f.resolved ?? null}::timestamptz,
        ${f.status === 'closed' ? (f.resolved ?? f.received) : null}::timestamptz,
        (select id from reports where tracking_code = ${f.mergedInto ?? ''})
      from d`);
  }
}

const get = (as: string, path: string) =>
  request(t.app)
    .get(path)
    .set('Cookie', who[as]?.cookie ?? '');
const dashboard = async (as: string, query: string) => {
  const res = await get(as, `/api/staff/stats?${query}`);
  expect(res.status).toBe(200);
  return res.body as StaffStats;
};
const figures = (r: StatsRow | undefined) =>
  r && {
    received: r.received,
    accepted: r.accepted,
    acceptedInTime: r.acceptedInTime,
    resolved: r.resolved,
    resolvedInTime: r.resolvedInTime,
    overdueNow: r.overdueNow,
  };
const byKey = (rows: StatsRow[]) =>
  Object.fromEntries(rows.filter((r) => r.received > 0 || r.overdueNow > 0).map((r) => [r.key, r.received]));

beforeAll(async () => {
  t = await createTestApp({
    clock: { now: () => new Date(now) },
    env: { STAFF_SESSION_IDLE_MINUTES: '1000000', STAFF_SESSION_MAX_HOURS: '100000' },
  });
  for (const username of ['coordinator', 'coordinator.cao-bang', 'market.cao-bang', 'police.cao-bang'])
    who[username] = await staffSession(t.app, username);
  for (const u of await queryRows<{ code: string; id: string }>(
    t.deps.db,
    sql`select code, id from units where code in ('market-04', 'police-04', 'market-82')`,
  ))
    unit[u.code] = u.id;
  await insertFixture();
});
afterAll(() => t.close());

describe('the dashboard figures (GET /api/staff/stats)', () => {
  test('a national year: totals, rates, medians and overdue worked out by hand', async () => {
    const s = await dashboard('coordinator', `${YEAR}&interval=month`);
    // R1–R6, R8, R10 (R7 merged, R9 in 2025). Accepted: R1 R2 R3 R5 R6 R10; in time all but R2.
    // Resolved: R1 R2 R5 R6; in time all but R2. Overdue now: R3 (resolve), R4 (accept).
    expect(figures(s.totals)).toEqual({
      received: 8,
      accepted: 6,
      acceptedInTime: 5,
      resolved: 4,
      resolvedInTime: 3,
      overdueNow: 2,
    });
    expect(s.totals.acceptanceRate).toBeCloseTo(5 / 8);
    expect(s.totals.resolutionRate).toBeCloseTo(3 / 8);
    // Hours to accept 1 3 6 9 10 50 → (6 + 9) / 2; days to resolve 10 10 15 40 → (10 + 15) / 2.
    expect(s.totals.medianAcceptHours).toBe(7.5);
    expect(s.totals.medianResolveDays).toBe(12.5);
    expect(s.targets).toEqual({ acceptanceRate: 1, resolutionRate: 0.9, prosecutionRate: 1 });
  });

  test('per force, unit, province, category, place type, channel and month', async () => {
    const s = await dashboard('coordinator', `${YEAR}&interval=month`);
    expect(figures(s.byForce.find((r) => r.key === 'market'))).toEqual({
      received: 6,
      accepted: 5,
      acceptedInTime: 4,
      resolved: 4,
      resolvedInTime: 3,
      overdueNow: 0,
    });
    expect(figures(s.byForce.find((r) => r.key === 'police'))).toEqual({
      received: 2,
      accepted: 1,
      acceptedInTime: 1,
      resolved: 0,
      resolvedInTime: 0,
      overdueNow: 2,
    });
    // market-04: R1 R2 R8 R10, accept hours 3 50 1 → 3; resolve days 10 40 → 25.
    const market04 = s.byUnit.find((r) => r.key === unit['market-04']);
    expect(figures(market04)).toEqual({
      received: 4,
      accepted: 3,
      acceptedInTime: 2,
      resolved: 2,
      resolvedInTime: 1,
      overdueNow: 0,
    });
    expect([market04?.medianAcceptHours, market04?.medianResolveDays, market04?.force, market04?.provinceCode]).toEqual(
      [3, 25, 'market', '04'],
    );
    expect(byKey(s.byProvince)).toEqual({ '04': 6, '82': 2 });
    expect(byKey(s.byCategory)).toEqual({ counterfeit: 5, smuggling: 1, banned_goods: 1, trade_fraud: 1 });
    expect(byKey(s.byPlaceType)).toEqual({ market: 6, online: 1, transport_route: 1 });
    expect(byKey(s.byChannel)).toEqual({ web: 6, hotline: 2 });
    expect(s.byCategory.find((r) => r.key === 'counterfeit')?.label).toBe('Hàng giả');
    // Every month of the period is a row, empty ones too; R2 belongs to April (Vietnam time), R6 to June.
    expect(s.overTime.map((r) => [r.key, r.received])).toEqual([
      ['2026-01-01', 0],
      ['2026-02-01', 0],
      ['2026-03-01', 1],
      ['2026-04-01', 3],
      ['2026-05-01', 0],
      ['2026-06-01', 2],
      ['2026-07-01', 0],
      ['2026-08-01', 0],
      ['2026-09-01', 0],
      ['2026-10-01', 0],
      ['2026-11-01', 2],
    ]);
  });

  test('a period that is not whole months reads its edge days from the reports themselves', async () => {
    // 15/03–30/06: R2 (1 April in Vietnam), R3, R10, R5, R6; R1 (10 March) falls outside.
    const s = await dashboard('coordinator', 'from=2026-03-15&to=2026-06-30');
    expect(figures(s.totals)).toEqual({
      received: 5,
      accepted: 5,
      acceptedInTime: 4,
      resolved: 3,
      resolvedInTime: 2,
      overdueNow: 1,
    });
    expect(byKey(s.byCategory)).toEqual({ counterfeit: 3, smuggling: 1, trade_fraud: 1 });
    expect(s.scope.interval).toBe('week');
    // Two days only, both outside whole months: the 31 March report of UTC is 1 April in Vietnam.
    const two = await dashboard('coordinator', 'from=2026-03-31&to=2026-04-01');
    expect(figures(two.totals)).toEqual({
      received: 1,
      accepted: 1,
      acceptedInTime: 0,
      resolved: 1,
      resolvedInTime: 0,
      overdueNow: 0,
    });
    expect(byKey(two.byChannel)).toEqual({ hotline: 1 });
    expect(two.totals.medianAcceptHours).toBe(50);
    expect(two.overTime.map((r) => [r.key, r.received])).toEqual([
      ['2026-03-31', 0],
      ['2026-04-01', 1],
    ]);
  });

  test('force and unit filters', async () => {
    const police = await dashboard('coordinator', `${YEAR}&force=police`);
    expect(figures(police.totals)).toEqual({
      received: 2,
      accepted: 1,
      acceptedInTime: 1,
      resolved: 0,
      resolvedInTime: 0,
      overdueNow: 2,
    });
    expect(byKey(police.byCategory)).toEqual({ smuggling: 1, banned_goods: 1 });
    const one = await dashboard('coordinator', `${YEAR}&unit=${unit['market-82']}`);
    expect(figures(one.totals)).toEqual({
      received: 2,
      accepted: 2,
      acceptedInTime: 2,
      resolved: 2,
      resolvedInTime: 2,
      overdueNow: 0,
    });
    expect(one.scope.unit?.name).toMatch(/Đồng Tháp/);
  });

  test('a province coordinator sees their province only; another province does not exist for them', async () => {
    const s = await dashboard('coordinator.cao-bang', YEAR);
    expect(s.scope.province?.code).toBe('04');
    expect(figures(s.totals)).toEqual({
      received: 6,
      accepted: 4,
      acceptedInTime: 3,
      resolved: 2,
      resolvedInTime: 1,
      overdueNow: 2,
    });
    expect(byKey(s.byProvince)).toEqual({ '04': 6 });
    expect((await get('coordinator.cao-bang', `/api/staff/stats?${YEAR}&province=82`)).status).toBe(404);
    expect(
      (await get('coordinator.cao-bang', `/api/staff/stats/export?format=csv&period=2026&province=82`)).status,
    ).toBe(404);
    // Nor does a unit that works elsewhere; a customs branch covering Cao Bằng does.
    expect((await get('coordinator.cao-bang', `/api/staff/stats?unit=${unit['market-82']}`)).status).toBe(404);
    const [customs] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select unit_id::text as id from unit_jurisdictions j join units u on u.id = j.unit_id where u.force = 'customs' and u.level = 'regional' and j.province_code = '04' limit 1`,
    );
    expect((await get('coordinator.cao-bang', `/api/staff/stats?unit=${customs?.id}`)).status).toBe(200);
  });

  test('who may ask, and bad input named by field', async () => {
    expect((await request(t.app).get('/api/staff/stats')).status).toBe(401);
    expect((await get('market.cao-bang', '/api/staff/stats')).status).toBe(403);
    const reversed = await get('coordinator', '/api/staff/stats?from=2026-05-01&to=2026-04-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields).toEqual([
      { field: 'to', message: 'Đến ngày: phải cùng ngày hoặc sau ngày bắt đầu' },
    ]);
    const english = await get('coordinator', '/api/staff/stats?from=2026-02-30&lang=en');
    expect(english.status).toBe(400);
    expect(english.body.error.fields).toEqual([{ field: 'from', message: expect.stringMatching(/^From: /) }]);
    // ?lang= is allowed on every query, strict or not: an English file for someone reading in English.
    const file = await get('coordinator', '/api/staff/stats/export?format=csv&period=2026-H1&lang=en');
    expect(file.status).toBe(200);
    expect(file.text.startsWith('\ufeffGroup,Code,Name,Received,')).toBe(true);
    expect((await get('coordinator', '/api/staff/stats?province=99')).body.error.fields[0].field).toBe('province');
    expect(
      (await get('coordinator', '/api/staff/stats?unit=00000000-0000-4000-8000-000000000000')).body.error.fields[0]
        .field,
    ).toBe('unit');
    expect(
      (await get('coordinator', '/api/staff/stats/reports?dimension=time&key=2026-04-02&interval=month')).body.error
        .fields[0].field,
    ).toBe('key');
    expect((await get('coordinator', '/api/staff/stats/reports?key=market')).body.error.fields[0].field).toBe(
      'dimension',
    );
    // The missing end is filled in first, then the whole period is checked.
    expect((await get('coordinator', '/api/staff/stats?from=2020-01-01')).body.error.fields).toEqual([
      { field: 'from', message: 'Từ ngày: một kỳ dài tối đa 1830 ngày' },
    ]);
    expect((await get('coordinator', '/api/staff/stats?from=1000-01-01')).body.error.fields[0].field).toBe('from');
    const cursor = Buffer.from(JSON.stringify({ us: '-999999999999999999', id: '-'.repeat(36) })).toString('base64url');
    expect((await get('coordinator', `/api/staff/stats/reports?after=${cursor}`)).body.error.fields[0].field).toBe(
      'after',
    );
  });
});

describe('the reports behind a number (GET /api/staff/stats/reports)', () => {
  const list = async (query: string) => {
    const res = await get('coordinator', `/api/staff/stats/reports?${YEAR}&${query}`);
    expect(res.status).toBe(200);
    return res.body as StatsReports;
  };

  test('the list holds exactly the reports a figure counts', async () => {
    const market = await list('measure=acceptedInTime&dimension=force&key=market');
    expect(market.total).toBe(4);
    expect(market.items.map((i) => i.trackingCode).sort()).toEqual([
      '389-AAAA-AAA1',
      '389-AAAA-AAA5',
      '389-AAAA-AAA6',
      '389-AAAA-AABA',
    ]);
    const overdue = await list('measure=overdueNow');
    expect(overdue.items.map((i) => i.trackingCode)).toEqual(['389-AAAA-AAA4', '389-AAAA-AAA3']);
    const april = await list('measure=received&dimension=time&interval=month&key=2026-04-01');
    expect(april.items.map((i) => i.trackingCode).sort()).toEqual(['389-AAAA-AAA2', '389-AAAA-AAA3', '389-AAAA-AABA']);
  });

  test('pages follow one another without a gap or a repeat', async () => {
    const first = await list('limit=3');
    expect(first.total).toBe(8);
    const second = await list(`limit=3&after=${first.next}`);
    const third = await list(`limit=3&after=${second.next}`);
    expect(third.next).toBeNull();
    const codes = [...first.items, ...second.items, ...third.items].map((i) => i.trackingCode);
    expect(new Set(codes).size).toBe(8);
    expect(codes[0]).toBe('389-AAAA-AAA8');
  });

  test('every number of every chart agrees with its list', async () => {
    const s = await dashboard('coordinator', `${YEAR}&interval=month`);
    const charts: [string, StatsRow[]][] = [
      ['category', s.byCategory],
      ['placeType', s.byPlaceType],
      ['channel', s.byChannel],
      ['force', s.byForce],
      ['unit', s.byUnit],
      ['province', s.byProvince],
      ['time', s.overTime],
    ];
    for (const [dimension, rows] of charts) {
      for (const row of rows) {
        for (const measure of ['received', 'acceptedInTime', 'resolvedInTime', 'overdueNow'] as const) {
          const behind = await list(`interval=month&measure=${measure}&dimension=${dimension}&key=${row.key}&limit=1`);
          expect([dimension, row.key, measure, behind.total]).toEqual([dimension, row.key, measure, row[measure]]);
        }
      }
    }
  });
});

describe('running totals follow the reports', () => {
  test('accepting a report moves its figures at once, and a rebuild from the reports agrees', async () => {
    const [r4] = await queryRows<{ version: number }>(
      t.deps.db,
      sql`select version from reports where tracking_code = '389-AAAA-AAA4'`,
    );
    const police = who['police.cao-bang'];
    const res = await request(t.app)
      .post('/api/staff/cases/389-AAAA-AAA4/accept')
      .set('Cookie', police?.cookie ?? '')
      .set('X-CSRF-Token', police?.csrf ?? '')
      .send({ version: r4?.version });
    expect(res.status).toBe(200);
    // Accepted now, two days after its deadline: accepted but late, and no longer overdue.
    const s = await dashboard('coordinator', YEAR);
    expect(figures(s.totals)).toEqual({
      received: 8,
      accepted: 7,
      acceptedInTime: 5,
      resolved: 4,
      resolvedInTime: 3,
      overdueNow: 1,
    });
    expect(s.totals.medianAcceptHours).toBe(9); // 1 3 6 9 10 50 72

    // A pause after a late acceptance moves the resolve deadline only: the acceptance stays late.
    const police2 = { cookie: police?.cookie ?? '', csrf: police?.csrf ?? '' };
    const suspend = await request(t.app)
      .post('/api/staff/cases/389-AAAA-AAA4/suspend')
      .set('Cookie', police2.cookie)
      .set('X-CSRF-Token', police2.csrf)
      .send({ version: res.body.version, reason: 'Chờ kết quả giám định hàng mẫu' });
    expect(suspend.status).toBe(200);
    now += 3 * 24 * 3_600_000;
    const resume = await request(t.app)
      .post('/api/staff/cases/389-AAAA-AAA4/resume')
      .set('Cookie', police2.cookie)
      .set('X-CSRF-Token', police2.csrf)
      .send({ version: suspend.body.version });
    expect(resume.status).toBe(200);
    now = FIXED_NOW.getTime();
    expect(figures((await dashboard('coordinator', YEAR)).totals)).toMatchObject({ accepted: 7, acceptedInTime: 5 });

    const snapshot = () =>
      queryRows(
        t.deps.db,
        sql`select 'd' as t, day::text as k, province_code, lead_unit_id::text, received, accepted, accepted_in_time, resolved, resolved_in_time from report_stats_daily where received <> 0
            union all select 'm', month::text || category || place_type || channel, province_code, lead_unit_id::text, received, accepted, accepted_in_time, resolved, resolved_in_time from report_stats_monthly where received <> 0
            union all select 'h', month::text || kind || amount, province_code, lead_unit_id::text, n, 0, 0, 0, 0 from report_stats_durations where n <> 0
            order by 1, 2, 3, 4`,
      );
    const kept = await snapshot();
    await t.deps.db.execute(sql`select report_stats_rebuild()`);
    expect(await snapshot()).toEqual(kept);
  });
});

describe('the periodic report as files (GET /api/staff/stats/export)', () => {
  const download = (query: string) =>
    get('coordinator', `/api/staff/stats/export?${query}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  test('CSV of the six-month report: UTF-8 with a byte-order mark, the figures per group', async () => {
    const res = await download('format=csv&period=2026-H1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-389-2026-H1-toan-quoc.csv"');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeffNhóm,Mã,Tên,Tiếp nhận,')).toBe(true);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    // H1: R1 R2 R3 R10 (Cao Bằng) and R5 R6 (Đồng Tháp); accepted in time all but R2.
    const total = rows.find((r) => r['Nhóm'] === 'Tổng số');
    expect([total?.['Tiếp nhận'], total?.['Thụ lý đúng hạn'], total?.['Tỷ lệ thụ lý đúng hạn (%)']]).toEqual([
      '6',
      '5',
      '83.3',
    ]);
    const police = rows.find((r) => r['Nhóm'] === 'Theo lực lượng' && r['Mã'] === 'police');
    expect([police?.['Tên'], police?.['Tiếp nhận'], police?.['Đang quá hạn']]).toEqual(['Công an', '1', '1']);
    expect(rows.filter((r) => r['Nhóm'] === 'Theo tháng').map((r) => r['Tiếp nhận'])).toEqual([
      '0',
      '0',
      '1',
      '3',
      '0',
      '2',
    ]);
  });

  test('XLSX of the year, and the list of every report behind it read back', async () => {
    const summary = await download('format=xlsx&period=2026');
    expect(summary.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(summary.body as never);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('Báo cáo');
    expect(String(sheet?.getCell('A1').value)).toContain('Báo cáo định kỳ năm');
    const header = sheet?.getRow(4).values as unknown[];
    expect(header.slice(1, 5)).toEqual(['Nhóm', 'Mã', 'Tên', 'Tiếp nhận']);
    expect((sheet?.getRow(5).values as unknown[]).slice(1, 5)).toEqual(['Tổng số', 'total', 'Tổng số', 8]);

    const list = await download('format=xlsx&period=2026&table=reports');
    const listBook = new ExcelJS.Workbook();
    await listBook.xlsx.load(list.body as never);
    const rows = listBook.worksheets[0]?.getSheetValues().slice(5) as unknown[][];
    expect(rows.map((r) => r[1]).sort()).toEqual(
      FIXTURE.filter((f) => f.received >= '2026' && !f.mergedInto)
        .map((f) => f.code)
        .sort(),
    );
    const r2 = rows.find((r) => r[1] === '389-AAAA-AAA2');
    expect([r2?.[2], r2?.[5], r2?.[13]]).toEqual(['01:00 01/04/2026', 'Hàng giả', 'Không']);

    const csv = await download('format=csv&period=2026&table=reports');
    const csvRows = parse((csv.body as Buffer).toString('utf8').slice(1), { columns: true }) as Record<
      string,
      string
    >[];
    expect(csvRows).toHaveLength(8);
    expect(csvRows.find((r) => r['Mã tra cứu'] === '389-AAAA-AAA5')?.['Đơn vị chủ trì']).toMatch(
      /Quản lý thị trường tỉnh Đồng Tháp/,
    );
  });

  test('an export is written to the audit log; a bad period is refused by name', async () => {
    const rows = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'stats_exported'`,
    );
    expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(3);
    const bad = await get('coordinator', '/api/staff/stats/export?format=pdf&period=2026-H3');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['format', 'period']);
  });
});

describe('public statistics (GET /api/public/stats)', () => {
  test('no sign-in; a calendar year of finished months; every figure rounded, "<10" for 0 to 7', async () => {
    const res = await request(t.app).get('/api/public/stats?year=2026');
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    const s = res.body as PublicStats;
    // November has not ended: the year stops on 31 October (R4 and R8 fall outside).
    expect([s.year, s.from, s.to]).toEqual([2026, '2026-01-01', '2026-10-31']);
    expect(s.byMonth.map((r) => r.key)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}-01`),
    );
    // 6 received and 4 resolved: both "<10", as is every figure of this small fixture.
    expect(s.totals).toEqual({ received: '<10', resolved: '<10' });
    const counts = [...s.byCategory, ...s.byPlaceType, ...s.byProvince, ...s.byMonth]
      .flatMap((r) => [r.received, r.resolved])
      .concat(s.byStatus.map((r) => r.count));
    expect(new Set(counts)).toEqual(new Set(['<10']));
    // Without a year: the year of the last finished month, the same answer.
    expect((await request(t.app).get('/api/public/stats')).body).toEqual(s);
    const last = (await request(t.app).get('/api/public/stats?year=2025&province=04')).body as PublicStats;
    expect([last.from, last.to, last.byMonth.length, last.byProvince.map((r) => r.key)]).toEqual([
      '2025-01-01',
      '2025-12-31',
      12,
      ['04'],
    ]);
  });

  test('refusals name the field: a span of days, a year without a finished month, an unknown province', async () => {
    // Issue #15: two overlapping spans gave a small count by subtraction; spans are refused.
    const span = await request(t.app).get('/api/public/stats?from=2026-05-01&to=2026-11-08');
    expect(span.status).toBe(400);
    expect(span.body.error.fields).toEqual([
      {
        field: 'from',
        message: 'Từ ngày: thống kê công khai chỉ công bố theo năm dương lịch (year), không theo khoảng ngày tự chọn',
      },
      {
        field: 'to',
        message: 'Đến ngày: thống kê công khai chỉ công bố theo năm dương lịch (year), không theo khoảng ngày tự chọn',
      },
    ]);
    const english = await request(t.app).get('/api/public/stats?to=2026-10-31&lang=en');
    expect(english.body.error.fields).toEqual([
      {
        field: 'to',
        message: 'To: public statistics are published per calendar year (year) only, not for dates of your choice',
      },
    ]);
    const next = await request(t.app).get('/api/public/stats?year=2027');
    expect(next.status).toBe(400);
    expect(next.body.error.fields).toEqual([
      {
        field: 'year',
        message: 'Năm: chọn một năm từ 2000 đến 2026 (thống kê công khai chỉ có các tháng đã kết thúc)',
      },
    ]);
    for (const year of ['1999', '26', '2026-H1', '0000'])
      expect((await request(t.app).get(`/api/public/stats?year=${year}`)).body.error.fields[0].field).toBe('year');
    expect((await request(t.app).get('/api/public/stats?province=99')).body.error.fields[0].field).toBe('province');
    // A parameter that is not one is named as such.
    expect((await request(t.app).get('/api/public/stats?provinc=04')).body.error.fields).toEqual([
      { field: 'provinc', message: 'provinc: trường không được chấp nhận' },
    ]);
  });

  test('the rounding: nearest multiple of 5, and "<10" for what rounds to 0 or 5', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(publicCount)).toEqual(Array(8).fill('<10'));
    expect([8, 9, 10, 12, 13, 17, 18, 1234].map(publicCount)).toEqual([10, 10, 10, 10, 15, 15, 20, 1235]);
  });
});
