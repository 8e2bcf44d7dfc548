import { sql } from 'drizzle-orm';
import request from 'supertest';
import { describeBreak, verifyEventChains } from '../../server/cases/audit-chain';
import { queryRows } from '../../server/db/query-rows';
import { staffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

let t: TestApp;
const codes: string[] = [];
const minutesAgo = (m: number) => new Date(FIXED_NOW.getTime() - m * 60_000).toISOString();
const REPORT = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh',
  observedAt: minutesAgo(60),
  description: 'Bán nước hoa giả nhãn hiệu Chanel ở chợ, giá rất rẻ.',
};
const eventsOf = (code: string) =>
  queryRows<{ id: number; seq: number; type: string; prev_hash: string | null; hash: string }>(
    t.deps.db,
    sql`select e.id, e.seq, e.type, e.prev_hash, e.hash from report_events e join reports r on r.id = e.report_id where r.tracking_code = ${code} order by e.seq`,
  );
/** What someone with the database's own powers could do: write with the triggers switched off. */
const tamper = (statement: ReturnType<typeof sql>) =>
  t.deps.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });

beforeAll(async () => {
  t = await createTestApp();
  const operator = await staffSession(t.app, 'operator');
  for (let i = 0; i < 3; i += 1) {
    const res = await request(t.app).post('/api/public/reports').send(REPORT);
    codes.push(res.body.trackingCode);
    for (const note of ['Người gọi xác nhận thêm một lần nữa.', 'Người gọi thứ ba báo cùng cửa hàng.']) {
      await request(t.app)
        .post(`/api/staff/intake/reports/${res.body.trackingCode}/calls?communeCode=01447`)
        .set('Cookie', operator.cookie)
        .set('X-CSRF-Token', operator.csrf)
        .send({
          line: '0981389389',
          callStartedAt: minutesAgo(5),
          callEndedAt: minutesAgo(1),
          callerAnonymous: true,
          note,
        });
    }
  }
});
afterAll(() => t.close());

describe('the event chain of a report', () => {
  it('numbers events 1, 2, 3 and links each to the one before by its hash', async () => {
    const events = await eventsOf(codes[0] ?? '');
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'received'],
      [2, 'call_appended'],
      [3, 'call_appended'],
    ]);
    expect(events[0]?.prev_hash).toBeNull();
    expect(events[1]?.prev_hash).toBe(events[0]?.hash);
    expect(events[2]?.prev_hash).toBe(events[1]?.hash);
    expect(new Set(events.map((e) => e.hash)).size).toBe(3);
    expect(await verifyEventChains(t.deps.db)).toEqual({ reports: 3, events: 9, breaks: [] });
  });

  it('cannot be changed or deleted through the database', async () => {
    await expect(t.deps.db.execute(sql`update report_events set body = 'changed'`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`delete from report_events`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`truncate report_events cascade`)).rejects.toThrow();
  });

  it('names an edited event, a deleted one and deleted last events when the triggers were bypassed', async () => {
    const [edited] = (await eventsOf(codes[1] ?? '')).filter((e) => e.seq === 2);
    await tamper(sql`update report_events set body = 'Không có gì cả.' where id = ${edited?.id}`);
    const [deleted] = (await eventsOf(codes[2] ?? '')).filter((e) => e.seq === 2);
    await tamper(sql`delete from report_events where id = ${deleted?.id}`);
    // And the last event of the first report: nothing after it to break a link, but the report remembers its head.
    const [last] = (await eventsOf(codes[0] ?? '')).filter((e) => e.seq === 3);
    await tamper(sql`delete from report_events where id = ${last?.id}`);

    const { breaks } = await verifyEventChains(t.deps.db);
    expect(breaks).toEqual(
      [
        { trackingCode: codes[0], seq: 3, eventId: 0, problem: 'missing_after' },
        { trackingCode: codes[1], seq: 2, eventId: Number(edited?.id), problem: 'content_changed' },
        { trackingCode: codes[2], seq: 3, eventId: expect.any(Number), problem: 'missing_before' },
      ].sort((a, b) => String(a.trackingCode).localeCompare(String(b.trackingCode))),
    );
    for (const b of breaks) expect(describeBreak(b)).toMatch(/^report 389-.{4}-.{4}, event #\d( \(id \d+\))?: [a-z]/);
  });
});
