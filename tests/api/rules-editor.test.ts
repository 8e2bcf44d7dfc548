import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

const HOUR = 3_600_000;
const TRA_LINH = '01447';
let now = FIXED_NOW.getTime();
let t: TestApp;
const who: Record<string, StaffSession> = {};

const REPORT = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: TRA_LINH,
  address: 'Chợ Trà Lĩnh, ki-ốt 12',
  description: 'Bán nước hoa giả nhãn hiệu Chanel ở chợ, giá rất rẻ, không có hóa đơn.',
};
const at = (hours: number) => new Date(now + hours * HOUR).toISOString();

/** A request as a demo account: its cookie and CSRF token. */
function as(username: string) {
  const session = who[username];
  const sign = (req: request.Test) =>
    session ? req.set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf) : req;
  return {
    get: (url: string) => sign(request(t.app).get(url)),
    post: (url: string, body: object = {}) => sign(request(t.app).post(url)).send(body),
    put: (url: string, body: object) => sign(request(t.app).put(url)).send(body),
    patch: (url: string, body: object) => sign(request(t.app).patch(url)).send(body),
    delete: (url: string) => sign(request(t.app).delete(url)),
  };
}

async function file(extra: object = {}) {
  const res = await request(t.app)
    .post('/api/public/reports')
    .send({ ...REPORT, observedAt: at(-1), ...extra });
  expect(res.status).toBe(201);
  return res.body as { trackingCode: string };
}
const caseOf = async (code: string) => (await as('coordinator').get(`/api/staff/cases/${code}`)).body;
const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.deps.db, query))[0]?.n;
const auditOf = (action: string) =>
  queryRows<{ subject: string; data: Record<string, unknown>; actor: string }>(
    t.deps.db,
    sql`select a.subject, a.data, s.username as actor from audit_log a join staff_accounts s on s.id = a.actor_id where a.action = ${action} order by a.id`,
  );

beforeAll(async () => {
  // The clock moves by hours here; sessions must outlive it.
  t = await createTestApp({ clock: { now: () => new Date(now) }, env: { STAFF_SESSION_IDLE_MINUTES: '100000' } });
  for (const username of ['coordinator', 'coordinator.cao-bang', 'admin', 'market.cao-bang'])
    who[username] = await staffSession(t.app, username);
});
afterAll(() => t.close());

/** A draft of Cao Bằng's rules, created afresh. */
async function caoBangDraft(rules: object[]) {
  const made = await as('coordinator.cao-bang').post('/api/staff/routing/rule-sets', {
    province: '04',
    note: 'Hàng giả ở chợ Trà Lĩnh: công an chủ trì',
  });
  expect(made.status).toBe(201);
  const id = made.body.id as number;
  const replaced = await as('coordinator.cao-bang').put(`/api/staff/routing/rule-sets/${id}`, { rules });
  expect(replaced.status).toBe(200);
  return id;
}

