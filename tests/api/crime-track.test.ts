import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { notifyCrimeDeadlines } from '../../server/alerts/crime-deadlines';
import { criminalDue, criminalExtensionLimit } from '../../server/cases/crime';
import { staffSession, type StaffSession } from '../helpers/staff';
import { caseCalls, MARKET_REPORT, movingClockApp, signInAll } from '../helpers/case-calls';
import { FIXED_NOW, type TestApp } from '../helpers/test-app';

/*
 * Issue #18, the crime track (SPEC.md §4–5, BLTTHS 2015 Điều 147): the lead flags signs of a crime, hands the
 * report to an investigating body within 24 hours; that body accepts it, extends its clock twice at most (the
 * second time with the procuracy's approval) and records the decision to prosecute or not.
 */

const HOUR = 3_600_000;
let now = FIXED_NOW.getTime(); // Monday 23 November 2026, 10:00 in Vietnam
let t: TestApp;
const who: Record<string, StaffSession> = {};
const unitIds: Record<string, string> = {};

const REPORT = {
  ...MARKET_REPORT,
  description: 'Kho chứa hàng nghìn bao thuốc lá điếu nhập lậu sau chợ, xe tải chở đến ban đêm.',
};
const { file, view, act, queue } = caseCalls(
  () => t,
  who,
  () => now,
  REPORT,
);

const track = ({ trackingCode, secret }: { trackingCode: string; secret: string }) =>
  request(t.app).post('/api/public/track').send({ trackingCode, secret });

/** The report's version now, as the lead unit's page shows it. */
const versionOf = async (code: string) => (await view('market', code)).body.version as number;

/** A report accepted by its lead (market, Cao Bằng) and flagged with signs of a crime. */
async function flagged(extra: object = {}) {
  const receipt = await file(extra);
  const code = receipt.trackingCode;
  expect((await act('market', code, 'accept', { version: 1 })).status).toBe(200);
  const res = await act('market', code, 'flag-crime', {
    version: 2,
    reason: 'Số lượng hàng lớn, có dấu hiệu buôn lậu',
  });
  expect(res.status).toBe(200);
  return { receipt, code };
}

beforeAll(async () => {
  t = await movingClockApp(() => now, {
    // Only queued (no job delivers them here): that the investigating body is told by e-mail too.
    SMTP_URL: 'smtp://127.0.0.1:9',
  });
  await signInAll(t, who, {
    market: 'market.cao-bang',
    lead: 'lead.market.cao-bang',
    investigator: 'investigator.cao-bang',
    investigatorDongThap: 'investigator.dong-thap',
    customs: 'customs.cao-bang',
    coordinator: 'coordinator.cao-bang',
  });
  const rows = await queryRows<{ code: string; id: string }>(
    t.deps.db,
    sql`select code, id from units where code in ('police-04-csdt', 'police-82-csdt', 'police-04', 'market-04')`,
  );
  for (const row of rows) unitIds[row.code] = row.id;
  await t.deps.db.execute(
    sql`update units set duty_email = 'csdt@congan.caobang.example' where code = 'police-04-csdt'`,
  );
});
afterAll(() => t.close());

describe('the criminal clock on hand-worked dates (BLTTHS 2015 Điều 147)', () => {
  it('runs to the end of the 20th day after the hand-off day, then 2 months from the hand-off, then 2 more', () => {
    // Handed over Saturday 31 January 2026 at 01:00 in Vietnam (still 30 January in UTC).
    const handedOverAt = new Date('2026-01-30T18:00:00Z');
    const dueAt = criminalDue(handedOverAt);
    // 20 days after 31 January: 20 February, to its end (24:00 Vietnam = 17:00 UTC).
    expect(dueAt.toISOString()).toBe('2026-02-20T17:00:00.000Z');
    const first = criminalExtensionLimit({ handedOverAt, dueAt, extensions: 0 });
    // Two months from 31 January: 31 March.
    expect(first?.toISOString()).toBe('2026-03-31T17:00:00.000Z');
    const second = criminalExtensionLimit({ handedOverAt, dueAt: first, extensions: 1 });
    // Two more months from 31 March: 31 May.
    expect(second?.toISOString()).toBe('2026-05-31T17:00:00.000Z');
    expect(criminalExtensionLimit({ handedOverAt, dueAt: second, extensions: 2 })).toBeNull();
  });

  it('counts across the year and a short February: 31 December → 20 January; 28 February; 28 April', () => {
    const handedOverAt = new Date('2026-12-31T16:59:00Z'); // 23:59 on 31 December in Vietnam
    const dueAt = criminalDue(handedOverAt);
    expect(dueAt.toISOString()).toBe('2027-01-20T17:00:00.000Z');
    const first = criminalExtensionLimit({ handedOverAt, dueAt, extensions: 0 });
    expect(first?.toISOString()).toBe('2027-02-28T17:00:00.000Z');
    const second = criminalExtensionLimit({ handedOverAt, dueAt: first, extensions: 1 });
    expect(second?.toISOString()).toBe('2027-04-28T17:00:00.000Z');
  });
});

