import { sql } from 'drizzle-orm';
import request from 'supertest';
import type { StaffStats } from '../../shared/api/stats';
import { queryRows } from '../../server/db/query-rows';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';
import { staffSession, type StaffSession as Who } from '../helpers/staff';

/*
 * Issue #18, every channel at the desk: operators, officers and unit leads enter a report received in person,
 * by letter, e-mail or Zalo with when it was received (its clocks start then), and get the same receipt.
 */
let t: TestApp;
let operator: Who;
let officer: Who;
let lead: Who;
let coordinator: Who;
let admin: Who;

const as = (who: Who) => ({
  get: (url: string) => request(t.app).get(url).set('Cookie', who.cookie),
  post: (url: string, body: object = {}) =>
    request(t.app).post(url).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body),
});
const hoursAgo = (h: number) => new Date(FIXED_NOW.getTime() - h * 3_600_000).toISOString();
const fields = (res: request.Response) => res.body.error.fields.map((f: { field: string }) => f.field);

const report = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh, ki-ốt số 12',
  observedAt: hoursAgo(72),
  description: 'Người đến trình báo thấy bán nước hoa giả nhãn hiệu Chanel, giá 150 nghìn đồng một chai.',
};

beforeAll(async () => {
  t = await createTestApp();
  operator = await staffSession(t.app, 'operator');
  officer = await staffSession(t.app, 'customs.cao-bang');
  lead = await staffSession(t.app, 'lead.market.cao-bang');
  coordinator = await staffSession(t.app, 'coordinator');
  admin = await staffSession(t.app, 'admin');
});
afterAll(() => t.close());

async function stored(trackingCode: string) {
  const [row] = await queryRows<{
    channel: string;
    received_at: Date;
    accept_due_at: Date;
    call_channel: string;
    line: string;
    caller_masked: string | null;
    event_at: Date;
  }>(
    t.deps.db,
    sql`select r.channel, r.received_at, r.accept_due_at, h.channel as call_channel, h.line, h.caller_masked, e.at as event_at
        from reports r join hotline_calls h on h.report_id = r.id join report_events e on e.id = h.event_id
        where r.tracking_code = ${trackingCode}`,
  );
  return row;
}