describe('the rules editor', () => {
  it('shows the national history with the version in effect', async () => {
    const res = await as('coordinator').get('/api/staff/routing/rule-sets?province=national');
    expect(res.status).toBe(200);
    expect(res.body.ruleSets).toEqual([
      expect.objectContaining({
        label: 'national@1',
        status: 'published',
        inEffect: true,
        ruleCount: 16,
        effectiveTo: null,
      }),
    ]);
    const detail = await as('coordinator.cao-bang').get(`/api/staff/routing/rule-sets/${res.body.ruleSets[0].id}`);
    expect(detail.body.rules).toContainEqual({
      key: 'national/border_gate/*',
      placeType: 'border_gate',
      category: '*',
      lead: 'customs',
      coordinating: ['border', 'police'],
    });
  });

  it('refuses a draft with an overlap at publish, naming commune, category and place type, and writes nothing', async () => {
    const id = await caoBangDraft([
      { placeType: 'market', category: '*', lead: 'police', coordinating: ['market'] },
      { placeType: '*', category: 'counterfeit', lead: 'market', coordinating: [] },
    ]);
    const validated = await as('coordinator.cao-bang').post(`/api/staff/routing/rule-sets/${id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({
      ok: false,
      gapCells: 0,
      problemCount: 1,
      provinces: [expect.objectContaining({ code: '04', name: 'Tỉnh Cao Bằng' })],
    });
    expect(validated.body.problems[0]).toMatchObject({
      kind: 'rule_overlap',
      rules: ['province-04/*/counterfeit', 'province-04/market/*'],
      leads: ['market', 'police'],
      examples: expect.arrayContaining([
        expect.objectContaining({
          provinceCode: '04',
          category: 'counterfeit',
          placeType: 'market',
          communeName: expect.any(String),
          communeCode: expect.stringMatching(/^\d{5}$/),
        }),
      ]),
    });
    const publishedBefore = await count(
      sql`select count(*)::int as n from routing_rule_sets where status = 'published'`,
    );
    const refused = await as('coordinator.cao-bang').post(`/api/staff/routing/rule-sets/${id}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'routing.invalid',
      details: { ok: false, problems: [expect.objectContaining({ kind: 'rule_overlap' })] },
    });
    expect(refused.body.error.message).toMatch(/chồng chéo/);
    expect(await count(sql`select count(*)::int as n from routing_rule_sets where status = 'published'`)).toBe(
      publishedBefore,
    );
    expect((await as('coordinator.cao-bang').get(`/api/staff/routing/rule-sets/${id}`)).body.status).toBe('draft');
    expect(await auditOf('rule_set_published')).toEqual([]);

    expect((await as('coordinator.cao-bang').post('/api/staff/routing/rule-sets', { province: '04' })).status).toBe(
      409,
    );
    expect((await as('coordinator.cao-bang').delete(`/api/staff/routing/rule-sets/${id}`)).status).toBe(204);
    expect((await as('coordinator.cao-bang').get(`/api/staff/routing/rule-sets/${id}`)).status).toBe(404);
  });

  it('refuses a national draft with a gap, naming where, and leaves national@1 in effect', async () => {
    const made = await as('coordinator').post('/api/staff/routing/rule-sets', { province: 'national' });
    expect(made.body).toMatchObject({ status: 'draft', label: 'national@2', ruleCount: 16 });
    const rules = (made.body.rules as { key: string }[])
      .filter((r) => r.key !== 'national/transport_route/*')
      .map(({ key: _key, ...rule }) => rule);
    expect((await as('coordinator').put(`/api/staff/routing/rule-sets/${made.body.id}`, { rules })).status).toBe(200);
    const refused = await as('coordinator').post(`/api/staff/routing/rule-sets/${made.body.id}/publish`, {
      effectiveFrom: at(1),
    });
    expect(refused.status).toBe(422);
    const report = refused.body.error.details;
    expect(report.gapCells).toBe(3321 * 6);
    expect(report.problems[0]).toMatchObject({
      kind: 'no_rule',
      examples: [
        expect.objectContaining({ placeType: 'transport_route', category: 'counterfeit' }),
        ...Array(4).fill(expect.anything()),
      ],
    });
    expect(report.problems.length).toBeLessThanOrEqual(20);
    expect(report.problemCount).toBe(34);
    const history = (await as('coordinator').get('/api/staff/routing/rule-sets?province=national')).body.ruleSets;
    expect(
      history.map((s: { label: string; status: string; inEffect: boolean }) => [s.label, s.status, s.inEffect]),
    ).toEqual([
      ['national@2', 'draft', false],
      ['national@1', 'published', true],
    ]);
    expect((await as('coordinator').delete(`/api/staff/routing/rule-sets/${made.body.id}`)).status).toBe(204);
    expect((await as('coordinator').delete(`/api/staff/routing/rule-sets/${history[1].id}`)).status).toBe(409);
  });

  it('names a commune rule outside the province and a past effective time', async () => {
    const id = await caoBangDraft([]);
    const outside = await as('coordinator.cao-bang').put(`/api/staff/routing/rule-sets/${id}`, {
      rules: [{ placeType: 'market', category: '*', lead: 'police', communeCode: '28249' }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toEqual([
      { field: 'rules.0.communeCode', message: 'Quy tắc: xã này không thuộc tỉnh của bộ quy tắc' },
    ]);
    const late = await as('coordinator.cao-bang').post(`/api/staff/routing/rule-sets/${id}/publish?lang=en`, {
      effectiveFrom: at(-1),
    });
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({
      code: 'routing.past_effective_time',
      message: expect.stringMatching(/past/),
    });
    const badTime = await as('coordinator.cao-bang').post(`/api/staff/routing/rule-sets/${id}/publish`, {
      effectiveFrom: 'tomorrow',
    });
    expect(badTime.body.error.fields).toEqual([expect.objectContaining({ field: 'effectiveFrom' })]);
    expect((await as('coordinator.cao-bang').delete(`/api/staff/routing/rule-sets/${id}`)).status).toBe(204);
  });

  it('publishes with an effective time: new reports follow the new version, old ones keep theirs', async () => {
    const before = await file();
    expect((await caseOf(before.trackingCode)).lead.unitName).toBe('Đội Quản lý thị trường số 2');

    const id = await caoBangDraft([
      { placeType: 'market', category: 'counterfeit', lead: 'police', coordinating: ['market'], communeCode: TRA_LINH },
    ]);
    expect((await as('coordinator.cao-bang').post(`/api/staff/routing/rule-sets/${id}/validate`)).body).toMatchObject({
      ok: true,
      problems: [],
    });
    const published = await as('coordinator.cao-bang').post(`/api/staff/routing/rule-sets/${id}/publish`, {
      effectiveFrom: at(1),
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      status: 'published',
      label: 'province-04@1',
      effectiveFrom: at(1),
      publishedBy: 'Cơ quan Thường trực BCĐ 389 tỉnh Cao Bằng',
      inEffect: false,
      rules: [{ key: `commune-${TRA_LINH}/market/counterfeit`, communeName: 'Xã Trà Lĩnh', lead: 'police' }],
    });
    expect(await auditOf('rule_set_published')).toEqual([
      expect.objectContaining({ subject: `rule_set:${id}`, actor: 'coordinator.cao-bang' }),
    ]);
    expect((await as('coordinator.cao-bang').put(`/api/staff/routing/rule-sets/${id}`, { rules: [] })).status).toBe(
      409,
    );

    now += 2 * HOUR;
    const after = await file();
    expect((await caseOf(after.trackingCode)).lead.unitName).toBe('Công an xã Trà Lĩnh');
    expect((await caseOf(after.trackingCode)).routing).toMatchObject({
      ruleSetVersion: 'province-04@1',
      ruleKey: `commune-${TRA_LINH}/market/counterfeit`,
    });
    expect((await caseOf(before.trackingCode)).lead.unitName).toBe('Đội Quản lý thị trường số 2');
    expect((await caseOf(before.trackingCode)).routing.ruleSetVersion).toBe('national@1');
    const history = (await as('coordinator.cao-bang').get('/api/staff/routing/rule-sets?province=04')).body.ruleSets;
    expect(history).toEqual([expect.objectContaining({ label: 'province-04@1', inEffect: true })]);
  });

  it('keeps a province coordinator to their province (404) and other roles out (403); admins read', async () => {
    const hanoi = (await as('coordinator').get('/api/staff/routing/rule-sets?province=01')).body.ruleSets[0];
    expect(hanoi).toMatchObject({ label: 'province-01@1' });
    const caoBang = as('coordinator.cao-bang');
    expect((await caoBang.get('/api/staff/routing/rule-sets?province=01')).status).toBe(404);
    expect((await caoBang.get(`/api/staff/routing/rule-sets/${hanoi.id}`)).status).toBe(404);
    expect((await caoBang.post(`/api/staff/routing/rule-sets/${hanoi.id}/validate`)).status).toBe(404);
    expect((await caoBang.post('/api/staff/routing/rule-sets', { province: '82' })).status).toBe(404);
    expect((await caoBang.post('/api/staff/routing/rule-sets', { province: 'national' })).status).toBe(403);
    expect((await as('market.cao-bang').get('/api/staff/routing/rule-sets?province=04')).status).toBe(403);
    expect((await as('admin').get('/api/staff/routing/rule-sets?province=01')).status).toBe(200);
    expect((await as('admin').post('/api/staff/routing/rule-sets', { province: '01' })).status).toBe(403);
    expect((await as('coordinator').get('/api/staff/routing/rule-sets?province=99')).status).toBe(404);
  });
});

describe('commune flags', () => {
  it('lets the Cao Bằng coordinator flag Trà Lĩnh remote: the next report gets 48 hours to accept; audited', async () => {
    const first = await caseOf((await file()).trackingCode);
    expect(Date.parse(first.deadlines.acceptDueAt) - Date.parse(first.receivedAt)).toBe(24 * HOUR);
    const res = await as('coordinator.cao-bang').patch(`/api/staff/communes/${TRA_LINH}/flags`, {
      remoteOrIsland: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: TRA_LINH, name: 'Xã Trà Lĩnh', remoteOrIsland: true, landBorder: true });
    const next = await caseOf((await file()).trackingCode);
    expect(Date.parse(next.deadlines.acceptDueAt) - Date.parse(next.receivedAt)).toBe(48 * HOUR);
    expect(Date.parse(first.deadlines.acceptDueAt) - Date.parse(first.receivedAt)).toBe(24 * HOUR);
    expect(await auditOf('commune_flags_changed')).toEqual([
      expect.objectContaining({
        subject: `commune:${TRA_LINH}`,
        actor: 'coordinator.cao-bang',
        data: {
          from: { landBorder: true, coastal: false, remoteOrIsland: false },
          to: { landBorder: true, coastal: false, remoteOrIsland: true },
        },
      }),
    ]);
  });

  it('makes a border-area report in a commune no longer flagged land_border carry the warning', async () => {
    const border = { category: 'smuggling', placeType: 'border_area', communeCode: TRA_LINH };
    expect((await request(t.app).post('/api/public/routing/preview').send(border)).body.warnings).toEqual([]);
    expect((await as('coordinator').patch(`/api/staff/communes/${TRA_LINH}/flags`, { landBorder: false })).status).toBe(
      200,
    );
    expect((await request(t.app).post('/api/public/routing/preview').send(border)).body.warnings).toEqual([
      expect.objectContaining({ code: 'border_area_outside_border_commune' }),
    ]);
  });

  it('answers 404 outside the province, 403 to other roles, and names a missing change', async () => {
    expect((await as('coordinator.cao-bang').patch('/api/staff/communes/28249/flags', { coastal: true })).status).toBe(
      404,
    );
    expect((await as('admin').patch(`/api/staff/communes/${TRA_LINH}/flags`, { coastal: true })).status).toBe(403);
    const empty = await as('coordinator.cao-bang').patch(`/api/staff/communes/${TRA_LINH}/flags?lang=en`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/nothing to change/) }),
    ]);
  });
});

