import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { caseCalls, MARKET_REPORT, movingClockApp, signInAll } from '../helpers/case-calls';
import type { StaffSession } from '../helpers/staff';
import type { TestApp } from '../helpers/test-app';

/**
 * Issue #18: the clocks as the law reads them and the results as data, on hand-worked dates and figures.
 * The clock starts on Friday 24 April 2026 at 09:00 in Vietnam: the week of Giỗ Tổ (substitute day Monday
 * 27 April) and of 30/4 and 1/5 (Thursday, Friday).
 */
const vn = (local: string) => Date.parse(`${local}+07:00`);
let now = vn('2026-04-24T09:00:00');
let t: TestApp;
const who: Record<string, StaffSession> = {};
let police04 = '';
let staffId = '';

const { file, view, act } = caseCalls(
  () => t,
  who,
  () => now,
  {
    ...MARKET_REPORT,
    description: 'Ki-ốt bán mỹ phẩm giả nhãn hiệu, không có hóa đơn chứng từ, bán cả sỉ và lẻ.',
  },
);

beforeAll(async () => {
  t = await movingClockApp(() => now);
  await signInAll(t, who, {
    market: 'market.cao-bang',
    police: 'police.cao-bang',
    coordinator: 'coordinator.cao-bang',
  });
  const [unit] = await queryRows<{ id: string }>(t.deps.db, sql`select id from units where code = 'police-04'`);
  police04 = unit?.id ?? '';
  const [staff] = await queryRows<{ id: string }>(
    t.deps.db,
    sql`select id from staff_accounts where username = 'police.cao-bang'`,
  );
  staffId = staff?.id ?? '';
});
afterAll(() => t.close());
beforeEach(() => {
  now = vn('2026-04-24T09:00:00');
});

/** A report of the market unit, accepted by it: version 2. */
async function accepted() {
  const { trackingCode } = await file();
  expect((await act('market', trackingCode, 'accept', { version: 1 })).status).toBe(200);
  return trackingCode;
}

const fieldsOf = (res: { body: { error?: { fields?: { field: string }[] } } }) =>
  (res.body.error?.fields ?? []).map((f) => f.field);

const DECISION = { decisionNo: '15/QĐ-XPHC', decisionDate: '2026-04-29', sanctionTypes: ['fine', 'confiscation'] };
const LOTS = [
  { goodsType: 'cosmetics', description: 'Kem dưỡng da giả nhãn hiệu', quantity: 40, unit: 'hộp', valueVnd: 8_000_000 },
  { goodsType: 'cosmetics', quantity: 12.5, unit: 'kg', valueVnd: 3_750_000 },
];

describe('the resolution clock (BLTTHS 2015 Điều 147)', () => {
  it('gives a new report 20 calendar days across Tết, and shows which clock an old report was counted by', async () => {
    now = vn('2026-02-13T10:00:00'); // the day before Tết (14–22 February 2026)
    const { trackingCode } = await file();
    const page = (await view('market', trackingCode)).body;
    // 13 Feb + 20 days = 5 March (February has 28 days): due at the end of 5 March, Vietnam time.
    expect(page.deadlines.resolveDueAt).toBe('2026-03-05T17:00:00.000Z');
    expect(page.resolveClock).toBe('calendar_days');
    // A report from before migration 0018 keeps its deadline and says it was counted in working days.
    await t.deps.db.execute(
      sql`update reports set resolve_clock = 'working_days' where tracking_code = ${trackingCode}`,
    );
    const old = (await view('market', trackingCode)).body;
    expect([old.resolveClock, old.deadlines.resolveDueAt]).toEqual(['working_days', '2026-03-05T17:00:00.000Z']);
  });
});

