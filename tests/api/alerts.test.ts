import { sql } from 'drizzle-orm';
import request from 'supertest';
import { notify } from '../../server/alerts/notify';
import { deliverEmails, closeMail, retryDelayMs } from '../../server/alerts/deliver';
import { notifyDeadlines } from '../../server/alerts/deadlines';
import { startAlertWork } from '../../server/alerts/schedule';
import { sendDigests } from '../../server/alerts/digest';
import { queryRows } from '../../server/db/query-rows';
import { startSmtpSink, type SmtpSink, type SunkMail } from '../helpers/smtp-sink';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

const HOUR = 3_600_000;
let now = FIXED_NOW.getTime(); // Monday 23 November 2026, 10:00 in Vietnam
let t: TestApp;
let smtp: SmtpSink;
const who: Record<string, StaffSession> = {};
const unitIds: Record<string, string> = {};

const DESCRIPTION = 'Bán nước hoa giả nhãn hiệu Chanel ở chợ, giá rất rẻ, không có hóa đơn. MARKER-7Q';
const CONTACT = { contactName: 'Nguyễn Văn Bí Mật', contactPhone: '0912345678', contactEmail: 'bimat@example.org' };
const REPORT = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh, ki-ốt 12',
  description: DESCRIPTION,
};
const MAILBOX = {
  market: 'truc-ban.qltt-caobang@example.test',
  police: 'truc-ban.ca-caobang@example.test',
  marketOfficer: 'canbo.qltt@example.test',
  coordinator: 'dieuphoi.caobang@example.test',
};

async function file(extra: object = {}) {
  const res = await request(t.app)
    .post('/api/public/reports')
    .send({ ...REPORT, ...CONTACT, observedAt: new Date(now - HOUR).toISOString(), ...extra });
  expect(res.status).toBe(201);
  // The clock moves on, so that the bell's order (newest first) is the order things happened in.
  now += 60_000;
  return res.body as { trackingCode: string; secret: string };
}
const as = (key: string) => ({ cookie: who[key]?.cookie ?? '', csrf: who[key]?.csrf ?? '' });
const get = (key: string, path: string) => request(t.app).get(path).set('Cookie', as(key).cookie);
const send = (key: string, method: 'post' | 'put', path: string, body: object) =>
  request(t.app)[method](path).set('Cookie', as(key).cookie).set('X-CSRF-Token', as(key).csrf).send(body);
const act = (key: string, code: string, action: string, body: object) =>
  send(key, 'post', `/api/staff/cases/${code}/${action}`, body);

/** Sends what is due and returns the messages the SMTP server accepted in this round. */
async function deliver(at = new Date(now)): Promise<SunkMail[]> {
  const before = smtp.mails.length;
  await deliverEmails(t.deps, at);
  return smtp.mails.slice(before);
}

const mailsTo = (mails: SunkMail[], address: string) => mails.filter((m) => m.to.includes(address));

