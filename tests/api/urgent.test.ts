import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { staffSession, type StaffSession } from '../helpers/staff';
import { caseCalls, MARKET_REPORT } from '../helpers/case-calls';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

// Issue #17: the urgent path ("Việc đang diễn ra, cần xử lý ngay") and the public duty hotlines.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let now = FIXED_NOW.getTime(); // Monday 23 November 2026, 10:00 in Vietnam
let t: TestApp;
const who: Record<string, StaffSession> = {};

const REPORT = {
  ...MARKET_REPORT,
  description: 'Xe tải đang bốc hàng giả nhãn hiệu Chanel ở cổng chợ, sắp chạy đi ngay trong đêm nay.',
};
const { file, view, act, queue } = caseCalls(
  () => t,
  who,
  () => now,
  REPORT,
);

interface Item {
  trackingCode: string;
  status: string;
  urgent: boolean;
  nextDueAt: string | null;
}

/** Every page of a queue, `limit` at a time, following `next`. */
async function allPages(as: string, limit: number, filter = ''): Promise<Item[]> {
  const items: Item[] = [];
  let after = '';
  for (let pages = 0; pages < 100; pages += 1) {
    const res = await queue(as, `?limit=${limit}${filter}${after ? `&after=${after}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...(res.body.items as Item[]));
    if (!res.body.next) return items;
    after = res.body.next as string;
  }
  throw new Error('the queue never ended');
}

beforeAll(async () => {
  t = await createTestApp({
    clock: { now: () => new Date(now) },
    env: { STAFF_SESSION_IDLE_MINUTES: '1000000', STAFF_SESSION_MAX_HOURS: '100000' },
  });
  for (const [key, username] of [
    ['market', 'market.cao-bang'],
    ['coordinator', 'coordinator.cao-bang'],
    ['operator', 'operator'],
  ] as const) {
    who[key] = await staffSession(t.app, username);
  }
});
afterAll(() => t.close());