describe('the sanction clock (Luật XLVPHC Điều 66): record-violation', () => {
  it('counts 7 working days across 27/4, 30/4 and 1/5, 10 when transferred, 1 and 2 months with a reason; each time an event', async () => {
    const code = await accepted();
    const record = { recordNo: '07/BB-VPHC', recordDate: '2026-04-24' };
    let res = await act('market', code, 'record-violation', { version: 2, ...record, clock: 'standard' });
    expect(res.status).toBe(200);
    // 28/4 (1), 29/4 (2), 4/5 (3), 5/5 (4), 6/5 (5), 7/5 (6), 8/5 (7): the end of Friday 8 May.
    expect(res.body.sanction).toMatchObject({
      ...record,
      clock: 'standard',
      dueAt: '2026-05-08T17:00:00.000Z',
      overdue: false,
      decisionNo: null,
    });
    res = await act('market', code, 'record-violation', { version: 3, ...record, clock: 'transferred' });
    // … 11/5 (8), 12/5 (9), 13/5 (10).
    expect(res.body.sanction.dueAt).toBe('2026-05-13T17:00:00.000Z');

    res = await act('market', code, 'record-violation', { version: 4, ...record, clock: 'extended' });
    expect([res.status, fieldsOf(res)]).toEqual([400, ['clockReason']]);
    const reason = 'Vụ việc phức tạp, cần giám định mẫu hàng hóa';
    res = await act('market', code, 'record-violation', {
      version: 4,
      ...record,
      clock: 'verification',
      clockReason: reason,
    });
    expect(res.body.sanction).toMatchObject({ dueAt: '2026-05-24T17:00:00.000Z', clockReason: reason });
    res = await act('market', code, 'record-violation', {
      version: 5,
      ...record,
      clock: 'extended',
      clockReason: reason,
    });
    expect(res.body.sanction.dueAt).toBe('2026-06-24T17:00:00.000Z');

    const events = res.body.timeline.filter((e: { type: string }) => e.type === 'violation_recorded');
    expect(events.map((e: { data: { clock: string } }) => e.data.clock)).toEqual([
      'standard',
      'transferred',
      'verification',
      'extended',
    ]);
    expect(events.every((e: { public: boolean }) => !e.public)).toBe(true);
  });

  it('shows the decision overdue once its day has passed', async () => {
    const code = await accepted();
    await act('market', code, 'record-violation', {
      version: 2,
      recordNo: '08/BB-VPHC',
      recordDate: '2026-04-24',
      clock: 'standard',
    });
    now = vn('2026-05-08T23:59:00');
    expect((await view('market', code)).body.sanction.overdue).toBe(false);
    now = vn('2026-05-09T00:01:00');
    expect((await view('market', code)).body.sanction.overdue).toBe(true);
  });

  it('refuses a record in the future, before acceptance, and from anyone but the lead', async () => {
    const { trackingCode: code } = await file();
    const body = { recordNo: '09/BB-VPHC', recordDate: '2026-04-24', clock: 'standard' };
    const early = await act('market', code, 'record-violation', { version: 1, ...body });
    expect([early.status, early.body.error.code]).toEqual([409, 'case.not_allowed']);
    await act('market', code, 'accept', { version: 1 });
    const future = await act('market', code, 'record-violation', { version: 2, ...body, recordDate: '2026-04-25' });
    expect([future.status, fieldsOf(future)]).toEqual([400, ['recordDate']]);
    // The police unit coordinates this report: it sees it, the lead alone records.
    expect((await act('police', code, 'record-violation', { version: 2, ...body })).status).toBe(403);
    expect((await view('market', code)).body.sanction).toBeNull();
  });
});