describe('the crime track end to end', () => {
  it('flag → hand-off within 24 h → accept → extend twice (the second with the procuracy) → decision to prosecute', async () => {
    now = FIXED_NOW.getTime();
    const receipt = await file({ contactName: 'Nguyễn Văn A', contactPhone: '0912345678' });
    const code = receipt.trackingCode;
    expect((await act('market', code, 'accept', { version: 1 })).status).toBe(200);
    // The investigating body knows nothing of the report yet.
    expect((await view('investigator', code)).status).toBe(404);
    expect((await view('market', code)).body.allowedActions).toContain('flag-crime');

    now = Date.parse('2026-11-23T04:00:00Z'); // 11:00 in Vietnam
    const flag = await act('market', code, 'flag-crime', {
      version: 2,
      reason: 'Kho chứa khoảng 3.000 bao thuốc lá nhập lậu: có dấu hiệu tội buôn lậu',
    });
    expect(flag.status).toBe(200);
    expect(flag.body.crime).toMatchObject({
      reason: 'Kho chứa khoảng 3.000 bao thuốc lá nhập lậu: có dấu hiệu tội buôn lậu',
      flaggedAt: '2026-11-23T04:00:00.000Z',
      handoverDueAt: '2026-11-24T04:00:00.000Z',
      handoverLate: false,
      investigatingUnit: null,
      dueAt: null,
      decision: null,
    });
    expect(flag.body.allowedActions).toContain('hand-off');
    expect(flag.body.allowedActions).not.toContain('flag-crime');
    // The report keeps its lead and its status.
    expect(flag.body).toMatchObject({ status: 'accepted', relation: ['lead'] });

    // The lead's private note and a shared one, before the hand-off.
    await act('market', code, 'notes', {
      version: 3,
      text: 'Nguồn tin nội bộ: chủ kho là người quen của X',
      shared: false,
    });
    await act('market', code, 'notes', { version: 3, text: 'Kho ở cuối dãy ki-ốt, cửa màu xanh', shared: true });

    now = Date.parse('2026-11-24T00:00:00Z'); // 07:00 on Tuesday 24 November in Vietnam: 20 hours after the flag
    const handOff = await act('market', code, 'hand-off', { version: 3, unitId: unitIds['police-04-csdt'] });
    expect(handOff.status).toBe(200);
    expect(handOff.body.crime).toMatchObject({
      investigatingUnit: { id: unitIds['police-04-csdt'], name: 'Cơ quan Cảnh sát điều tra Công an tỉnh Cao Bằng' },
      handedOverAt: '2026-11-24T00:00:00.000Z',
      handoverLate: false,
      // The 20th day after 24 November is 14 December, to its end in Vietnam.
      dueAt: '2026-12-14T17:00:00.000Z',
      extensions: 0,
      extensionLimit: '2027-01-24T17:00:00.000Z',
    });
    expect(handOff.body.allowedActions).not.toContain('hand-off');
    const handedEvent = handOff.body.timeline.find((e: { type: string }) => e.type === 'crime_handed_over');
    expect(handedEvent).toMatchObject({ public: false, data: { late: false, unitId: unitIds['police-04-csdt'] } });

    // The investigating body is told: in the app and by e-mail (its duty mailbox).
    const alerts = await request(t.app)
      .get('/api/staff/alerts')
      .set('Cookie', who.investigator?.cookie ?? '');
    expect(alerts.body.alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'crime_handed_over', trackingCode: code, dueAt: '2026-12-14T17:00:00.000Z' }),
      ]),
    );
    const mails = await queryRows<{ recipient: string }>(
      t.deps.db,
      sql`select recipient from alert_emails where kind = 'crime_handed_over'`,
    );
    expect(mails.map((m) => m.recipient)).toContain('csdt@congan.caobang.example');

    // What the investigating body sees: the case, not the contact, not the lead's private notes.
    const seen = await view('investigator', code);
    expect(seen.status).toBe(200);
    expect(seen.body.relation).toEqual(['investigating']);
    expect(seen.body.hasContact).toBe(true);
    expect(seen.body.contact).toBeUndefined();
    expect(JSON.stringify(seen.body)).not.toContain('0912345678');
    expect(JSON.stringify(seen.body)).not.toContain('Nguyễn Văn A');
    const notes = seen.body.timeline
      .filter((e: { type: string }) => e.type === 'note')
      .map((e: { body: string }) => e.body);
    expect(notes).toEqual(['Kho ở cuối dãy ki-ốt, cửa màu xanh']);
    expect(seen.body.allowedActions.sort()).toEqual(['investigation-accept', 'notes']);
    // Its queue lists the report; the lead's list of flagged reports too; another province's body sees nothing.
    expect((await queue('investigator')).body.items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(
      code,
    );
    expect(
      (await queue('investigator', '?role=investigating')).body.items.map(
        (i: { trackingCode: string }) => i.trackingCode,
      ),
    ).toEqual([code]);
    expect((await queue('investigator', '?role=investigating')).body.items[0].role).toBe('investigating');
    expect(
      (await queue('market', '?crime=1')).body.items.map((i: { trackingCode: string }) => i.trackingCode),
    ).toContain(code);
    expect((await view('investigatorDongThap', code)).status).toBe(404);
    // Its own only: no lead action, no contact.
    const version = seen.body.version as number;
    expect((await act('investigator', code, 'reveal-contact', { version, reason: 'Cần hỏi người báo' })).status).toBe(
      403,
    );
    expect((await act('investigator', code, 'verify', { version })).status).toBe(403);
    expect(
      (
        await act('investigator', code, 'resolve', {
          version,
          outcome: 'criminal_case',
          publicOutcome: 'Đã chuyển cơ quan điều tra.',
        })
      ).status,
    ).toBe(403);

    now = Date.parse('2026-11-24T02:00:00Z');
    const accepted = await act('investigator', code, 'investigation-accept', { version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.crime.acceptedAt).toBe('2026-11-24T02:00:00.000Z');
    expect(accepted.body.allowedActions.sort()).toEqual(['investigation-extend', 'notes', 'prosecution-decision']);

    now = Date.parse('2026-12-10T02:00:00Z');
    const first = await act('investigator', code, 'investigation-extend', {
      version: version + 1,
      reason: 'Vụ việc phức tạp, phải giám định hàng hóa',
    });
    expect(first.status).toBe(200);
    // Two months from the hand-off day, 24 November: 24 January, to its end.
    expect(first.body.crime).toMatchObject({
      dueAt: '2027-01-24T17:00:00.000Z',
      extensions: 1,
      extensionLimit: '2027-03-24T17:00:00.000Z',
      procuracyApproval: null,
    });

    now = Date.parse('2027-01-20T02:00:00Z');
    const noApproval = await act('investigator', code, 'investigation-extend', {
      version: version + 2,
      reason: 'Chưa có kết quả giám định',
    });
    expect(noApproval.status).toBe(400);
    expect(noApproval.body.error.fields[0]).toMatchObject({ field: 'procuracyApproval' });
    expect(noApproval.body.error.fields[0].message).toContain('Viện kiểm sát');
    const second = await act('investigator', code, 'investigation-extend', {
      version: version + 2,
      reason: 'Chưa có kết quả giám định',
      procuracyApproval: 'Quyết định gia hạn số 05/QĐ-VKS ngày 19/01/2027',
    });
    expect(second.status).toBe(200);
    // Two more months from 24 January: 24 March.
    expect(second.body.crime).toMatchObject({
      dueAt: '2027-03-24T17:00:00.000Z',
      extensions: 2,
      extensionLimit: null,
      procuracyApproval: 'Quyết định gia hạn số 05/QĐ-VKS ngày 19/01/2027',
    });
    expect(second.body.allowedActions).not.toContain('investigation-extend');
    const third = await act('investigator', code, 'investigation-extend', {
      version: version + 3,
      reason: 'Thêm một lần nữa',
      procuracyApproval: 'Số 06/QĐ-VKS',
    });
    expect(third.status).toBe(400);
    expect(third.body.error.fields[0].message).toContain('hai lần');

    now = Date.parse('2027-03-01T02:00:00Z'); // 1 March, 09:00 in Vietnam
    const future = await act('investigator', code, 'prosecution-decision', {
      version: version + 3,
      decision: 'prosecuted',
      decisionNo: '12/QĐ-CSĐT',
      decisionDate: '2027-03-02',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].field).toBe('decisionDate');
    const decided = await act('investigator', code, 'prosecution-decision', {
      version: version + 3,
      decision: 'prosecuted',
      decisionNo: '12/QĐ-CSĐT',
      decisionDate: '2027-03-01',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.crime).toMatchObject({
      decision: 'prosecuted',
      decisionNo: '12/QĐ-CSĐT',
      decisionDate: '2027-03-01',
      extensionLimit: null,
      overdue: false,
    });
    expect(decided.body.allowedActions).toEqual(['notes']);
    const [row] = await queryRows<{ decision: string; extensions: number; procuracy_approval: string }>(
      t.deps.db,
      sql`select k.decision, k.extensions, k.procuracy_approval from report_crime k
            join reports r on r.id = k.report_id where r.tracking_code = ${code}`,
    );
    expect(row).toEqual({
      decision: 'prosecuted',
      extensions: 2,
      procuracy_approval: 'Quyết định gia hạn số 05/QĐ-VKS ngày 19/01/2027',
    });

    // Every step is in the lead's timeline, none on the citizen's page.
    const types = (await view('market', code)).body.timeline.map((e: { type: string }) => e.type);
    for (const type of [
      'crime_flagged',
      'crime_handed_over',
      'investigation_accepted',
      'investigation_extended',
      'prosecution_decided',
    ])
      expect(types).toContain(type);
    const citizen = await track(receipt);
    expect(JSON.stringify(citizen.body)).not.toMatch(/crime|điều tra|buôn lậu|CSĐT/);
  });

  it('takes a hand-off later than 24 hours, shown late; before it the page already says so', async () => {
    now = FIXED_NOW.getTime();
    const { code } = await flagged();
    now += 25 * HOUR;
    expect((await view('market', code)).body.crime).toMatchObject({ handoverLate: true, investigatingUnit: null });
    const late = await act('market', code, 'hand-off', { version: 3, unitId: unitIds['police-04-csdt'] });
    expect(late.status).toBe(200);
    expect(late.body.crime.handoverLate).toBe(true);
    expect(late.body.timeline.find((e: { type: string }) => e.type === 'crime_handed_over').data.late).toBe(true);
  });
});

