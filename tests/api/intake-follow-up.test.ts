import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { receiptFingerprint, receiptHashesFor } from '../../server/reports/receipts.repository';
import { normaliseReceiptPart } from '../../shared/schemas/report';
import { staffSession, type StaffSession as Who } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

/** Issue #17: follow-up by phone, and a secret of their own for each caller appended to a report. */
let t: TestApp;
let operator: Who;
let otherOperator: Who;
let officer: Who;

const as = (who: Who) => ({
  get: (url: string) => request(t.app).get(url).set('Cookie', who.cookie),
  post: (url: string, body: object = {}) =>
    request(t.app).post(url).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body),
});
const minutesAgo = (m: number) => new Date(FIXED_NOW.getTime() - m * 60_000).toISOString();
const call = { line: '0981389389', callStartedAt: minutesAgo(4), callEndedAt: minutesAgo(1), callerAnonymous: true };
const report = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh, ki-ốt số 7',
  observedAt: minutesAgo(120),
};
const track = (receipt: { trackingCode: string; secret: string }) =>
  request(t.app).post('/api/public/track').send(receipt);
/** A secret as the server keeps it (the schema's normal form). */
const plain = (secret: string) => normaliseReceiptPart(secret);
/** Another secret of the right shape: the first character changed. */
const wrongOf = (secret: string) => secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));

async function file(description: string) {
  const res = await request(t.app)
    .post('/api/public/reports')
    .send({ ...report, description });
  expect(res.status).toBe(201);
  const { trackingCode, secret } = res.body as { trackingCode: string; secret: string };
  return { trackingCode, secret };
}

async function reportRow(code: string) {
  const [row] = await queryRows<{
    status: string;
    paused_since: Date | null;
    next_due_at: Date | null;
    version: number;
  }>(t.deps.db, sql`select status, paused_since, next_due_at, version from reports where tracking_code = ${code}`);
  if (!row) throw new Error(`no report ${code}`);
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  operator = await staffSession(t.app, 'operator');
  officer = await staffSession(t.app, 'market.cao-bang');
  const admin = await staffSession(t.app, 'admin');
  const created = await as(admin).post('/api/staff/accounts', {
    username: 'operator.follow-up',
    displayName: 'Điện thoại viên trực đêm',
    role: 'operator',
  });
  otherOperator = await staffSession(t.app, 'operator.follow-up', created.body.password);
});
afterAll(() => t.close());

