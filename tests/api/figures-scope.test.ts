import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import type { StaffStats, StatsReports } from '../../shared/api/stats';
import { CASE_ACTIONS, type CaseAction } from '../../shared/schemas/cases';
import { queryRows } from '../../server/db/query-rows';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';

/*
 * Issue #18, who sees figures: a unit lead the reports their unit and the units beneath it lead; a
 * commune Steering Committee 389 its commune's reports (tips about officials left out), read-only, never
 * a contact. Now is Monday 23/11/2026 10:00 in Vietnam; the year so far is read from the monthly totals
 * for January–October and from the reports for November, so both paths are checked.
 */

let t: TestApp;
const who: Record<string, StaffSession> = {};
const unit: Record<string, string> = {};

interface Fixture {
  code: string;
  commune: '01477' | '01447' | 'dong-thap';
  lead: 'market-04' | 'market-04-doi-2' | 'police-04' | 'police-04-trung-khanh' | 'market-82';
  received: string;
  accepted?: string;
  resolved?: string;
  status: string;
  next?: string;
  misconduct?: boolean;
}

// Accept due 24 h after receipt, resolve due 20 days after; times in UTC.
const FIXTURE: Fixture[] = [
  // Trùng Khánh, March, a Đội beneath the Chi cục: accepted and resolved in time.
  {
    code: '389-FFFF-FFF1',
    commune: '01477',
    lead: 'market-04-doi-2',
    received: '2026-03-10T02:00:00Z',
    accepted: '2026-03-10T05:00:00Z',
    resolved: '2026-03-20T02:00:00Z',
    status: 'closed',
  },
  // Trùng Khánh, November (read from the reports), the commune police: not accepted, overdue now.
  {
    code: '389-FFFF-FFF2',
    commune: '01477',
    lead: 'police-04-trung-khanh',
    received: '2026-11-20T03:00:00Z',
    status: 'received',
    next: '2026-11-21T03:00:00Z',
  },
  // Trùng Khánh, a tip about officials led by the Chi cục: the commune never sees it; the unit lead does.
  {
    code: '389-FFFF-FFF3',
    commune: '01477',
    lead: 'market-04',
    received: '2026-11-02T03:00:00Z',
    accepted: '2026-11-02T04:00:00Z',
    status: 'accepted',
    next: '2026-11-22T03:00:00Z',
    misconduct: true,
  },
  // Trà Lĩnh, June, the same Đội: accepted in time, still open.
  {
    code: '389-FFFF-FFF4',
    commune: '01447',
    lead: 'market-04-doi-2',
    received: '2026-06-01T03:00:00Z',
    accepted: '2026-06-01T06:00:00Z',
    status: 'verifying',
    next: '2026-12-21T03:00:00Z',
  },
  // Trà Lĩnh, another force's province unit: no one's but the coordinators'.
  {
    code: '389-FFFF-FFF5',
    commune: '01447',
    lead: 'police-04',
    received: '2026-07-01T03:00:00Z',
    accepted: '2026-07-01T04:00:00Z',
    resolved: '2026-07-05T03:00:00Z',
    status: 'resolved',
  },
  // Đồng Tháp.
  {
    code: '389-FFFF-FFF6',
    commune: 'dong-thap',
    lead: 'market-82',
    received: '2026-05-01T03:00:00Z',
    status: 'received',
    next: '2026-05-02T03:00:00Z',
  },
];

const YEAR = 'from=2026-01-01&to=2026-11-23';
const codes = (list: StatsReports) => list.items.map((i) => i.trackingCode).sort();

