import type { Express } from 'express';
import request from 'supertest';
import { TEST_DEMO_PASSWORD } from './test-db';

/** What a signed-in browser holds: the session cookie and the CSRF token for state-changing requests. */
export interface StaffSession {
  cookie: string;
  csrf: string;
}

/** POST /api/staff/session, as the sign-in page sends it; demo accounts share TEST_DEMO_PASSWORD. */
export const signIn = (app: Express, username: string, password = TEST_DEMO_PASSWORD) =>
  request(app).post('/api/staff/session').send({ username, password });

/** The `name=value` part of the session cookie an answer sets. */
export const cookieOf = (res: request.Response): string =>
  String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';

/** Signs a staff member in; the test fails here if the sign-in is refused. */
export async function staffSession(
  app: Express,
  username: string,
  password = TEST_DEMO_PASSWORD,
): Promise<StaffSession> {
  const res = await signIn(app, username, password);
  expect(res.status).toBe(200);
  return { cookie: cookieOf(res), csrf: res.body.csrfToken as string };
}