describe("the crime track's clocks are told like the report's", () => {
  /** The deadline alerts of one report: who was told what, about which deadline. */
  const deadlineAlerts = (code: string) =>
    queryRows<{ username: string; kind: string; due_at: Date | string }>(
      t.deps.db,
      sql`select s.username, a.kind, a.due_at from alerts a
            join staff_accounts s on s.id = a.staff_id
            join reports r on r.id = a.report_id
           where r.tracking_code = ${code} and a.kind in ('due_soon', 'overdue')
             and s.username in ('market.cao-bang', 'investigator.cao-bang')
           order by a.created_at, s.username`,
    ).then((rows) => rows.map((r) => [r.username, r.kind, new Date(r.due_at).toISOString()]));

  it('tells the lead of a hand-off due and late, then the investigating body of its clock due soon and passed, once each', async () => {
    now = FIXED_NOW.getTime();
    const { code } = await flagged(); // at 03:00 UTC: the hand-off is due 24 hours later
    const handoverDue = '2026-11-24T03:00:00.000Z';
    await notifyCrimeDeadlines(t.deps, new Date(now + 11 * HOUR));
    expect(await deadlineAlerts(code)).toEqual([]);
    // Due soon at half of the 24 hours.
    await notifyCrimeDeadlines(t.deps, new Date(now + 13 * HOUR));
    await notifyCrimeDeadlines(t.deps, new Date(now + 14 * HOUR));
    expect(await deadlineAlerts(code)).toEqual([['market.cao-bang', 'due_soon', handoverDue]]);
    await notifyCrimeDeadlines(t.deps, new Date(now + 25 * HOUR));
    expect(await deadlineAlerts(code)).toEqual([
      ['market.cao-bang', 'due_soon', handoverDue],
      ['market.cao-bang', 'overdue', handoverDue],
    ]);

    now += 26 * HOUR; // 24 November, 12:00 in Vietnam: late, and then the body's 20 days
    await act('market', code, 'hand-off', { version: 3, unitId: unitIds['police-04-csdt'] });
    await act('investigator', code, 'investigation-accept', { version: 4 });
    const criminalDueAt = '2026-12-14T17:00:00.000Z';
    await notifyCrimeDeadlines(t.deps, new Date('2026-12-13T16:00:00Z'));
    expect((await deadlineAlerts(code)).slice(2)).toEqual([]);
    await notifyCrimeDeadlines(t.deps, new Date('2026-12-13T18:00:00Z'));
    await notifyCrimeDeadlines(t.deps, new Date('2026-12-14T10:00:00Z'));
    expect((await deadlineAlerts(code)).slice(2)).toEqual([['investigator.cao-bang', 'due_soon', criminalDueAt]]);
    await notifyCrimeDeadlines(t.deps, new Date('2026-12-15T00:00:00Z'));
    expect((await deadlineAlerts(code)).slice(2)).toEqual([
      ['investigator.cao-bang', 'due_soon', criminalDueAt],
      ['investigator.cao-bang', 'overdue', criminalDueAt],
    ]);
  });
});

