import { sql } from 'drizzle-orm';
import request from 'supertest';
import { sweepDeadlines } from '../../server/cases/escalation';
import { queryRows } from '../../server/db/query-rows';
import { staffSession, type StaffSession } from '../helpers/staff';
import { caseCalls, MARKET_REPORT } from '../helpers/case-calls';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

/**
 * Issue #17: a report not accepted in time escalates to the province coordinators, then after
 * ESCALATE_NATIONAL_HOURS to the national ones (the sweeper on the injected clock); the coordinators
 * move the lead or remind; needs_info has two ways out.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let now = FIXED_NOW.getTime();
let t: TestApp;
const who: Record<string, StaffSession> = {};
let police04 = '';
let policeHanoi = '';

const REPORT = {
  ...MARKET_REPORT,
  description: 'Bán nước hoa giả nhãn hiệu Chanel ở chợ, giá rất rẻ, không có hóa đơn.',
};
const { file, view, act, queue } = caseCalls(
  () => t,
  who,
  () => now,
  REPORT,
);

const queueCodes = async (as: string, query: string) => {
  const res = await queue(as, query);
  expect(res.status).toBe(200);
  return (res.body.items as { trackingCode: string }[]).map((i) => i.trackingCode);
};
const escalationsOf = (code: string) =>
  queryRows<{ level: string; resolution: string | null }>(
    t.deps.db,
    sql`select e.level, e.resolution from report_escalations e join reports r on r.id = e.report_id
         where r.tracking_code = ${code} order by e.at, e.level desc`,
  );

beforeAll(async () => {
  t = await createTestApp({
    clock: { now: () => new Date(now) },
    env: {
      STAFF_SESSION_IDLE_MINUTES: '1000000',
      STAFF_SESSION_MAX_HOURS: '100000',
      ESCALATE_NATIONAL_HOURS: '12',
      NEEDS_INFO_MAX_DAYS: '10',
    },
  });
  for (const [key, username] of [
    ['market', 'market.cao-bang'],
    ['police', 'police.cao-bang'],
    ['coordinator', 'coordinator.cao-bang'],
    ['national', 'coordinator'],
  ] as const) {
    who[key] = await staffSession(t.app, username);
  }
  const units = await queryRows<{ id: string; code: string }>(
    t.deps.db,
    sql`select id, code from units where code in ('police-04', 'police-01')`,
  );
  police04 = units.find((u) => u.code === 'police-04')?.id ?? '';
  policeHanoi = units.find((u) => u.code === 'police-01')?.id ?? '';
  expect(police04 && policeHanoi).toBeTruthy();
});
afterAll(() => t.close());

describe('escalation of reports not accepted in time (the sweeper on the injected clock)', () => {
  it('escalates to the province, then after ESCALATE_NATIONAL_HOURS to the nation, once each, and closes on acceptance', async () => {
    const start = now;
    const { trackingCode: code } = await file();
    const due = Date.parse((await view('market', code)).body.deadlines.acceptDueAt);

    now = due - 60_000;
    expect((await sweepDeadlines(t.deps)).escalated.map((e) => e.trackingCode)).not.toContain(code);

    now = due + 60_000;
    const hooked: string[] = [];
    const first = await sweepDeadlines(t.deps, {
      onEscalated: async (escalations) => {
        hooked.push(...escalations.map((e) => `${e.trackingCode}:${e.level}`));
      },
    });
    expect(first.escalated.filter((e) => e.trackingCode === code).map((e) => e.level)).toEqual(['province']);
    expect(hooked).toContain(`${code}:province`);
    // Idempotent: the next minute's sweep writes nothing new for it.
    expect((await sweepDeadlines(t.deps)).escalated.map((e) => e.trackingCode)).not.toContain(code);
    expect(await escalationsOf(code)).toEqual([{ level: 'province', resolution: null }]);

    // The province coordinator's lists; the case page says so; the history holds the event.
    expect(await queueCodes('coordinator', '?escalated=1')).toContain(code);
    expect(await queueCodes('coordinator', '?overdue=1')).toContain(code);
    const page = await view('coordinator', code);
    expect(page.body.escalations).toEqual([
      { level: 'province', at: new Date(due + 60_000).toISOString(), dueAt: new Date(due).toISOString() },
    ]);
    expect(page.body.allowedActions).toEqual(expect.arrayContaining(['move-lead', 'remind']));
    expect(page.body.timeline.map((e: { type: string }) => e.type)).toContain('escalated');

    now = due + 12 * HOUR - 60_000;
    expect((await sweepDeadlines(t.deps)).escalated.map((e) => e.trackingCode)).not.toContain(code);
    now = due + 12 * HOUR + 60_000;
    const second = await sweepDeadlines(t.deps);
    expect(second.escalated.filter((e) => e.trackingCode === code).map((e) => e.level)).toEqual(['national']);
    expect(await queueCodes('national', '?escalated=1')).toContain(code);

    // Accepted at last: both escalations close at the next sweep and leave the list.
    const accepted = await act('market', code, 'accept', { version: page.body.version });
    expect(accepted.status).toBe(200);
    const third = await sweepDeadlines(t.deps);
    expect(third.resolved).toBeGreaterThanOrEqual(2);
    expect(await escalationsOf(code)).toEqual([
      { level: 'province', resolution: 'accepted' },
      { level: 'national', resolution: 'accepted' },
    ]);
    expect(await queueCodes('coordinator', '?escalated=1')).not.toContain(code);
    now = start;
  });

  it('takes at most a batch of reports per sweep; the next sweeps take the rest, oldest deadline first', async () => {
    const start = now;
    const codes: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      codes.push((await file()).trackingCode);
      now += 60_000;
    }
    const due = Date.parse((await view('market', codes[2] ?? '')).body.deadlines.acceptDueAt);
    // Past the province level, not the national one.
    now = due + 60_000;
    const sweeps: string[][] = [];
    for (let n = 0; n < 20; n += 1) {
      const { escalated } = await sweepDeadlines(t.deps, { batch: 2 });
      if (escalated.length === 0) break;
      expect(escalated.filter((e) => e.level === 'province').length).toBeLessThanOrEqual(2);
      sweeps.push(escalated.filter((e) => e.level === 'province').map((e) => e.trackingCode));
    }
    expect(sweeps.length).toBeGreaterThanOrEqual(2);
    expect(sweeps.flat()).toEqual(expect.arrayContaining(codes));
    // Filed in order, due in order: the first two go in one sweep, the third in the next.
    const sweepOf = (code: string) => sweeps.findIndex((s) => s.includes(code));
    expect(sweepOf(codes[2] ?? '')).toBeGreaterThan(sweepOf(codes[0] ?? ''));
    for (const code of codes) expect(await escalationsOf(code)).toEqual([{ level: 'province', resolution: null }]);
    now = start;
  });

  it('runs as the scheduled job: the registry hands the deadline-sweep queue to the sweeper', async () => {
    let jobsNow = FIXED_NOW.getTime();
    const jobs = await createTestApp({ clock: { now: () => new Date(jobsNow) }, jobs: true });
    try {
      // A fresh database with its job runner: file a report, let its deadline pass, and send the
      // sweep the scheduler sends every minute.
      const res = await request(jobs.app)
        .post('/api/public/reports')
        .send({ ...REPORT, observedAt: new Date(jobsNow - HOUR).toISOString() });
      expect(res.status).toBe(201);
      jobsNow += 3 * DAY;
      await jobs.deps.jobs.send('deadline-sweep', {});
      const started = Date.now();
      let rows: { level: string }[] = [];
      while (rows.length < 2 && Date.now() - started < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        rows = await queryRows<{ level: string }>(
          jobs.deps.db,
          sql`select e.level from report_escalations e join reports r on r.id = e.report_id
               where r.tracking_code = ${res.body.trackingCode}`,
        );
      }
      // Three days late: past the province level and ESCALATE_NATIONAL_HOURS (24 by default) after it.
      expect(rows.map((r) => r.level).sort()).toEqual(['national', 'province']);
      const { rows: schedules } = await jobs.deps.database.executeSql(
        `select name, cron, timezone from pgboss.schedule where name = 'deadline-sweep'`,
      );
      expect(schedules).toEqual([{ name: 'deadline-sweep', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' }]);
    } finally {
      await jobs.close();
    }
  });
});

describe('a coordinator acts on an escalated report', () => {
  it('moves the lead to a unit of another force with a reason: one lead at every moment, audited, in the chain', async () => {
    const { trackingCode: code } = await file();
    const before = await view('coordinator', code);
    const noReason = await act('coordinator', code, 'move-lead', { version: before.body.version, unitId: police04 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.map((f: { field: string }) => f.field)).toContain('reason');
    // A province coordinator stays in the report's province (a Hà Nội unit is outside it).
    const outside = await act('coordinator', code, 'move-lead', {
      version: before.body.version,
      unitId: policeHanoi,
      reason: 'Thử chuyển ra ngoài tỉnh',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['unitId']);
    // An officer of the lead unit may not.
    const byLead = await act('market', code, 'move-lead', {
      version: before.body.version,
      unitId: police04,
      reason: 'Tự chuyển',
    });
    expect(byLead.status).toBe(403);

    const moved = await act('coordinator', code, 'move-lead', {
      version: before.body.version,
      unitId: police04,
      reason: 'Quá hạn thụ lý; công an tỉnh xử lý ngay',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.lead).toMatchObject({ unitId: police04, force: 'police' });
    expect(moved.body.timeline.at(-1)).toMatchObject({
      type: 'lead_moved',
      body: 'Quá hạn thụ lý; công an tỉnh xử lý ngay',
    });
    expect((await view('police', code)).body.relation).toContain('lead');
    expect((await view('market', code)).status).toBe(404);
    const [row] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from reports where tracking_code = ${code} and lead_unit_id = ${police04}::uuid`,
    );
    expect(row?.n).toBe(1);
    const audit = await queryRows<{ action: string }>(
      t.deps.db,
      sql`select action from audit_log where subject = ${`report:${code}`}`,
    );
    expect(audit.map((a) => a.action)).toContain('case_lead_moved');
    // The national coordinator may move it anywhere.
    const national = await act('national', code, 'move-lead', {
      version: moved.body.version,
      unitId: policeHanoi,
      reason: 'Vụ việc liên tỉnh, chuyển Hà Nội',
    });
    expect(national.status).toBe(200);
    expect(national.body.lead.unitId).toBe(policeHanoi);
  });

  it('tells the new lead unit (routed), and lets a province coordinator pick only a regional unit covering the province', async () => {
    const { trackingCode: code } = await file();
    const before = await view('coordinator', code);
    const regional = await queryRows<{ id: string; covers: boolean }>(
      t.deps.db,
      sql`select u.id, exists (select 1 from unit_jurisdictions j where j.unit_id = u.id and j.province_code = '04'
                                  and j.valid_to is null) as covers
            from units u where u.level = 'regional' and u.province_code <> '04' order by u.code`,
    );
    const elsewhere = regional.find((u) => !u.covers)?.id ?? '';
    const covering = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select u.id from units u where u.level = 'regional'
            and exists (select 1 from unit_jurisdictions j where j.unit_id = u.id and j.province_code = '04' and j.valid_to is null)`,
    );
    expect(elsewhere).toBeTruthy();
    expect(covering.length).toBeGreaterThan(0);
    const far = await act('coordinator', code, 'move-lead', {
      version: before.body.version,
      unitId: elsewhere,
      reason: 'Chi cục hải quan khu vực khác',
    });
    expect(far.status).toBe(400);
    expect(far.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['unitId']);
    const routedTo = (unitId: string) =>
      queryRows<{ n: number }>(
        t.deps.db,
        sql`select count(*)::int as n from alerts a join reports r on r.id = a.report_id
             where r.tracking_code = ${code} and a.kind = 'routed' and a.unit_id = ${unitId}::uuid`,
      );
    expect((await routedTo(police04))[0]?.n).toBe(0);
    const moved = await act('coordinator', code, 'move-lead', {
      version: before.body.version,
      unitId: police04,
      reason: 'Công an tỉnh xử lý',
    });
    expect(moved.status).toBe(200);
    expect((await routedTo(police04))[0]?.n).toBeGreaterThan(0);
    const police = await request(t.app)
      .get('/api/staff/alerts')
      .set('Cookie', who.police?.cookie ?? '');
    expect(
      police.body.alerts.filter(
        (a: { kind: string; trackingCode: string }) => a.kind === 'routed' && a.trackingCode === code,
      ),
    ).toHaveLength(1);
    const toRegion = await act('coordinator', code, 'move-lead', {
      version: moved.body.version,
      unitId: covering[0]?.id ?? '',
      reason: 'Hải quan khu vực phụ trách tỉnh',
    });
    expect(toRegion.status).toBe(200);
  });

  it('records a reminder the lead sees and the reporter does not', async () => {
    const receipt = await file();
    const code = receipt.trackingCode;
    const reminded = await act('coordinator', code, 'remind', { version: 1, text: 'Đề nghị thụ lý ngay hôm nay' });
    expect(reminded.status).toBe(200);
    const lead = await view('market', code);
    expect(lead.body.timeline.at(-1)).toMatchObject({ type: 'reminder', body: 'Đề nghị thụ lý ngay hôm nay' });
    expect(lead.body.version).toBe(1);
    const citizen = await request(t.app).post('/api/public/track').send(receipt);
    expect(JSON.stringify(citizen.body)).not.toContain('thụ lý ngay');
    expect((await act('market', code, 'remind', { version: 1, text: 'Tự nhắc mình' })).status).toBe(403);
  });
});

describe('needs_info has a way out', () => {
  async function asked() {
    const receipt = await file();
    const code = receipt.trackingCode;
    const accepted = await act('market', code, 'accept', { version: 1 });
    const question = await act('market', code, 'ask', {
      version: accepted.body.version,
      question: 'Cửa hàng mở cửa lúc mấy giờ?',
    });
    expect(question.body.status).toBe('needs_info');
    return { receipt, code, page: question.body };
  }

  it('withdraws the question: back to where it was, the clock resumes moved by the time stood still', async () => {
    const start = now;
    const { code, page, receipt } = await asked();
    expect(page.allowedActions).toContain('withdraw-question');
    expect(page.allowedActions).not.toContain('continue-without-answer');
    now += 2 * DAY;
    const withdrawn = await act('market', code, 'withdraw-question', {
      version: page.version,
      reason: 'Đã xác định được qua camera',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('accepted');
    expect(Date.parse(withdrawn.body.deadlines.resolveDueAt) - Date.parse(page.deadlines.resolveDueAt)).toBe(2 * DAY);
    expect(withdrawn.body.deadlines.running).toBe(withdrawn.body.deadlines.resolveDueAt);
    const citizen = await request(t.app).post('/api/public/track').send(receipt);
    expect(citizen.body.openQuestion).toBeNull();
    // Only from needs_info.
    const again = await act('market', code, 'withdraw-question', { version: withdrawn.body.version });
    expect(again.status).toBe(409);
    now = start;
  });

  it('goes on without the answer only after NEEDS_INFO_MAX_DAYS (409 with the date before), and lists the long waits for the coordinator', async () => {
    const start = now;
    const { code, page } = await asked();
    const askedAt = now;
    now = askedAt + 10 * DAY - 60_000;
    const early = await act('market', code, 'continue-without-answer', {
      version: page.version,
      reason: 'Người báo không trả lời',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('case.answer_wait');
    expect(early.body.error.details.availableAt).toBe(new Date(askedAt + 10 * DAY).toISOString());
    expect(early.body.error.message).toContain('10');
    expect(await queueCodes('coordinator', '?waitingAnswer=1')).not.toContain(code);

    now = askedAt + 10 * DAY;
    expect(await queueCodes('coordinator', '?waitingAnswer=1')).toContain(code);
    const offered = await view('market', code);
    expect(offered.body.allowedActions).toContain('continue-without-answer');
    expect(offered.body.answerWaitEndsAt).toBe(new Date(askedAt + 10 * DAY).toISOString());
    const went = await act('market', code, 'continue-without-answer', {
      version: offered.body.version,
      reason: 'Người báo không trả lời sau 10 ngày',
    });
    expect(went.status).toBe(200);
    expect(went.body.status).toBe('accepted');
    expect(Date.parse(went.body.deadlines.resolveDueAt) - Date.parse(page.deadlines.resolveDueAt)).toBe(10 * DAY);
    expect(went.body.timeline.map((e: { type: string }) => e.type)).toContain('went_on_without_answer');
    expect(await queueCodes('coordinator', '?waitingAnswer=1')).not.toContain(code);
    now = start;
  });
});
