import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { caseCalls, MARKET_REPORT } from '../helpers/case-calls';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

/*
 * Issue #18: closing a unit hands its open reports to the unit the routing now picks (or one the admin names),
 * each a `transferred` event with the reason; merging does the same into the other unit, which takes its areas
 * and staff. Cao Bằng's market teams: số 2 covers Trà Lĩnh (01447) and Trùng Khánh (01477), số 3 Phục Hòa (01648).
 */
let t: TestApp;
const who: Record<string, StaffSession> = {};
const calls = caseCalls(
  () => t,
  who,
  () => FIXED_NOW.getTime(),
  { ...MARKET_REPORT, description: 'Bán nước hoa giả nhãn hiệu Chanel ở chợ, giá rất rẻ, không có hóa đơn.' },
);
const unit: Record<string, string> = {};

const admin = () => ({
  post: (url: string, body: object) =>
    request(t.app)
      .post(url)
      .set('Cookie', who.admin?.cookie ?? '')
      .set('X-CSRF-Token', who.admin?.csrf ?? '')
      .send(body),
});
const fields = (res: request.Response) => res.body.error.fields.map((f: { field: string }) => f.field);
const eventsOf = (code: string) =>
  queryRows<{ id: number; type: string; body: string | null; data: Record<string, unknown>; at: Date }>(
    t.deps.db,
    sql`select e.id, e.type, e.body, e.data, e.at from report_events e join reports r on r.id = e.report_id
        where r.tracking_code = ${code} order by e.id`,
  );
const reportRow = async (code: string) =>
  (
    await queryRows<{ lead_unit_id: string; routing_decision_id: string; transfer_to_unit_id: string | null }>(
      t.deps.db,
      sql`select lead_unit_id, routing_decision_id, transfer_to_unit_id from reports where tracking_code = ${code}`,
    )
  )[0];

beforeAll(async () => {
  t = await createTestApp();
  who.admin = await staffSession(t.app, 'admin');
  who.coordinator = await staffSession(t.app, 'coordinator');
  who.market = await staffSession(t.app, 'market.cao-bang');
  for (const row of await queryRows<{ id: string; code: string }>(t.deps.db, sql`select id, code from units`))
    unit[row.code] = row.id;
  for (const team of ['1', '2', '3']) {
    const made = await admin().post('/api/staff/accounts', {
      username: `doi${team}`,
      displayName: `Cán bộ Đội QLTT số ${team}`,
      role: 'officer',
      unitId: unit[`market-04-doi-${team}`],
    });
    expect(made.status).toBe(201);
    who[`doi${team}`] = await staffSession(t.app, `doi${team}`, made.body.password);
  }
});
afterAll(() => t.close());