describe('what the crime track refuses', () => {
  it('hands off only to an open police unit that investigates (400 naming unitId), and only once', async () => {
    now = FIXED_NOW.getTime();
    const { code } = await flagged();
    for (const unitId of [unitIds['market-04'], unitIds['police-04'], '00000000-0000-4000-8000-000000000000']) {
      const res = await act('market', code, 'hand-off', { version: 3, unitId });
      expect([unitId, res.status]).toEqual([unitId, 400]);
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['unitId']);
    }
    expect((await act('market', code, 'hand-off', { version: 3, unitId: unitIds['police-04-csdt'] })).status).toBe(200);
    expect((await act('market', code, 'hand-off', { version: 4, unitId: unitIds['police-82-csdt'] })).status).toBe(409);
  });

  it('flags an open report once, and only its lead does; hand-off needs the flag', async () => {
    now = FIXED_NOW.getTime();
    const { trackingCode: code } = await file();
    expect((await act('market', code, 'hand-off', { version: 1, unitId: unitIds['police-04-csdt'] })).status).toBe(409);
    expect((await act('coordinator', code, 'flag-crime', { version: 1, reason: 'Có dấu hiệu tội phạm' })).status).toBe(
      403,
    );
    expect((await act('customs', code, 'flag-crime', { version: 1, reason: 'Có dấu hiệu tội phạm' })).status).toBe(404);
    expect((await act('market', code, 'flag-crime', { version: 1, reason: 'Có' })).status).toBe(400);
    const flaggedOnly = async () =>
      (await queue('market', '?crime=1&limit=100')).body.items.map((i: { trackingCode: string }) => i.trackingCode);
    expect(await flaggedOnly()).not.toContain(code);
    expect((await act('market', code, 'flag-crime', { version: 1, reason: 'Có dấu hiệu tội phạm' })).status).toBe(200);
    expect(await flaggedOnly()).toContain(code);
    expect((await act('market', code, 'flag-crime', { version: 2, reason: 'Lần nữa, có dấu hiệu' })).status).toBe(409);
  });

  it("leaves the investigating body's actions to it, in order: accept before extending or deciding", async () => {
    now = FIXED_NOW.getTime();
    const { code } = await flagged();
    // Before the hand-off the body is nothing to the report.
    expect((await act('investigator', code, 'investigation-accept', { version: 3 })).status).toBe(404);
    await act('market', code, 'hand-off', { version: 3, unitId: unitIds['police-04-csdt'] });
    for (const actor of ['market', 'lead', 'coordinator'])
      expect([actor, (await act(actor, code, 'investigation-accept', { version: 4 })).status]).toEqual([actor, 403]);
    expect(
      (await act('investigator', code, 'investigation-extend', { version: 4, reason: 'Chưa tiếp nhận mà gia hạn' }))
        .status,
    ).toBe(409);
    expect(
      (
        await act('investigator', code, 'prosecution-decision', {
          version: 4,
          decision: 'not_prosecuted',
          decisionNo: '3/QĐ',
          decisionDate: '2026-11-23',
        })
      ).status,
    ).toBe(409);
    // The lead still leads: it may not act for the body, and the body may not hand the report back.
    expect(
      (await act('investigator', code, 'hand-off', { version: 4, unitId: unitIds['police-82-csdt'] })).status,
    ).toBe(403);
    expect((await act('investigator', code, 'investigation-accept', { version: 4 })).status).toBe(200);
    expect((await act('investigator', code, 'investigation-accept', { version: 5 })).status).toBe(409);
    expect(await versionOf(code)).toBe(5);
  });

  it('lets an admin mark a police unit as investigating, never a unit of another force', async () => {
    const admin = await staffSession(t.app, 'admin');
    const put = (unitId: string | undefined, investigates: boolean) =>
      request(t.app)
        .put(`/api/staff/units/${unitId}/investigates`)
        .set('Cookie', admin.cookie)
        .set('X-CSRF-Token', admin.csrf)
        .send({ investigates });
    const market = await put(unitIds['market-04'], true);
    expect(market.status).toBe(400);
    expect(market.body.error.fields[0].field).toBe('investigates');
    const police = await put(unitIds['police-04'], true);
    expect(police.status).toBe(200);
    expect(police.body.investigates).toBe(true);
    const units = await request(t.app)
      .get('/api/staff/units')
      .set('Cookie', who.market?.cookie ?? '');
    expect(
      units.body.units
        .filter((u: { investigates: boolean; provinceCode: string }) => u.investigates && u.provinceCode === '04')
        .map((u: { code: string }) => u.code)
        .sort(),
    ).toEqual(['police-04', 'police-04-csdt']);
    expect((await put(unitIds['police-04'], false)).body.investigates).toBe(false);
  });
});