describe('results as data when resolving', () => {
  it('stores the decision (reusing the record), the fine and the seized lots, with hand-worked totals', async () => {
    const code = await accepted();
    await act('market', code, 'record-violation', {
      version: 2,
      recordNo: '10/BB-VPHC',
      recordDate: '2026-04-24',
      clock: 'standard',
    });
    now = vn('2026-04-29T15:00:00');
    const res = await act('market', code, 'resolve', {
      version: 3,
      outcome: 'violation_handled',
      publicOutcome: 'Đã xử phạt vi phạm hành chính và tịch thu hàng hóa vi phạm.',
      typicalCase: true,
      sanction: { ...DECISION, fineVnd: 15_000_000 },
      seizedGoods: LOTS,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'resolved',
      outcome: 'violation_handled',
      goodsType: 'cosmetics', // the first lot's, none given
      typicalCase: true,
      sanction: {
        recordNo: '10/BB-VPHC',
        recordDate: '2026-04-24',
        clock: 'standard',
        dueAt: '2026-05-08T17:00:00.000Z',
        ...DECISION,
        fineVnd: 15_000_000,
        overdue: false,
      },
    });
    expect(res.body.seizedGoods).toEqual([{ ...LOTS[0] }, { ...LOTS[1], description: null }]);
    // 8 000 000 + 3 750 000 = 11 750 000 đồng, as the committees' tables will sum it.
    const [sum] = await queryRows<{ value: number; fine: number }>(
      t.deps.db,
      sql`select sum(g.value_vnd)::int as value, max(s.fine_vnd)::int as fine
          from report_seized_goods g join reports r on r.id = g.report_id
          join report_sanctions s on s.report_id = r.id where r.tracking_code = ${code}`,
    );
    expect(sum).toEqual({ value: 11_750_000, fine: 15_000_000 });
    // The reporter's page shows the public outcome only.
    const results = res.body.timeline.find((e: { type: string }) => e.type === 'results_recorded');
    expect(results).toMatchObject({ public: false, data: { fineVnd: 15_000_000, seizedValueVnd: 11_750_000 } });
    expect(res.body.allowedActions).not.toContain('record-violation');
  });

  it('takes the whole record with the decision when none was entered before', async () => {
    const code = await accepted();
    const res = await act('market', code, 'resolve', {
      version: 2,
      outcome: 'violation_handled',
      publicOutcome: 'Đã xử phạt vi phạm hành chính cơ sở kinh doanh.',
      sanction: {
        recordNo: '11/BB-VPHC',
        recordDate: '2026-04-24',
        decisionNo: '16/QĐ-XPHC',
        decisionDate: '2026-04-24',
        sanctionTypes: ['warning'],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.sanction).toMatchObject({ clock: 'standard', dueAt: '2026-05-08T17:00:00.000Z', fineVnd: null });
    expect(res.body.seizedGoods).toEqual([]);
  });

  it('names each missing thing the outcome calls for, and writes nothing', async () => {
    const code = await accepted();
    now = vn('2026-04-29T15:00:00');
    const base = { version: 2, publicOutcome: 'Đã kiểm tra và xử lý theo quy định.' };
    const cases: [object, string[]][] = [
      [{ outcome: 'violation_handled' }, ['sanction']],
      [
        { outcome: 'violation_handled', sanction: DECISION },
        ['sanction.recordNo', 'sanction.recordDate', 'sanction.fineVnd'],
      ],
      [
        {
          outcome: 'violation_handled',
          sanction: { ...DECISION, recordNo: '12/BB', recordDate: '2026-04-30', sanctionTypes: ['warning'] },
        },
        ['sanction.recordDate', 'sanction.decisionDate'],
      ],
      [
        {
          outcome: 'violation_handled',
          sanction: {
            ...DECISION,
            recordNo: '12/BB',
            recordDate: '2026-04-24',
            sanctionTypes: ['warning'],
            fineVnd: 100,
          },
        },
        ['sanction.fineVnd'],
      ],
      [{ outcome: 'goods_seized' }, ['seizedGoods']],
      [{ outcome: 'goods_seized', seizedGoods: [] }, ['seizedGoods']],
      [{ outcome: 'goods_seized', seizedGoods: Array.from({ length: 51 }, () => LOTS[1]) }, ['seizedGoods']],
      [{ outcome: 'goods_seized', seizedGoods: [{ ...LOTS[1], quantity: 0 }] }, ['seizedGoods.0.quantity']],
      [{ outcome: 'goods_seized', seizedGoods: [{ ...LOTS[1], quantity: 0.0004 }] }, ['seizedGoods.0.quantity']],
      [{ outcome: 'criminal_case' }, ['outcome']],
      [{ outcome: 'no_prosecution' }, ['outcome']],
    ];
    for (const [body, fields] of cases) {
      const res = await act('market', code, 'resolve', { ...base, ...body });
      expect([JSON.stringify(body).slice(0, 80), res.status, fieldsOf(res)]).toEqual([
        JSON.stringify(body).slice(0, 80),
        400,
        fields,
      ]);
    }
    // A valid sanction with the lots missing: nothing of it is written.
    const half = await act('market', code, 'resolve', {
      ...base,
      outcome: 'goods_seized',
      sanction: { ...DECISION, recordNo: '12/BB', recordDate: '2026-04-24', fineVnd: 1_000_000 },
    });
    expect(fieldsOf(half)).toEqual(['seizedGoods']);
    const page = (await view('market', code)).body;
    expect([page.status, page.version, page.sanction, page.seizedGoods]).toEqual(['accepted', 2, null, []]);
  });

  it('resolves a criminal case once handed to an investigating body, and no prosecution once it so decided', async () => {
    const crime = async (code: string, handedOver: boolean, decision: string | null) => {
      const at = new Date(now).toISOString();
      await t.deps.db.execute(sql`
        insert into report_crime (report_id, reason, flagged_by, flagged_at, handover_due_at,
          investigating_unit_id, handed_over_at, handed_over_by, decision)
        select id, 'Số lượng lớn, có dấu hiệu tội phạm', ${staffId}, ${at}, ${at},
          ${handedOver ? police04 : null}, ${handedOver ? at : null}, ${handedOver ? staffId : null}, ${decision}
        from reports where tracking_code = ${code}`);
    };
    const body = { version: 2, publicOutcome: 'Đã chuyển hồ sơ cho cơ quan điều tra theo quy định.' };
    const flagged = await accepted();
    await crime(flagged, false, null);
    const early = await act('market', flagged, 'resolve', { ...body, outcome: 'criminal_case' });
    expect([early.status, fieldsOf(early)]).toEqual([400, ['outcome']]);

    const handed = await accepted();
    await crime(handed, true, null);
    expect((await act('market', handed, 'resolve', { ...body, outcome: 'criminal_case' })).status).toBe(200);
    expect((await act('market', flagged, 'resolve', { ...body, outcome: 'no_prosecution' })).status).toBe(400);

    const declined = await accepted();
    await crime(declined, true, 'not_prosecuted');
    expect((await act('market', declined, 'resolve', { ...body, outcome: 'no_prosecution' })).status).toBe(200);
  });
});

describe('classify', () => {
  it('lets the lead set the goods type and typical case, open or resolved, each time an event; not once closed', async () => {
    const code = await accepted();
    let res = await act('market', code, 'classify', { version: 2, goodsType: 'food', typicalCase: true });
    expect(res.body).toMatchObject({ goodsType: 'food', typicalCase: true, version: 3 });
    res = await act('market', code, 'classify', { version: 3, goodsType: null });
    expect(res.body).toMatchObject({ goodsType: null, typicalCase: true });
    expect((await act('coordinator', code, 'classify', { version: 4, goodsType: 'fuel' })).status).toBe(403);
    await act('market', code, 'resolve', {
      version: 4,
      outcome: 'unfounded',
      publicOutcome: 'Đã kiểm tra, không phát hiện vi phạm.',
    });
    res = await act('market', code, 'classify', { version: 5, goodsType: 'cosmetics', typicalCase: false });
    expect(res.body).toMatchObject({ status: 'resolved', goodsType: 'cosmetics', typicalCase: false });
    await act('market', code, 'close', { version: 6 });
    expect((await act('market', code, 'classify', { version: 7, goodsType: 'food' })).status).toBe(409);
    const types = (await view('market', code)).body.timeline
      .filter((e: { type: string }) => e.type === 'classified')
      .map((e: { data: { goodsType: string | null } }) => e.data.goodsType);
    expect(types).toEqual(['food', null, 'cosmetics']);
  });

  it('takes an optional goods type from the citizen', async () => {
    const { trackingCode } = await file({ goodsType: 'cosmetics' });
    expect((await view('market', trackingCode)).body.goodsType).toBe('cosmetics');
    const bad = await request(t.app)
      .post('/api/public/reports')
      .send({
        ...MARKET_REPORT,
        description: 'x'.repeat(40),
        observedAt: new Date(now - 3_600_000).toISOString(),
        goodsType: 'gold',
      });
    expect([bad.status, fieldsOf(bad)]).toEqual([400, ['goodsType']]);
  });
});