describe('closing a unit hands its open reports over', () => {
  let a: string;
  let b: string;
  let c: string;

  beforeAll(async () => {
    a = (await calls.file()).trackingCode;
    b = (await calls.file({ communeCode: '01477', address: 'Chợ Trùng Khánh' })).trackingCode;
    c = (await calls.file({ communeCode: '01648', address: 'Chợ Phục Hòa' })).trackingCode;
    expect((await reportRow(a))?.lead_unit_id).toBe(unit['market-04-doi-2']);
    expect((await reportRow(c))?.lead_unit_id).toBe(unit['market-04-doi-3']);
    // Team 3 asks team 2 to take report C: the transfer waits for team 2.
    const asked = await calls.act('doi3', c, 'transfer', {
      version: 1,
      step: 'request',
      unitId: unit['market-04-doi-2'],
      reason: 'Điểm bán thuộc địa bàn đội số 2',
    });
    expect(asked.status).toBe(200);
  });

  it('refuses a receiving unit that is the unit itself or does not exist, writing nothing', async () => {
    const id = unit['market-04-doi-2'];
    const self = await admin().post(`/api/staff/units/${id}/close`, { handTo: id });
    expect([self.status, fields(self)]).toEqual([400, ['handTo']]);
    expect(self.body.error.fields[0].message).toBe('Đơn vị nhận tin báo: phải là một đơn vị khác');
    const unknown = await admin().post(`/api/staff/units/${id}/close`, {
      handTo: '00000000-0000-4000-8000-000000000000',
    });
    expect([unknown.status, fields(unknown)]).toEqual([400, ['handTo']]);
    expect((await reportRow(a))?.lead_unit_id).toBe(id);
  });

  it('hands each open report to the unit the routing now picks, with a transferred event; cancels transfers waiting for it; keeps the old history', async () => {
    const before = { a: await eventsOf(a), decision: (await reportRow(a))?.routing_decision_id };
    const res = await admin().post(`/api/staff/units/${unit['market-04-doi-2']}/close`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'market-04-doi-2', handedOver: 2, transfersCancelled: 1, areas: [] });
    expect(res.body.validTo).not.toBeNull();

    // Trà Lĩnh and Trùng Khánh have no team now: the province unit leads.
    for (const code of [a, b]) expect((await reportRow(code))?.lead_unit_id).toBe(unit['market-04']);
    const after = await eventsOf(a);
    expect(after.slice(0, before.a.length)).toEqual(before.a);
    const [handed, ...rest] = after.slice(before.a.length);
    expect(rest).toEqual([]);
    expect(handed).toMatchObject({
      type: 'transferred',
      body: 'Đơn vị Đội Quản lý thị trường số 2 giải thể: tin báo chuyển cho đơn vị tiếp nhận',
      data: {
        fromUnitId: unit['market-04-doi-2'],
        toUnitId: unit['market-04'],
        unitClosed: true,
        routingDecisionId: expect.any(String),
      },
    });
    // The report's own routing decision (why it went to team 2 then) is the one it had.
    expect((await reportRow(a))?.routing_decision_id).toBe(before.decision);
    expect(handed?.data.routingDecisionId).not.toBe(before.decision);

    // The transfer to team 2 is cancelled: team 3 still leads report C.
    expect(await reportRow(c)).toMatchObject({ lead_unit_id: unit['market-04-doi-3'], transfer_to_unit_id: null });
    expect((await eventsOf(c)).at(-1)).toMatchObject({ type: 'transfer_cancelled', data: { unitClosed: true } });

    // The receiving unit sees and handles them; the timeline tells why.
    const seen = await calls.view('market', a);
    expect(seen.status).toBe(200);
    expect(seen.body.lead.unitName).not.toBe('Đội Quản lý thị trường số 2');
    const accepted = await calls.act('market', a, 'accept', { version: seen.body.version });
    expect(accepted.status).toBe(200);

    const again = await admin().post(`/api/staff/units/${unit['market-04-doi-2']}/close`, {});
    expect(again.status).toBe(409);
  });

  it('hands everything to the unit the admin names (handTo)', async () => {
    const made = await admin().post('/api/staff/units', {
      unitCode: 'market-04-doi-9',
      force: 'market',
      provinceCode: '04',
      level: 'local',
      name: 'Đội Quản lý thị trường số 9',
      areas: [{ provinceCode: '04', communeCode: '01477' }],
    });
    expect(made.status).toBe(201);
    const d = (await calls.file({ communeCode: '01477', address: 'Chợ Trùng Khánh, dãy B' })).trackingCode;
    expect((await reportRow(d))?.lead_unit_id).toBe(made.body.id);
    const res = await admin().post(`/api/staff/units/${made.body.id}/close`, { handTo: unit['market-04-doi-1'] });
    expect(res.body).toMatchObject({ handedOver: 1, transfersCancelled: 0 });
    expect((await reportRow(d))?.lead_unit_id).toBe(unit['market-04-doi-1']);
    expect((await calls.view('doi1', d)).status).toBe(200);
    expect((await eventsOf(d)).at(-1)).toMatchObject({
      type: 'transferred',
      data: { toUnitId: unit['market-04-doi-1'] },
    });
  });
});

