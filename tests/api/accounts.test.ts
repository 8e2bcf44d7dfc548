import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { signIn, staffSession, type StaffSession } from '../helpers/staff';

let t: TestApp;
let admin: StaffSession;
let market82: string;

const as = (who: StaffSession) => ({
  get: (url: string) => request(t.app).get(url).set('Cookie', who.cookie),
  post: (url: string, body: object = {}) =>
    request(t.app).post(url).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body),
  patch: (url: string, body: object) =>
    request(t.app).patch(url).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body),
});
const audit = async (action: string) =>
  (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]
    ?.n ?? 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await staffSession(t.app, 'admin');
  const [unit] = await queryRows<{ id: string }>(t.deps.db, sql`select id from units where code = 'market-82'`);
  market82 = unit?.id ?? '';
});
afterAll(() => t.close());

describe('account administration', () => {
  it('creates an officer of a unit with a password shown once, which signs in; audited', async () => {
    const res = await as(admin).post('/api/staff/accounts', {
      username: 'Tran.Officer',
      displayName: 'Trần Văn Cán Bộ',
      role: 'officer',
      unitId: market82,
    });
    expect(res.status).toBe(201);
    expect(res.body.account).toMatchObject({
      username: 'tran.officer',
      role: 'officer',
      unit: { id: market82, name: 'Chi cục Quản lý thị trường tỉnh Đồng Tháp' },
      isDisabled: false,
      lockedUntil: null,
    });
    const login = await signIn(t.app, 'tran.officer', res.body.password);
    expect(login.body.user).toMatchObject({
      role: 'officer',
      unit: { name: 'Chi cục Quản lý thị trường tỉnh Đồng Tháp' },
    });
    expect(await audit('account_created')).toBe(1);
    const list = await as(admin).get('/api/staff/accounts');
    expect(list.body.accounts.map((a: { username: string }) => a.username)).toContain('tran.officer');
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/i);
  });

  it('names the field when the role and placement do not fit, and refuses a taken username', async () => {
    const noUnit = await as(admin).post('/api/staff/accounts', {
      username: 'x.officer',
      displayName: 'X',
      role: 'officer',
    });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.error.fields).toEqual([
      { field: 'unitId', message: 'Đơn vị: cán bộ và lãnh đạo đơn vị phải thuộc một đơn vị' },
    ]);
    const scope = await as(admin).post('/api/staff/accounts', {
      username: 'x.coord',
      displayName: 'X',
      role: 'coordinator',
      scopeProvinceCode: '99',
    });
    expect(scope.status).toBe(400);
    expect(scope.body.error.fields[0].field).toBe('scopeProvinceCode');
    const taken = await as(admin).post('/api/staff/accounts', {
      username: 'operator',
      displayName: 'X',
      role: 'operator',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('account.username_taken');
  });

  it('is for admins only: 403 for other roles, 401 signed out, 403 without the CSRF token', async () => {
    const coordinator = await staffSession(t.app, 'coordinator');
    expect((await as(coordinator).get('/api/staff/accounts')).status).toBe(403);
    expect(
      (await as(coordinator).post('/api/staff/accounts', { username: 'y', displayName: 'Y', role: 'admin' })).status,
    ).toBe(403);
    expect((await request(t.app).get('/api/staff/accounts')).status).toBe(401);
    const forged = await request(t.app)
      .post('/api/staff/accounts')
      .set('Cookie', admin.cookie)
      .send({ username: 'z.admin', displayName: 'Z', role: 'admin' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_failed');
  });

  it('disables an account, which ends its sessions and its sign-ins, and enables it again', async () => {
    const victim = await staffSession(t.app, 'police.dong-thap');
    const [row] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select id from staff_accounts where username = 'police.dong-thap'`,
    );
    const off = await as(admin).patch(`/api/staff/accounts/${row?.id}`, { isDisabled: true });
    expect(off.status).toBe(200);
    expect(off.body.isDisabled).toBe(true);
    expect((await as(victim).get('/api/staff/session')).status).toBe(401);
    expect((await signIn(t.app, 'police.dong-thap')).status).toBe(401);
    await as(admin).patch(`/api/staff/accounts/${row?.id}`, { isDisabled: false });
    expect((await signIn(t.app, 'police.dong-thap')).status).toBe(200);
  });

  it('re-assigns an officer to another unit, and checks the role rules on the account as it would become', async () => {
    const [row] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select id from staff_accounts where username = 'border.dong-thap'`,
    );
    const moved = await as(admin).patch(`/api/staff/accounts/${row?.id}`, { unitId: market82 });
    expect(moved.body.unit.name).toBe('Chi cục Quản lý thị trường tỉnh Đồng Tháp');
    const wrong = await as(admin).patch(`/api/staff/accounts/${row?.id}`, { role: 'operator' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].field).toBe('unitId');
    const ok = await as(admin).patch(`/api/staff/accounts/${row?.id}`, { role: 'operator', unitId: null });
    expect(ok.body).toMatchObject({ role: 'operator', unit: null });
    expect(
      (await as(admin).patch('/api/staff/accounts/00000000-0000-4000-8000-000000000000', { displayName: 'x' })).status,
    ).toBe(404);
  });

  it('resets a password (old one refused, old sessions ended) and releases a lock', async () => {
    const old = await staffSession(t.app, 'customs.dong-thap');
    const [row] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select id from staff_accounts where username = 'customs.dong-thap'`,
    );
    const reset = await as(admin).post(`/api/staff/accounts/${row?.id}/password`);
    expect(reset.status).toBe(200);
    expect((await as(old).get('/api/staff/session')).status).toBe(401);
    expect((await signIn(t.app, 'customs.dong-thap')).status).toBe(401);
    for (let i = 0; i < 5; i += 1) await signIn(t.app, 'customs.dong-thap', 'wrong');
    expect((await signIn(t.app, 'customs.dong-thap', reset.body.password)).status).toBe(429);
    const unlocked = await as(admin).post(`/api/staff/accounts/${row?.id}/unlock`);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await signIn(t.app, 'customs.dong-thap', reset.body.password)).status).toBe(200);
    expect(await audit('password_reset')).toBe(1);
    expect(await audit('account_unlocked')).toBe(1);
  });
});

describe('account rules found in review', () => {
  it('asks for a coordinator scope by name: a forgotten one is not national', async () => {
    const missing = await as(admin).post('/api/staff/accounts', {
      username: 'c.forgot',
      displayName: 'C',
      role: 'coordinator',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].field).toBe('scopeProvinceCode');
    const national = await as(admin).post('/api/staff/accounts', {
      username: 'c.national',
      displayName: 'C',
      role: 'coordinator',
      scopeProvinceCode: 'national',
    });
    expect(national.status).toBe(201);
    expect(national.body.account.scopeProvinceCode).toBeNull();
    const [op] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select id from staff_accounts where username = 'operator'`,
    );
    const promoted = await as(admin).patch(`/api/staff/accounts/${op?.id}`, { role: 'coordinator' });
    expect(promoted.status).toBe(400);
    expect(promoted.body.error.fields[0].field).toBe('scopeProvinceCode');
  });

  it('disables the officer of a unit that has closed since', async () => {
    await t.deps.routing.changeUnits({ closeUnits: ['police-82-sa-dec'] });
    const created = await as(admin).post('/api/staff/accounts', {
      username: 'sa.dec',
      displayName: 'S',
      role: 'operator',
    });
    expect(created.status).toBe(201);
    const [unit] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select id from units where code = 'police-82-sa-dec'`,
    );
    // Placed there directly, as accounts were before the unit closed.
    await t.deps.db.execute(
      sql`update staff_accounts set role = 'officer', unit_id = ${unit?.id} where username = 'sa.dec'`,
    );
    const off = await as(admin).patch(`/api/staff/accounts/${created.body.account.id}`, { isDisabled: true });
    expect(off.status).toBe(200);
    expect(off.body.isDisabled).toBe(true);
  });
});
