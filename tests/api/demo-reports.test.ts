import { asc, eq, inArray } from 'drizzle-orm';
import request from 'supertest';
import { nextStatus, PAUSED, STATUS_ACTIONS } from '../../shared/domain/lifecycle';
import { OUTCOMES } from '../../shared/domain/outcomes';
import { STATUSES, type Status } from '../../shared/domain/statuses';
import { staffAccountsTable } from '../../server/auth/auth.table';
import { verifyEventChains } from '../../server/cases/audit-chain';
import { reportCrimeTable } from '../../server/cases/results.table';
import { deadlineRules } from '../../server/holidays/calendar';
import { initialDeadlines } from '../../server/cases/deadlines';
import { runningDue } from '../../server/cases/transitions';
import { planSampleReports } from '../../server/demo/sample-plan';
import { seedSampleReports, type SampleSummary } from '../../server/demo/sample-reports';
import { reportEventsTable, reportsTable } from '../../server/reports/reports.table';
import { hotlineCallsTable } from '../../server/intake/intake.table';
import { communesTable } from '../../server/places/places.table';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';
import { staffSession } from '../helpers/staff';

jest.setTimeout(300_000);

const COUNT = 100;
const DAY = 86_400_000;

let t: TestApp;
let summary: SampleSummary;
type Row = typeof reportsTable.$inferSelect;
let reports: Row[];

beforeAll(async () => {
  t = await createTestApp();
  summary = await seedSampleReports(t.deps, COUNT);
  reports = await t.deps.db.select().from(reportsTable);
});
afterAll(() => t.close());

/** Where a status can go in one move of the lifecycle table, the reporter's answer included. */
function canMove(from: Status, to: Status): boolean {
  if (from === 'needs_info' && to !== 'needs_info') return ['received', 'accepted', 'verifying', 'closed'].includes(to);
  return STATUS_ACTIONS.some(
    (action) =>
      nextStatus(from, action, null) === to ||
      (action === 'resume' && from === 'suspended' && ['accepted', 'verifying'].includes(to)),
  );
}