describe('after review: a flagged report and the units it depends on', () => {
  it('cannot be resolved, whatever the outcome, before the hand-off; can once handed over', async () => {
    const { code } = await flagged();
    let version = await versionOf(code);
    const refused = await act('market', code, 'resolve', {
      version,
      outcome: 'unfounded',
      publicOutcome: 'Đã kiểm tra, không phát hiện vi phạm.',
    });
    expect([refused.status, refused.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([
      400,
      ['outcome'],
    ]);
    expect((await act('market', code, 'hand-off', { version, unitId: unitIds['police-04-csdt'] })).status).toBe(200);
    version = await versionOf(code);
    const resolved = await act('market', code, 'resolve', {
      version,
      outcome: 'unfounded',
      publicOutcome: 'Đã kiểm tra, chuyển cơ quan điều tra xem xét.',
    });
    expect(resolved.status).toBe(200);
  });

  it('an investigating body with undecided hand-offs closes only into another, which takes them over', async () => {
    const { code } = await flagged();
    const version = await versionOf(code);
    expect((await act('market', code, 'hand-off', { version, unitId: unitIds['police-04-csdt'] })).status).toBe(200);
    const admin = await staffSession(t.app, 'admin');
    const post = (url: string, body: object) =>
      request(t.app).post(url).set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).send(body);
    // Closing it with nobody named, or into a unit that is no investigating body: refused, naming the field.
    const alone = await post(`/api/staff/units/${unitIds['police-04-csdt']}/close`, {});
    expect([alone.status, alone.body.error.fields[0]?.field]).toEqual([400, 'handTo']);
    const intoPolice = await post(`/api/staff/units/${unitIds['police-04-csdt']}/close`, {
      handTo: unitIds['police-04'],
    });
    expect([intoPolice.status, intoPolice.body.error.fields[0]?.field]).toEqual([400, 'handTo']);
    // Another investigating body takes them over (here Đồng Tháp's: the demo has one per province).
    const closed = await post(`/api/staff/units/${unitIds['police-04-csdt']}/close`, {
      handTo: unitIds['police-82-csdt'],
    });
    expect(closed.status).toBe(200);
    const [row] = await queryRows<{ unit: string }>(
      t.deps.db,
      sql`select k.investigating_unit_id::text as unit from report_crime k join reports r on r.id = k.report_id
           where r.tracking_code = ${code}`,
    );
    expect(row?.unit).toBe(unitIds['police-82-csdt']);
  });
});
