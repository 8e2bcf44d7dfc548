import { sql } from 'drizzle-orm';
import request from 'supertest';
import { CASE_ACTIONS, type CaseAction } from '../../shared/schemas/cases';
import { queryRows } from '../../server/db/query-rows';
import { phoneJpeg } from '../helpers/images';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

/**
 * Issue #5: every role against every staff endpoint, from one table. A new staff endpoint fails the
 * last test until it is added here with what each role gets.
 */
const ACTORS = [
  'anonymous',
  'operator',
  'officer',
  'unit_lead',
  'coordinator',
  'coordinator_province',
  'admin',
  // Issue #18: a commune's Steering Committee 389 (xã Trùng Khánh), read-only.
  'commune_committee',
] as const;
type Actor = (typeof ACTORS)[number];
const USERNAMES: Record<Exclude<Actor, 'anonymous'>, string> = {
  operator: 'operator',
  officer: 'market.cao-bang',
  unit_lead: 'lead.market-04',
  coordinator: 'coordinator',
  coordinator_province: 'coordinator.cao-bang',
  admin: 'admin',
  commune_committee: 'committee.trung-khanh',
};

let t: TestApp;
const sessions = new Map<Actor, StaffSession>();
/** Passwords of the accounts the test creates; demo accounts share the test password. */
const passwords = new Map<Actor, string>();
let reportCode = '';
/** A citizen's receipt in Hà Nội: outside the operator's reach except with its secret. */
let receipt = { trackingCode: '', secret: '' };
let photoId = '';
let spareAccountId = '';
let policeUnitId = '';
let hanoiRuleSetId = 0;

/** A body each action accepts, so that what decides the answer is who asks. */
const VALID_ACTION_BODIES: Record<CaseAction, object> = {
  accept: {},
  verify: {},
  resume: {},
  close: {},
  suspend: { reason: 'Chờ kết quả giám định' },
  ask: { question: 'Cửa hàng mở cửa lúc mấy giờ?' },
  resolve: { outcome: 'unfounded', publicOutcome: 'Đã kiểm tra, không có cơ sở.' },
  extend: { until: '2027-01-30T00:00:00+07:00', reason: 'Chờ giám định hàng hóa' },
  merge: { into: '389-0000-0000' },
  'reveal-contact': { reason: 'Cần hỏi thêm người báo' },
  notes: { text: 'Ghi chú nội bộ', shared: false },
  coordinate: { unitId: '00000000-0000-4000-8000-000000000000', reason: 'Cần lực lượng phối hợp' },
  assign: { officerId: null },
  transfer: {},
  'move-lead': { unitId: '00000000-0000-4000-8000-000000000000', reason: 'Quá hạn thụ lý, chuyển đơn vị khác' },
  remind: { text: 'Đề nghị thụ lý ngay' },
  'withdraw-question': {},
  'continue-without-answer': { reason: 'Người báo không trả lời' },
  'approve-reveal': {},
  // Issue #18 (crime track).
  'flag-crime': { reason: 'Số lượng hàng lớn, có dấu hiệu tội phạm' },
  'hand-off': { unitId: '00000000-0000-4000-8000-000000000000' },
  'investigation-accept': {},
  'investigation-extend': { reason: 'Vụ việc phức tạp, cần giám định', procuracyApproval: 'Số 12/QĐ-VKS' },
  'prosecution-decision': {
    decision: 'prosecuted',
    decisionNo: '15/QĐ-CSĐT',
    decisionDate: '2026-11-20',
  },
  'record-violation': { recordNo: '12/BB-VPHC', recordDate: '2026-11-20', clock: 'standard' },
  classify: { goodsType: 'food' },
};
/** Issue #18: the investigating body's actions; nobody in this table investigates the report. */
const INVESTIGATION_ACTIONS: readonly CaseAction[] = [
  'investigation-accept',
  'investigation-extend',
  'prosecution-decision',
];