describe('the units editor', () => {
  const unitId = async (code: string) =>
    (await queryRows<{ id: string }>(t.deps.db, sql`select id from units where code = ${code}`))[0]?.id ?? '';
  const openRows = () => count(sql`select count(*)::int as n from unit_jurisdictions where valid_to is null`);

  it('refuses to close the province market unit of Cao Bằng with the communes left without one, writing nothing', async () => {
    const rows = await openRows();
    const res = await as('admin').post(`/api/staff/units/${await unitId('market-04')}/close`, { effectiveFrom: at(1) });
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems[0]).toMatchObject({
      kind: 'no_unit',
      force: 'market',
      examples: expect.arrayContaining([expect.objectContaining({ provinceCode: '04' })]),
    });
    expect(await openRows()).toBe(rows);
    expect((await as('admin').get(`/api/staff/units/${await unitId('market-04')}`)).body.validTo).toBeNull();
  });

  it('refuses a second market team over Trà Lĩnh (an overlap), then opens one over a commune without a team', async () => {
    const team = {
      unitCode: 'market-04-doi-9',
      force: 'market',
      provinceCode: '04',
      level: 'local',
      name: 'Đội Quản lý thị trường số 9',
    };
    const clash = await as('admin').post('/api/staff/units', {
      ...team,
      areas: [{ provinceCode: '04', communeCode: TRA_LINH }],
    });
    expect(clash.status).toBe(422);
    expect(clash.body.error.details.problems).toEqual([
      expect.objectContaining({ kind: 'unit_overlap', units: ['market-04-doi-2', 'market-04-doi-9'] }),
    ]);
    expect(await unitId('market-04-doi-9')).toBe('');

    const [free] = await queryRows<{ code: string; name: string }>(
      t.deps.db,
      sql`select c.code, c.name from communes c where c.province_code = '04' and not exists (
            select 1 from unit_jurisdictions j join units u on u.id = j.unit_id where u.force = 'market' and j.commune_code = c.code) order by c.sort_order limit 1`,
    );
    const made = await as('admin').post('/api/staff/units', {
      ...team,
      areas: [{ provinceCode: '04', communeCode: free?.code }],
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      code: 'market-04-doi-9',
      areas: [{ communeCode: free?.code, communeName: free?.name, placeTypes: null }],
    });
    const preview = await request(t.app)
      .post('/api/public/routing/preview')
      .send({ category: 'counterfeit', placeType: 'market', communeCode: free?.code });
    expect(preview.body.lead.unitName).toBe('Đội Quản lý thị trường số 9');
    expect(await auditOf('unit_opened')).toEqual([
      expect.objectContaining({ subject: 'unit:market-04-doi-9', actor: 'admin' }),
    ]);

    const taken = await as('admin').post('/api/staff/units', {
      ...team,
      areas: [{ provinceCode: '04', communeCode: '28249' }],
    });
    expect(taken.status).toBe(400);
    expect(taken.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['unitCode']);
  });

  it('renames a unit: the routing decision of an old report keeps the name it was routed with', async () => {
    const old = await file({ communeCode: '01447', category: 'smuggling', placeType: 'transport_route' });
    const id = await unitId('police-04-tra-linh');
    const res = await as('admin').patch(`/api/staff/units/${id}`, { name: 'Công an xã Trà Lĩnh (mới)' });
    expect(res.status).toBe(200);
    const oldCase = await caseOf(old.trackingCode);
    expect(oldCase.routing.explanation).toContain('đơn vị Công an xã Trà Lĩnh phụ trách');
    expect(oldCase.lead.unitName).toBe('Công an xã Trà Lĩnh (mới)');
    const fresh = await caseOf(
      (await file({ communeCode: '01447', category: 'smuggling', placeType: 'transport_route' })).trackingCode,
    );
    expect(fresh.routing.explanation).toContain('đơn vị Công an xã Trà Lĩnh (mới) phụ trách');
    expect(await auditOf('unit_renamed')).toEqual([
      expect.objectContaining({ data: { from: 'Công an xã Trà Lĩnh', to: 'Công an xã Trà Lĩnh (mới)' } }),
    ]);
  });

  it('changes a jurisdiction: a commune team limited to markets leaves routes to the province unit', async () => {
    const id = await unitId('market-04-doi-2');
    const res = await as('admin').put(`/api/staff/units/${id}/jurisdiction`, {
      areas: [{ provinceCode: '04', communeCode: TRA_LINH, placeTypes: ['market'] }],
      effectiveFrom: at(0),
    });
    expect(res.status).toBe(200);
    expect(res.body.areas).toEqual([expect.objectContaining({ communeCode: TRA_LINH, placeTypes: ['market'] })]);
    const route = await request(t.app)
      .post('/api/public/routing/preview')
      .send({ category: 'counterfeit', placeType: 'transport_route', communeCode: TRA_LINH });
    expect(route.body.lead.unitName).toBe('Chi cục Quản lý thị trường tỉnh Cao Bằng');
    const bad = await as('admin').put(`/api/staff/units/${id}/jurisdiction`, {
      areas: [{ provinceCode: '04', communeCode: '28249' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ field: 'areas.0.communeCode' })]);
    expect(
      (await as('coordinator').put(`/api/staff/units/${id}/jurisdiction`, { areas: [{ provinceCode: '04' }] })).status,
    ).toBe(403);
  });
});