describe('follow-up by phone (issue #17)', () => {
  it("shows the open question, then records the caller's spoken answer with the call: the report leaves needs_info and its clock runs again, as an answer on /track", async () => {
    const receipt = await file('Ki-ốt số 7 bán túi xách giả nhãn hiệu nổi tiếng, giá rất rẻ.');
    const { trackingCode } = receipt;
    const asked = await as(officer).post(`/api/staff/cases/${trackingCode}/ask`, {
      version: 1,
      question: 'Ki-ốt mở cửa vào những giờ nào trong ngày?',
    });
    expect([asked.status, asked.body.status]).toEqual([200, 'needs_info']);
    const paused = await reportRow(trackingCode);
    expect(paused.paused_since).not.toBeNull();
    expect(paused.next_due_at).toBeNull();

    const checked = await as(operator).post('/api/staff/intake/receipts', receipt);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      status: 'needs_info',
      openQuestion: { text: 'Ki-ốt mở cửa vào những giờ nào trong ngày?' },
      outcome: null,
    });

    const answer = {
      ...receipt,
      ...call,
      message: 'Người gọi cho biết ki-ốt mở từ 6 giờ đến 11 giờ sáng.',
    };
    const res = await as(operator).post('/api/staff/intake/receipts/answer', answer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      trackingCode,
      status: 'received',
      statusLabel: 'Đã tiếp nhận',
      openQuestion: null,
      messages: [
        { from: 'unit', text: 'Ki-ốt mở cửa vào những giờ nào trong ngày?' },
        { from: 'reporter', text: answer.message },
      ],
      call: { line: '0981389389', callerAnonymous: true, caller: null, opensReport: false, trackingCode },
    });
    const resumed = await reportRow(trackingCode);
    expect(resumed).toMatchObject({ status: 'received', paused_since: null, version: paused.version + 1 });
    expect(resumed.next_due_at).not.toBeNull();

    // The same as the citizen's answer: a public reporter message, with the call that carried it.
    const events = await queryRows<{ type: string; actor: string; public: boolean; data: unknown; operator: string }>(
      t.deps.db,
      sql`select e.type, e.actor, e.public, e.data, s.username as operator
          from report_events e join reports r on r.id = e.report_id
          join hotline_calls h on h.event_id = e.id join staff_accounts s on s.id = h.operator_id
          where r.tracking_code = ${trackingCode}`,
    );
    expect(events).toEqual([
      {
        type: 'reporter_message',
        actor: 'reporter',
        public: true,
        data: { channel: 'hotline', line: '0981389389' },
        operator: 'operator',
      },
    ]);
    const citizen = await track(receipt);
    expect(citizen.body).toMatchObject({ status: 'received', openQuestion: null });
    // The follow-up shows the operator what /track shows, and does not make the report theirs to open.
    expect((await as(operator).get(`/api/staff/intake/reports/${trackingCode}`)).status).toBe(404);
    const recent = await as(operator).get('/api/staff/intake/calls');
    expect(recent.body.calls.map((c: { trackingCode: string }) => c.trackingCode)).not.toContain(trackingCode);
  });

  it('refuses a wrong secret like /track, records nothing, counts it with the tracking page and locks the code after 5', async () => {
    const receipt = await file('Quầy hàng bán mỹ phẩm không rõ nguồn gốc ở cổng chợ Trà Lĩnh.');
    await as(officer).post(`/api/staff/cases/${receipt.trackingCode}/ask`, {
      version: 1,
      question: 'Quầy hàng nằm ở cổng nào của chợ?',
    });
    const wrong = { ...receipt, secret: wrongOf(receipt.secret), ...call, message: 'Cổng phía đông.' };
    const unknown = await as(operator).post('/api/staff/intake/receipts/answer', {
      ...wrong,
      trackingCode: '389-ZZZZ-ZZZZ',
    });
    const refused = await as(operator).post('/api/staff/intake/receipts/answer', wrong);
    // A wrong secret and an unknown code are the same answer, as on /track.
    expect([refused.status, refused.body.error.code]).toEqual([404, unknown.body.error.code]);
    const tracked = await request(t.app)
      .post('/api/public/track')
      .send({ ...receipt, secret: wrong.secret });
    expect([tracked.status, tracked.body.error.code]).toEqual([404, refused.body.error.code]);
    expect(await reportRow(receipt.trackingCode)).toMatchObject({ status: 'needs_info' });
    const [calls] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from hotline_calls h join reports r on r.id = h.report_id where r.tracking_code = ${receipt.trackingCode}`,
    );
    expect(calls?.n).toBe(0);

    // A bad field is named before any secret is checked, and costs no attempt.
    const bad = await as(operator).post('/api/staff/intake/receipts/answer', { ...wrong, message: '', line: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['line', 'message']);
    const badLine = await as(operator).post('/api/staff/intake/receipts/answer', { ...wrong, line: '0900000000' });
    expect([badLine.status, badLine.body.error.fields[0].field]).toEqual([400, 'line']);

    // Two wrong here, two on /track (one above), one more here: the fifth locks both doors, right secret or not.
    await as(operator).post('/api/staff/intake/receipts/answer', wrong);
    await request(t.app)
      .post('/api/public/track')
      .send({ ...receipt, secret: wrong.secret });
    await as(operator).post('/api/staff/intake/receipts/answer', wrong);
    const locked = await as(operator).post('/api/staff/intake/receipts/answer', { ...wrong, secret: receipt.secret });
    expect(locked.status).toBe(429);
    expect((await track(receipt)).status).toBe(429);
    expect(await reportRow(receipt.trackingCode)).toMatchObject({ status: 'needs_info' });
  });

  it('is for operators only', async () => {
    const receipt = await file('Cửa hàng bán đồng hồ giả ở dãy ki-ốt phía sau chợ Trà Lĩnh.');
    const body = { ...receipt, ...call, message: 'Người gọi bổ sung: cửa hàng có biển hiệu màu xanh.' };
    expect((await as(officer).post('/api/staff/intake/receipts/answer', body)).status).toBe(403);
    expect((await request(t.app).post('/api/staff/intake/receipts/answer').send(body)).status).toBe(401);
    expect(await reportRow(receipt.trackingCode)).toMatchObject({ status: 'received', version: 1 });
  });
});

describe("an appended caller's own secret (issue #17)", () => {
  it("gives the appended caller the report's code and a secret of their own, which /track and the console accept beside the first; only its slow hash is kept", async () => {
    const first = await file('Ki-ốt số 9 chợ Trà Lĩnh bán nước hoa giả, người bán nói hàng xách tay.');
    const appended = await as(operator).post(
      `/api/staff/intake/reports/${first.trackingCode}/calls?communeCode=01447`,
      {
        ...call,
        note: 'Người gọi thứ hai cũng thấy ki-ốt số 9 bán nước hoa giả.',
      },
    );
    expect(appended.status).toBe(201);
    expect(appended.body).toMatchObject({ trackingCode: first.trackingCode, opensReport: false });
    expect(appended.body.secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(appended.body.secret).not.toBe(first.secret);
    const second = { trackingCode: first.trackingCode, secret: appended.body.secret as string };

    expect((await track(first)).status).toBe(200);
    const tracked = await track(second);
    expect([tracked.status, tracked.body.trackingCode]).toEqual([200, first.trackingCode]);
    expect((await as(otherOperator).post('/api/staff/intake/receipts', second)).status).toBe(200);
    expect((await track({ ...second, secret: wrongOf(second.secret) })).status).toBe(404);
    // The second caller answers on /track like the first would.
    const message = await request(t.app)
      .post('/api/public/track/messages')
      .send({ ...second, message: 'Tôi là người gọi thứ hai, ki-ốt mở cả buổi chiều.' });
    expect(message.status).toBe(200);

    const rows = await queryRows<{ secret_hash: string; call_line: string }>(
      t.deps.db,
      sql`select k.secret_hash, h.line as call_line
          from report_receipts k join reports r on r.id = k.report_id join hotline_calls h on h.id = k.call_id
          where r.tracking_code = ${first.trackingCode}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.secret_hash).toMatch(/^scrypt\$/);
    expect(rows[0]?.secret_hash).not.toContain(second.secret.replace(/-/g, ''));
    expect(rows[0]?.call_line).toBe('0981389389');

    // A third caller gets a third secret; each opens the report, none another's.
    const third = await as(operator).post(`/api/staff/intake/reports/${first.trackingCode}/calls`, {
      ...call,
      note: 'Người gọi thứ ba hỏi về ki-ốt số 9 ở chợ.',
    });
    expect(third.status).toBe(201);
    expect(new Set([first.secret, second.secret, third.body.secret]).size).toBe(3);
    expect((await track({ trackingCode: first.trackingCode, secret: third.body.secret })).status).toBe(200);
  });

  it('verifies one slow hash per attempt, whatever the secret and however many callers were appended (found by a keyed fingerprint)', async () => {
    const first = await file('Ki-ốt số 11 chợ Trà Lĩnh bán giày giả nhãn hiệu, giá rẻ bất thường.');
    const secrets: string[] = [];
    for (const note of ['Người gọi thứ hai về ki-ốt số 11.', 'Người gọi thứ ba về ki-ốt số 11.']) {
      const res = await as(operator).post(`/api/staff/intake/reports/${first.trackingCode}/calls?communeCode=01447`, {
        ...call,
        note,
      });
      expect(res.status).toBe(201);
      secrets.push(res.body.secret as string);
    }
    const [row] = await queryRows<{ id: string; secret_hash: string }>(
      t.deps.db,
      sql`select id, secret_hash from reports where tracking_code = ${first.trackingCode}`,
    );
    const reportRef = { id: row?.id ?? '', secretHash: row?.secret_hash ?? '' };
    const stored = await queryRows<{ secret_hash: string; secret_fingerprint: string | null }>(
      t.deps.db,
      sql`select secret_hash, secret_fingerprint from report_receipts where report_id = ${reportRef.id}::uuid
           order by created_at`,
    );
    expect(stored).toHaveLength(2);
    // The fingerprint is keyed: not the secret, nor an unkeyed digest of it.
    for (const [i, r] of stored.entries()) {
      expect(r.secret_fingerprint).toBe(receiptFingerprint(t.deps.secrets.sessionSecret, plain(secrets[i] ?? '')));
      expect(r.secret_fingerprint).not.toContain(plain(secrets[i] ?? ''));
    }
    const hashesFor = (secret: string) =>
      receiptHashesFor(t.deps.db, reportRef, receiptFingerprint(t.deps.secrets.sessionSecret, plain(secret)));
    // An appended caller's secret: its own hash only; the first secret or a wrong one: the report's only.
    expect(await hashesFor(secrets[1] ?? '')).toEqual([stored[1]?.secret_hash]);
    expect(await hashesFor(first.secret)).toEqual([reportRef.secretHash]);
    expect(await hashesFor(wrongOf(first.secret))).toEqual([reportRef.secretHash]);
    // And each still opens the report; a wrong one does not.
    for (const secret of [first.secret, ...secrets])
      expect((await track({ trackingCode: first.trackingCode, secret })).status).toBe(200);
    expect((await track({ trackingCode: first.trackingCode, secret: wrongOf(secrets[0] ?? '') })).status).toBe(404);
  });

  it("gives a call appended to a duplicate the surviving report's code, and the secret opens that report", async () => {
    const survivor = await file('Cửa hàng số 3 đường Trà Lĩnh bán thuốc lá ngoại không tem.');
    const duplicate = await file('Cửa hàng số 3 đường Trà Lĩnh bán thuốc lá lậu, không có tem.');
    const merged = await as(officer).post(`/api/staff/cases/${duplicate.trackingCode}/merge`, {
      version: 1,
      into: survivor.trackingCode,
    });
    expect(merged.status).toBe(200);
    const appended = await as(operator).post(
      `/api/staff/intake/reports/${duplicate.trackingCode}/calls?communeCode=01447`,
      { ...call, note: 'Người gọi xác nhận cửa hàng số 3 vẫn bán thuốc lá lậu.' },
    );
    expect(appended.status).toBe(201);
    expect(appended.body.trackingCode).toBe(survivor.trackingCode);
    expect((await track({ trackingCode: survivor.trackingCode, secret: appended.body.secret })).status).toBe(200);
    expect((await track({ trackingCode: duplicate.trackingCode, secret: appended.body.secret })).status).toBe(404);
  });
});
