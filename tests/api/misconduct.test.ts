import { sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { ensureStandingOffices } from '../../server/units/standing-offices';
import { phoneJpeg } from '../helpers/images';
import { staffSession, type StaffSession } from '../helpers/staff';
import { caseCalls, MARKET_REPORT, movingClockApp, signInAll } from '../helpers/case-calls';
import { FIXED_NOW, type TestApp } from '../helpers/test-app';

/*
 * Issue #18 (SPEC.md §4): tips about enforcement officers go to the Standing Office of the province's Steering
 * Committee 389, never to a unit of the force named; its reporter is revealed only with a second coordinator's
 * approval.
 */

const HOUR = 3_600_000;
let now = FIXED_NOW.getTime();
let t: TestApp;
const who: Record<string, StaffSession> = {};
const unitIds: Record<string, string> = {};

const TIP = {
  ...MARKET_REPORT,
  description: 'Cán bộ quản lý thị trường nhận tiền để bỏ qua hàng giả bày bán công khai ở chợ Trà Lĩnh.',
  contactName: 'Người báo tin',
  contactPhone: '0912345678',
  misconduct: true,
  implicatedForce: 'market',
};
const { file, view, act, queue } = caseCalls(
  () => t,
  who,
  () => now,
  TIP,
);
const get = (as: string, url: string) =>
  request(t.app)
    .get(url)
    .set('Cookie', who[as]?.cookie ?? '');

const decisionOf = async (code: string) => {
  const [row] = await queryRows<{
    lead_unit_id: string;
    rule_id: number | null;
    lead_force: string | null;
    explanation_vi: string;
    coordinating: unknown[];
  }>(
    t.deps.db,
    sql`select d.lead_unit_id::text, d.rule_id, d.lead_force, d.explanation_vi, d.coordinating
          from reports r join routing_decisions d on d.id = r.routing_decision_id where r.tracking_code = ${code}`,
  );
  return row;
};
const auditOf = (code: string) =>
  queryRows<{ action: string; actor: string }>(
    t.deps.db,
    sql`select a.action, s.username as actor from audit_log a join staff_accounts s on s.id = a.actor_id
         where a.subject = ${`report:${code}`} order by a.id`,
  );

beforeAll(async () => {
  t = await movingClockApp(() => now);
  // A coordinator of Đồng Tháp (the demo has none), with the demo's password.
  await t.deps.db.execute(
    sql`insert into staff_accounts (username, display_name, role, scope_province_code, password_hash)
        select 'coordinator.dong-thap', 'Cơ quan Thường trực BCĐ 389 tỉnh Đồng Tháp', 'coordinator', '82', password_hash
          from staff_accounts where username = 'coordinator'`,
  );
  await signInAll(t, who, {
    market: 'market.cao-bang',
    marketLead: 'lead.market.cao-bang',
    police: 'police.cao-bang',
    border: 'border.cao-bang',
    coordinator: 'coordinator.cao-bang',
    national: 'coordinator',
    otherCoordinator: 'coordinator.dong-thap',
  });
  for (const code of ['police-04', 'market-04', 'border-04', 'standing-office-04', 'standing-office-82']) {
    const [unit] = await queryRows<{ id: string }>(t.deps.db, sql`select id::text from units where code = ${code}`);
    unitIds[code] = unit?.id ?? '';
  }
});
afterAll(() => t.close());

describe('the standing offices', () => {
  it('exist once per province, of no force, created again by no start, and are not units of the force lists', async () => {
    const [counts] = await queryRows<{ offices: number; provinces: number; forceless: number }>(
      t.deps.db,
      sql`select (select count(*)::int from units where kind = 'standing_office') as offices,
                 (select count(*)::int from provinces) as provinces,
                 (select count(*)::int from units where kind = 'standing_office' and force is null) as forceless`,
    );
    expect(counts?.offices).toBe(counts?.provinces);
    expect(counts?.forceless).toBe(counts?.offices);
    expect(await ensureStandingOffices(t.deps.db)).toBe(0);
    const [office] = await queryRows<{ name: string }>(
      t.deps.db,
      sql`select name from units where code = 'standing-office-04'`,
    );
    expect(office?.name).toBe('Cơ quan Thường trực Ban Chỉ đạo 389 tỉnh Cao Bằng');
    // The database refuses a standing office of a force, and a unit of a force without one.
    await expect(
      t.deps.db.execute(sql`update units set force = 'police' where code = 'standing-office-04'`),
    ).rejects.toThrow();
    const units = await get('coordinator', '/api/staff/units');
    expect(units.status).toBe(200);
    expect(units.body.units.some((u: { code: string }) => u.code.startsWith('standing-office-'))).toBe(false);
  });

  it('are never picked by routing for an ordinary report, and the validator ignores them', async () => {
    const preview = await request(t.app)
      .post('/api/public/routing/preview')
      .send({ category: 'counterfeit', placeType: 'market', provinceCode: '04', communeCode: '01447' });
    if (preview.status === 200) expect(preview.body.lead.unitName).not.toMatch(/Thường trực/);
    const ordinary = await file({ misconduct: false, implicatedForce: undefined });
    expect((await decisionOf(ordinary.trackingCode))?.lead_unit_id).not.toBe(unitIds['standing-office-04']);
    const validation = await t.deps.routing.validate();
    expect(validation.problems.filter((p) => JSON.stringify(p).includes('standing-office'))).toEqual([]);
  });
});

describe('a tip about officials', () => {
  it('is routed to the standing office of its province whatever its category and place, with no coordinating unit, and names no unit to the reporter', async () => {
    const res = await request(t.app)
      .post('/api/public/reports')
      .send({ ...TIP, observedAt: new Date(now - HOUR).toISOString() });
    expect(res.status).toBe(201);
    expect(res.body.lead).toBeNull();
    const decision = await decisionOf(res.body.trackingCode);
    expect(decision).toMatchObject({
      lead_unit_id: unitIds['standing-office-04'],
      rule_id: null,
      lead_force: null,
      coordinating: [],
    });
    expect(decision?.explanation_vi).toMatch(
      /^Tin báo về cán bộ Quản lý thị trường .*Cơ quan Thường trực Ban Chỉ đạo 389 tỉnh Cao Bằng chủ trì/i,
    );

    const online = await request(t.app)
      .post('/api/public/reports')
      .send({
        category: 'smuggling',
        placeType: 'online',
        provinceCode: '82',
        url: 'https://shop.example.vn/thuoc-la',
        observedAt: new Date(now - HOUR).toISOString(),
        description: 'Cán bộ hải quan bảo kê đường dây buôn lậu thuốc lá bán qua trang này.',
        misconduct: true,
      });
    expect(online.status).toBe(201);
    expect((await decisionOf(online.body.trackingCode))?.lead_unit_id).toBe(unitIds['standing-office-82']);

    const tracked = await request(t.app)
      .post('/api/public/track')
      .send({ trackingCode: res.body.trackingCode, secret: res.body.secret });
    expect(tracked.status).toBe(200);
    expect(tracked.body.lead).toBeNull();
  });

  it('refuses a force named without the box ticked, naming the field', async () => {
    const res = await request(t.app)
      .post('/api/public/reports')
      .send({ ...TIP, misconduct: false, observedAt: new Date(now - HOUR).toISOString() });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['implicatedForce']);
  });

  it("is never seen by the named force's units (queue, case, photo, stats list), nor by other units until a coordinator asks them", async () => {
    const filed = await request(t.app)
      .post('/api/public/reports')
      .field({ ...TIP, misconduct: 'true', observedAt: new Date(now - HOUR).toISOString() })
      .attach('photos', await phoneJpeg(200, 150), { filename: 'a.jpg', contentType: 'image/jpeg' });
    expect(filed.status).toBe(201);
    const code = filed.body.trackingCode as string;

    const seen = await view('coordinator', code);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      misconduct: true,
      implicatedForce: 'market',
      lead: { force: null, unitId: unitIds['standing-office-04'] },
    });
    expect(seen.body.relation).toEqual(expect.arrayContaining(['coordinator', 'lead']));
    expect(seen.body.allowedActions).toEqual(expect.arrayContaining(['accept', 'coordinate', 'reveal-contact']));
    // Nothing to approve until another coordinator asks.
    expect(seen.body.allowedActions).not.toContain('approve-reveal');
    const photoId = seen.body.photos[0].id as string;
    expect((await get('coordinator', `/api/staff/photos/${photoId}`)).status).toBe(200);
    const listed = async (as: string) =>
      ((await queue(as)).body.items ?? []).some((i: { trackingCode: string }) => i.trackingCode === code);
    expect(await listed('coordinator')).toBe(true);
    const coordinatorStats = await get('coordinator', '/api/staff/stats/reports?measure=received');
    const counted = (coordinatorStats.body.items ?? []) as { trackingCode: string; force: string | null }[];
    expect(counted.find((i) => i.trackingCode === code)).toMatchObject({ force: null });
    // The dashboard and its file count it under its province and the standing office, under no force.
    const dashboard = await get('coordinator', '/api/staff/stats');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.byUnit).toContainEqual(
      expect.objectContaining({ key: unitIds['standing-office-04'], force: '' }),
    );
    expect((await get('coordinator', '/api/staff/stats/export?format=csv&period=2026-H2')).status).toBe(200);

    for (const unit of ['market', 'marketLead', 'police', 'border']) {
      expect([unit, (await view(unit, code)).status]).toEqual([unit, 404]);
      expect([unit, (await get(unit, `/api/staff/photos/${photoId}`)).status]).toEqual([unit, 404]);
      expect([unit, await listed(unit)]).toEqual([unit, false]);
      const stats = await get(unit, '/api/staff/stats/reports?measure=received');
      const items = (stats.body.items ?? []) as { trackingCode: string }[];
      expect([unit, items.some((i) => i.trackingCode === code)]).toEqual([unit, false]);
    }
    // Nor may a unit of the force named be asked to coordinate, take it over, or be handed the lead.
    let version = seen.body.version as number;
    for (const [action, body] of [
      ['coordinate', { unitId: unitIds['market-04'], reason: 'Cần phối hợp kiểm tra' }],
      ['transfer', { step: 'request', unitId: unitIds['market-04'], reason: 'Chuyển đơn vị khác' }],
      ['move-lead', { unitId: unitIds['market-04'], reason: 'Chuyển đơn vị chủ trì' }],
    ] as const) {
      const refused = await act('coordinator', code, action, { version, ...body });
      expect([action, refused.status, refused.body.error.fields[0]?.field]).toEqual([action, 400, 'unitId']);
    }
    // A coordinator asks the police: they see it; the market (named) still does not.
    const asked = await act('coordinator', code, 'coordinate', {
      version,
      unitId: unitIds['police-04'],
      reason: 'Đề nghị Công an tỉnh phối hợp xác minh',
    });
    expect(asked.status).toBe(200);
    version = asked.body.version as number;
    expect((await view('police', code)).status).toBe(200);
    expect((await get('police', `/api/staff/photos/${photoId}`)).status).toBe(200);
    expect(await listed('police')).toBe(true);
    expect((await view('market', code)).status).toBe(404);
    expect((await view('border', code)).status).toBe(404);
    // The coordinating unit neither asks others in nor reveals the reporter.
    expect(
      (await act('police', code, 'coordinate', { version, unitId: unitIds['border-04'], reason: 'Cần biên phòng' }))
        .status,
    ).toBe(403);
    expect((await act('police', code, 'reveal-contact', { version, reason: 'Cần hỏi người báo' })).status).toBe(403);
    // A coordinator of another province sees nothing of it.
    expect((await view('otherCoordinator', code)).status).toBe(404);
    // The coordinators lead it: they accept it.
    expect((await act('coordinator', code, 'accept', { version })).status).toBe(200);
  });

  it("reveals its reporter only after a second coordinator's approval: refused without it, refused for one's own request", async () => {
    const { trackingCode: code } = await file();
    let version = (await view('coordinator', code)).body.version as number;

    const asked = await act('coordinator', code, 'reveal-contact', {
      version,
      reason: 'Cần gặp người báo để lấy lời khai',
    });
    expect(asked.status).toBe(409);
    expect(asked.body.error.code).toBe('case.reveal_awaiting_approval');
    expect(asked.body.error.message).toMatch(/điều phối viên khác/);
    expect(JSON.stringify(asked.body)).not.toContain('0912345678');
    const requestId = asked.body.error.details.requestId as string;
    // Asking again keeps the one request.
    const again = await act('coordinator', code, 'reveal-contact', {
      version,
      reason: 'Cần gặp người báo để lấy lời khai',
    });
    expect([again.status, again.body.error.details.requestId]).toEqual([409, requestId]);

    const listed = await view('coordinator', code);
    expect(listed.body.revealRequests).toEqual([
      expect.objectContaining({ id: requestId, requestedByMe: true, approvedAt: null }),
    ]);
    version = listed.body.version as number;

    expect(listed.body.allowedActions).not.toContain('approve-reveal');
    expect((await view('national', code)).body.allowedActions).toContain('approve-reveal');
    const self = await act('coordinator', code, 'approve-reveal', { version, requestId });
    expect([self.status, self.body.error.code]).toEqual([403, 'case.reveal_self_approval']);
    // A unit, or a coordinator of another province, cannot approve.
    expect((await act('otherCoordinator', code, 'approve-reveal', { version, requestId })).status).toBe(404);

    const approved = await act('national', code, 'approve-reveal', { version });
    expect(approved.status).toBe(200);
    expect(approved.body.contact).toBeUndefined();
    version = approved.body.version as number;
    // The approver does not see the contact by approving, nor by asking without an approval of their own.
    const approverTries = await act('national', code, 'reveal-contact', { version, reason: 'Xem luôn liên hệ' });
    expect(approverTries.status).toBe(409);

    now += 2 * HOUR;
    const revealed = await act('coordinator', code, 'reveal-contact', {
      version,
      reason: 'Cần gặp người báo để lấy lời khai',
    });
    expect(revealed.status).toBe(200);
    expect(revealed.body.contact).toMatchObject({ name: 'Người báo tin', phone: '0912345678' });
    // An approval serves once.
    const once = await act('coordinator', code, 'reveal-contact', {
      version: revealed.body.version,
      reason: 'Xem lại liên hệ',
    });
    expect(once.status).toBe(409);

    expect(await auditOf(code)).toEqual([
      { action: 'contact_reveal_requested', actor: 'coordinator.cao-bang' },
      { action: 'contact_reveal_approved', actor: 'coordinator' },
      { action: 'contact_reveal_requested', actor: 'coordinator' },
      { action: 'contact_revealed', actor: 'coordinator.cao-bang' },
      { action: 'contact_reveal_requested', actor: 'coordinator.cao-bang' },
    ]);
    // None of it is on the tracking page.
    const events = await queryRows<{ type: string; public: boolean }>(
      t.deps.db,
      sql`select e.type, e.public from report_events e join reports r on r.id = e.report_id
           where r.tracking_code = ${code} and e.type like 'contact_%'`,
    );
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.every((e) => !e.public)).toBe(true);
  });

  it('opens with an approval only within 24 hours of it', async () => {
    const { trackingCode: code } = await file();
    const version = (await view('coordinator', code)).body.version as number;
    expect((await act('coordinator', code, 'reveal-contact', { version, reason: 'Cần gặp người báo' })).status).toBe(
      409,
    );
    expect((await act('national', code, 'approve-reveal', { version })).status).toBe(200);
    now += 25 * HOUR;
    const late = await act('coordinator', code, 'reveal-contact', { version, reason: 'Cần gặp người báo' });
    expect([late.status, late.body.error.code]).toEqual([409, 'case.reveal_awaiting_approval']);
  });

  it('may be handed by a coordinator to a unit of another force and taken back by the standing office; an ordinary report never goes to a standing office', async () => {
    const { trackingCode: code } = await file();
    let version = (await view('coordinator', code)).body.version as number;
    const moved = await act('coordinator', code, 'move-lead', {
      version,
      unitId: unitIds['police-04'],
      reason: 'Công an tỉnh chủ trì xác minh',
    });
    expect(moved.status).toBe(200);
    version = moved.body.version as number;
    expect((await view('police', code)).body.relation).toContain('lead');
    // The lead unit does not choose who else sees it, nor hand it on.
    expect(
      (
        await act('police', code, 'transfer', {
          step: 'request',
          version,
          unitId: unitIds['border-04'],
          reason: 'Chuyển biên phòng',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await act('coordinator', code, 'move-lead', {
          version,
          unitId: unitIds['standing-office-82'],
          reason: 'Chuyển tỉnh khác',
        })
      ).body.error.fields[0].field,
    ).toBe('unitId');
    const back = await act('coordinator', code, 'move-lead', {
      version,
      unitId: unitIds['standing-office-04'],
      reason: 'Cơ quan Thường trực trực tiếp xử lý',
    });
    expect(back.status).toBe(200);
    expect((await view('police', code)).status).toBe(404);

    const ordinary = await file({ misconduct: false, implicatedForce: undefined });
    const refused = await act('market', ordinary.trackingCode, 'transfer', {
      step: 'request',
      version: 1,
      unitId: unitIds['standing-office-04'],
      reason: 'Chuyển cơ quan thường trực',
    });
    expect([refused.status, refused.body.error.fields[0]?.field]).toEqual([400, 'unitId']);
  });

  it('is taken by the hotline console too, the caller told of no unit', async () => {
    const operator = await staffSession(t.app, 'operator');
    const res = await request(t.app)
      .post('/api/staff/intake/reports')
      .set('Cookie', operator.cookie)
      .set('X-CSRF-Token', operator.csrf)
      .send({
        line: '0981389389',
        callStartedAt: new Date(now - 10 * 60_000).toISOString(),
        callEndedAt: new Date(now - 60_000).toISOString(),
        callerAnonymous: true,
        ...MARKET_REPORT,
        observedAt: new Date(now - HOUR).toISOString(),
        description: 'Người gọi báo cán bộ biên phòng tiếp tay cho xe chở hàng lậu qua đường mòn.',
        misconduct: true,
        implicatedForce: 'border',
      });
    expect(res.status).toBe(201);
    expect(res.body.lead).toBeNull();
    expect((await decisionOf(res.body.trackingCode))?.lead_unit_id).toBe(unitIds['standing-office-04']);
    expect((await view('border', res.body.trackingCode)).status).toBe(404);
  });

  it("leaves an ordinary report's reveal as it was: the lead unit opens it at once", async () => {
    const { trackingCode: code } = await file({ misconduct: false, implicatedForce: undefined });
    const res = await act('market', code, 'reveal-contact', { version: 1, reason: 'Cần hỏi thêm người báo' });
    expect(res.status).toBe(200);
    expect(res.body.contact).toMatchObject({ phone: '0912345678' });
  });

  it('after review: a tip about the police is never handed to a police investigating body, and resolves without one', async () => {
    const { trackingCode: code } = await file({ implicatedForce: 'police' });
    const [body] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`select id::text from units where code = 'police-04-csdt'`,
    );
    let version = (await view('coordinator', code)).body.version as number;
    const flagged = await act('coordinator', code, 'flag-crime', { version, reason: 'Có dấu hiệu nhận hối lộ' });
    expect(flagged.status).toBe(200);
    version = flagged.body.version as number;
    expect((await view('coordinator', code)).body.allowedActions).not.toContain('hand-off');
    const refused = await act('coordinator', code, 'hand-off', { version, unitId: body?.id });
    expect([refused.status, refused.body.error.fields[0]?.field]).toEqual([400, 'unitId']);
    expect((await get('police', `/api/staff/cases/${code}`)).status).toBe(404);
  });

  it('after review: the reason a coordinator gives to know the reporter is not shown to a coordinating unit', async () => {
    const { trackingCode: code } = await file({ implicatedForce: 'market' });
    let version = (await view('coordinator', code)).body.version as number;
    const asked = await act('coordinator', code, 'coordinate', {
      version,
      unitId: unitIds['police-04'],
      reason: 'Cần công an phối hợp xác minh',
    });
    version = asked.body.version as number;
    const reveal = await act('coordinator', code, 'reveal-contact', {
      version,
      reason: 'Lý do riêng: cần gặp người báo',
    });
    expect(reveal.status).toBe(409);
    const timeline = (await view('police', code)).body.timeline as { type: string; body: string | null }[];
    const request = timeline.find((e) => e.type === 'contact_reveal_requested');
    expect(request).toBeDefined();
    expect(request?.body).toBeNull();
    const own = (await view('coordinator', code)).body.timeline as { type: string; body: string | null }[];
    expect(own.find((e) => e.type === 'contact_reveal_requested')?.body).toBe('Lý do riêng: cần gặp người báo');
  });

  it("after review: the reporter's answer to a tip reaches the province's coordinators (the standing office's staff)", async () => {
    const { trackingCode: code, secret } = await file();
    const version = (await view('coordinator', code)).body.version as number;
    const asked = await act('coordinator', code, 'ask', { version, question: 'Cán bộ đó mặc sắc phục gì?' });
    expect(asked.status).toBe(200);
    const answered = await request(t.app)
      .post('/api/public/track/messages')
      .field('trackingCode', code)
      .field('secret', secret)
      .field('message', 'Sắc phục quản lý thị trường, đi xe biển xanh.');
    expect(answered.status).toBe(200);
    const told = await queryRows<{ username: string }>(
      t.deps.db,
      sql`select s.username from alerts a join staff_accounts s on s.id = a.staff_id join reports r on r.id = a.report_id
           where r.tracking_code = ${code} and a.kind = 'reporter_answered' order by s.username`,
    );
    expect(told.map((r) => r.username)).toContain('coordinator.cao-bang');
  });

  it("after review: a coordinator's list of every report (CSV) holds the tips, with no force", async () => {
    await file();
    const res = await get('coordinator', '/api/staff/stats/export?format=csv&preset=year&year=2026&table=reports');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Cơ quan Thường trực Ban Chỉ đạo 389');
  });
});
