import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { openContact } from '../../server/reports/receipt';
import { phoneJpeg } from '../helpers/images';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';
import { staffSession, type StaffSession as Who } from '../helpers/staff';

let t: TestApp;
let operator: Who;
let otherOperator: Who;
let officer: Who;

const session = (username: string, password?: string) => staffSession(t.app, username, password);
const as = (who: Who) => ({
  get: (url: string) => request(t.app).get(url).set('Cookie', who.cookie),
  post: (url: string, body: object = {}) =>
    request(t.app).post(url).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body),
  attach: (url: string, files: Buffer[]) => {
    const req = request(t.app).post(url).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf);
    for (const [i, file] of files.entries()) req.attach('photos', file, `zalo-${i}.jpg`);
    return req;
  },
});
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;
const minutesAgo = (m: number) => new Date(FIXED_NOW.getTime() - m * 60_000).toISOString();

const call = {
  line: '0981.389.389',
  callStartedAt: minutesAgo(6),
  callEndedAt: minutesAgo(1),
  callerNumber: '+84 912 345 678',
  callerAnonymous: false,
};
const report = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh, ki-ốt số 12',
  observedAt: minutesAgo(120),
  description: 'Người gọi thấy bán nước hoa giả nhãn hiệu Chanel, giá 150 nghìn đồng một chai.',
};

beforeAll(async () => {
  t = await createTestApp();
  operator = await session('operator');
  officer = await session('customs.cao-bang');
  const admin = await session('admin');
  const created = await as(admin).post('/api/staff/accounts', {
    username: 'operator.two',
    displayName: 'Điện thoại viên thứ hai',
    role: 'operator',
  });
  otherOperator = await session('operator.two', created.body.password);
});
afterAll(() => t.close());

