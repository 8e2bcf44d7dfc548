import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { signIn as signInAs, staffSession, type StaffSession as Who } from '../helpers/staff';
import { TEST_DEMO_PASSWORD } from '../helpers/test-db';

let t: TestApp;

const signIn = (username: string, password: string) => signInAs(t.app, username, password);
const session = (username: string) => staffSession(t.app, username);
const change = (who: Who, body: object) =>
  request(t.app).post('/api/staff/password').set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body);
const hashOf = async (username: string) =>
  (
    await queryRows<{ h: string }>(
      t.deps.db,
      sql`select password_hash as h from staff_accounts where username = ${username}`,
    )
  )[0]?.h;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('POST /api/staff/password', () => {
  it('refuses a wrong current password, a short one, a common one with digits added, one containing the username, the same one; changes nothing', async () => {
    const me = await session('operator');
    const before = await hashOf('operator');
    const cases: [object, string, RegExp][] = [
      [
        { currentPassword: 'not my password', newPassword: 'a fine long new password' },
        'currentPassword',
        /Mật khẩu hiện tại: không đúng/,
      ],
      [{ currentPassword: TEST_DEMO_PASSWORD, newPassword: 'short1!' }, 'newPassword', /ít nhất 12 ký tự/],
      [{ currentPassword: TEST_DEMO_PASSWORD, newPassword: 'Matkhau@2026!' }, 'newPassword', /quá phổ biến/],
      [{ currentPassword: TEST_DEMO_PASSWORD, newPassword: 'iloveyou 1234567' }, 'newPassword', /quá phổ biến/],
      [{ currentPassword: TEST_DEMO_PASSWORD, newPassword: 'my-Operator-2026-x' }, 'newPassword', /tên đăng nhập/],
      [
        { currentPassword: TEST_DEMO_PASSWORD, newPassword: TEST_DEMO_PASSWORD },
        'newPassword',
        /khác mật khẩu hiện tại/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await change(me, body);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([{ field, message: expect.stringMatching(message) }]);
    }
    expect(await hashOf('operator')).toBe(before);
  });

  it('sets a good password (scrypt, N=2^15), ends the other sessions but not this one, and is audited', async () => {
    const here = await session('police.cao-bang');
    const elsewhere = await session('police.cao-bang');
    const res = await change(here, {
      currentPassword: TEST_DEMO_PASSWORD,
      newPassword: 'ba con mèo đi chợ Trùng Khánh',
    });
    expect(res.status).toBe(204);
    expect(await hashOf('police.cao-bang')).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect((await request(t.app).get('/api/staff/session').set('Cookie', here.cookie)).status).toBe(200);
    expect((await request(t.app).get('/api/staff/session').set('Cookie', elsewhere.cookie)).status).toBe(401);
    expect((await signIn('police.cao-bang', TEST_DEMO_PASSWORD)).status).toBe(401);
    expect((await signIn('police.cao-bang', 'ba con mèo đi chợ Trùng Khánh')).status).toBe(200);
    const [audit] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'password_changed'`,
    );
    expect(audit?.n).toBe(1);
  });

  it('counts a wrong current password as a failed sign-in: the fifth locks the account for this route and for signing in (issue #15)', async () => {
    // An app of its own without the per-client request limit, so that what answers is the account's lock.
    const own = await createTestApp({ env: { RATE_LIMIT_DISABLED: '1' } });
    const app = own.app;
    const me = await staffSession(app, 'market.cao-bang');
    const change = (who: Who, body: object) =>
      request(app).post('/api/staff/password').set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body);
    const signIn = (username: string, password: string) => signInAs(app, username, password);
    const guess = { currentPassword: 'maybe this one', newPassword: 'a fine long new password' };
    // A right current password clears the count, as a sign-in does.
    for (let i = 0; i < 4; i += 1) expect((await change(me, guess)).status).toBe(400);
    expect((await change(me, { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'Matkhau@2026!' })).status).toBe(400);
    for (let i = 0; i < 4; i += 1) expect((await change(me, guess)).status).toBe(400);
    expect((await signIn('market.cao-bang', TEST_DEMO_PASSWORD)).status).toBe(200);

    const again = await staffSession(app, 'market.cao-bang');
    for (let i = 0; i < 5; i += 1) expect((await change(again, guess)).status).toBe(400);
    const refused = await change(again, {
      currentPassword: TEST_DEMO_PASSWORD,
      newPassword: 'a fine long new password',
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('auth.locked');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn('market.cao-bang', TEST_DEMO_PASSWORD)).status).toBe(429);
    const [row] = await queryRows<{ n: number }>(
      own.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'account_locked'`,
    );
    expect(row?.n).toBe(1);
    await own.close();
  });

  it('needs a session and the CSRF token', async () => {
    expect(
      (await request(t.app).post('/api/staff/password').send({ currentPassword: 'x', newPassword: 'y' })).status,
    ).toBe(401);
    const me = await session('admin');
    const forged = await request(t.app)
      .post('/api/staff/password')
      .set('Cookie', me.cookie)
      .send({ currentPassword: TEST_DEMO_PASSWORD, newPassword: 'a fine long new password' });
    expect(forged.status).toBe(403);
  });
});