describe('the urgent path', () => {
  it('gives an urgent report URGENT_ACCEPT_MINUTES (120) to be accepted, keeps the resolution clock, and shows the mark', async () => {
    const ordinary = await file();
    const urgent = await file({ urgent: true });
    const received = new Date(now);
    const page = await view('market', urgent.trackingCode);
    expect(page.status).toBe(200);
    expect(page.body.urgent).toBe(true);
    expect(page.body.deadlines).toMatchObject({
      acceptDueAt: new Date(received.getTime() + 120 * MINUTE).toISOString(),
      running: new Date(received.getTime() + 120 * MINUTE).toISOString(),
    });
    const other = await view('market', ordinary.trackingCode);
    expect(other.body.urgent).toBe(false);
    expect(other.body.deadlines.acceptDueAt).toBe(new Date(received.getTime() + 24 * HOUR).toISOString());
    expect(page.body.deadlines.resolveDueAt).toBe(other.body.deadlines.resolveDueAt);

    // 121 minutes later the urgent report is overdue, the ordinary one not.
    now += 121 * MINUTE;
    const overdue = (await queue('coordinator', '?overdue=1')).body.items as Item[];
    expect(overdue.map((i) => i.trackingCode)).toContain(urgent.trackingCode);
    expect(overdue.map((i) => i.trackingCode)).not.toContain(ordinary.trackingCode);
  });

  it('refuses an urgent mark that is not a boolean, naming the field', async () => {
    const res = await request(t.app)
      .post('/api/public/reports')
      .send({ ...REPORT, observedAt: new Date(now - HOUR).toISOString(), urgent: 'yes' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'urgent' })]);
  });

  it('puts urgent open reports first in every queue, paging across the boundary without losing or repeating one', async () => {
    // An ordinary report whose deadline comes before the urgent ones' (due in 1 hour, they in 2).
    const early = await file();
    now += 23 * HOUR;
    for (let i = 0; i < 3; i += 1) {
      await file();
      now += 5 * MINUTE;
    }
    const urgentRunning = [await file({ urgent: true })];
    now += 5 * MINUTE;
    urgentRunning.push(await file({ urgent: true }));
    // An urgent report waiting for the reporter (clock paused: no running deadline) is still urgent and open.
    const urgentAsked = await file({ urgent: true });
    expect(
      (await act('market', urgentAsked.trackingCode, 'ask', { version: 1, question: 'Xe biển số gì?' })).status,
    ).toBe(200);
    // An urgent report already resolved is no longer first.
    const urgentDone = await file({ urgent: true });
    for (const [action, body] of [
      ['accept', {}],
      ['verify', {}],
      [
        'resolve',
        {
          outcome: 'goods_seized',
          publicOutcome: 'Đã kiểm tra, tạm giữ hàng hóa vi phạm.',
          seizedGoods: [{ goodsType: 'cosmetics', quantity: 40, unit: 'chai', valueVnd: 12_000_000 }],
        },
      ],
    ] as const) {
      const version = (await view('market', urgentDone.trackingCode)).body.version as number;
      expect((await act('market', urgentDone.trackingCode, action, { version, ...body })).status).toBe(200);
    }
    now += 10 * MINUTE;

    const whole = await allPages('market', 100);
    const codes = whole.map((i) => i.trackingCode);
    expect(new Set(codes).size).toBe(codes.length);
    const firstOrdinary = whole.findIndex((i) => !(i.urgent && i.status !== 'resolved' && i.status !== 'closed'));
    const urgentPart = whole.slice(0, firstOrdinary);
    // The urgent part: running deadlines first (nearest first), then the paused one; everything urgent and open is in it.
    expect(urgentPart.every((i) => i.urgent)).toBe(true);
    expect(urgentPart.map((i) => i.trackingCode)).toEqual(
      expect.arrayContaining([...urgentRunning.map((r) => r.trackingCode), urgentAsked.trackingCode]),
    );
    expect(urgentPart.at(-1)?.trackingCode).toBe(urgentAsked.trackingCode);
    const dueOf = (code: string) => whole.find((i) => i.trackingCode === code)?.nextDueAt ?? '';
    expect(dueOf(early.trackingCode) < dueOf(urgentRunning[0]?.trackingCode ?? '')).toBe(true);
    expect(codes.indexOf(early.trackingCode)).toBeGreaterThanOrEqual(firstOrdinary);
    const urgentDues = urgentPart.flatMap((i) => (i.nextDueAt ? [i.nextDueAt] : []));
    expect(urgentDues).toEqual([...urgentDues].sort());
    // The rest: running deadlines nearest first, then none (the resolved urgent report is among them).
    const rest = whole.slice(firstOrdinary);
    expect(rest.some((i) => i.urgent && i.status !== 'resolved')).toBe(false);
    const restDues = rest.map((i) => i.nextDueAt ?? '9999');
    expect(restDues).toEqual([...restDues].sort());
    expect(rest.find((i) => i.trackingCode === urgentDone.trackingCode)).toMatchObject({
      urgent: true,
      nextDueAt: null,
    });

    // Any page size walks the same list: across the urgent boundary, the paused urgent report and into
    // the reports without a running deadline.
    for (const limit of [1, 2, 3]) expect((await allPages('market', limit)).map((i) => i.trackingCode)).toEqual(codes);
    // With a filter too, and for the province coordinator.
    const received = whole.filter((i) => i.status === 'received').map((i) => i.trackingCode);
    expect((await allPages('market', 2, '&status=received')).map((i) => i.trackingCode)).toEqual(received);
    const coordinator = await allPages('coordinator', 2);
    expect(coordinator[0]?.urgent).toBe(true);
    expect(coordinator.map((i) => i.trackingCode)).toEqual(
      (await allPages('coordinator', 100)).map((i) => i.trackingCode),
    );
  });

  it('refuses a forged cursor naming `after`', async () => {
    const forged = Buffer.from(
      JSON.stringify({ u: false, d: null, i: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    const res = await queue('market', `?after=${forged}`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'after' })]);
  });

  it("takes an urgent call on the console and gives the operator the lead unit's duty phone to hand the caller over", async () => {
    const urgentCall = () =>
      request(t.app)
        .post('/api/staff/intake/reports')
        .set('Cookie', who.operator?.cookie ?? '')
        .set('X-CSRF-Token', who.operator?.csrf ?? '')
        .send({
          line: '0981389389',
          callStartedAt: new Date(now - 6 * MINUTE).toISOString(),
          callEndedAt: new Date(now - MINUTE).toISOString(),
          callerAnonymous: true,
          ...REPORT,
          observedAt: new Date(now - 30 * MINUTE).toISOString(),
          urgent: true,
        });
    const res = await urgentCall();
    expect(res.status).toBe(201);
    // The lead is the commune's market team, which has no duty desk: its province department's phone.
    const [unit] = await queryRows<{ id: string; own: string | null; parent: string | null }>(
      t.deps.db,
      sql`select u.id, u.duty_phone as own, p.duty_phone as parent from reports r join units u on u.id = r.lead_unit_id
          left join units p on p.id = u.parent_id where r.tracking_code = ${res.body.trackingCode}`,
    );
    expect(unit?.own).toBeNull();
    expect(unit?.parent).toMatch(/^0\d{9,10}$/);
    expect(res.body).toMatchObject({ urgent: true, leadDutyPhone: unit?.parent });
    const [row] = await queryRows<{ urgent: boolean; accept_due_at: Date; received_at: Date }>(
      t.deps.db,
      sql`select urgent, accept_due_at, received_at from reports where tracking_code = ${res.body.trackingCode}`,
    );
    expect(row?.urgent).toBe(true);
    expect(new Date(row?.accept_due_at ?? 0).getTime() - new Date(row?.received_at ?? 0).getTime()).toBe(120 * MINUTE);

    // A team with its own duty phone gets the call itself.
    await t.deps.db.execute(sql`update units set duty_phone = '02063999888' where id = ${unit?.id}`);
    expect((await urgentCall()).body.leadDutyPhone).toBe('02063999888');
  });
});