describe('every channel at the desk', () => {
  const entered: Record<string, string> = {};

  it.each([
    ['walk_in', 'operator', 2],
    ['letter', 'officer', 50],
    ['email', 'unit lead', 5],
    ['zalo', 'operator', 1],
  ] as const)(
    'enters a %s report (%s), received %d hours ago: the clocks start then, the same receipt',
    async (channel, who, hours) => {
      const staff = { operator, officer, 'unit lead': lead }[who];
      const receivedAt = hoursAgo(hours);
      const res = await as(staff).post('/api/staff/intake/reports', { channel, receivedAt, ...report });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'received',
        receivedAt,
        lead: { force: 'market' },
        call: { channel, at: receivedAt, opensReport: true, caller: null },
      });
      entered[channel] = res.body.trackingCode;
      const row = await stored(res.body.trackingCode);
      expect(row).toMatchObject({ channel, call_channel: channel, line: '' });
      expect(new Date(row?.received_at ?? 0).toISOString()).toBe(receivedAt);
      expect(new Date(row?.event_at ?? 0).toISOString()).toBe(receivedAt);
      expect(new Date(row?.accept_due_at ?? 0).getTime()).toBeGreaterThan(new Date(receivedAt).getTime());

      const tracked = await request(t.app)
        .post('/api/public/track')
        .send({ trackingCode: res.body.trackingCode, secret: res.body.secret });
      expect(tracked.status).toBe(200);
    },
  );

  it('refuses a desk entry without a receipt time, one in the future or older than 30 days, and call fields on it', async () => {
    const post = (body: object) => as(officer).post('/api/staff/intake/reports', { ...report, ...body });
    const missing = await post({ channel: 'walk_in' });
    expect([missing.status, fields(missing)]).toEqual([400, ['receivedAt']]);
    expect(missing.body.error.fields[0].message).toBe('Thời điểm tiếp nhận: bắt buộc phải nhập');
    const future = await post({ channel: 'letter', receivedAt: new Date(FIXED_NOW.getTime() + 3_600_000) });
    expect([future.status, fields(future)]).toEqual([400, ['receivedAt']]);
    const old = await post({ channel: 'email', receivedAt: hoursAgo(31 * 24) });
    expect([old.status, fields(old)]).toEqual([400, ['receivedAt']]);
    expect(old.body.error.fields[0].message).toBe('Thời điểm tiếp nhận: không được sớm hơn 30 ngày trước');
    const callFields = await post({ channel: 'zalo', receivedAt: hoursAgo(1), line: '0981389389' });
    expect([callFields.status, fields(callFields)]).toEqual([400, ['line']]);
    const unknown = await post({ channel: 'web', receivedAt: hoursAgo(1) });
    expect([unknown.status, fields(unknown)]).toEqual([400, ['channel']]);
    // A call keeps its own fields and no receipt time (its clocks start when it is saved).
    const call = await post({ channel: 'hotline', receivedAt: hoursAgo(1) });
    expect(call.status).toBe(400);
    expect(fields(call)).toEqual(expect.arrayContaining(['line', 'callStartedAt', 'callEndedAt', 'receivedAt']));
    expect(await queryRows(t.deps.db, sql`select 1 from reports where channel = 'web'`)).toEqual([]);
  });

  it("lets an officer open their own entry as the console does, never the case of another unit's report", async () => {
    const code = entered.letter ?? '';
    const view = await as(officer).get(`/api/staff/intake/reports/${code}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ channel: 'letter', enteredByMe: true, lead: { force: 'market' } });
    expect(JSON.stringify(view.body)).not.toMatch(/contact/i);
    expect((await as(officer).get(`/api/staff/cases/${code}`)).status).toBe(404);
    // The lead unit handles it as any other report.
    expect((await as(lead).get(`/api/staff/cases/${code}`)).status).toBe(200);
    // Another staff member's entry is not theirs to open, even with the place typed (that window is the operators').
    const other = await as(officer).get(`/api/staff/intake/reports/${entered.walk_in}?communeCode=01447`);
    expect(other.status).toBe(404);
    const mine = await as(officer).get('/api/staff/intake/calls');
    expect(mine.body.calls.map((c: { trackingCode: string }) => c.trackingCode)).toEqual([code]);
  });

  it('is for operators, officers and unit leads: 403 for admins and coordinators', async () => {
    const body = { channel: 'walk_in', receivedAt: hoursAgo(1), ...report };
    expect((await as(admin).post('/api/staff/intake/reports', body)).status).toBe(403);
    expect((await as(coordinator).post('/api/staff/intake/reports', body)).status).toBe(403);
    expect((await as(lead).get('/api/staff/intake/lines')).status).toBe(200);
  });

  it('counts each channel entered in the dashboard (report_stats_monthly × channel)', async () => {
    const call = await as(operator).post('/api/staff/intake/reports', {
      line: '0981389389',
      callStartedAt: hoursAgo(0.2),
      callEndedAt: hoursAgo(0.1),
      callerAnonymous: true,
      ...report,
    });
    expect(call.status).toBe(201);
    expect(call.body.call.channel).toBe('hotline');
    const res = await as(coordinator).get('/api/staff/stats?from=2026-11-01&to=2026-11-23');
    expect(res.status).toBe(200);
    const byChannel = Object.fromEntries(
      (res.body as StaffStats).byChannel.map((r) => [r.key, r.received] as const).filter(([, n]) => n > 0),
    );
    expect(byChannel).toEqual({ hotline: 1, walk_in: 1, letter: 1, email: 1, zalo: 1 });
  });
});
