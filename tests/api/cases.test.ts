import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { staffSession, type StaffSession } from '../helpers/staff';
import { caseCalls, MARKET_REPORT } from '../helpers/case-calls';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

const HOUR = 3_600_000;
let now = FIXED_NOW.getTime(); // Monday 23 November 2026, 10:00 in Vietnam
let t: TestApp;
const who: Record<string, StaffSession> = {};
let police04 = '';

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

const track = ({ trackingCode, secret }: { trackingCode: string; secret: string }) =>
  request(t.app).post('/api/public/track').send({ trackingCode, secret });

beforeAll(async () => {
  // The clock jumps by days here; sessions must outlive it.
  t = await createTestApp({
    clock: { now: () => new Date(now) },
    env: { STAFF_SESSION_IDLE_MINUTES: '1000000', STAFF_SESSION_MAX_HOURS: '100000' },
  });
  for (const [key, username] of [
    ['lead', 'lead.market.cao-bang'],
    ['market', 'market.cao-bang'],
    ['police', 'police.cao-bang'],
    ['customs', 'customs.cao-bang'],
    ['otherProvince', 'market.dong-thap'],
    ['coordinator', 'coordinator.cao-bang'],
    ['national', 'coordinator'],
    ['operator', 'operator'],
  ] as const) {
    who[key] = await staffSession(t.app, username);
  }
  const [unit] = await queryRows<{ id: string }>(t.deps.db, sql`select id from units where code = 'police-04'`);
  police04 = unit?.id ?? '';
});
afterAll(() => t.close());