const minutesAgo = (m: number) => new Date(FIXED_NOW.getTime() - m * 60_000).toISOString();
const CALL = { line: '0981389389', callStartedAt: minutesAgo(5), callEndedAt: minutesAgo(1), callerAnonymous: true };
const REPORT = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh',
  observedAt: minutesAgo(60),
  description: 'Bán nước hoa giả nhãn hiệu Chanel ở chợ, giá rất rẻ.',
};

/** A request as `actor` sends it: with their cookie and CSRF token, or with nothing at all. */
function as(actor: Actor, session = sessions.get(actor)) {
  const sign = (req: request.Test) =>
    session ? req.set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf) : req;
  return {
    get: (url: string) => sign(request(t.app).get(url)),
    post: (url: string, body?: object) => sign(request(t.app).post(url)).send(body),
    patch: (url: string, body: object) => sign(request(t.app).patch(url)).send(body),
    delete: (url: string) => sign(request(t.app).delete(url)),
  };
}
const sign = (actor: Actor, req: request.Test) => {
  const session = sessions.get(actor);
  return session ? req.set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf) : req;
};
/** A session of its own, for the endpoints that end it. */
const fresh = async (actor: Actor) =>
  as(actor, actor === 'anonymous' ? undefined : await staffSession(t.app, USERNAMES[actor], passwords.get(actor)));

const only = (allowed: Partial<Record<Actor, number>>, otherwise = 403): Record<Actor, number> =>
  Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 401 : (allowed[a] ?? otherwise)])) as Record<
    Actor,
    number
  >;
const everyone = (status: number) => only({}, status);

interface Endpoint {
  method: string;
  path: string;
  call: (actor: Actor) => Promise<request.Response>;
  expect: Record<Actor, number>;
}