describe('a tip about officials in a closing unit (issue #18, misconduct)', () => {
  it('goes back to the standing office of its province, whatever the admin names', async () => {
    const made = await admin().post('/api/staff/units', {
      unitCode: 'market-04-doi-8',
      force: 'market',
      provinceCode: '04',
      level: 'local',
      name: 'Đội Quản lý thị trường số 8',
      // A commune no market team covers yet.
      areas: [{ provinceCode: '04', communeCode: '01290' }],
    });
    expect(made.status).toBe(201);
    const tip = (
      await calls.file({
        description: 'Cán bộ trạm kiểm soát nhận tiền để cho xe chở hàng lậu đi qua vào ban đêm, nhiều lần.',
        misconduct: true,
        implicatedForce: 'police',
      })
    ).trackingCode;
    const office = unit['standing-office-04'];
    expect((await reportRow(tip))?.lead_unit_id).toBe(office);
    // A coordinator gives it to team 8 to verify, then team 8 is closed into team 1.
    const moved = await calls.act('coordinator', tip, 'move-lead', {
      version: 1,
      unitId: made.body.id,
      reason: 'Đội số 8 xác minh tại địa bàn',
    });
    expect(moved.status).toBe(200);
    const res = await admin().post(`/api/staff/units/${made.body.id}/close`, { handTo: unit['market-04-doi-1'] });
    expect(res.status).toBe(200);
    expect((await reportRow(tip))?.lead_unit_id).toBe(office);
    expect((await calls.view('doi1', tip)).status).toBe(404);
    expect((await eventsOf(tip)).at(-1)).toMatchObject({ type: 'transferred', data: { toUnitId: office } });
  });
});

describe('merging a unit into another', () => {
  it('refuses a unit of another force', async () => {
    const res = await admin().post(`/api/staff/units/${unit['market-04-doi-3']}/merge`, {
      intoUnitId: unit['police-04-tra-linh'],
    });
    expect([res.status, fields(res)]).toEqual([400, ['intoUnitId']]);
  });

  it('gives the other unit its areas (old rows closed), its open reports and its staff', async () => {
    const e = (await calls.file({ communeCode: '01648', address: 'Chợ Phục Hòa, ki-ốt 3' })).trackingCode;
    const into = unit['market-04-doi-1'] ?? '';
    const res = await admin().post(`/api/staff/units/${unit['market-04-doi-3']}/merge`, { intoUnitId: into });
    expect(res.status).toBe(200);
    // E and C (team 3's since its transfer was cancelled).
    expect(res.body).toMatchObject({ code: 'market-04-doi-3', handedOver: 2, transfersCancelled: 0, areas: [] });
    expect((await reportRow(e))?.lead_unit_id).toBe(into);
    expect((await eventsOf(e)).at(-1)).toMatchObject({
      type: 'transferred',
      body: 'Đơn vị Đội Quản lý thị trường số 3 sáp nhập vào Đội Quản lý thị trường số 1: tin báo chuyển cho Đội Quản lý thị trường số 1',
    });
    const staffUnit = await queryRows<{ unit_id: string }>(
      t.deps.db,
      sql`select unit_id from staff_accounts where username = 'doi3'`,
    );
    expect(staffUnit[0]?.unit_id).toBe(into);
    // Team 1 now covers Phục Hòa: its rows opened at the merge, team 3's closed then.
    const rows = await queryRows<{ code: string; open: boolean }>(
      t.deps.db,
      sql`select u.code, j.valid_to is null as open from unit_jurisdictions j join units u on u.id = j.unit_id
          where j.commune_code = '01648' and u.force = 'market' order by j.valid_from, u.code`,
    );
    expect(rows).toEqual([
      { code: 'market-04-doi-3', open: false },
      { code: 'market-04-doi-1', open: true },
    ]);
    const preview = await request(t.app)
      .post('/api/public/routing/preview')
      .send({ category: 'counterfeit', placeType: 'market', communeCode: '01648' });
    expect(preview.body.lead.unitName).toBe('Đội Quản lý thị trường số 1');
    expect((await calls.view('doi1', e)).status).toBe(200);
    const audit = await queryRows<{ data: Record<string, unknown> }>(
      t.deps.db,
      sql`select data from audit_log where action = 'unit_merged'`,
    );
    expect(audit).toEqual([
      { data: expect.objectContaining({ into: 'market-04-doi-1', staffMoved: 1, handedOver: 2 }) },
    ]);
  });

  it('merges a commune team into its province department: the department covers the province and the communes', async () => {
    const f = (await calls.file({ communeCode: '01273', address: 'Chợ Xanh, phường Thục Phán' })).trackingCode;
    expect((await reportRow(f))?.lead_unit_id).toBe(unit['market-04-doi-1']);
    const res = await admin().post(`/api/staff/units/${unit['market-04-doi-1']}/merge`, {
      intoUnitId: unit['market-04'],
    });
    expect(res.status).toBe(200);
    expect((await reportRow(f))?.lead_unit_id).toBe(unit['market-04']);
    const preview = await request(t.app)
      .post('/api/public/routing/preview')
      .send({ category: 'counterfeit', placeType: 'market', communeCode: '01273' });
    expect(preview.body.lead.unitName).toBe('Chi cục Quản lý thị trường tỉnh Cao Bằng');
    const moved = await queryRows<{ username: string }>(
      t.deps.db,
      sql`select username from staff_accounts where unit_id = ${unit['market-04']} and username like 'doi%' order by username`,
    );
    expect(moved.map((m) => m.username)).toEqual(['doi1', 'doi3']);
  });
});

