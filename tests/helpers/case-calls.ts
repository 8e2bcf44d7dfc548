import request from 'supertest';
import { staffSession, type StaffSession } from './staff';
import { createTestApp, type TestApp } from './test-app';

/** A counterfeit report at a market of Trà Lĩnh (Cao Bằng), the case tests' usual report. */
export const MARKET_REPORT = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh, ki-ốt 12',
};

/**
 * The calls the case tests make, written once: a citizen files a report an hour after seeing it, staff (signed in
 * as `who[as]`) view, act and read their queue. `app` and `now` are read at each call: the tests build the app
 * in `beforeAll` and move their clock.
 */
export function caseCalls(app: () => TestApp, who: Record<string, StaffSession>, now: () => number, report: object) {
  const HOUR = 3_600_000;
  return {
    async file(extra: object = {}) {
      const res = await request(app().app)
        .post('/api/public/reports')
        .send({ ...report, observedAt: new Date(now() - HOUR).toISOString(), ...extra });
      expect(res.status).toBe(201);
      const { trackingCode, secret } = res.body as { trackingCode: string; secret: string };
      return { trackingCode, secret };
    },
    view: (as: string, code: string) =>
      request(app().app)
        .get(`/api/staff/cases/${code}`)
        .set('Cookie', who[as]?.cookie ?? ''),
    act: (as: string, code: string, action: string, body: object) =>
      request(app().app)
        .post(`/api/staff/cases/${code}/${action}`)
        .set('Cookie', who[as]?.cookie ?? '')
        .set('X-CSRF-Token', who[as]?.csrf ?? '')
        .send(body),
    queue: (as: string, query = '') =>
      request(app().app)
        .get(`/api/staff/cases${query}`)
        .set('Cookie', who[as]?.cookie ?? ''),
  };
}

/**
 * The case tests' app: on a clock the test moves (`now`), with sessions that never expire while it does, and any
 * further settings in `env`.
 */
export function movingClockApp(now: () => number, env: Record<string, string> = {}): Promise<TestApp> {
  return createTestApp({
    clock: { now: () => new Date(now()) },
    env: { STAFF_SESSION_IDLE_MINUTES: '1000000', STAFF_SESSION_MAX_HOURS: '100000', ...env },
  });
}

/** Signs each of `accounts` (key → username, demo password) in, into `who[key]`. */
export async function signInAll(t: TestApp, who: Record<string, StaffSession>, accounts: Record<string, string>) {
  for (const [key, username] of Object.entries(accounts)) who[key] = await staffSession(t.app, username);
}
