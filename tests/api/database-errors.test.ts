import { sql } from 'drizzle-orm';
import express from 'express';
import request from 'supertest';
import { errorHandler, reportSubmission } from '../../server/http/error-handler';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SENTINEL = 'SENTINEL-6620 bán rượu giả ở chợ Trà Lĩnh';

/** What the real engine throws for `query` (drizzle's DrizzleQueryError around the driver's own error). */
async function failureOf(query: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await t.deps.db.execute(query);
  } catch (err) {
    return err;
  }
  throw new Error('the query did not fail');
}

/** The app's error handler behind a route that throws `err`, as any route's failed query would. */
function appThrowing(err: unknown, submission = false) {
  const app = express();
  app.post('/route', ...(submission ? [reportSubmission] : []), () => {
    throw err;
  });
  app.use(errorHandler(t.deps.logger));
  return app;
}

describe('database errors are recognised by class and logged without the query or its parameters (issue #15, part 2)', () => {
  it('a value the database cannot hold (a NUL in a text) is a 400, logged as a gap in the schemas with its SQLSTATE only', async () => {
    const err = await failureOf(sql`select ${`a\u0000 ${SENTINEL}`}::text as description`);
    const before = t.logs.length;
    const res = await request(appThrowing(err)).post('/route');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/không lưu được/) });
    const lines = t.logs.slice(before);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'the database refused a value the schemas let through',
        err: expect.objectContaining({
          database: expect.objectContaining({ code: expect.stringMatching(/^(22021|22P05)$/) }),
        }),
      }),
    );
    expect(JSON.stringify(lines)).not.toMatch(/SENTINEL|select|description|Failed query/);
  });

  it("any other failed query is a 500 whose log holds the SQLSTATE, routine and stack frames, never the SQL, its parameters or the database's message", async () => {
    const err = await failureOf(
      sql`select ${SENTINEL}::text as description, 1 / (length(${SENTINEL}) - length(${SENTINEL}))`,
    );
    const before = t.logs.length;
    const res = await request(appThrowing(err)).post('/route');
    expect(res.status).toBe(500);
    const line = t.logs.slice(before).find((l) => l.msg === 'unhandled error') as
      { err: { database: Record<string, unknown>; stack: string } } | undefined;
    expect(line?.err.database).toMatchObject({ code: '22012', routine: expect.any(String) });
    expect(line?.err.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(t.logs.slice(before))).not.toMatch(
      /SENTINEL|select|description|Failed query|division by zero/,
    );
  });

  it("a 500 on a staff route says nothing about a report; on the citizen's report route it says the report was not sent", async () => {
    const err = await failureOf(sql`select 1 / 0`);
    const staff = await request(appThrowing(err)).post('/route');
    expect(staff.body.error).toEqual({
      code: 'internal',
      message: 'Hệ thống gặp sự cố ngoài ý muốn. Vui lòng thử lại sau.',
      fields: [],
    });
    const staffEn = await request(appThrowing(err)).post('/route?lang=en');
    expect(staffEn.body.error.message).toBe('Something went wrong on our side. Please try again later.');
    const citizen = await request(appThrowing(err, true)).post('/route');
    expect(citizen.body.error.message).toMatch(/Tin báo của bạn chưa được gửi/);
  });

  it('two crossed transactions (a serialization failure) are a 409 the client may retry', async () => {
    const err = await failureOf(
      sql`do $$ begin raise exception using errcode = '40001', message = ${'x'}; end $$`.inlineParams(),
    );
    const res = await request(appThrowing(err)).post('/route');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });
});