const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/api/staff/session', call: (a) => as(a).get('/api/staff/session'), expect: everyone(200) },
  {
    method: 'delete',
    path: '/api/staff/session',
    call: async (a) => (await fresh(a)).delete('/api/staff/session'),
    expect: everyone(204),
  },
  // Allowed for every signed-in role; this one is refused on its content (a wrong current password).
  {
    method: 'post',
    path: '/api/staff/password',
    call: (a) =>
      as(a).post('/api/staff/password', { currentPassword: 'wrong one', newPassword: 'a long enough new password' }),
    expect: everyone(400),
  },
  {
    method: 'get',
    path: '/api/staff/accounts',
    call: (a) => as(a).get('/api/staff/accounts'),
    expect: only({ admin: 200 }),
  },
  {
    method: 'post',
    path: '/api/staff/accounts',
    call: (a) =>
      as(a).post('/api/staff/accounts', { username: `new.${a}`, displayName: 'Người mới', role: 'operator' }),
    expect: only({ admin: 201 }),
  },
  {
    method: 'patch',
    path: '/api/staff/accounts/{accountId}',
    call: (a) => as(a).patch(`/api/staff/accounts/${spareAccountId}`, { displayName: `Đổi bởi ${a}` }),
    expect: only({ admin: 200 }),
  },
  {
    method: 'post',
    path: '/api/staff/accounts/{accountId}/password',
    call: (a) => as(a).post(`/api/staff/accounts/${spareAccountId}/password`),
    expect: only({ admin: 200 }),
  },
  {
    method: 'post',
    path: '/api/staff/accounts/{accountId}/unlock',
    call: (a) => as(a).post(`/api/staff/accounts/${spareAccountId}/unlock`),
    expect: only({ admin: 200 }),
  },
  {
    method: 'get',
    path: '/api/staff/units',
    call: (a) => as(a).get('/api/staff/units'),
    expect: only({ admin: 200, coordinator: 200, coordinator_province: 200, officer: 200, unit_lead: 200 }),
  },
  {
    method: 'post',
    path: '/api/staff/duplicates',
    call: (a) => as(a).post('/api/staff/duplicates', { communeCode: '01447', category: 'counterfeit' }),
    expect: only({ operator: 200, coordinator: 200, coordinator_province: 200 }),
  },
  {
    method: 'get',
    path: '/api/staff/intake/lines',
    call: (a) => as(a).get('/api/staff/intake/lines'),
    expect: only({ operator: 200, officer: 200, unit_lead: 200 }),
  },
  {
    method: 'get',
    path: '/api/staff/intake/calls',
    call: (a) => as(a).get('/api/staff/intake/calls'),
    expect: only({ operator: 200, officer: 200, unit_lead: 200 }),
  },
  {
    method: 'post',
    path: '/api/staff/intake/reports',
    call: (a) => as(a).post('/api/staff/intake/reports', { ...CALL, ...REPORT }),
    expect: only({ operator: 201, officer: 201, unit_lead: 201 }),
  },
  {
    method: 'get',
    path: '/api/staff/intake/reports/{code}',
    call: (a) => as(a).get(`/api/staff/intake/reports/${reportCode}`),
    expect: only({ operator: 200, officer: 404, unit_lead: 404 }),
  },
  {
    method: 'post',
    path: '/api/staff/intake/reports/{code}/calls',
    call: (a) =>
      as(a).post(`/api/staff/intake/reports/${reportCode}/calls`, {
        ...CALL,
        note: 'Người gọi hỏi lại tình hình xử lý.',
      }),
    expect: only({ operator: 201, officer: 404, unit_lead: 404 }),
  },
  {
    method: 'post',
    path: '/api/staff/intake/receipts',
    call: (a) => as(a).post('/api/staff/intake/receipts', receipt),
    expect: only({ operator: 200 }),
  },
  {
    method: 'post',
    path: '/api/staff/intake/receipts/answer',
    call: (a) =>
      as(a).post('/api/staff/intake/receipts/answer', {
        ...receipt,
        ...CALL,
        message: 'Người gọi cho biết cửa hàng đã đóng cửa từ hôm qua.',
      }),
    expect: only({ operator: 200 }),
  },
  {
    method: 'post',
    path: '/api/staff/intake/reports/{code}/photos',
    call: async (a) => {
      const session = sessions.get(a);
      const req = request(t.app).post(`/api/staff/intake/reports/${reportCode}/photos`);
      if (session) req.set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf);
      return req.attach('photos', await phoneJpeg(400, 300, 1), 'zalo.jpg');
    },
    expect: only({ operator: 201, officer: 404, unit_lead: 404 }),
  },
  // The report is led by market management in Cao Bằng: its officer, its unit lead and the
  // coordinators in scope see the photo; the operator who entered it too; an admin handles no cases.
  {
    method: 'get',
    path: '/api/staff/photos/{photoId}',
    call: (a) => as(a).get(`/api/staff/photos/${photoId}`),
    expect: only({ operator: 200, officer: 200, unit_lead: 200, coordinator: 200, coordinator_province: 200 }, 404),
  },
  {
    method: 'get',
    path: '/api/staff/cases',
    call: (a) => as(a).get('/api/staff/cases'),
    expect: only({ officer: 200, unit_lead: 200, coordinator: 200, coordinator_province: 200 }),
  },
  {
    method: 'get',
    path: '/api/staff/cases/{code}',
    call: (a) => as(a).get(`/api/staff/cases/${reportCode}`),
    expect: only({ officer: 200, unit_lead: 200, coordinator: 200, coordinator_province: 200 }, 404),
  },
  {
    method: 'get',
    path: '/api/staff/holidays',
    call: (a) => as(a).get('/api/staff/holidays?year=2026'),
    expect: everyone(200),
  },
  // Issue #7: the figures are the coordinators'; a province coordinator gets their own province.
  // Issue #18: a unit lead gets their units', a commune committee its commune's (tests/api/figures-scope.test.ts).
  {
    method: 'get',
    path: '/api/staff/stats',
    call: (a) => as(a).get('/api/staff/stats'),
    expect: only({ coordinator: 200, coordinator_province: 200, unit_lead: 200, commune_committee: 200 }),
  },
  {
    method: 'get',
    path: '/api/staff/stats/reports',
    call: (a) => as(a).get('/api/staff/stats/reports?measure=overdueNow'),
    expect: only({ coordinator: 200, coordinator_province: 200, unit_lead: 200, commune_committee: 200 }),
  },
  // Issue #18: the periodic report of any range, same access as the other figures.
  {
    method: 'get',
    path: '/api/staff/stats/periodic',
    call: (a) => as(a).get('/api/staff/stats/periodic?preset=quarter&year=2026&part=4'),
    expect: only({ coordinator: 200, coordinator_province: 200, unit_lead: 200, commune_committee: 200 }),
  },
  {
    method: 'get',
    path: '/api/staff/stats/export',
    call: (a) => as(a).get('/api/staff/stats/export?format=csv&period=2026-H2'),
    expect: only({ coordinator: 200, coordinator_province: 200, unit_lead: 200, commune_committee: 200 }),
  },
  {
    method: 'put',
    path: '/api/staff/holidays/{day}',
    call: (a) =>
      sign(a, request(t.app).put('/api/staff/holidays/2026-12-31')).send({ kind: 'holiday', name: 'Nghỉ thử' }),
    expect: only({ coordinator: 200 }),
  },
  {
    method: 'delete',
    path: '/api/staff/holidays/{day}',
    call: (a) => sign(a, request(t.app).delete('/api/staff/holidays/2030-01-02')),
    expect: only({ coordinator: 404 }),
  },
  // Issue #7 editors. Rule sets: coordinators and admins read; a province coordinator sees national and its own.
  {
    method: 'get',
    path: '/api/staff/routing/rule-sets',
    call: (a) => as(a).get('/api/staff/routing/rule-sets?province=04'),
    expect: only({ coordinator: 200, coordinator_province: 200, admin: 200 }),
  },
  // Another province's scope: 404 for the Cao Bằng coordinator; nothing is created (bad start value: 400 for those who may).
  {
    method: 'post',
    path: '/api/staff/routing/rule-sets',
    call: (a) => as(a).post('/api/staff/routing/rule-sets', { province: '82', start: 'nothing' }),
    expect: only({ coordinator: 400, coordinator_province: 400 }),
  },
  {
    method: 'get',
    path: '/api/staff/routing/rule-sets/{ruleSetId}',
    call: (a) => as(a).get(`/api/staff/routing/rule-sets/${hanoiRuleSetId}`),
    expect: only({ coordinator: 200, coordinator_province: 404, admin: 200 }),
  },
  {
    method: 'put',
    path: '/api/staff/routing/rule-sets/{ruleSetId}',
    call: (a) => sign(a, request(t.app).put(`/api/staff/routing/rule-sets/${hanoiRuleSetId}`)).send({ rules: [] }),
    expect: only({ coordinator: 409, coordinator_province: 404 }),
  },
  {
    method: 'delete',
    path: '/api/staff/routing/rule-sets/{ruleSetId}',
    call: (a) => as(a).delete(`/api/staff/routing/rule-sets/${hanoiRuleSetId}`),
    expect: only({ coordinator: 409, coordinator_province: 404 }),
  },
  {
    method: 'post',
    path: '/api/staff/routing/rule-sets/{ruleSetId}/validate',
    call: (a) => as(a).post(`/api/staff/routing/rule-sets/${hanoiRuleSetId}/validate`, {}),
    expect: only({ coordinator: 409, coordinator_province: 404, admin: 409 }),
  },
  {
    method: 'post',
    path: '/api/staff/routing/rule-sets/{ruleSetId}/publish',
    call: (a) => as(a).post(`/api/staff/routing/rule-sets/${hanoiRuleSetId}/publish`, {}),
    expect: only({ coordinator: 409, coordinator_province: 404 }),
  },
  {
    method: 'patch',
    path: '/api/staff/communes/{communeCode}/flags',
    call: (a) => as(a).patch('/api/staff/communes/28249/flags', { coastal: true }),
    expect: only({ coordinator: 200, coordinator_province: 404 }),
  },
  // Units editor: admins write (bodies refused on content, so nothing changes); coordinators read a unit.
  {
    method: 'post',
    path: '/api/staff/units',
    call: (a) => as(a).post('/api/staff/units', { unitCode: 'x' }),
    expect: only({ admin: 400 }),
  },
  {
    method: 'get',
    path: '/api/staff/units/{unitId}',
    call: (a) => as(a).get(`/api/staff/units/${policeUnitId}`),
    expect: only({ admin: 200, coordinator: 200, coordinator_province: 200 }),
  },
  {
    method: 'patch',
    path: '/api/staff/units/{unitId}',
    call: (a) => as(a).patch(`/api/staff/units/${policeUnitId}`, { name: '' }),
    expect: only({ admin: 400 }),
  },
  // Issue #18: refused on content (not a boolean), so nothing changes.
  {
    method: 'put',
    path: '/api/staff/units/{unitId}/investigates',
    call: (a) =>
      sign(a, request(t.app).put(`/api/staff/units/${policeUnitId}/investigates`)).send({ investigates: 'x' }),
    expect: only({ admin: 400 }),
  },
  {
    method: 'put',
    path: '/api/staff/units/{unitId}/duty-contacts',
    call: (a) =>
      sign(a, request(t.app).put(`/api/staff/units/${policeUnitId}/duty-contacts`)).send({
        dutyPhone: 'x',
        dutyEmail: null,
      }),
    expect: only({ admin: 400 }),
  },
  {
    method: 'post',
    path: '/api/staff/units/{unitId}/close',
    call: (a) => as(a).post(`/api/staff/units/${policeUnitId}/close`, { effectiveFrom: '2020-01-01T00:00:00+07:00' }),
    expect: only({ admin: 400 }),
  },
  {
    method: 'post',
    path: '/api/staff/units/{unitId}/merge',
    call: (a) => as(a).post(`/api/staff/units/${policeUnitId}/merge`, { intoUnitId: 'x' }),
    expect: only({ admin: 400 }),
  },
  {
    method: 'put',
    path: '/api/staff/units/{unitId}/jurisdiction',
    call: (a) => sign(a, request(t.app).put(`/api/staff/units/${policeUnitId}/jurisdiction`)).send({ areas: [] }),
    expect: only({ admin: 400 }),
  },
  // Every action with a stale version: 409 for whoever may take it (nothing changes), 403 for those
  // who see the report but may not, 404 for those who do not see it. Notes take no version: 200.
  // A commune committee sees no case, its own commune's neither: 404 (tests/api/figures-scope.test.ts).
  // Issue #17: moving the lead and reminders are the coordinators' (a reminder, like a note, takes no version).
  // Issue #18: so is approving the reveal of a tip about officials' reporter.
  ...CASE_ACTIONS.map((action): Endpoint => {
    const mayAct: Partial<Record<Actor, number>> =
      action === 'notes'
        ? { officer: 200, unit_lead: 200, coordinator: 200, coordinator_province: 200 }
        : action === 'assign'
          ? { officer: 403, unit_lead: 409, coordinator: 403, coordinator_province: 403 }
          : action === 'move-lead' || action === 'approve-reveal'
            ? { officer: 403, unit_lead: 403, coordinator: 409, coordinator_province: 409 }
            : action === 'remind'
              ? { officer: 403, unit_lead: 403, coordinator: 200, coordinator_province: 200 }
              : INVESTIGATION_ACTIONS.includes(action)
                ? { officer: 403, unit_lead: 403, coordinator: 403, coordinator_province: 403 }
                : { officer: 409, unit_lead: 409, coordinator: 403, coordinator_province: 403 };
    return {
      method: 'post',
      path: `/api/staff/cases/{code}/${action}`,
      call: (a) =>
        as(a).post(`/api/staff/cases/${reportCode}/${action}`, {
          ...VALID_ACTION_BODIES[action],
          ...(action === 'transfer' ? { step: 'request', unitId: policeUnitId, reason: 'Không thuộc thẩm quyền' } : {}),
          version: action === 'notes' || action === 'remind' ? 1 : 999,
        }),
      expect: only(mayAct, 404),
    };
  }),
  // Issue #17: every signed-in staff member has their own alerts and e-mail choices.
  { method: 'get', path: '/api/staff/alerts', call: (a) => as(a).get('/api/staff/alerts'), expect: everyone(200) },
  {
    method: 'post',
    path: '/api/staff/alerts/read',
    call: (a) => as(a).post('/api/staff/alerts/read', { all: true }),
    expect: everyone(200),
  },
  {
    method: 'get',
    path: '/api/staff/alerts/stream',
    // The stream stays open: its status is read from the first bytes, then the connection is dropped.
    call: (a) =>
      sign(a, request(t.app).get('/api/staff/alerts/stream'))
        .buffer(false)
        .parse((res, done) => {
          const stream = res as unknown as NodeJS.ReadableStream & { destroy(): void };
          stream.once('data', () => {
            stream.destroy();
            done(null, null);
          });
          stream.once('end', () => done(null, null));
        }),
    expect: everyone(200),
  },
  {
    method: 'get',
    path: '/api/staff/account/alert-preferences',
    call: (a) => as(a).get('/api/staff/account/alert-preferences'),
    expect: everyone(200),
  },
  {
    method: 'put',
    path: '/api/staff/account/alert-preferences',
    call: (a) => sign(a, request(t.app).put('/api/staff/account/alert-preferences')).send({ email: { routed: true } }),
    expect: everyone(200),
  },
  // Last: it ends every session of the account, the shared ones above included.
  {
    method: 'delete',
    path: '/api/staff/sessions',
    call: async (a) => (await fresh(a)).delete('/api/staff/sessions'),
    expect: everyone(204),
  },
];

