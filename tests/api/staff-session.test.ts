import crypto, { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { createAdminAccount } from '../../server/auth/accounts.service';
import { queryRows } from '../../server/db/query-rows';
import { phoneJpeg } from '../helpers/images';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';
import { cookieOf, signIn, staffSession } from '../helpers/staff';
import { TEST_DEMO_PASSWORD } from '../helpers/test-db';

const MINUTES = 60_000;
let now = FIXED_NOW.getTime();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date(now) } });
});
afterAll(() => t.close());

const audit = async (action: string) =>
  (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]
    ?.n ?? 0;

describe('staff sign-in', () => {
  it('signs in with a server-side session in an HttpOnly, SameSite=Strict cookie and answers the user and a CSRF token', async () => {
    const res = await signIn(t.app, 'Police.Cao-Bang ');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: {
        username: 'police.cao-bang',
        displayName: 'Cán bộ Phòng Cảnh sát kinh tế Cao Bằng',
        role: 'officer',
        unit: { id: expect.any(String), name: 'Phòng Cảnh sát kinh tế, Công an tỉnh Cao Bằng' },
        scopeProvinceCode: null,
        scopeCommuneCode: null,
      },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    const cookie = String(res.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/^tipline_staff=[\w-]{43}; Path=\/api\/staff; HttpOnly; SameSite=Strict$/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const [stored] = await queryRows<{ token_hash: string }>(
      t.deps.db,
      sql`select token_hash from staff_sessions order by created_at desc limit 1`,
    );
    expect(cookie).not.toContain(stored?.token_hash);

    const again = await request(t.app).get('/api/staff/session').set('Cookie', cookieOf(res));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect(await audit('sign_in')).toBeGreaterThanOrEqual(1);
  });

  it('answers the same 401 for a wrong password and for a user that does not exist', async () => {
    const wrong = await signIn(t.app, 'market.cao-bang', 'not-the-password');
    const nobody = await signIn(t.app, 'nobody.anywhere', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(nobody.status).toBe(401);
    expect(wrong.body.error.message).toBe(nobody.body.error.message);
    expect(wrong.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('stores passwords as scrypt with N=2^15, r=8, p=1 and a random salt', async () => {
    const rows = await queryRows<{ password_hash: string }>(t.deps.db, sql`select password_hash from staff_accounts`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(new Set(rows.map((r) => r.password_hash.split('$')[4])).size).toBe(rows.length);
  });

  it('refuses a state-changing request without the CSRF token, and signs out with it', async () => {
    const { cookie, csrf } = await staffSession(t.app, 'border.cao-bang');
    const forged = await request(t.app).delete('/api/staff/session').set('Cookie', cookie);
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_failed');
    const wrong = await request(t.app).delete('/api/staff/session').set('Cookie', cookie).set('X-CSRF-Token', 'guess');
    expect(wrong.status).toBe(403);
    const out = await request(t.app).delete('/api/staff/session').set('Cookie', cookie).set('X-CSRF-Token', csrf);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie']?.[0])).toMatch(/^tipline_staff=; Max-Age=0; Path=\/api\/staff/);
    expect((await request(t.app).get('/api/staff/session').set('Cookie', cookie)).status).toBe(401);
  });

  it('signs in again from a browser that still holds a session cookie, without a CSRF token', async () => {
    const { cookie } = await staffSession(t.app, 'border.cao-bang');
    const again = await request(t.app)
      .post('/api/staff/session')
      .set('Cookie', cookie)
      .send({ username: 'border.cao-bang', password: TEST_DEMO_PASSWORD });
    expect(again.status).toBe(200);
    expect(again.headers['cache-control']).toBe('private, no-store');
    const forged = await request(t.app).delete('/api/staff/sessions').set('Cookie', cookie);
    expect(forged.status).toBe(403);
  });

  it('signs out everywhere: every session of the account ends', async () => {
    const phone = await staffSession(t.app, 'customs.cao-bang');
    const desk = await staffSession(t.app, 'customs.cao-bang');
    const out = await request(t.app)
      .delete('/api/staff/sessions')
      .set('Cookie', phone.cookie)
      .set('X-CSRF-Token', phone.csrf);
    expect(out.status).toBe(204);
    expect((await request(t.app).get('/api/staff/session').set('Cookie', desk.cookie)).status).toBe(401);
  });

  it('ends a session after 30 idle minutes, and any session after 12 hours however busy', async () => {
    const idle = await staffSession(t.app, 'police.dong-thap');
    now += 29 * MINUTES;
    expect((await request(t.app).get('/api/staff/session').set('Cookie', idle.cookie)).status).toBe(200);
    now += 31 * MINUTES;
    expect((await request(t.app).get('/api/staff/session').set('Cookie', idle.cookie)).status).toBe(401);

    const busy = await staffSession(t.app, 'police.dong-thap');
    for (let hour = 0; hour < 12; hour += 0.25) {
      now += 15 * MINUTES;
      const res = await request(t.app).get('/api/staff/session').set('Cookie', busy.cookie);
      expect(res.status).toBe(hour + 0.25 <= 12 ? 200 : 401);
    }
    now += 15 * MINUTES;
    expect((await request(t.app).get('/api/staff/session').set('Cookie', busy.cookie)).status).toBe(401);
  });

  it('locks an account after 5 failures in a row, even against the right password, until 15 minutes pass', async () => {
    const lockedBefore = await audit('account_locked');
    for (let i = 0; i < 5; i += 1) expect((await signIn(t.app, 'market.dong-thap', 'wrong-password')).status).toBe(401);
    const refused = await signIn(t.app, 'market.dong-thap');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('auth.locked');
    expect(Number(refused.headers['retry-after'])).toBe(15 * 60);
    expect(await audit('account_locked')).toBe(lockedBefore + 1);
    expect(await audit('sign_in_refused_locked')).toBeGreaterThanOrEqual(1);
    now += 16 * MINUTES;
    expect((await signIn(t.app, 'market.dong-thap')).status).toBe(200);
  });

  it('lets no more than 5 guesses through when they arrive all at once', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => signIn(t.app, 'border.dong-thap', 'guess-in-parallel')),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    expect((await signIn(t.app, 'border.dong-thap')).status).toBe(429);
  });

  it('locks a username that does not exist the same way, so the answer tells nothing', async () => {
    for (let i = 0; i < 5; i += 1) expect((await signIn(t.app, 'ghost.account', 'x')).status).toBe(401);
    expect((await signIn(t.app, 'ghost.account', 'x')).status).toBe(429);
  });
});

describe('what a failed or locked sign-in gives away (issue #15)', () => {
  /** How many scrypt runs one request makes: the slow work that sets its answer time. */
  async function slowHashesOf(send: () => Promise<request.Response>): Promise<{ status: number; hashes: number }> {
    const spy = jest.spyOn(crypto, 'scrypt');
    try {
      const res = await send();
      return { status: res.status, hashes: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  }

  it('answers a locked real account and a locked unknown username after the same slow hash, so the time tells nothing', async () => {
    for (let i = 0; i < 5; i += 1) {
      await signIn(t.app, 'customs.dong-thap', 'wrong-password');
      await signIn(t.app, 'nobody.at.all', 'wrong-password');
    }
    const real = await slowHashesOf(() => signIn(t.app, 'customs.dong-thap', 'wrong-password'));
    const unknown = await slowHashesOf(() => signIn(t.app, 'nobody.at.all', 'wrong-password'));
    expect(real).toEqual({ status: 429, hashes: 1 });
    expect(unknown).toEqual({ status: 429, hashes: 1 });
  });

  it('keeps a keyed hash of an unknown username in the audit log, never what was typed (it may be a password); real accounts by id', async () => {
    const typed = 'Mật-khẩu-gõ-nhầm-ô 2026';
    await signIn(t.app, typed, 'x');
    await signIn(t.app, typed, 'y');
    const rows = await queryRows<{ subject: string; data: unknown }>(
      t.deps.db,
      sql`select subject, data from audit_log where action = 'sign_in_failed' order by id`,
    );
    const text = JSON.stringify(rows);
    expect(text).not.toContain('gõ-nhầm');
    expect(text).not.toContain('nobody.anywhere');
    const expected = `username-hash:${createHmac('sha256', Buffer.from(t.deps.secrets.sessionSecret, 'hex')).update(`audit-username\0${typed.toLowerCase()}`).digest('base64url')}`;
    // The same name gives the same entry, so repeated guesses still show as one name being tried.
    expect(rows.filter((r) => r.subject === expected)).toHaveLength(2);
    expect(rows.every((r) => /^(username-hash:[\w-]{43}|account:[0-9a-f-]{36})$/.test(r.subject))).toBe(true);
  });

  it('stores session tokens keyed with SESSION_SECRET, not as a plain hash anyone could recompute', async () => {
    const res = await signIn(t.app, 'police.dong-thap');
    const token = decodeURIComponent(cookieOf(res).split('=')[1] ?? '');
    const [row] = await queryRows<{ token_hash: string }>(
      t.deps.db,
      sql`select token_hash from staff_sessions order by created_at desc, token_hash limit 1`,
    );
    const keyed = createHmac('sha256', Buffer.from(t.deps.secrets.sessionSecret, 'hex'))
      .update(`session-token\0${token}`)
      .digest('base64url');
    const [stored] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from staff_sessions where token_hash = ${keyed}`,
    );
    expect(stored?.n).toBe(1);
    expect(row?.token_hash).not.toBe(crypto.createHash('sha256').update(token).digest('base64url'));
  });
});

describe('the first administrator of a real installation', () => {
  it('is created with a generated password that signs in, once per username, and audited', async () => {
    const { username, password } = await createAdminAccount(t.deps.db, t.deps.clock, {
      username: 'Nguyen.Admin',
      displayName: 'Nguyễn Quản Trị',
    });
    expect(username).toBe('nguyen.admin');
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const res = await signIn(t.app, 'nguyen.admin', password);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: 'admin', displayName: 'Nguyễn Quản Trị', unit: null });
    await expect(
      createAdminAccount(t.deps.db, t.deps.clock, { username: 'nguyen.admin', displayName: 'x' }),
    ).rejects.toThrow(/already taken/);
    await expect(
      createAdminAccount(t.deps.db, t.deps.clock, { username: 'bad name!', displayName: 'x' }),
    ).rejects.toThrow(/a username is/);
    expect(await audit('account_created')).toBe(1);
  });
});

describe('staff access to report photos', () => {
  let photoId: string;
  beforeAll(async () => {
    const res = await request(t.app)
      .post('/api/public/reports')
      .field('category', 'counterfeit')
      .field('placeType', 'market')
      .field('provinceCode', '04')
      .field('communeCode', '01447')
      .field('address', 'Chợ Trà Lĩnh')
      .field('observedAt', new Date(now - 3_600_000).toISOString())
      .field('description', 'Bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường.')
      .attach('photos', await phoneJpeg(800, 600), { filename: 'a.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    const [row] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select p.id from report_photos p join reports r on r.id = p.report_id where r.tracking_code = ${res.body.trackingCode}`,
    );
    photoId = row?.id ?? '';
  });

  // Lead: Đội QLTT số 2 (beneath market-04); coordinating: Công an xã Trà Lĩnh (beneath police-04).
  it.each([
    ['market.cao-bang', 200, 'the province unit above the lead team'],
    ['police.cao-bang', 200, 'the province unit above the coordinating commune police'],
    ['coordinator.cao-bang', 200, 'the coordinator of the province'],
    ['coordinator', 200, 'the national coordinator'],
    ['border.cao-bang', 404, 'a unit neither leading nor coordinating'],
    ['market.dong-thap', 404, 'a unit of another province'],
    ['operator', 404, 'an operator'],
    ['admin', 404, 'an administrator'],
  ])('%s gets %i (%s)', async (username, status) => {
    const { cookie } = await staffSession(t.app, username);
    const res = await request(t.app).get(`/api/staff/photos/${photoId}?size=thumb`).set('Cookie', cookie);
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.headers['cache-control']).toBe('private, no-store');
    } else {
      expect(res.body.error.code).toBe('not_found');
    }
  });
});