describe('the demo sample reports (issue #7)', () => {
  it('enter every desk channel through the desk-entry service a user reaches (issue #18): one entry of that channel each', async () => {
    const entries = await t.deps.db
      .select({ reportId: hotlineCallsTable.reportId, channel: hotlineCallsTable.channel })
      .from(hotlineCallsTable)
      .where(eq(hotlineCallsTable.opensReport, true));
    const entryChannel = new Map(entries.map((e) => [e.reportId, e.channel]));
    for (const r of reports) expect([r.channel, entryChannel.get(r.id) ?? 'web']).toEqual([r.channel, r.channel]);
  });

  it('are the number asked for, received over the last twelve months, mostly in Cao Bằng and Đồng Tháp', () => {
    expect(summary.reports).toBe(COUNT);
    expect(reports).toHaveLength(COUNT);
    const times = reports.map((r) => r.receivedAt.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(FIXED_NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(FIXED_NOW.getTime() - 365 * DAY);
    expect(Math.min(...times)).toBeLessThan(FIXED_NOW.getTime() - 300 * DAY);
    const inDemoProvinces = reports.filter((r) => ['04', '82'].includes(r.provinceCode)).length;
    expect(inDemoProvinces / COUNT).toBeGreaterThan(0.85);
    expect(new Set(reports.map((r) => r.channel))).toEqual(
      new Set(['web', 'hotline', 'zalo', 'email', 'walk_in', 'letter']),
    );
    expect(reports.some((r) => r.placeType === 'online' && r.url)).toBe(true);
    expect(reports.some((r) => r.hasContact && r.contactSealed?.startsWith('v1.'))).toBe(true);
  });

  it('stand at every status and end with every outcome; older ones are mostly finished, recent ones open', () => {
    expect(new Set(reports.map((r) => r.status))).toEqual(new Set(STATUSES));
    expect(new Set(reports.map((r) => r.outcome).filter(Boolean))).toEqual(new Set(OUTCOMES));
    const older = reports.filter(
      (r) => r.receivedAt.getTime() < FIXED_NOW.getTime() - 90 * DAY && ['04', '82'].includes(r.provinceCode),
    );
    expect(older.filter((r) => ['resolved', 'closed'].includes(r.status)).length / older.length).toBeGreaterThan(0.9);
    expect(reports.some((r) => r.transferToUnitId && !r.transferDisputed)).toBe(true);
    expect(reports.some((r) => r.transferDisputed)).toBe(true);
    expect(reports.some((r) => r.extensions > 0)).toBe(true);
    expect(reports.some((r) => r.assignedTo)).toBe(true);
  });

  it('hand their criminal cases to the province investigating body first, which decides (issue #18)', async () => {
    const crimes = await t.deps.db.select().from(reportCrimeTable);
    const criminal = reports.filter((r) => r.outcome === 'criminal_case' || r.outcome === 'no_prosecution');
    expect(criminal.length).toBeGreaterThan(0);
    for (const r of criminal) {
      const crime = crimes.find((c) => c.reportId === r.id);
      // Only where an investigating body exists (the demo's two detailed provinces, or its lead unit's).
      if (!crime) continue;
      expect([r.trackingCode, crime.investigatingUnitId !== null, crime.acceptedAt !== null, crime.decision]).toEqual([
        r.trackingCode,
        true,
        true,
        r.outcome === 'criminal_case' ? 'prosecuted' : 'not_prosecuted',
      ]);
    }
    expect(crimes.length).toBeGreaterThan(0);
    expect(crimes.every((c) => criminal.some((r) => r.id === c.reportId))).toBe(true);
  });

  it('have whole event chains (npm run audit:verify)', async () => {
    const checked = await verifyEventChains(t.deps.db);
    expect(checked.breaks).toEqual([]);
    expect(checked.reports).toBe(COUNT);
  });

  it('have status fields and deadlines consistent with their lifecycle and the holiday calendar', async () => {
    const remote = new Set(
      (
        await t.deps.db
          .select({ code: communesTable.code })
          .from(communesTable)
          .where(eq(communesTable.remoteOrIsland, true))
      ).map((c) => c.code),
    );
    for (const r of reports) {
      const status = r.status as Status;
      const at = `${r.trackingCode} (${status})`;
      expect([at, r.pausedSince !== null]).toEqual([at, PAUSED.has(status)]);
      expect([at, r.nextDueAt]).toEqual([at, runningDue(r, status)]);
      if (status === 'resolved' || (status === 'closed' && !r.mergedInto))
        expect([at, r.resolvedAt !== null && r.outcome !== null]).toEqual([at, true]);
      if (r.mergedInto) expect([at, status, r.outcome]).toEqual([at, 'closed', 'duplicate']);
      if (['accepted', 'verifying', 'suspended', 'resolved'].includes(status))
        expect([at, r.acceptedAt !== null]).toEqual([at, true]);
      const initial = initialDeadlines(r.receivedAt, remote.has(r.communeCode ?? ''), deadlineRules(t.deps.config));
      // The clock stood still for pausedMs; an extension replaces the resolution deadline. The accept
      // deadline moves only with pauses before acceptance (a late acceptance stays late).
      if (!r.acceptedAt)
        expect([at, r.acceptDueAt.getTime()]).toEqual([at, initial.acceptDueAt.getTime() + r.pausedMs]);
      else
        expect([
          at,
          r.acceptDueAt.getTime() >= initial.acceptDueAt.getTime() &&
            r.acceptDueAt.getTime() <= initial.acceptDueAt.getTime() + r.pausedMs,
        ]).toEqual([at, true]);
      if (r.extensions === 0)
        expect([at, r.resolveDueAt.getTime()]).toEqual([at, initial.resolveDueAt.getTime() + r.pausedMs]);
    }
    const accepted = reports.filter((r) => r.acceptedAt);
    const onTime = accepted.filter((r) => r.acceptedAt && r.acceptedAt <= r.acceptDueAt).length / accepted.length;
    expect(onTime).toBeGreaterThan(0.85);
    expect(onTime).toBeLessThan(1);
  });

  it('have timelines in time order that move only as the lifecycle allows, by demo staff, the reporter or the system', async () => {
    const staff = new Set(
      (await t.deps.db.select({ id: staffAccountsTable.id }).from(staffAccountsTable)).map((s) => s.id),
    );
    const events = await t.deps.db
      .select()
      .from(reportEventsTable)
      .where(
        inArray(
          reportEventsTable.reportId,
          reports.map((r) => r.id),
        ),
      )
      .orderBy(asc(reportEventsTable.reportId), asc(reportEventsTable.seq));
    for (const r of reports) {
      const own = events.filter((e) => e.reportId === r.id);
      expect(own[0]).toMatchObject({ type: 'received', at: r.receivedAt, toStatus: 'received' });
      let status: Status = 'received';
      for (let i = 1; i < own.length; i += 1) {
        const e = own[i]!;
        expect(e.at.getTime()).toBeGreaterThanOrEqual(own[i - 1]!.at.getTime());
        expect(e.at.getTime()).toBeLessThanOrEqual(FIXED_NOW.getTime());
        expect(['system', 'reporter'].includes(e.actor) || staff.has(e.actor)).toBe(true);
        if (e.type !== 'status_changed') continue;
        expect([r.trackingCode, e.fromStatus]).toEqual([r.trackingCode, status]);
        expect([r.trackingCode, status, e.toStatus, canMove(status, e.toStatus as Status)]).toEqual([
          r.trackingCode,
          status,
          e.toStatus,
          true,
        ]);
        status = e.toStatus as Status;
      }
      expect([r.trackingCode, status]).toEqual([r.trackingCode, r.status]);
    }
  });

  it('fill the demo officers’ queues with their units’ reports', async () => {
    for (const username of ['market.cao-bang', 'police.dong-thap', 'border.cao-bang']) {
      const session = await staffSession(t.app, username);
      const res = await request(t.app).get('/api/staff/cases?limit=100').set('Cookie', session.cookie);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
    }
    const coordinator = await staffSession(t.app, 'coordinator');
    const overdue = await request(t.app).get('/api/staff/cases?overdue=1').set('Cookie', coordinator.cookie);
    expect(overdue.body.items.length).toBeGreaterThan(0);
  });

  it('come with receipts that open the tracking page: one with a question waiting, one resolved with its public outcome', async () => {
    const byShows = new Map(summary.receipts.map((r) => [r.shows, r]));
    const question = await request(t.app)
      .post('/api/public/track')
      .send({ trackingCode: byShows.get('needs_info')?.trackingCode, secret: byShows.get('needs_info')?.secret });
    expect(question.status).toBe(200);
    expect(question.body.status).toBe('needs_info');
    expect(question.body.openQuestion.text).toMatch(/\?$/);
    const resolved = await request(t.app)
      .post('/api/public/track')
      .send({ trackingCode: byShows.get('resolved')?.trackingCode, secret: byShows.get('resolved')?.secret });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.outcome.text.length).toBeGreaterThan(20);
  });

  it('are planned the same way every time: the same mix for the same count, only the times follow the clock', () => {
    const strip = (p: ReturnType<typeof planSampleReports>[number]) => ({
      ...p,
      receivedAt: undefined,
      observedAt: undefined,
      description: p.description.length,
    });
    const a = planSampleReports(COUNT, FIXED_NOW).map(strip);
    const b = planSampleReports(COUNT, new Date(FIXED_NOW.getTime() + 7 * DAY)).map(strip);
    expect(b).toEqual(a);
    expect(planSampleReports(0, FIXED_NOW)).toEqual([]);
  });
});