beforeAll(async () => {
  t = await createTestApp();
  const admin = await staffSession(t.app, 'admin');
  const [unit] = await queryRows<{ id: string }>(t.deps.db, sql`select id from units where code = 'market-04'`);
  const [police] = await queryRows<{ id: string }>(t.deps.db, sql`select id from units where code = 'police-04'`);
  policeUnitId = police?.id ?? '';
  const [hanoi] = await queryRows<{ id: number }>(
    t.deps.db,
    sql`select id from routing_rule_sets where province_code = '01'`,
  );
  hanoiRuleSetId = hanoi?.id ?? 0;
  const made = await as('admin', admin).post('/api/staff/accounts', {
    username: 'lead.market-04',
    displayName: 'Lãnh đạo Chi cục QLTT Cao Bằng',
    role: 'unit_lead',
    unitId: unit?.id,
  });
  expect(made.status).toBe(201);
  const spare = await as('admin', admin).post('/api/staff/accounts', {
    username: 'spare.account',
    displayName: 'Tài khoản thử',
    role: 'operator',
  });
  spareAccountId = spare.body.account.id;
  passwords.set('unit_lead', made.body.password);
  for (const actor of ACTORS)
    if (actor !== 'anonymous') sessions.set(actor, await staffSession(t.app, USERNAMES[actor], passwords.get(actor)));
  const entered = await as('operator').post('/api/staff/intake/reports', { ...CALL, ...REPORT });
  reportCode = entered.body.trackingCode;
  const citizen = await request(t.app)
    .post('/api/public/reports')
    .send({
      ...REPORT,
      provinceCode: '01',
      communeCode: '00004',
      address: 'Phố Đội Cấn',
      description: 'Cửa hàng bán thuốc lá điện tử không rõ nguồn gốc.',
    });
  receipt = { trackingCode: citizen.body.trackingCode, secret: citizen.body.secret };
  await as('operator')
    .post(`/api/staff/intake/reports/${reportCode}/photos`)
    .attach('photos', await phoneJpeg(400, 300, 1), 'zalo.jpg');
  const [photo] = await queryRows<{ id: string }>(
    t.deps.db,
    sql`select p.id from report_photos p join reports r on r.id = p.report_id where r.tracking_code = ${reportCode}`,
  );
  photoId = photo?.id ?? '';
});
afterAll(() => t.close());