async function insertFixture() {
  const [dongThap] = await queryRows<{ code: string }>(
    t.deps.db,
    sql`select code from communes where province_code = '82' order by sort_order limit 1`,
  );
  for (const f of FIXTURE) {
    const commune = f.commune === 'dong-thap' ? (dongThap?.code ?? '') : f.commune;
    const province = f.commune === 'dong-thap' ? '82' : '04';
    const received = new Date(f.received);
    const acceptDue = new Date(received.getTime() + 86_400_000).toISOString();
    const resolveDue = new Date(received.getTime() + 20 * 86_400_000).toISOString();
    await t.deps.db.execute(sql`
      with d as (
        insert into routing_decisions (decided_at, category, place_type, commune_code, rule_set_id, rule_set_version, rule_id, rule_key,
          lead_force, lead_unit_id, lead_unit_name, coordinating, explanation_vi, explanation_en)
        select ${f.received}::timestamptz, 'counterfeit', 'market', ${commune}, r.rule_set_id, 'national@1', r.id, 'fixture',
          u.force, u.id, u.name, '[]'::jsonb, '', ''
        from (select id, rule_set_id from routing_rules order by id limit 1) r, units u where u.id = ${unit[f.lead]}::uuid
        returning id
      )
      insert into reports (tracking_code, secret_hash, channel, category, place_type, province_code, commune_code, address, observed_at,
        description, status, routing_decision_id, lead_unit_id, received_at, accept_due_at, resolve_due_at, next_due_at, accepted_at,
        resolved_at, closed_at, misconduct, has_contact, contact_sealed)
      select ${f.code}, 'x', 'web', 'counterfeit', 'market', ${province}, ${commune}, 'fixture', ${f.received}::timestamptz,
        'Báo cáo mẫu cho phạm vi số liệu', ${f.status}, d.id, ${unit[f.lead]}::uuid, ${f.received}::timestamptz, ${acceptDue}::timestamptz,
        ${resolveDue}::timestamptz, ${f.next ?? null}::timestamptz, ${f.accepted ?? null}::timestamptz, ${f.resolved ?? null}::timestamptz,
        ${f.status === 'closed' ? (f.resolved ?? f.received) : null}::timestamptz, ${f.misconduct ?? false}, true, 'sealed-contact-of-the-reporter'
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
const drill = async (as: string, query: string) => {
  const res = await get(as, `/api/staff/stats/reports?${query}`);
  expect(res.status).toBe(200);
  return res.body as StatsReports;
};
const headline = (s: StaffStats) => ({
  received: s.totals.received,
  acceptedInTime: s.totals.acceptedInTime,
  resolvedInTime: s.totals.resolvedInTime,
  overdueNow: s.totals.overdueNow,
});
const unitsOf = (s: StaffStats) => Object.fromEntries(s.byUnit.map((r) => [r.key, r.received]));

let admin: StaffSession;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of await queryRows<{ code: string; id: string }>(
    t.deps.db,
    sql`select code, id::text from units where code in ('market-04', 'market-04-doi-2', 'police-04', 'police-04-trung-khanh', 'market-82')`,
  ))
    unit[u.code] = u.id;
  admin = await staffSession(t.app, 'admin');
  for (const username of ['coordinator', 'lead.market.cao-bang', 'committee.trung-khanh', 'market.cao-bang'])
    who[username] = await staffSession(t.app, username);
  await insertFixture();
});
afterAll(() => t.close());

describe("a unit lead's figures: their unit and the units beneath it", () => {
  test('equal the sum of their units’ reports and leave out other units’', async () => {
    const lead = await dashboard('lead.market.cao-bang', YEAR);
    // F1 (Đội 2, March), F3 (the Chi cục, November), F4 (Đội 2, June); not F2, F5 (police) nor F6 (Đồng Tháp).
    expect(headline(lead)).toEqual({ received: 3, acceptedInTime: 3, resolvedInTime: 1, overdueNow: 1 });
    expect(unitsOf(lead)).toEqual({ [unit['market-04-doi-2'] ?? '']: 2, [unit['market-04'] ?? '']: 1 });
    // The same as the national coordinator's figures of those two units, added up.
    const national = await dashboard('coordinator', YEAR);
    const ofUnits = national.byUnit.filter((r) => r.key === unit['market-04'] || r.key === unit['market-04-doi-2']);
    expect(ofUnits.reduce((n, r) => n + r.received, 0)).toBe(lead.totals.received);
    expect(national.totals.received).toBe(6);
    expect(lead.scope.within).toEqual({
      kind: 'units',
      name: 'Chi cục Quản lý thị trường tỉnh Cao Bằng và các đơn vị trực thuộc',
    });
    expect(codes(await drill('lead.market.cao-bang', `${YEAR}&limit=50`))).toEqual([
      '389-FFFF-FFF1',
      '389-FFFF-FFF3',
      '389-FFFF-FFF4',
    ]);
  });

  test('a unit beneath theirs narrows them; another unit is 404; a province narrows them too', async () => {
    const doi = await dashboard('lead.market.cao-bang', `${YEAR}&unit=${unit['market-04-doi-2']}`);
    expect(doi.totals.received).toBe(2);
    expect((await get('lead.market.cao-bang', `/api/staff/stats?${YEAR}&unit=${unit['police-04']}`)).status).toBe(404);
    expect(
      (await get('lead.market.cao-bang', `/api/staff/stats/reports?${YEAR}&unit=${unit['market-82']}`)).status,
    ).toBe(404);
    expect((await dashboard('lead.market.cao-bang', `${YEAR}&province=82`)).totals.received).toBe(0);
    expect((await dashboard('lead.market.cao-bang', `${YEAR}&province=04`)).totals.received).toBe(3);
    // A dimension of the drill-down outside their units finds nothing of anyone else's.
    const police = await drill('lead.market.cao-bang', `${YEAR}&dimension=unit&key=${unit['police-04']}`);
    expect(police.total).toBe(0);
    // Officers still have no figures.
    expect((await get('market.cao-bang', '/api/staff/stats')).status).toBe(403);
  });

  test('the periodic report of their units, named after the unit, no id in the file', async () => {
    const summary = await get('lead.market.cao-bang', '/api/staff/stats/export?format=csv&period=2026');
    expect(summary.status).toBe(200);
    expect(summary.headers['content-disposition']).toContain('bao-cao-389-2026-don-vi-market-04.csv');
    const list = await get('lead.market.cao-bang', '/api/staff/stats/export?format=csv&period=2026&table=reports');
    const rows = parse(list.text.replace(/^\ufeff/, ''), { from_line: 2 }) as string[][];
    expect(rows.map((r) => r[0]).sort()).toEqual(['389-FFFF-FFF1', '389-FFFF-FFF3', '389-FFFF-FFF4']);
    expect(list.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

describe("a commune Steering Committee 389: its commune's reports, read-only, no contact", () => {
  test('figures of its commune only, tips about officials left out', async () => {
    const committee = await dashboard('committee.trung-khanh', YEAR);
    // F1 (March, from the monthly totals) and F2 (November, from the reports); F3 is misconduct.
    expect(headline(committee)).toEqual({ received: 2, acceptedInTime: 1, resolvedInTime: 1, overdueNow: 1 });
    expect(unitsOf(committee)).toEqual({
      [unit['market-04-doi-2'] ?? '']: 1,
      [unit['police-04-trung-khanh'] ?? '']: 1,
    });
    expect(committee.scope.within).toEqual({ kind: 'commune', name: 'Xã Trùng Khánh, Tỉnh Cao Bằng' });
    expect(committee.scope.province?.code).toBe('04');
    expect(committee.byCategory.find((r) => r.key === 'counterfeit')?.received).toBe(2);
    expect(committee.totals.medianAcceptHours).toBe(3);
    expect(committee.overTime.filter((r) => r.received > 0).map((r) => r.key)).toEqual(['2026-03-01', '2026-11-01']);
  });

  test('its list: code, category, place, received, status, lead unit; no contact field anywhere', async () => {
    const list = await get('committee.trung-khanh', `/api/staff/stats/reports?${YEAR}`);
    expect(list.status).toBe(200);
    expect(codes(list.body)).toEqual(['389-FFFF-FFF1', '389-FFFF-FFF2']);
    expect(list.body.total).toBe(2);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(
      [
        'acceptDueAt',
        'acceptedAt',
        'category',
        'channel',
        'communeName',
        'force',
        'leadUnitName',
        'nextDueAt',
        'placeType',
        'provinceName',
        'receivedAt',
        'resolveDueAt',
        'resolvedAt',
        'status',
        'trackingCode',
      ].sort(),
    );
    expect(list.text).not.toMatch(/contact|sealed|secret/i);
    const overdue = await drill('committee.trung-khanh', `${YEAR}&measure=overdueNow`);
    expect(codes(overdue)).toEqual(['389-FFFF-FFF2']);
    // A whole year through the running totals' path, and the lead unit asked for, stay in the commune.
    expect((await drill('committee.trung-khanh', 'from=2026-01-01&to=2026-10-31')).total).toBe(1);
    expect((await drill('committee.trung-khanh', `${YEAR}&unit=${unit['police-04']}`)).total).toBe(0);
  });

  test('another province is 404; its own province is the commune', async () => {
    expect((await get('committee.trung-khanh', `/api/staff/stats?${YEAR}&province=82`)).status).toBe(404);
    expect((await dashboard('committee.trung-khanh', `${YEAR}&province=04`)).totals.received).toBe(2);
  });

  test('its periodic report: the commune, without the misconduct tip, named xa-01477', async () => {
    const summary = await get('committee.trung-khanh', '/api/staff/stats/export?format=csv&period=2026');
    expect(summary.status).toBe(200);
    expect(summary.headers['content-disposition']).toContain('bao-cao-389-2026-xa-01477.csv');
    const list = await get('committee.trung-khanh', '/api/staff/stats/export?format=csv&period=2026&table=reports');
    const rows = parse(list.text.replace(/^\ufeff/, ''), { from_line: 2 }) as string[][];
    expect(rows.map((r) => r[0]).sort()).toEqual(['389-FFFF-FFF1', '389-FFFF-FFF2']);
    const xlsx = await get('committee.trung-khanh', '/api/staff/stats/export?format=xlsx&period=2026-H2');
    expect(xlsx.status).toBe(200);
    const [audit] = await queryRows<{ subject: string }>(
      t.deps.db,
      sql`select subject from audit_log where action = 'stats_exported' order by id desc limit 1`,
    );
    expect(audit?.subject).toBe('stats:2026-H2:xa-01477');
  });

  test('every write refused: no case action, no case page, no queue, no intake', async () => {
    const s = who['committee.trung-khanh'];
    const post = (path: string, body: object) =>
      request(t.app)
        .post(path)
        .set('Cookie', s?.cookie ?? '')
        .set('X-CSRF-Token', s?.csrf ?? '')
        .send(body);
    const [before] = await queryRows<{ version: number; events: number }>(
      t.deps.db,
      sql`select version, (select count(*)::int from report_events e where e.report_id = r.id) as events from reports r where tracking_code = '389-FFFF-FFF2'`,
    );
    // Bodies each action accepts, so that what refuses is who asks (tests/api/staff-access.test.ts has them all).
    const bodies: Partial<Record<CaseAction, object>> = {
      suspend: { reason: 'Chờ kết quả giám định' },
      ask: { question: 'Cửa hàng mở cửa lúc mấy giờ?' },
      resolve: { outcome: 'violation_handled', publicOutcome: 'Đã kiểm tra và xử lý vi phạm.' },
      extend: { until: '2027-01-30T00:00:00+07:00', reason: 'Chờ giám định hàng hóa' },
      merge: { into: '389-FFFF-FFF1' },
      'reveal-contact': { reason: 'Cần hỏi thêm người báo' },
      notes: { text: 'Ghi chú nội bộ', shared: false },
      coordinate: { unitId: unit['police-04'], reason: 'Cần lực lượng phối hợp' },
      assign: { officerId: null },
      transfer: { step: 'request', unitId: unit['police-04'], reason: 'Không thuộc thẩm quyền' },
      'move-lead': { unitId: unit['police-04'], reason: 'Quá hạn thụ lý, chuyển đơn vị khác' },
      remind: { text: 'Đề nghị thụ lý ngay' },
      'continue-without-answer': { reason: 'Người báo không trả lời' },
      // Issue #18: the crime track, results as data, the second coordinator's approval.
      'flag-crime': { reason: 'Số lượng hàng lớn, có dấu hiệu tội phạm' },
      'hand-off': { unitId: unit['police-04'] },
      'investigation-extend': { reason: 'Vụ việc phức tạp, cần giám định' },
      'prosecution-decision': { decision: 'prosecuted', decisionNo: '15/QĐ-CSĐT', decisionDate: '2026-11-20' },
      'record-violation': { recordNo: '12/BB-VPHC', recordDate: '2026-11-20', clock: 'standard' },
      classify: { goodsType: 'food' },
    };
    for (const action of CASE_ACTIONS) {
      const res = await post(`/api/staff/cases/389-FFFF-FFF2/${action}`, {
        ...bodies[action],
        version: before?.version ?? 1,
      });
      expect({ action, refused: res.status === 403 || res.status === 404 }).toEqual({ action, refused: true });
    }
    const [after] = await queryRows<{ version: number; events: number }>(
      t.deps.db,
      sql`select version, (select count(*)::int from report_events e where e.report_id = r.id) as events from reports r where tracking_code = '389-FFFF-FFF2'`,
    );
    expect(after).toEqual(before);
    expect((await get('committee.trung-khanh', '/api/staff/cases/389-FFFF-FFF2')).status).toBe(404);
    expect((await get('committee.trung-khanh', '/api/staff/cases')).status).toBe(403);
    expect((await post('/api/staff/intake/reports', {})).status).toBe(403);
    expect((await post('/api/staff/duplicates', { communeCode: '01477', category: 'counterfeit' })).status).toBe(403);
  });
});

describe('commune committee accounts (admins)', () => {
  const create = (body: object) =>
    request(t.app).post('/api/staff/accounts').set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).send(body);

  test('need a commune and nothing else; the commune must exist', async () => {
    const missing = await create({ username: 'committee.x', displayName: 'BCĐ 389 xã', role: 'commune_committee' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([
      { field: 'scopeCommuneCode', message: expect.stringContaining('phải gắn với một xã') },
    ]);
    const unknown = await create({
      username: 'committee.x',
      displayName: 'BCĐ 389 xã',
      role: 'commune_committee',
      scopeCommuneCode: '99999',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].field).toBe('scopeCommuneCode');
    const officer = await create({
      username: 'officer.x',
      displayName: 'Cán bộ',
      role: 'officer',
      unitId: unit['police-04'],
      scopeCommuneCode: '01477',
    });
    expect(officer.status).toBe(400);
    expect(officer.body.error.fields[0].field).toBe('scopeCommuneCode');
    const withUnit = await create({
      username: 'committee.x',
      displayName: 'BCĐ 389 xã',
      role: 'commune_committee',
      scopeCommuneCode: '01447',
      unitId: unit['police-04'],
    });
    expect(withUnit.status).toBe(400);
    expect(withUnit.body.error.fields[0].field).toBe('unitId');

    const made = await create({
      username: 'committee.tra-linh',
      displayName: 'Ban Chỉ đạo 389 xã Trà Lĩnh',
      role: 'commune_committee',
      scopeCommuneCode: '01447',
    });
    expect(made.status).toBe(201);
    expect(made.body.account.scopeCommune).toEqual({ code: '01447', name: 'Xã Trà Lĩnh', provinceCode: '04' });
    const session = await staffSession(t.app, 'committee.tra-linh', made.body.password);
    const me = await request(t.app).get('/api/staff/session').set('Cookie', session.cookie);
    expect(me.body.user).toMatchObject({ role: 'commune_committee', scopeCommuneCode: '01447', unit: null });
    who['committee.tra-linh'] = session;
    // Trà Lĩnh: F4 and F5.
    expect(codes(await drill('committee.tra-linh', YEAR))).toEqual(['389-FFFF-FFF4', '389-FFFF-FFF5']);

    // Another role drops the commune.
    const changed = await request(t.app)
      .patch(`/api/staff/accounts/${made.body.account.id}`)
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrf)
      .send({ role: 'operator' });
    expect(changed.status).toBe(200);
    expect(changed.body.scopeCommune).toBeNull();
  });
});