describe('the case lifecycle through the API', () => {
  it('goes received → accepted → verifying → suspended → verifying → resolved → closed, each move an event, the citizen seeing the outcome', async () => {
    const receipt = await file();
    const code = receipt.trackingCode;
    const steps: [string, object, string][] = [
      ['accept', {}, 'accepted'],
      ['verify', {}, 'verifying'],
      ['suspend', { reason: 'Chờ kết quả giám định mẫu hàng' }, 'suspended'],
      ['resume', {}, 'verifying'],
      [
        'resolve',
        {
          outcome: 'goods_seized',
          publicOutcome: 'Đã kiểm tra, tạm giữ hàng hóa vi phạm và xử phạt theo quy định.',
          // Issue #18: the outcome calls for the goods seized.
          seizedGoods: [{ goodsType: 'cosmetics', quantity: 40, unit: 'chai', valueVnd: 12_000_000 }],
        },
        'resolved',
      ],
      ['close', {}, 'closed'],
    ];
    for (const [i, [action, body, status]] of steps.entries()) {
      const res = await act('market', code, action, { version: i + 1, ...body });
      expect([action, res.status, res.body.status]).toEqual([action, 200, status]);
    }
    const done = await view('market', code);
    expect(
      done.body.timeline
        .filter((e: { type: string }) => e.type === 'status_changed')
        .map((e: { toStatus: string }) => e.toStatus),
    ).toEqual(steps.map((s) => s[2]));
    expect(done.body).toMatchObject({ outcome: 'goods_seized', allowedActions: ['notes'] });
    const citizen = await track(receipt);
    expect(citizen.body).toMatchObject({
      status: 'closed',
      outcome: { text: 'Đã kiểm tra, tạm giữ hàng hóa vi phạm và xử phạt theo quy định.' },
    });
    // The suspension's reason stays internal.
    expect(JSON.stringify(citizen.body)).not.toContain('giám định');
  });

  it('refuses a move the lifecycle does not allow with 409 and the allowed moves, and an older version with 409 and the current state', async () => {
    const { trackingCode: code } = await file();
    const refused = await act('market', code, 'resolve', {
      version: 1,
      outcome: 'unfounded',
      publicOutcome: 'Không có cơ sở để xử lý.',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'case.not_allowed',
      details: { status: 'received', allowed: ['accept', 'ask', 'merge'] },
    });
    expect((await act('market', code, 'accept', { version: 1 })).status).toBe(200);
    const stale = await act('market', code, 'verify', { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { status: 'accepted', version: 2 } });
  });

  it('lets only one of two officers acting at once win; the other gets 409 and the new state', async () => {
    const { trackingCode: code } = await file();
    const [a, b] = await Promise.all([
      act('market', code, 'accept', { version: 1 }),
      act('market', code, 'ask', { version: 1, question: 'Ki-ốt số mấy?' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from report_events e join reports r on r.id = e.report_id where r.tracking_code = ${code} and e.type = 'status_changed'`,
    );
    expect(events[0]?.n).toBe(1);
  });
});

describe('deadlines', () => {
  it('gives 24 hours to accept, stops the clock while the reporter is asked, and flags overdue in the queue and for the coordinator', async () => {
    const receipt = await file();
    const code = receipt.trackingCode;
    const received = new Date(now);
    let page = await view('market', code);
    expect(page.body.deadlines).toMatchObject({
      acceptDueAt: new Date(received.getTime() + 24 * HOUR).toISOString(),
      running: new Date(received.getTime() + 24 * HOUR).toISOString(),
      paused: false,
    });
    // Issue #18: 20 calendar days from Monday 23 Nov 2026, due at the end of Sunday 13 December.
    expect(page.body.deadlines.resolveDueAt).toBe('2026-12-13T17:00:00.000Z');
    expect(page.body.resolveClock).toBe('calendar_days');

    now += 2 * HOUR;
    expect((await act('market', code, 'ask', { version: 1, question: 'Ki-ốt nằm ở dãy nào?' })).status).toBe(200);
    now += 30 * HOUR; // the reporter answers a day and six hours later
    const answered = await request(t.app)
      .post('/api/public/track/messages')
      .field('trackingCode', code)
      .field('secret', receipt.secret)
      .field('message', 'Dãy C.');
    expect(answered.status).toBe(200);
    page = await view('market', code);
    expect(page.body.status).toBe('received');
    expect(page.body.deadlines.acceptDueAt).toBe(new Date(received.getTime() + 54 * HOUR).toISOString());
    expect(page.body.deadlines.resolveDueAt).toBe(
      new Date(Date.parse('2026-12-13T17:00:00.000Z') + 30 * HOUR).toISOString(),
    );

    now += 21 * HOUR; // 1 hour left of the 54: due soon
    expect(
      (await queue('market', '?dueSoon=1')).body.items.map((i: { trackingCode: string }) => i.trackingCode),
    ).toContain(code);
    now += 2 * HOUR; // past it
    const overdue = await queue('market', '?overdue=1');
    expect(overdue.body.items.find((i: { trackingCode: string }) => i.trackingCode === code)).toMatchObject({
      overdue: true,
      status: 'received',
    });
    expect(
      (await queue('coordinator', '?overdue=1')).body.items.map((i: { trackingCode: string }) => i.trackingCode),
    ).toContain(code);
    expect(
      (await queue('otherProvince', '?overdue=1')).body.items.map((i: { trackingCode: string }) => i.trackingCode),
    ).not.toContain(code);
  });

  it('extends the resolution deadline within two months of receipt, once more by two months, and no further', async () => {
    const { trackingCode: code } = await file();
    await act('market', code, 'accept', { version: 1 });
    const receivedAt = Date.parse((await view('market', code)).body.receivedAt);
    const beyond = await act('market', code, 'extend', {
      version: 2,
      until: new Date(receivedAt + 61 * 24 * HOUR).toISOString(),
      reason: 'Chờ giám định',
    });
    expect(beyond.status).toBe(400);
    expect(beyond.body.error.fields[0].field).toBe('until');
    const first = await act('market', code, 'extend', {
      version: 2,
      until: new Date(receivedAt + 60 * 24 * HOUR).toISOString(),
      reason: 'Chờ giám định',
    });
    expect(first.body.deadlines).toMatchObject({
      extensions: 1,
      resolveDueAt: new Date(receivedAt + 60 * 24 * HOUR).toISOString(),
    });
    const second = await act('market', code, 'extend', {
      version: 3,
      until: new Date(receivedAt + 120 * 24 * HOUR).toISOString(),
      reason: 'Chờ kết luận giám định',
    });
    expect(second.body.deadlines.extensions).toBe(2);
    const third = await act('market', code, 'extend', {
      version: 4,
      until: new Date(receivedAt + 121 * 24 * HOUR).toISOString(),
      reason: 'Thêm nữa',
    });
    expect(third.status).toBe(400);
    // Not while the clock stands still: the deadline on the page is not the one stored.
    await act('market', code, 'ask', { version: 4, question: 'Cửa hàng còn bán không?' });
    const paused = await act('market', code, 'extend', {
      version: 5,
      until: new Date(receivedAt + 100 * 24 * HOUR).toISOString(),
      reason: 'Chờ trả lời',
    });
    expect(paused.status).toBe(409);
  });
});

describe('transfers', () => {
  it('keeps the lead until the receiving unit accepts; then the new unit leads and the old one no longer sees the report', async () => {
    const receipt = await file();
    const code = receipt.trackingCode;
    const asked = await act('market', code, 'transfer', {
      version: 1,
      step: 'request',
      unitId: police04,
      reason: 'Hàng cấm: thuộc thẩm quyền công an',
    });
    expect(asked.body).toMatchObject({ lead: { force: 'market' }, transfer: { toUnitId: police04, disputed: false } });
    expect(
      (await queue('police', '?role=lead')).body.items.map((i: { trackingCode: string; transferPending: boolean }) => [
        i.trackingCode,
        i.transferPending,
      ]),
    ).toContainEqual([code, true]);
    const taken = await act('police', code, 'transfer', { version: 2, step: 'accept' });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ lead: { unitId: police04 }, transfer: null });
    expect((await view('market', code)).status).toBe(404);
    expect((await track(receipt)).body.lead).toEqual({
      force: 'police',
      unitName: 'Phòng Cảnh sát kinh tế, Công an tỉnh Cao Bằng',
    });
  });

  it('makes a refusal a dispute that the coordinator decides; until then the first unit keeps it', async () => {
    const { trackingCode: code } = await file();
    await act('market', code, 'accept', { version: 1 });
    await act('market', code, 'transfer', {
      version: 2,
      step: 'request',
      unitId: police04,
      reason: 'Không thuộc thẩm quyền',
    });
    const refused = await act('police', code, 'transfer', {
      version: 3,
      step: 'refuse',
      reason: 'Hàng giả thông thường: QLTT chủ trì',
    });
    expect(refused.body.transfer.disputed).toBe(true);
    expect(
      (await act('police', code, 'transfer', { version: 4, step: 'decide', keep: true, reason: 'Chúng tôi tự quyết' }))
        .status,
    ).toBe(403);
    const decided = await act('coordinator', code, 'transfer', {
      version: 4,
      step: 'decide',
      keep: true,
      reason: 'Theo quy tắc phân công: QLTT chủ trì hàng giả tại chợ',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ lead: { force: 'market' }, transfer: null, status: 'accepted' });
  });
});

describe('duplicates', () => {
  it('closes the duplicate; its reporter then follows the surviving report, up to its outcome', async () => {
    const first = await file();
    const second = await file({ description: 'Ki-ốt 12 chợ Trà Lĩnh bán nước hoa Chanel giả, rất rẻ.' });
    const merged = await act('market', second.trackingCode, 'merge', { version: 1, into: first.trackingCode });
    expect(merged.body).toMatchObject({ status: 'closed', outcome: 'duplicate', mergedInto: first.trackingCode });
    await act('market', first.trackingCode, 'accept', { version: 1 });
    let dup = await track(second);
    expect(dup.body).toMatchObject({
      trackingCode: second.trackingCode,
      mergedInto: first.trackingCode,
      status: 'in_progress',
    });
    await act('market', first.trackingCode, 'resolve', {
      version: 2,
      outcome: 'violation_handled',
      publicOutcome: 'Đã xử phạt vi phạm hành chính cơ sở kinh doanh.',
      sanction: {
        recordNo: '01/BB-VPHC',
        recordDate: '2026-11-23',
        decisionNo: '01/QĐ-XPHC',
        decisionDate: '2026-11-23',
        sanctionTypes: ['warning'],
      },
    });
    dup = await track(second);
    expect(dup.body).toMatchObject({
      status: 'resolved',
      outcome: { text: 'Đã xử phạt vi phạm hành chính cơ sở kinh doanh.' },
    });
    expect((await track(first)).body).toMatchObject({ status: 'resolved', mergedInto: null });
    expect((await act('market', first.trackingCode, 'merge', { version: 3, into: second.trackingCode })).status).toBe(
      409,
    );
  });

  it("keeps a duplicate's reporter on the surviving report when the report it was merged into is merged in turn", async () => {
    const [a, b, c] = [await file(), await file(), await file()];
    await act('market', a.trackingCode, 'merge', { version: 1, into: b.trackingCode });
    expect((await act('market', b.trackingCode, 'merge', { version: 1, into: a.trackingCode })).status).toBe(400);
    expect((await act('market', b.trackingCode, 'merge', { version: 1, into: c.trackingCode })).status).toBe(200);
    await act('market', c.trackingCode, 'accept', { version: 1 });
    expect((await track(a)).body).toMatchObject({ mergedInto: c.trackingCode, status: 'in_progress' });
  });

  it('merges only into a report the unit also leads, not into one it only coordinates (issue #15)', async () => {
    // Market management leads these; the police coordinate them.
    const [marketLed, policeLed, alsoPoliceLed] = [await file(), await file(), await file()];
    await t.deps.db.execute(
      sql`update reports set lead_unit_id = ${police04} where tracking_code in (${policeLed.trackingCode}, ${alsoPoliceLed.trackingCode})`,
    );
    expect((await view('police', marketLed.trackingCode)).body.relation).toEqual(['coordinating']);
    const refused = await act('police', policeLed.trackingCode, 'merge', {
      version: 1,
      into: marketLed.trackingCode,
    }).set('Accept-Language', 'en');
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      { field: 'into', message: 'Surviving report: no such report within your reach' },
    ]);
    expect((await track(policeLed)).body).toMatchObject({ status: 'received', mergedInto: null });
    expect(
      (await act('police', policeLed.trackingCode, 'merge', { version: 1, into: alsoPoliceLed.trackingCode })).status,
    ).toBe(200);
  });
});

describe('who sees what', () => {
  it('answers 404 to a unit the report does not belong to, and to operators; coordinating units see it without contact or private notes', async () => {
    const { trackingCode: code } = await file({ contactName: 'Trần Thị B', contactPhone: '0977 111 222' });
    expect((await view('otherProvince', code)).status).toBe(404);
    expect((await view('customs', code)).status).toBe(404);
    expect((await view('operator', code)).status).toBe(404);

    await act('market', code, 'notes', {
      version: 1,
      text: 'Chủ ki-ốt là người quen của cán bộ X, cần lưu ý.',
      shared: false,
    });
    await act('market', code, 'notes', { version: 1, text: 'Đề nghị công an xã hỗ trợ xác minh.', shared: true });
    const coordinating = await view('police', code);
    expect(coordinating.status).toBe(200);
    expect(coordinating.body.relation).toEqual(['coordinating']);
    const text = JSON.stringify(coordinating.body);
    expect(text).not.toMatch(/0977|111 222|Trần Thị B|người quen/);
    expect(text).toContain('Đề nghị công an xã hỗ trợ xác minh.');
    expect((await act('police', code, 'reveal-contact', { version: 1, reason: 'Muốn hỏi thêm' })).status).toBe(403);

    const revealed = await act('market', code, 'reveal-contact', {
      version: 1,
      reason: 'Cần hỏi người báo vị trí ki-ốt',
    });
    expect(revealed.body.contact).toEqual({ name: 'Trần Thị B', phone: '0977111222' });
    const [audit] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where action = 'contact_revealed' and subject = ${`report:${code}`}`,
    );
    expect(audit?.n).toBe(1);
    expect(JSON.stringify((await view('market', code)).body)).not.toContain('0977111222');
    // Why the contact was opened stays with the lead and the coordinators (issue #15).
    const reveal = (body: { timeline: { type: string; body: string | null }[] }) =>
      body.timeline.find((e) => e.type === 'contact_revealed');
    expect(reveal((await view('market', code)).body)?.body).toBe('Cần hỏi người báo vị trí ki-ốt');
    expect(reveal((await view('coordinator', code)).body)?.body).toBe('Cần hỏi người báo vị trí ki-ốt');
    const seenByPolice = (await view('police', code)).body;
    expect(reveal(seenByPolice)).toMatchObject({ type: 'contact_revealed', body: null });
    expect(JSON.stringify(seenByPolice)).not.toContain('vị trí ki-ốt');
  });

  it('pages a queue by nearest deadline with counts per status, and filters by text without diacritics', async () => {
    const first = await queue('market', '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await queue('market', `?limit=2&after=${first.body.next}`);
    const seen = [...first.body.items, ...second.body.items].map((i: { trackingCode: string }) => i.trackingCode);
    expect(new Set(seen).size).toBe(seen.length);
    const dues = [...first.body.items, ...second.body.items].map(
      (i: { nextDueAt: string | null }) => i.nextDueAt ?? '9999',
    );
    expect(dues).toEqual([...dues].sort());
    expect(Object.values(first.body.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(4);
    expect((await queue('market', '?q=chanel%20gia%20khong%20co%20hoa%20don')).body.items.length).toBeGreaterThan(0);
    expect((await queue('market', '?after=garbage')).status).toBe(400);
    // Place filters: every report here is at a market in Xã Trà Lĩnh.
    expect((await queue('market', '?commune=01447&placeType=market')).body.items.length).toBeGreaterThan(0);
    expect((await queue('market', '?placeType=online')).body.items).toEqual([]);
    expect((await queue('market', '?commune=01273')).body.items).toEqual([]);
    // The tab counts agree with a plain count of the open reports each unit leads, takes over or coordinates.
    for (const [as, unitCode] of [
      ['market', 'market-04'],
      ['police', 'police-04'],
    ] as const) {
      const expected = await queryRows<{ status: string; n: number }>(
        t.deps.db,
        sql`with recursive mine as (select id from units where code = ${unitCode} union all select u.id from units u join mine m on u.parent_id = m.id)
            select r.status, count(*)::int as n from reports r
            where r.status in ('received', 'accepted', 'verifying', 'needs_info', 'suspended')
              and (r.lead_unit_id in (select id from mine) or r.transfer_to_unit_id in (select id from mine)
                   or exists (select 1 from report_coordinations c where c.report_id = r.id and c.unit_id in (select id from mine)))
            group by r.status`,
      );
      expect((await queue(as)).body.counts).toEqual(Object.fromEntries(expected.map((e) => [e.status, Number(e.n)])));
    }
    expect((await queue('operator')).status).toBe(403);
  });
});

describe('assignment (6 rõ: a named person)', () => {
  it('lets the unit lead give a report to an officer of the unit, who then finds it under "mine"; nobody outside the unit', async () => {
    const { trackingCode: code } = await file();
    const page = await view('lead', code);
    const officer = (page.body.assignable as { id: string; name: string }[]).find(
      (o) => o.name === 'Cán bộ Chi cục QLTT Cao Bằng',
    );
    expect(officer).toBeDefined();
    const [police] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select id from staff_accounts where username = 'police.cao-bang'`,
    );
    const outsider = await act('lead', code, 'assign', { version: 1, officerId: police?.id });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.fields[0].field).toBe('officerId');
    const given = await act('lead', code, 'assign', { version: 1, officerId: officer?.id });
    expect(given.body.assignedTo).toEqual({ id: officer?.id, name: 'Cán bộ Chi cục QLTT Cao Bằng' });
    expect(
      (await queue('market', '?assignedTo=me')).body.items.map((i: { trackingCode: string }) => i.trackingCode),
    ).toContain(code);
    expect((await act('market', code, 'assign', { version: 2, officerId: null })).status).toBe(403);
  });
});

describe('the holiday calendar', () => {
  it('counts 20 calendar days across Tết 2026 (issue #18), and a holiday a coordinator adds does not move the resolution clock', async () => {
    const saved = now;
    try {
      now = Date.parse('2026-02-13T10:00:00+07:00'); // the Friday before Tết
      const before = await file();
      // 13 Feb + 20 days = 5 March, Tết (14–22 Feb) included: due at the end of Thursday 5 March.
      expect((await view('market', before.trackingCode)).body.deadlines.resolveDueAt).toBe('2026-03-05T17:00:00.000Z');

      const put = (as: string) =>
        request(t.app)
          .put('/api/staff/holidays/2026-03-02')
          .set('Cookie', who[as]?.cookie ?? '')
          .set('X-CSRF-Token', who[as]?.csrf ?? '')
          .send({ kind: 'holiday', name: 'Ngày nghỉ thử' });
      expect((await put('market')).status).toBe(403);
      // The calendar is the country's: a province's coordinator may not move it.
      expect((await put('coordinator')).status).toBe(403);
      const set = await put('national');
      expect(set.status).toBe(200);
      expect(set.body.holidays).toContainEqual({ day: '2026-03-02', kind: 'holiday', name: 'Ngày nghỉ thử' });

      const after = await file();
      // The calendar serves the working-day clocks (the sanction decision's), not the 20 days to resolve.
      expect((await view('market', after.trackingCode)).body.deadlines.resolveDueAt).toBe('2026-03-05T17:00:00.000Z');
      expect((await view('market', before.trackingCode)).body.deadlines.resolveDueAt).toBe('2026-03-05T17:00:00.000Z');
      const removed = await request(t.app)
        .delete('/api/staff/holidays/2026-03-02')
        .set('Cookie', who.national?.cookie ?? '')
        .set('X-CSRF-Token', who.national?.csrf ?? '');
      expect(removed.status).toBe(204);
      const [audit] = await queryRows<{ n: number }>(
        t.deps.db,
        sql`select count(*)::int as n from audit_log where action in ('holiday_set', 'holiday_removed')`,
      );
      expect(audit?.n).toBe(2);
    } finally {
      now = saved;
    }
  });
});