describe('the public duty hotlines of a province', () => {
  it("lists the duty phones of the forces' units working in the province, cacheable, without a cookie", async () => {
    const res = await request(t.app).get('/api/public/provinces/04/hotlines');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body.province).toEqual({ code: '04', name: expect.stringContaining('Cao Bằng') });
    const forces = (res.body.hotlines as { force: string }[]).map((h) => h.force);
    // Cao Bằng is on the border: police, market, border guard and the regional customs branch.
    expect(new Set(forces)).toEqual(new Set(['police', 'market', 'border', 'customs']));
    expect(forces).toEqual([...forces].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
    for (const h of res.body.hotlines as { unitName: string; phone: string }[]) {
      expect(h.unitName.length).toBeGreaterThan(0);
      expect(h.phone).toMatch(/^0\d{9,10}$/);
    }
  });

  it('leaves out a unit without a duty phone or closed, lists a commune team with one, and answers 404/400 for an unknown or bad province', async () => {
    const [police, market] = await queryRows<{ name: string }>(
      t.deps.db,
      sql`select name from units where code in ('police-04', 'market-04') order by code desc`,
    );
    await t.deps.db.execute(sql`update units set duty_phone = null where code = 'police-04'`);
    await t.deps.db.execute(sql`update units set valid_to = now() - interval '1 day' where code = 'market-04'`);
    const listed = (await request(t.app).get('/api/public/provinces/04/hotlines')).body.hotlines as {
      unitName: string;
      phone: string;
    }[];
    expect(listed.map((h) => h.unitName)).not.toContain(police?.name);
    expect(listed.map((h) => h.unitName)).not.toContain(market?.name);
    // The commune team given a duty phone in the console test above.
    expect(listed.map((h) => h.phone)).toContain('02063999888');
    expect((await request(t.app).get('/api/public/provinces/99/hotlines')).status).toBe(404);
    const bad = await request(t.app).get('/api/public/provinces/abc/hotlines');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ field: 'provinceCode' })]);
  });
});

const ORDER = ['police', 'market', 'border', 'customs'];
