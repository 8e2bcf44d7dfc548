import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { reporterNoticeFor } from '../../server/reports/reporter-notice';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

/** Issue #17: the reporter's notice, opt-in, only with an e-mail, saying only that there is news. */
let t: TestApp;
let officer: StaffSession;

const DESCRIPTION = 'Ki-ốt số 15 chợ Trà Lĩnh bán rượu ngoại giả, dán tem nhập khẩu giả.';
const report = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh, ki-ốt 15',
  observedAt: new Date(FIXED_NOW.getTime() - 3_600_000).toISOString(),
  description: DESCRIPTION,
};
const act = (code: string, action: string, body: object) =>
  request(t.app)
    .post(`/api/staff/cases/${code}/${action}`)
    .set('Cookie', officer.cookie)
    .set('X-CSRF-Token', officer.csrf)
    .send(body);

async function file(extra: object, language = 'vi') {
  const res = await request(t.app)
    .post('/api/public/reports')
    .set('Accept-Language', language)
    .send({ ...report, ...extra });
  expect(res.status).toBe(201);
  const { trackingCode, secret } = res.body as { trackingCode: string; secret: string };
  const [row] = await queryRows<{ id: string }>(
    t.deps.db,
    sql`select id from reports where tracking_code = ${trackingCode}`,
  );
  return { trackingCode, secret, id: row?.id ?? '' };
}
const noticeOf = (reportId: string, trackUrl?: string) =>
  t.deps.db.transaction((tx) =>
    reporterNoticeFor(tx, reportId, { contactKey: t.deps.secrets.contactEncryptionKey, trackUrl }),
  );

beforeAll(async () => {
  t = await createTestApp();
  officer = await staffSession(t.app, 'market.cao-bang');
});
afterAll(() => t.close());

describe("the reporter's notice (issue #17)", () => {
  it('is written after a question and after a result, in the language the reporter wrote in, to their e-mail; it says only that there is news', async () => {
    const filed = await file(
      { contactName: 'Nguyễn Văn A', contactEmail: 'nguoi.bao@example.vn', reporterNotice: true },
      'en',
    );
    const question = 'Which days of the week is the kiosk open?';
    expect((await act(filed.trackingCode, 'ask', { version: 1, question })).status).toBe(200);
    const asked = await noticeOf(filed.id, 'https://389.example.vn/track');
    expect(asked).toEqual({
      to: 'nguoi.bao@example.vn',
      language: 'en',
      subject: 'Hotline 389: there is news about your report',
      text: expect.stringContaining('open the Track a report page (https://389.example.vn/track)'),
    });

    const answered = await request(t.app)
      .post('/api/public/track/messages')
      .send({ trackingCode: filed.trackingCode, secret: filed.secret, message: 'Every day but Sunday.' });
    expect(answered.status).toBe(200);
    expect((await act(filed.trackingCode, 'accept', { version: 3 })).status).toBe(200);
    const publicOutcome = 'Đã kiểm tra ki-ốt 15, tạm giữ 40 chai rượu giả.';
    const resolved = await act(filed.trackingCode, 'resolve', {
      version: 4,
      outcome: 'goods_seized',
      publicOutcome,
      seizedGoods: [{ goodsType: 'alcohol_tobacco', quantity: 40, unit: 'chai', valueVnd: 8_000_000 }],
    });
    expect([resolved.status, resolved.body.status]).toEqual([200, 'resolved']);
    const result = await noticeOf(filed.id);
    expect(result).toMatchObject({ to: 'nguoi.bao@example.vn', language: 'en' });
    expect(result?.text).toContain('open the Track a report page and enter');

    // Nothing of the report: no code, secret, question, outcome, description, unit, name or address.
    for (const notice of [asked, result]) {
      const mail = `${notice?.subject}\n${notice?.text}`;
      for (const leak of [
        filed.trackingCode,
        filed.trackingCode.slice(4),
        filed.secret,
        question,
        publicOutcome,
        DESCRIPTION,
        'Trà Lĩnh',
        'Nguyễn',
        'nguoi.bao',
        'Quản lý thị trường',
      ])
        expect(mail).not.toContain(leak);
    }
  });

  it('is in Vietnamese by default, and null for a reporter who did not ask or left no contact', async () => {
    // As the citizen form sends the box: the text 'true'.
    const vietnamese = await file({ contactEmail: 'b@example.vn', reporterNotice: 'true' });
    expect(await noticeOf(vietnamese.id)).toMatchObject({
      to: 'b@example.vn',
      language: 'vi',
      subject: 'Đường dây nóng 389: tin báo của bạn có thông tin mới',
    });
    const notAsked = await file({ contactEmail: 'c@example.vn' });
    const anonymous = await file({});
    for (const { id } of [notAsked, anonymous]) expect(await noticeOf(id)).toBeNull();
    const [stored] = await queryRows<{ reporter_notice: boolean; notice_language: string | null }>(
      t.deps.db,
      sql`select reporter_notice, notice_language from reports where id = ${anonymous.id}`,
    );
    expect(stored).toEqual({ reporter_notice: false, notice_language: null });
  });

  it('refuses the box without an e-mail, naming it, and stores nothing', async () => {
    const before = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from reports`);
    for (const contact of [{}, { contactPhone: '0912 345 678' }]) {
      const res = await request(t.app)
        .post('/api/public/reports')
        .set('Accept-Language', 'en')
        .send({ ...report, ...contact, reporterNotice: true });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([
        {
          field: 'reporterNotice',
          message:
            'Email me when there is news (the email has no code and nothing of the report): needs an email address',
        },
      ]);
    }
    expect(await queryRows(t.deps.db, sql`select count(*)::int as n from reports`)).toEqual(before);
  });
});