function expectNothingOfTheReporter(mails: SunkMail[]) {
  for (const mail of mails) {
    const all = `${mail.subject}\n${mail.text}`;
    expect(all).not.toContain('MARKER-7Q');
    expect(all).not.toContain('Chanel');
    expect(all).not.toContain(CONTACT.contactName);
    expect(all).not.toContain(CONTACT.contactEmail);
    expect(all).not.toContain('0912345678');
    expect(all).not.toContain('912.345');
    expect(all).not.toContain('ki-ốt 12');
  }
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({
    clock: { now: () => new Date(now) },
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Tipline 389 <alerts@example.test>',
      PUBLIC_URL: 'https://389.example.test',
      STAFF_SESSION_IDLE_MINUTES: '1000000',
      STAFF_SESSION_MAX_HOURS: '100000',
    },
  });
  for (const [key, username] of [
    ['admin', 'admin'],
    ['market', 'market.cao-bang'],
    ['lead', 'lead.market.cao-bang'],
    ['police', 'police.cao-bang'],
    ['coordinator', 'coordinator.cao-bang'],
    ['otherProvince', 'market.dong-thap'],
  ] as const) {
    who[key] = await staffSession(t.app, username);
  }
  for (const row of await queryRows<{ id: string; code: string }>(
    t.deps.db,
    sql`select id, code from units where code in ('market-04', 'police-04')`,
  ))
    unitIds[row.code] = row.id;
  for (const [code, email] of [
    ['market-04', MAILBOX.market],
    ['police-04', MAILBOX.police],
  ] as const) {
    const res = await send('admin', 'put', `/api/staff/units/${unitIds[code]}/duty-contacts`, {
      dutyPhone: '0206 3852 389',
      dutyEmail: email,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dutyEmail: email });
  }
  // The market officer wants e-mail at their own address, except for the reporter's answers.
  const prefs = await send('market', 'put', '/api/staff/account/alert-preferences', {
    address: MAILBOX.marketOfficer,
    email: { reporter_answered: false },
  });
  expect(prefs.status).toBe(200);
  await send('coordinator', 'put', '/api/staff/account/alert-preferences', { address: MAILBOX.coordinator, email: {} });
  // Whatever the set-up queued (nothing should have been) is out of the way.
  await deliver();
});
afterAll(async () => {
  closeMail(t.deps);
  await t.close();
  await smtp.close();
});