describe('every role against every staff endpoint', () => {
  it.each(ENDPOINTS.map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))('%s', async (_name, endpoint) => {
    const got: Partial<Record<Actor, number>> = {};
    for (const actor of ACTORS) got[actor] = (await endpoint.call(actor)).status;
    expect(got).toEqual(endpoint.expect);
  });

  it('scopes a photo by unit and province: other units and another province get 404, as if it did not exist', async () => {
    const admin = await staffSession(t.app, 'admin');
    const other = await as('admin', admin).post('/api/staff/accounts', {
      username: 'coordinator.dong-thap',
      displayName: 'BCĐ 389 Đồng Tháp',
      role: 'coordinator',
      scopeProvinceCode: '82',
    });
    const operatorTwo = await as('admin', admin).post('/api/staff/accounts', {
      username: 'operator.two',
      displayName: 'Điện thoại viên 2',
      role: 'operator',
    });
    const seen: Record<string, number> = {};
    for (const [username, password] of [
      ['police.cao-bang', undefined], // coordinating unit of this report
      ['customs.cao-bang', undefined],
      ['market.dong-thap', undefined],
      ['coordinator.dong-thap', other.body.password],
      ['operator.two', operatorTwo.body.password],
    ] as const) {
      const session = await staffSession(t.app, username, password);
      seen[username] = (await as('officer', session).get(`/api/staff/photos/${photoId}`)).status;
    }
    expect(seen).toEqual({
      'police.cao-bang': 200,
      'customs.cao-bang': 404,
      'market.dong-thap': 404,
      'coordinator.dong-thap': 404,
      'operator.two': 404,
    });
    const outside = await as('officer', await staffSession(t.app, 'coordinator.dong-thap', other.body.password)).post(
      '/api/staff/duplicates',
      { communeCode: '01447', category: 'counterfeit' },
    );
    expect(outside.status).toBe(404);
  });

  it("keeps every intake route to the operator's own reports and what the duplicates panel shows for the call being typed (issue #15): 404 otherwise, as if it did not exist", async () => {
    const admin = await staffSession(t.app, 'admin');
    const made = await as('admin', admin).post('/api/staff/accounts', {
      username: 'operator.three',
      displayName: 'Điện thoại viên 3',
      role: 'operator',
    });
    const other = await staffSession(t.app, 'operator.three', made.body.password);
    const routes = (code: string, query: string) => ({
      open: () => as('operator', other).get(`/api/staff/intake/reports/${code}${query}`),
      append: () =>
        as('operator', other).post(`/api/staff/intake/reports/${code}/calls${query}`, {
          ...CALL,
          note: 'Người gọi hỏi lại tình hình xử lý.',
        }),
      photos: async () =>
        request(t.app)
          .post(`/api/staff/intake/reports/${code}/photos${query}`)
          .set('Cookie', other.cookie)
          .set('X-CSRF-Token', other.csrf)
          .attach('photos', await phoneJpeg(400, 300, 1), 'zalo.jpg'),
    });
    const statuses = async (code: string, query: string) => {
      const r = routes(code, query);
      return { open: (await r.open()).status, append: (await r.append()).status, photos: (await r.photos()).status };
    };
    // Entered by another operator, Cao Bằng: nothing typed, or a call typed in Hà Nội, reaches it.
    expect(await statuses(reportCode, '')).toEqual({ open: 404, append: 404, photos: 404 });
    expect(await statuses(receipt.trackingCode, '?communeCode=01447')).toEqual({ open: 404, append: 404, photos: 404 });
    // A call typed in Cao Bằng: the panel shows it, so it opens and takes the call; photos stay with the operator who entered it.
    expect(await statuses(reportCode, '?communeCode=01447')).toEqual({ open: 200, append: 201, photos: 404 });
  });

  it('lists every documented staff endpoint in the table above', async () => {
    const { body } = await request(t.app).get('/api/openapi.json');
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method, path })))
      .filter((d) => d.path.startsWith('/api/staff/') && d.path !== '/api/staff/session')
      .map((d) => `${d.method} ${d.path}`);
    const tested = ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect(documented.filter((d) => !tested.includes(d))).toEqual([]);
  });
});