describe('after review: merging keeps every report and unit within someone’s reach', () => {
  it('hands over resolved (not yet archived) reports too, and puts the units beneath under the unit merged into', async () => {
    const make = async (code: string, name: string, commune: string, parentId: string | null = null) => {
      const made = await admin().post('/api/staff/units', {
        unitCode: code,
        force: 'market',
        provinceCode: '04',
        level: 'local',
        name,
        parentId,
        areas: [{ provinceCode: '04', communeCode: commune }],
      });
      expect(made.status).toBe(201);
      return made.body.id as string;
    };
    const p = await make('market-04-doi-p', 'Đội Quản lý thị trường số 11', '01294');
    const child = await make('market-04-doi-c', 'Tổ công tác số 1 thuộc Đội số 11', '01297', p);
    const q = await make('market-04-doi-q', 'Đội Quản lý thị trường số 12', '01290');
    const r = (await calls.file({ communeCode: '01294', address: 'Chợ xã, dãy A' })).trackingCode;
    expect((await reportRow(r))?.lead_unit_id).toBe(p);
    // Resolved by an officer of P (an account made for it), not archived.
    const officer = await admin().post('/api/staff/accounts', {
      username: 'doip',
      displayName: 'Cán bộ Đội số 11',
      role: 'officer',
      unitId: p,
    });
    who.doip = await staffSession(t.app, 'doip', officer.body.password);
    expect((await calls.act('doip', r, 'accept', { version: 1 })).status).toBe(200);
    const resolved = await calls.act('doip', r, 'resolve', {
      version: 2,
      outcome: 'unfounded',
      publicOutcome: 'Đã kiểm tra, không phát hiện vi phạm.',
    });
    expect(resolved.status).toBe(200);

    const merged = await admin().post(`/api/staff/units/${p}/merge`, { intoUnitId: q });
    expect(merged.status).toBe(200);
    expect((await reportRow(r))?.lead_unit_id).toBe(q);
    // The officer moved with the staff: still reaches the report and may archive it.
    const version = (await calls.view('doip', r)).body.version as number;
    expect((await calls.act('doip', r, 'close', { version })).status).toBe(200);
    const [row] = await queryRows<{ parent: string }>(
      t.deps.db,
      sql`select parent_id::text as parent from units where id = ${child}::uuid`,
    );
    expect(row?.parent).toBe(q);
  });
});