describe('units: duty contacts', () => {
  it('are set by admins only, shown in the units list, and refuse a bad phone or address naming the field', async () => {
    const list = await get('market', '/api/staff/units');
    expect(list.body.units.find((u: { code: string }) => u.code === 'market-04')).toMatchObject({
      dutyPhone: '02063852389',
      dutyEmail: MAILBOX.market,
    });
    expect(
      (
        await send('market', 'put', `/api/staff/units/${unitIds['market-04']}/duty-contacts`, {
          dutyPhone: null,
          dutyEmail: null,
        })
      ).status,
    ).toBe(403);
    const bad = await send('admin', 'put', `/api/staff/units/${unitIds['market-04']}/duty-contacts`, {
      dutyPhone: 'not a phone',
      dutyEmail: 'nobody',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['dutyEmail', 'dutyPhone']);
  });
});

describe('alert e-mails through a real SMTP server', () => {
  it('a new report: the lead unit’s staff are told in the app, its duty mailbox and the officer who asked by e-mail, once, with nothing of the reporter', async () => {
    const { trackingCode } = await file();
    const mails = await deliver();
    expect(mailsTo(mails, MAILBOX.market)).toHaveLength(1);
    expect(mailsTo(mails, MAILBOX.marketOfficer)).toHaveLength(1);
    // The routing rule asks the police to coordinate: their duty mailbox is told that, and only that.
    expect(mailsTo(mails, MAILBOX.police).map((m) => m.subject)).toEqual([
      `[389] Đề nghị phối hợp xử lý tin báo ${trackingCode}`,
    ]);
    const [mail] = mailsTo(mails, MAILBOX.market);
    expect(mail?.subject).toBe(`[389] Tin báo mới ${trackingCode} giao đơn vị chủ trì`);
    expect(mail?.text).toContain(`Mã tin báo: ${trackingCode}`);
    expect(mail?.text).toContain('Lĩnh vực: Hàng giả');
    expect(mail?.text).toMatch(/Thời hạn: 10:00 24\/11\/2026/);
    expect(mail?.text).toContain(`https://389.example.test/staff/cases/${trackingCode}`);
    expectNothingOfTheReporter(mails);
    // Delivered once: the next run finds nothing to send.
    expect(await deliver()).toHaveLength(0);

    for (const key of ['market', 'lead']) {
      const list = await get(key, '/api/staff/alerts');
      expect(list.status).toBe(200);
      expect(list.body.alerts[0]).toMatchObject({
        kind: 'routed',
        trackingCode,
        category: 'counterfeit',
        readAt: null,
      });
      expect(list.body.unread).toBeGreaterThanOrEqual(1);
    }
    // The coordinating police are told of the coordination only; another unit nothing at all.
    const police = await get('police', '/api/staff/alerts');
    expect(
      police.body.alerts
        .filter((a: { trackingCode: string }) => a.trackingCode === trackingCode)
        .map((a: { kind: string }) => a.kind),
    ).toEqual(['coordination_requested']);
    const other = await get('otherProvince', '/api/staff/alerts');
    expect(other.body.alerts).toEqual([]);
  });

  it('a transfer asked and accepted, a coordination asked, the reporter’s answer: each to the right mailbox once', async () => {
    const receipt = await file();
    const code = receipt.trackingCode;
    await deliver();
    const police04 = unitIds['police-04'];
    expect(
      (await act('market', code, 'transfer', { version: 1, step: 'request', unitId: police04, reason: 'Hàng cấm' }))
        .status,
    ).toBe(200);
    let mails = await deliver();
    expect(mails.map((m) => [m.to[0], m.subject])).toEqual([
      [MAILBOX.police, `[389] Đề nghị nhận chuyển giao tin báo ${code}`],
    ]);
    expect((await act('police', code, 'transfer', { version: 2, step: 'accept' })).status).toBe(200);
    mails = await deliver();
    expect(mails.map((m) => [m.to[0], m.subject])).toEqual([
      [MAILBOX.police, `[389] Tin báo mới ${code} giao đơn vị chủ trì`],
    ]);

    expect(
      (await act('police', code, 'coordinate', { version: 3, unitId: unitIds['market-04'], reason: 'Phối hợp' }))
        .status,
    ).toBe(200);
    mails = await deliver();
    expect(mails.map((m) => m.to[0]).sort()).toEqual([MAILBOX.marketOfficer, MAILBOX.market].sort());
    expect(mails.every((m) => m.subject === `[389] Đề nghị phối hợp xử lý tin báo ${code}`)).toBe(true);

    const answer = await request(t.app)
      .post('/api/public/track/messages')
      .field('trackingCode', code)
      .field('secret', receipt.secret)
      .field('message', 'Hàng được chuyển đến lúc 5 giờ sáng. MARKER-7Q');
    expect(answer.status).toBe(200);
    mails = await deliver();
    expect(mails.map((m) => [m.to[0], m.subject])).toEqual([
      [MAILBOX.police, `[389] Người báo tin đã trả lời: tin báo ${code}`],
    ]);
    expectNothingOfTheReporter(mails);
    const alerts = await get('police', '/api/staff/alerts');
    expect(
      alerts.body.alerts
        .filter((a: { trackingCode: string }) => a.trackingCode === code)
        .map((a: { kind: string }) => a.kind)
        .sort(),
    ).toEqual(['coordination_requested', 'reporter_answered', 'routed', 'transfer_requested']);
  });

  it('an urgent report: its alert says so in the bell, and its e-mail says so first in the subject', async () => {
    const { trackingCode: code } = await file({ urgent: true });
    const mails = mailsTo(await deliver(), MAILBOX.market);
    expect(mails.map((m) => m.subject)).toEqual([`[KHẨN] [389] Tin báo mới ${code} giao đơn vị chủ trì`]);
    const bell = await get('market', '/api/staff/alerts');
    expect(bell.body.alerts.find((a: { trackingCode: string }) => a.trackingCode === code)).toMatchObject({
      kind: 'routed',
      urgent: true,
    });
  });

  it('a reporter who asked to be told gets one mail per question and per result, with no code and nothing of the report; one who did not gets none', async () => {
    const asked = await file({ reporterNotice: true });
    const silent = await file();
    await deliver();
    const versionOf = async (code: string) => (await get('market', `/api/staff/cases/${code}`)).body.version as number;
    for (const { trackingCode: code } of [asked, silent]) {
      expect((await act('market', code, 'accept', { version: await versionOf(code) })).status).toBe(200);
      const question = { version: await versionOf(code), question: 'Hàng được giao vào giờ nào trong ngày?' };
      expect((await act('market', code, 'ask', question)).status).toBe(200);
    }
    let mails = mailsTo(await deliver(), CONTACT.contactEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Đường dây nóng 389: tin báo của bạn có thông tin mới');
    expect(mails[0]?.text).toContain('https://389.example.test/track');
    for (const code of [asked.trackingCode, silent.trackingCode]) expect(mails[0]?.text).not.toContain(code);
    expect(mails[0]?.text).not.toContain('giờ nào');
    expectNothingOfTheReporter(mails.map((m) => ({ ...m, text: m.text.replace(CONTACT.contactEmail, '') })));
    // The outbox never held the address: it is opened from the sealed contact when the mail leaves.
    const rows = await queryRows<{ recipient: string }>(
      t.deps.db,
      sql`select recipient from alert_emails where kind = 'reporter_notice'`,
    );
    expect(rows.map((r) => r.recipient)).toEqual(['reporter']);

    const answer = await request(t.app)
      .post('/api/public/track/messages')
      .field('trackingCode', asked.trackingCode)
      .field('secret', asked.secret)
      .field('message', 'Khoảng 5 giờ sáng.');
    expect(answer.status).toBe(200);
    const result = {
      version: await versionOf(asked.trackingCode),
      outcome: 'violation_handled',
      publicOutcome: 'Đã kiểm tra và xử lý vi phạm theo quy định.',
      sanction: {
        recordNo: '01/BB-VPHC',
        recordDate: '2026-11-23',
        decisionNo: '01/QĐ-XPHC',
        decisionDate: '2026-11-23',
        sanctionTypes: ['warning'],
      },
    };
    expect((await act('market', asked.trackingCode, 'resolve', result)).status).toBe(200);
    mails = mailsTo(await deliver(), CONTACT.contactEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).not.toContain('xử lý vi phạm');
  });

  it('the reporter’s answer is not e-mailed to an officer who turned that kind off, but stays in the bell', async () => {
    const receipt = await file();
    await deliver();
    await request(t.app)
      .post('/api/public/track/messages')
      .field('trackingCode', receipt.trackingCode)
      .field('secret', receipt.secret)
      .field('message', 'Thêm một chi tiết về chiếc xe tải màu xanh.');
    const mails = await deliver();
    expect(mails.map((m) => m.to[0])).toEqual([MAILBOX.market]);
    const list = await get('market', '/api/staff/alerts');
    expect(list.body.alerts[0]).toMatchObject({ kind: 'reporter_answered', trackingCode: receipt.trackingCode });
  });

  it('deadlines: due soon, then overdue, each told once per deadline', async () => {
    const { trackingCode } = await file();
    await deliver();
    // 24 h to accept: due soon within min(DUE_SOON_HOURS = 24, half of 24 h) = the last 12 hours.
    const dueSoonAt = new Date(now + 13 * HOUR);
    expect(await notifyDeadlines(t.deps, dueSoonAt)).toBeGreaterThan(0);
    const soon = await deliver(dueSoonAt);
    expect(mailsTo(soon, MAILBOX.market).map((m) => m.subject)).toContain(`[389] Sắp đến hạn: tin báo ${trackingCode}`);
    expect(await notifyDeadlines(t.deps, new Date(now + 14 * HOUR))).toBe(0);

    const lateAt = new Date(now + 25 * HOUR);
    expect(await notifyDeadlines(t.deps, lateAt)).toBeGreaterThan(0);
    const late = await deliver(lateAt);
    expect(mailsTo(late, MAILBOX.market).map((m) => m.subject)).toContain(`[389] Quá hạn: tin báo ${trackingCode}`);
    expect(mailsTo(late, MAILBOX.market).filter((m) => m.subject.includes(trackingCode))).toHaveLength(1);
    expect(await notifyDeadlines(t.deps, new Date(now + 26 * HOUR))).toBe(0);
    expectNothingOfTheReporter([...soon, ...late]);
  });

  it('deadlines: a fresh report is told as routed, not due soon (the acceptance window is not due soon at once)', async () => {
    const { trackingCode } = await file();
    const kinds = async () =>
      (
        await queryRows<{ kind: string }>(
          t.deps.db,
          sql`select distinct a.kind from alerts a join reports r on r.id = a.report_id
               where r.tracking_code = ${trackingCode} and a.kind in ('routed', 'due_soon', 'overdue') order by a.kind`,
        )
      ).map((k) => k.kind);
    await notifyDeadlines(t.deps, new Date(now + 60_000));
    await notifyDeadlines(t.deps, new Date(now + 11 * HOUR));
    expect(await kinds()).toEqual(['routed']);
    // Half-way through its 24 hours it is.
    await notifyDeadlines(t.deps, new Date(now + 12 * HOUR + 60_000));
    expect(await kinds()).toEqual(['due_soon', 'routed']);
    // Its mails leave now: the later tests count theirs.
    await deliver(new Date(now + 12 * HOUR + 60_000));
  });

  it('an escalation reaches the province coordinators (in the app and, with an address, by e-mail), not the national ones', async () => {
    const { trackingCode } = await file();
    await deliver();
    const [report] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select id from reports where tracking_code = ${trackingCode}`,
    );
    await t.deps.db.transaction((tx) =>
      notify(t.deps, tx, {
        kind: 'escalated',
        reportId: report?.id ?? '',
        audience: { coordinatorsOf: '04' },
        at: new Date(now),
      }),
    );
    const mails = await deliver();
    expect(mails.map((m) => [m.to[0], m.subject])).toEqual([
      [MAILBOX.coordinator, `[389] Tin báo ${trackingCode} quá hạn thụ lý, chuyển điều phối`],
    ]);
    const list = await get('coordinator', '/api/staff/alerts');
    expect(list.body.alerts[0]).toMatchObject({ kind: 'escalated', trackingCode });
  });

  it('a refused delivery is retried after its backoff and then sent once', async () => {
    smtp.refuseOnce(MAILBOX.market);
    const { trackingCode } = await file();
    const first = await deliver();
    expect(mailsTo(first, MAILBOX.market)).toHaveLength(0);
    expect(mailsTo(first, MAILBOX.marketOfficer)).toHaveLength(1);
    const [row] = await queryRows<{ status: string; attempts: number; last_error: string }>(
      t.deps.db,
      sql`select status, attempts, last_error from alert_emails where recipient = ${MAILBOX.market} and status = 'pending'`,
    );
    expect(row).toEqual({ status: 'pending', attempts: 1, last_error: 'smtp_451' });
    // Not before the backoff.
    expect(await deliver(new Date(now + 1_000))).toHaveLength(0);
    const retried = await deliver(new Date(now + retryDelayMs(1)));
    expect(retried.map((m) => [m.to[0], m.subject])).toEqual([
      [MAILBOX.market, `[389] Tin báo mới ${trackingCode} giao đơn vị chủ trì`],
    ]);
    // The log has the failure's code, never the address or the text.
    const logged = JSON.stringify(t.logs);
    expect(logged).toContain('smtp_451');
    expect(logged).not.toContain(MAILBOX.market);
    expect(logged).not.toContain(trackingCode);
  });

  it('a message the SMTP server accepted is not put back to pending when its sent mark fails: left claimed, not resent', async () => {
    const { trackingCode } = await file();
    await t.deps.database.executeSql(`
      create function test_refuse_sent() returns trigger language plpgsql as $$
      begin
        if new.status = 'sent' then raise exception 'the sent mark fails'; end if;
        return new;
      end $$;
      create trigger test_refuse_sent before update on alert_emails for each row execute function test_refuse_sent();`);
    try {
      const first = await deliver();
      expect(first.filter((m) => m.subject.includes(trackingCode)).length).toBeGreaterThan(0);
      const rows = await queryRows<{ status: string; claimed: boolean; last_error: string | null }>(
        t.deps.db,
        sql`select e.status, e.claimed_at is not null as claimed, e.last_error from alert_emails e
              join reports r on r.id = e.report_id where r.tracking_code = ${trackingCode}`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toEqual({ status: 'pending', claimed: true, last_error: null });
      expect(t.logs.some((l) => l.msg === 'alert e-mail sent but not marked sent: left claimed')).toBe(true);
      // The next runs (before the lease lapses) do not send it again.
      expect((await deliver(new Date(now + retryDelayMs(1)))).filter((m) => m.subject.includes(trackingCode))).toEqual(
        [],
      );
    } finally {
      await t.deps.database.executeSql(
        `drop trigger test_refuse_sent on alert_emails; drop function test_refuse_sent();`,
      );
      // Left claimed, it would go out again once the lease lapses (a later test's clock): mark it as the
      // failed update would have.
      await t.deps.db.execute(
        sql`update alert_emails e set status = 'sent', claimed_at = null from reports r
             where r.id = e.report_id and r.tracking_code = ${trackingCode}`,
      );
    }
  });

  it('stopping the alert work waits for a hung run at most the time given', async () => {
    const stop = startAlertWork(t.deps, [{ name: 'hung', everyMs: 10, run: () => new Promise(() => undefined) }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await stop(200);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('two deliveries running at once send each message once', async () => {
    const codes = [];
    for (let i = 0; i < 6; i += 1) codes.push((await file()).trackingCode);
    const before = smtp.mails.length;
    await Promise.all([deliverEmails(t.deps), deliverEmails(t.deps), deliverEmails(t.deps)]);
    const mails = smtp.mails.slice(before);
    for (const code of codes) {
      expect(mails.filter((m) => m.to[0] === MAILBOX.market && m.subject.includes(code))).toHaveLength(1);
      expect(mails.filter((m) => m.to[0] === MAILBOX.marketOfficer && m.subject.includes(code))).toHaveLength(1);
    }
  });

  it('the daily digest: from 07:00 Vietnam time, once per unit and day, with figures and no reporter text', async () => {
    const beforeSeven = new Date('2026-11-24T23:30:00Z'); // 06:30 on the 25th in Vietnam
    expect(await sendDigests(t.deps, beforeSeven)).toBe(0);
    const atSeven = new Date('2026-11-25T00:05:00Z');
    expect(await sendDigests(t.deps, atSeven)).toBeGreaterThanOrEqual(2);
    expect(await sendDigests(t.deps, new Date('2026-11-25T03:00:00Z'))).toBe(0);
    const mails = await deliver(atSeven);
    const digest = mailsTo(mails, MAILBOX.market);
    expect(digest).toHaveLength(1);
    expect(digest[0]?.subject).toBe('[389] Tổng hợp tin báo ngày 25/11/2026: Chi cục Quản lý thị trường tỉnh Cao Bằng');
    expect(digest[0]?.text).toMatch(/Tin báo đang xử lý: \d+\nSắp đến hạn: \d+\nQuá hạn: [1-9]\d*/);
    expect(digest[0]?.text).toMatch(/Tin báo quá hạn: 389-/);
    expectNothingOfTheReporter(mails);
  });
});

describe('the bell and preferences', () => {
  it('pages newest first, marks read by id (only one’s own) or all, and counts the unread', async () => {
    const first = await get('market', '/api/staff/alerts?unreadOnly=1');
    expect(first.status).toBe(200);
    const unread = first.body.unread as number;
    expect(unread).toBeGreaterThan(0);
    const id = first.body.alerts[0].id as string;
    const policeTry = await send('police', 'post', '/api/staff/alerts/read', { ids: [id] });
    expect(policeTry.status).toBe(200);
    expect((await get('market', '/api/staff/alerts')).body.unread).toBe(unread);
    const one = await send('market', 'post', '/api/staff/alerts/read', { ids: [id] });
    expect(one.body).toEqual({ unread: unread - 1 });
    const all = await send('market', 'post', '/api/staff/alerts/read', { all: true });
    expect(all.body).toEqual({ unread: 0 });
    const bad = await send('market', 'post', '/api/staff/alerts/read', { ids: ['x'] });
    expect(bad.status).toBe(400);

    // Keyset pages: newest first, no alert twice.
    const seen: string[] = [];
    let after: string | null = '';
    do {
      const page = await get('market', `/api/staff/alerts${after ? `?after=${after}` : ''}`);
      seen.push(...page.body.alerts.map((a: { id: string }) => a.id));
      after = page.body.next as string | null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await get('market', '/api/staff/alerts?after=garbage')).body.error.fields[0].field).toBe('after');
  });

  it('preferences: every kind on by default, the kinds given are changed, a bad address is refused naming it', async () => {
    const fresh = await get('lead', '/api/staff/account/alert-preferences');
    expect(fresh.body).toEqual({
      address: null,
      email: {
        routed: true,
        transfer_requested: true,
        coordination_requested: true,
        reporter_answered: true,
        due_soon: true,
        overdue: true,
        escalated: true,
        // Issue #18: a report with signs of a crime handed to the unit as investigating body.
        crime_handed_over: true,
      },
    });
    const mine = await get('market', '/api/staff/account/alert-preferences');
    expect(mine.body).toMatchObject({
      address: MAILBOX.marketOfficer,
      email: { reporter_answered: false, routed: true },
    });
    const bad = await send('market', 'put', '/api/staff/account/alert-preferences', { address: 'no', email: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('address');
    const unknownKind = await send('market', 'put', '/api/staff/account/alert-preferences', { email: { nope: true } });
    expect(unknownKind.status).toBe(400);
  });

  it('preferences: two PUTs at once, each with its own kind, lose neither (merged in the upsert)', async () => {
    const before = await get('lead', '/api/staff/account/alert-preferences');
    const [a, b] = await Promise.all([
      send('lead', 'put', '/api/staff/account/alert-preferences', { email: { overdue: false } }),
      send('lead', 'put', '/api/staff/account/alert-preferences', { email: { escalated: false } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const after = await get('lead', '/api/staff/account/alert-preferences');
    expect(after.body).toEqual({
      address: before.body.address,
      email: { ...before.body.email, overdue: false, escalated: false },
    });
    // The address is kept when not given, and replaced when given.
    await send('lead', 'put', '/api/staff/account/alert-preferences', { email: { overdue: true }, address: null });
    expect((await get('lead', '/api/staff/account/alert-preferences')).body.email.escalated).toBe(false);
  });
});

describe('without SMTP_URL', () => {
  it('alerts stay in the app; nothing is queued for e-mail', async () => {
    const plain = await createTestApp({ clock: { now: () => new Date(now) } });
    try {
      const res = await request(plain.app)
        .post('/api/public/reports')
        .send({ ...REPORT, observedAt: new Date(now - HOUR).toISOString() });
      expect(res.status).toBe(201);
      const [alerts] = await queryRows<{ n: number }>(plain.deps.db, sql`select count(*)::int as n from alerts`);
      const [emails] = await queryRows<{ n: number }>(plain.deps.db, sql`select count(*)::int as n from alert_emails`);
      expect(alerts?.n).toBeGreaterThan(0);
      expect(emails?.n).toBe(0);
      expect(await deliverEmails(plain.deps)).toEqual({ sent: 0, failed: 0 });
    } finally {
      await plain.close();
    }
  });
});