describe('the hotline intake API', () => {
  it('lists the configured lines', async () => {
    const res = await as(operator).get('/api/staff/intake/lines');
    expect(res.status).toBe(200);
    expect(res.body.lines).toEqual([
      { number: '0981389389', provinceCode: null, provinceName: null },
      { number: '0961389389', provinceCode: null, provinceName: null },
    ]);
  });

  it('enters a call as a hotline report with a receipt the citizen tracking page accepts; the number is sealed and masked', async () => {
    const res = await as(operator).post('/api/staff/intake/reports', { ...call, ...report });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'received',
      lead: { force: 'market' },
      call: { caller: '0912***678', callerAnonymous: false, opensReport: true, line: '0981389389' },
    });
    const tracked = await request(t.app)
      .post('/api/public/track')
      .send({ trackingCode: res.body.trackingCode, secret: res.body.secret });
    expect(tracked.status).toBe(200);
    expect(tracked.body.status).toBe('received');

    const [row] = await queryRows<{ channel: string; caller_masked: string; caller_sealed: string; started_at: Date }>(
      t.deps.db,
      sql`select r.channel, h.caller_masked, h.caller_sealed, h.started_at from reports r join hotline_calls h on h.report_id = r.id where r.tracking_code = ${res.body.trackingCode}`,
    );
    expect(row?.channel).toBe('hotline');
    expect(row?.caller_sealed).not.toContain('912345678');
    expect(openContact(row?.caller_sealed ?? '', '11'.repeat(32))).toEqual({ phone: '0912345678' });
    expect(new Date(row?.started_at ?? 0).toISOString()).toBe(call.callStartedAt);
  });

  it('keeps no trace of the number of a caller who wants to stay anonymous, and refuses one typed in anyway', async () => {
    const refused = await as(operator).post('/api/staff/intake/reports', { ...call, callerAnonymous: true, ...report });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ field: 'callerNumber' })]);

    const res = await as(operator).post('/api/staff/intake/reports', {
      ...call,
      callerNumber: '',
      callerAnonymous: true,
      ...report,
    });
    expect(res.status).toBe(201);
    expect(res.body.call).toMatchObject({ caller: null, callerAnonymous: true });
    const [row] = await queryRows<{ caller_masked: string | null; caller_sealed: string | null }>(
      t.deps.db,
      sql`select h.caller_masked, h.caller_sealed from hotline_calls h join reports r on r.id = h.report_id where r.tracking_code = ${res.body.trackingCode}`,
    );
    expect(row).toEqual({ caller_masked: null, caller_sealed: null });
  });

  it('refuses a bad call naming each field, in English on request, and writes nothing', async () => {
    const before = await Promise.all(['reports', 'hotline_calls', 'report_events', 'routing_decisions'].map(count));
    const res = await as(operator)
      .post('/api/staff/intake/reports', {
        ...call,
        callerNumber: '12345',
        callStartedAt: 'yesterday',
        ...report,
        description: 'ngắn',
      })
      .set('Accept-Language', 'en');
    expect(res.status).toBe(400);
    const fields = (res.body.error.fields as { field: string; message: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['callStartedAt', 'callerNumber', 'description']);

    const backwards = await as(operator)
      .post('/api/staff/intake/reports', { ...call, callEndedAt: minutesAgo(10), ...report })
      .set('Accept-Language', 'en');
    expect(backwards.body.error.fields).toEqual([
      { field: 'callEndedAt', message: 'Call ended: a call cannot end before it starts' },
    ]);

    const unknownLine = await as(operator).post('/api/staff/intake/reports', {
      ...call,
      line: '0243 123 4567',
      ...report,
    });
    expect(unknownLine.status).toBe(400);
    expect(unknownLine.body.error.fields).toEqual([
      { field: 'line', message: 'Đường dây: không phải đường dây nóng được cấu hình' },
    ]);
    expect(await Promise.all(['reports', 'hotline_calls', 'report_events', 'routing_decisions'].map(count))).toEqual(
      before,
    );
  });

  it('appends a further call to an existing report as an event with its own text, which the operator sees when opening it; never the contact', async () => {
    const citizen = await request(t.app)
      .post('/api/public/reports')
      .send({
        ...report,
        description: 'Cửa hàng bán nước hoa Chanel giả ở chợ Trà Lĩnh.',
        contactPhone: '0977 111 222',
      });
    const code = citizen.body.trackingCode as string;
    // Found by the duplicates panel of a call typed in the same commune.
    const res = await as(operator).post(`/api/staff/intake/reports/${code.toLowerCase()}/calls?communeCode=01447`, {
      ...call,
      note: 'Người gọi thứ hai xác nhận cửa hàng vẫn bán, nay thêm túi xách giả.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      trackingCode: code,
      opensReport: false,
      caller: '0912***678',
      note: 'Người gọi thứ hai xác nhận cửa hàng vẫn bán, nay thêm túi xách giả.',
    });

    const view = await as(operator).get(`/api/staff/intake/reports/${code}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      trackingCode: code,
      channel: 'web',
      status: 'received',
      communeName: 'Xã Trà Lĩnh',
      lead: { force: 'market' },
      enteredByMe: false,
    });
    expect(view.body.calls).toEqual([
      expect.objectContaining({ note: res.body.note, operator: 'Điện thoại viên đường dây nóng 389' }),
    ]);
    expect(JSON.stringify(view.body)).not.toMatch(/0977|111222|contact/i);
    // The report is not changed: no new status, and the citizen's timeline does not show the call.
    const [events] = await queryRows<{ types: string[] }>(
      t.deps.db,
      sql`select array_agg(e.type order by e.id) as types from report_events e join reports r on r.id = e.report_id where r.tracking_code = ${code}`,
    );
    expect(events?.types).toEqual(['received', 'call_appended']);

    expect(
      (
        await as(operator).post('/api/staff/intake/reports/389-ZZZZ-ZZZZ/calls', {
          ...call,
          note: 'Không có tin báo này đâu.',
        })
      ).status,
    ).toBe(404);
    expect((await as(operator).get('/api/staff/intake/reports/not-a-code')).status).toBe(400);
  });

  it('lets an operator open and append to only the reports they have a call on and those the duplicates panel shows for the call being typed; anything else is 404 like an unknown code', async () => {
    const citizen = await request(t.app)
      .post('/api/public/reports')
      .send({
        ...report,
        description: 'Quầy bán rượu ngoại không tem nhập khẩu ở chợ Trà Lĩnh.',
        contactPhone: '0977 333 444',
      });
    const code = citizen.body.trackingCode as string;
    const appendTo = (who: Who, query: string) =>
      as(who).post(`/api/staff/intake/reports/${code}/calls${query}`, {
        ...call,
        note: 'Người gọi hỏi tin báo này đã được xử lý chưa.',
      });
    const unknown = await as(operator).get('/api/staff/intake/reports/389-ZZZZ-ZZZZ');
    const before = await count('hotline_calls');

    // No call being typed, or one in another province (Hà Nội): not theirs to open.
    for (const query of ['', '?communeCode=00004']) {
      const res = await as(operator).get(`/api/staff/intake/reports/${code}${query}`);
      expect([res.status, res.body.error.code, res.body.error.message]).toEqual([
        404,
        unknown.body.error.code,
        unknown.body.error.message,
      ]);
      expect((await appendTo(operator, query)).status).toBe(404);
    }
    expect(await count('hotline_calls')).toBe(before);
    const badCommune = await as(operator)
      .get(`/api/staff/intake/reports/${code}?communeCode=99999`)
      .set('Accept-Language', 'en');
    expect(badCommune.status).toBe(400);
    expect(badCommune.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['communeCode']);

    // An online seller's call names only a province: another province's reports stay closed, an unknown province is a 400.
    expect((await as(operator).get(`/api/staff/intake/reports/${code}?provinceCode=01`)).status).toBe(404);
    const badProvince = await as(operator)
      .get(`/api/staff/intake/reports/${code}?provinceCode=99`)
      .set('Accept-Language', 'en');
    expect([badProvince.status, badProvince.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([
      400,
      ['provinceCode'],
    ]);
    // Same province, within 30 days: what the duplicates panel shows (by commune, or by the province alone).
    expect((await as(operator).get(`/api/staff/intake/reports/${code}?provinceCode=04`)).status).toBe(200);
    expect((await as(operator).get(`/api/staff/intake/reports/${code}?communeCode=01447`)).status).toBe(200);
    expect((await appendTo(operator, '?communeCode=01447')).status).toBe(201);
    // Once a call of theirs is on it, it is theirs: opened from the recent calls, with no call typed.
    expect((await as(operator).get(`/api/staff/intake/reports/${code}`)).status).toBe(200);
    // Not the other operator's, who has no call on it.
    expect((await as(otherOperator).get(`/api/staff/intake/reports/${code}`)).status).toBe(404);

    // Older than the duplicates window: gone from the panel, so 404 even from its province.
    await t.deps.db.execute(
      sql`update reports set received_at = received_at - interval '31 days' where tracking_code = ${code}`,
    );
    expect((await as(otherOperator).get(`/api/staff/intake/reports/${code}?communeCode=01447`)).status).toBe(404);
    expect((await appendTo(otherOperator, '?communeCode=01447')).status).toBe(404);
    expect((await as(operator).get(`/api/staff/intake/reports/${code}`)).status).toBe(200);
  });

  it('appends a call typed in a commune when the routing cache is due to look for changes (no wait behind its own transaction on the embedded engine)', async () => {
    const citizen = await request(t.app)
      .post('/api/public/reports')
      .send({ ...report, description: 'Kho chứa thuốc lá lậu sau chợ Trà Lĩnh, xe vào ban đêm.' });
    // The cache re-reads the routing generation at most once a second: past that, its next use queries.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const res = await as(operator).post(
      `/api/staff/intake/reports/${citizen.body.trackingCode}/calls?communeCode=01447`,
      { ...call, note: 'Người gọi xác nhận xe vào kho lúc nửa đêm.' },
    );
    expect(res.status).toBe(201);
  }, 10_000);

  it("checks a caller's receipt over the phone with the code and secret: the citizen view, never the contact; wrong secrets lock the code as on the tracking page", async () => {
    const citizen = await request(t.app)
      .post('/api/public/reports')
      .send({
        ...report,
        provinceCode: '01',
        communeCode: '00004',
        address: 'Phố Đội Cấn',
        description: 'Cửa hàng bán thuốc lá điện tử không rõ nguồn gốc trên phố Đội Cấn.',
        contactPhone: '0977 555 666',
      });
    const { trackingCode, secret } = citizen.body as { trackingCode: string; secret: string };
    // Another province, no call of theirs: only the receipt opens it.
    expect((await as(operator).get(`/api/staff/intake/reports/${trackingCode}?communeCode=01447`)).status).toBe(404);

    const res = await as(operator).post('/api/staff/intake/receipts', { trackingCode, secret });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      trackingCode,
      status: 'received',
      statusLabel: expect.any(String),
      openQuestion: null,
      outcome: null,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/0977|555666|contact|Đội Cấn/);
    expect((await as(officer).post('/api/staff/intake/receipts', { trackingCode, secret })).status).toBe(403);

    const wrong = { trackingCode, secret: secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    const refused = await as(operator).post('/api/staff/intake/receipts', wrong);
    expect(refused.status).toBe(404);
    const missing = await as(operator).post('/api/staff/intake/receipts', { trackingCode });
    expect(missing.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['secret']);
    for (let i = 0; i < 4; i += 1) await as(operator).post('/api/staff/intake/receipts', wrong);
    // One guard for both doors: the tracking page is locked for this code too, even with the right secret.
    expect((await as(operator).post('/api/staff/intake/receipts', { trackingCode, secret })).status).toBe(429);
    expect((await request(t.app).post('/api/public/track').send({ trackingCode, secret })).status).toBe(429);
  });

  it('attaches photos the caller sent later to a report the operator entered, processed like public ones; not to anyone else’s', async () => {
    const entered = await as(operator).post('/api/staff/intake/reports', { ...call, ...report });
    const code = entered.body.trackingCode as string;
    const res = await as(operator).attach(`/api/staff/intake/reports/${code}/photos`, [
      await phoneJpeg(),
      await phoneJpeg(800, 600, 1),
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ trackingCode: code, photos: 2 });
    const photos = await queryRows<{ id: string; width: number; height: number; event_type: string }>(
      t.deps.db,
      sql`select p.id, p.width, p.height, e.type as event_type from report_photos p join reports r on r.id = p.report_id join report_events e on e.id = p.event_id where r.tracking_code = ${code} order by p.width`,
    );
    // Turned upright by its EXIF orientation (6: 1200×900 stored as 900×1200).
    expect(photos.map((p) => [p.width, p.height, p.event_type])).toEqual([
      [800, 600, 'photos_attached'],
      [900, 1200, 'photos_attached'],
    ]);
    const view = await as(operator).get(`/api/staff/intake/reports/${code}`);
    expect(view.body).toMatchObject({ photos: 2, enteredByMe: true });

    const photo = await as(operator).get(`/api/staff/photos/${photos[0]?.id}`);
    expect(photo.status).toBe(200);
    expect(photo.headers['cache-control']).toBe('private, no-store');
    expect((await as(otherOperator).get(`/api/staff/photos/${photos[0]?.id}`)).status).toBe(404);

    const filesBefore = await count('report_photos');
    expect(
      (await as(otherOperator).attach(`/api/staff/intake/reports/${code}/photos`, [await phoneJpeg()])).status,
    ).toBe(404);
    const notAnImage = await as(operator).attach(`/api/staff/intake/reports/${code}/photos`, [
      Buffer.from('not an image at all'),
    ]);
    expect(notAnImage.status).toBe(400);
    expect(notAnImage.body.error.fields[0].field).toBe('photos.0');
    const none = await as(operator).post(`/api/staff/intake/reports/${code}/photos`);
    expect(none.status).toBe(400);
    expect(await count('report_photos')).toBe(filesBefore);
  });

  it("lists the operator's own latest calls with numbers masked", async () => {
    const res = await as(operator).get('/api/staff/intake/calls');
    expect(res.status).toBe(200);
    expect(res.body.calls.length).toBeGreaterThanOrEqual(4);
    expect(
      res.body.calls.every((c: { caller: string | null }) => c.caller === null || /^\d{4}\*\*\*\d{3}$/.test(c.caller)),
    ).toBe(true);
    expect((await as(otherOperator).get('/api/staff/intake/calls')).body.calls).toEqual([]);
  });

  it('is for operators, officers and unit leads (issue #18): 403 for other roles, 401 without a session, 403 without the CSRF token', async () => {
    const admin = await session('admin');
    expect((await as(admin).post('/api/staff/intake/reports', { ...call, ...report })).status).toBe(403);
    expect((await as(admin).get('/api/staff/intake/lines')).status).toBe(403);
    expect((await as(officer).get('/api/staff/intake/lines')).status).toBe(200);
    expect(
      (
        await request(t.app)
          .post('/api/staff/intake/reports')
          .send({ ...call, ...report })
      ).status,
    ).toBe(401);
    const forged = await request(t.app)
      .post('/api/staff/intake/reports')
      .set('Cookie', operator.cookie)
      .send({ ...call, ...report });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_failed');
  });
});
