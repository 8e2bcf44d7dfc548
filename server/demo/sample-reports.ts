import type { Force } from '../../shared/domain/forces';
import { formatDate } from '../../shared/i18n/format';
import { caseActionSchemas, type CaseAction, type CaseActionInput } from '../../shared/schemas/cases';
import { intakeReportInputSchema, appendCallInputSchema } from '../../shared/schemas/intake';
import { reportInputSchema, trackMessageInputSchema } from '../../shared/schemas/report';
import { unitAndAbove } from '../units/units.repository';
import { findAccountByUsername } from '../auth/auth.repository';
import { toStaffUser, type StaffUser } from '../auth/auth.service';
import { deadlineRules, loadCalendar } from '../holidays/calendar';
import { applyCaseAction } from '../cases/cases.service';
import { findCoordinations } from '../cases/cases.repository';
import { extensionLimit } from '../cases/deadlines';
import type { Db, Tx } from '../db/types';
import type { AppDeps, Clock } from '../deps';
import { appendCall, enterCall } from '../intake/intake.service';
import { findReportByCode, type Report } from '../reports/reports.repository';
import { submitReport } from '../reports/reports.service';
import { addReporterMessage, createSecretGuard } from '../reports/tracking.service';
import { findUnits } from '../units/units.repository';
import { CUSTOMS_REGIONS, DEMO_STAFF } from './demo-units';
import { createRng, planSampleReports, type PlannedReport, type PlannedStep } from './sample-plan';
import { sampleResults } from './sample-results';
import { extensionUntil, stepTime } from './sample-timing';
import { vietnamDayAndHour } from '../alerts/digest';

/** Issue #18: why a sample report was flagged with signs of a crime. */
const CRIME_REASON = 'Số lượng hàng hóa, trị giá lớn: có dấu hiệu tội phạm, chuyển cơ quan điều tra theo quy định.';

export interface SampleReceipt {
  trackingCode: string;
  secret: string;
  shows: 'needs_info' | 'resolved';
}

export interface SampleSummary {
  reports: number;
  from: Date | null;
  to: Date | null;
  /** Receipts of a few sample reports, to try the tracking page with; their secrets exist nowhere else. */
  receipts: SampleReceipt[];
}

/** One sample report on its way: its plan, where it has got to, and what the database says of it. */
interface Life {
  plan: PlannedReport;
  rng: ReturnType<typeof createRng>;
  /** -1: not yet received; otherwise the index of the next planned step. */
  step: number;
  at: Date;
  trackingCode?: string;
  secret?: string;
  report?: Report;
}

type Units = Awaited<ReturnType<typeof findUnits>>;

/** Who the demo staff are and which of them may act for a unit (server/auth/scope.ts decides the same). */
function demoStaff(tx: Tx, staff: StaffUser[], units: Units) {
  const above = new Map<string, Set<string>>();
  const unitsAbove = async (unitId: string) => {
    const known = above.get(unitId);
    if (known) return known;
    const found = await unitAndAbove(tx, unitId);
    above.set(unitId, found);
    return found;
  };
  const byRole = (role: string) => staff.filter((s) => s.role === role);
  return {
    operator: byRole('operator')[0],
    /** An officer of the unit or of a unit above it (officers before unit leads). */
    async forUnit(unitId: string, role?: 'unit_lead'): Promise<StaffUser | undefined> {
      const ids = await unitsAbove(unitId);
      const candidates = staff.filter(
        (s) =>
          s.unit && ids.has(s.unit.id) && (role ? s.role === role : s.role === 'officer' || s.role === 'unit_lead'),
      );
      return candidates.sort((a, b) => (a.role === b.role ? 0 : a.role === 'officer' ? -1 : 1))[0];
    },
    byId: (id: string) => staff.find((s) => s.id === id),
    officerOf: (unitId: string) => staff.find((s) => s.role === 'officer' && s.unit?.id === unitId),
    /** The province-level unit of a force for a province (customs: its regional branch). */
    unitOf(force: Force, provinceCode: string) {
      const code =
        force === 'customs'
          ? `customs-region-${CUSTOMS_REGIONS.find((r) => r.provinces.includes(provinceCode))?.numeral.toLowerCase()}`
          : `${force}-${provinceCode}`;
      return units.find((u) => u.code === code);
    },
    unitById: (id: string) => units.find((u) => u.id === id),
    /** Issue #18: the investigating body of a province (demo: Cao Bằng and Đồng Tháp). */
    investigatingBodyOf: (provinceCode: string | undefined) =>
      units.find((u) => u.investigates && u.provinceCode === provinceCode),
  };
}

/**
 * Issue #7: `count` sample reports over the last twelve months, received and handled through the
 * same functions requests use (submitReport, enterCall, the case actions, the reporter's answer)
 * with a clock that moves from one step to the next, so that routing, deadlines, statuses and the
 * event chains are what real use would have left. All in one transaction: a start that fails half-way
 * leaves no half sample.
 */
export async function seedSampleReports(deps: AppDeps, count: number): Promise<SampleSummary> {
  const now = deps.clock.now();
  const plans = planSampleReports(count, now);
  let current = now;
  const clock: Clock = { now: () => current };

  // Compiled once, before the transaction: every sample falls in the same routing epoch (rules and
  // units since 1 July 2025), and the start-up compiles nothing again.
  const compiled = await deps.routing.compiledAt(now);
  return deps.db.transaction(async (tx) => {
    // Nested transactions in the services become savepoints of this one. On PGlite a query outside the
    // open transaction would wait for it forever: routing decisions read through it (decideAndRecord
    // takes the transaction), and the commune check reads the tables compiled above.
    const db = tx as unknown as Db;
    const run: AppDeps = { ...deps, db, clock, routing: { ...deps.routing, compiledAt: async () => compiled } };
    const accounts = await Promise.all(DEMO_STAFF.map((s) => findAccountByUsername(tx, s.username)));
    const people = demoStaff(
      tx,
      accounts.flatMap((a) => (a ? [toStaffUser(a)] : [])),
      await findUnits(tx),
    );
    const calendar = await loadCalendar(tx);
    // In memory even with REDIS_URL: the demo's own receipts, nobody else's counters.
    const guard = createSecretGuard({ redis: null, secrets: deps.secrets });
    const lives: Life[] = plans.map((plan) => ({
      plan,
      rng: createRng(0x389 * 7919 + plan.index),
      step: -1,
      at: plan.receivedAt,
    }));

    const act = async <A extends CaseAction>(
      life: Life,
      staff: StaffUser | undefined,
      action: A,
      body: Record<string, unknown>,
    ) => {
      if (!staff || !life.trackingCode || !life.report)
        throw new Error(`sample report ${life.plan.index}: nobody to ${action}`);
      const input = caseActionSchemas[action].parse({ version: life.report.version, ...body }) as CaseActionInput<A>;
      life.report = (await applyCaseAction(run, tx, staff, life.trackingCode, action, input)).report;
    };

    const receive = async (life: Life) => {
      const { plan } = life;
      // SPEC.md §3, issue #14: every other online report names only its province and the seller's
      // Zalo number, as a reporter who knows no address would (decided by index: the seeded draws stay as they were).
      const provinceOnly = plan.site.placeType === 'online' && plan.index % 2 === 0;
      const fields = {
        category: plan.category,
        placeType: plan.site.placeType,
        provinceCode: plan.site.provinceCode,
        communeCode: provinceOnly ? undefined : plan.site.communeCode,
        address: provinceOnly ? undefined : plan.site.address,
        sellerHandle: provinceOnly ? `Zalo 0399000${String(plan.index).padStart(3, '0').slice(-3)}` : undefined,
        url: plan.url,
        observedAt: plan.observedAt.toISOString(),
        description: plan.description,
        contactName: plan.contact?.name,
        contactPhone: plan.contact?.phone,
        contactEmail: plan.contact?.email,
      };
      let receipt;
      if (plan.channel === 'hotline' && plan.call) {
        const lines = deps.config.hotlineLines.filter(
          (l) => l.provinceCode === null || l.provinceCode === plan.site.provinceCode,
        );
        const input = intakeReportInputSchema(clock.now).parse({
          ...fields,
          line: life.rng.pick(lines).number,
          callStartedAt: new Date(current.getTime() - plan.call.minutes * 60_000).toISOString(),
          callEndedAt: new Date(current.getTime() - 20_000).toISOString(),
          callerNumber: plan.call.number,
          callerAnonymous: !plan.call.number,
        });
        if (!people.operator) throw new Error('no demo operator');
        receipt = await enterCall(run, people.operator, input);
      } else if (plan.channel === 'web') {
        receipt = await submitReport(run, reportInputSchema(clock.now).parse(fields), [], { channel: plan.channel });
      } else {
        // Issue #18: a visit, a letter, an e-mail or a Zalo message, entered at the desk as a user would (enterCall),
        // received when the plan says; the one who types it is the operator.
        const input = intakeReportInputSchema(clock.now).parse({
          ...fields,
          channel: plan.channel,
          receivedAt: current.toISOString(),
        });
        if (!people.operator) throw new Error('no demo operator');
        receipt = await enterCall(run, people.operator, input);
      }
      life.trackingCode = receipt.trackingCode;
      life.secret = receipt.secret;
    };

    const perform = async (life: Life, step: PlannedStep) => {
      const report = life.report;
      if (!report) throw new Error('sample report not received');
      const lead = () =>
        (report.assignedTo ? people.byId(report.assignedTo) : undefined) ?? people.forUnit(report.leadUnitId);
      // A unit of one of `forces` in the report's province that is not the lead and not in `taken`; for a
      // transfer, one with a demo officer to take it.
      const otherUnit = async (forces: Force[], taken: Set<string>, staffed: boolean) => {
        for (const force of forces) {
          const unit = people.unitOf(force, report.provinceCode);
          if (
            unit &&
            unit.id !== report.leadUnitId &&
            !taken.has(unit.id) &&
            (!staffed || (await people.forUnit(unit.id)))
          )
            return unit;
        }
        return undefined;
      };
      switch (step.kind) {
        case 'accept':
        case 'verify':
        case 'resume':
        case 'close':
          return act(life, await lead(), step.kind, {});
        case 'ask':
          return act(life, await lead(), 'ask', { question: step.question });
        case 'suspend':
          return act(life, await lead(), 'suspend', { reason: step.reason });
        case 'resolve': {
          // Issue #18: a criminal outcome comes after the crime track (flagged, handed over, decided), through the
          // actions a user reaches; where no investigating body is near, the report ends as a handled violation.
          // Then the results the outcome calls for.
          const tracked =
            (step.outcome !== 'criminal_case' && step.outcome !== 'no_prosecution') ||
            (await crimeTrack(life, step.outcome));
          const outcome = tracked ? step.outcome : 'violation_handled';
          return act(life, await lead(), 'resolve', {
            outcome,
            publicOutcome: step.publicOutcome,
            ...sampleResults(report, outcome, life.plan.index, current),
          });
        }
        case 'note':
          return act(life, await lead(), 'notes', { text: step.text, shared: step.shared });
        case 'reveal':
          return act(life, await lead(), 'reveal-contact', { reason: step.reason });
        case 'merge':
          return act(life, await lead(), 'merge', { into: lives[step.into]?.trackingCode });
        case 'extend': {
          const limit = extensionLimit(report, deadlineRules(deps.config));
          if (!limit) return;
          return act(life, await lead(), 'extend', {
            until: extensionUntil(report.resolveDueAt, limit, life.rng).toISOString(),
            reason: step.reason,
          });
        }
        case 'assign': {
          // Only where a unit lead sits above the lead unit (the demo has one, in Cao Bằng's market management).
          const unitLead = await people.forUnit(report.leadUnitId, 'unit_lead');
          const officer = unitLead?.unit && people.officerOf(unitLead.unit.id);
          if (!unitLead || !officer) return;
          return act(life, unitLead, 'assign', { officerId: officer.id });
        }
        case 'coordinate': {
          const taken = new Set((await findCoordinations(tx, report.id)).map((c) => c.unitId));
          const unit = await otherUnit(step.forces, taken, false);
          if (!unit) return;
          return act(life, await lead(), 'coordinate', { unitId: unit.id, reason: step.reason });
        }
        case 'transfer_request': {
          const leadForce = people.unitById(report.leadUnitId)?.force;
          const unit = await otherUnit(
            step.forces.filter((f) => f !== leadForce),
            new Set(),
            true,
          );
          if (!unit) return;
          return act(life, await lead(), 'transfer', { step: 'request', unitId: unit.id, reason: step.reason });
        }
        case 'transfer_accept':
        case 'transfer_refuse': {
          if (!report.transferToUnitId) return;
          const receiving = await people.forUnit(report.transferToUnitId);
          return act(
            life,
            receiving,
            'transfer',
            step.kind === 'transfer_accept' ? { step: 'accept' } : { step: 'refuse', reason: step.reason },
          );
        }
        case 'answer': {
          const input = trackMessageInputSchema.parse({
            trackingCode: life.trackingCode,
            secret: life.secret,
            message: step.text,
          });
          await addReporterMessage(run, guard, input, []);
          return;
        }
        case 'call': {
          if (!people.operator || !life.trackingCode) return;
          const input = appendCallInputSchema(clock.now).parse({
            line: deps.config.hotlineLines[0]?.number,
            callStartedAt: new Date(current.getTime() - 4 * 60_000).toISOString(),
            callEndedAt: current.toISOString(),
            callerAnonymous: true,
            note: step.note,
          });
          await appendCall(run, people.operator, life.trackingCode, input);
          return;
        }
      }
    };

    /**
     * Issue #18: the crime track of a sample report resolved as a criminal case or without prosecution, at the
     * moment of its resolution: the lead flags it and hands it to the investigating body of its province (or of
     * its lead unit's), which takes it on and decides. Where there is none, the report is resolved as planned.
     */
    /** Issue #18: the crime track through its actions; false where no investigating body is near. */
    const crimeTrack = async (life: Life, outcome: 'criminal_case' | 'no_prosecution'): Promise<boolean> => {
      const report = life.report;
      if (!report) return false;
      const body =
        people.investigatingBodyOf(report.provinceCode) ??
        people.investigatingBodyOf(people.unitById(report.leadUnitId)?.provinceCode);
      const investigator = body && (await people.forUnit(body.id));
      const lead =
        (report.assignedTo ? people.byId(report.assignedTo) : undefined) ?? (await people.forUnit(report.leadUnitId));
      if (!body || !investigator || !lead) return false;
      await act(life, lead, 'flag-crime', { reason: CRIME_REASON });
      await act(life, lead, 'hand-off', { unitId: body.id });
      await act(life, investigator, 'investigation-accept', {});
      await act(life, investigator, 'prosecution-decision', {
        decision: outcome === 'criminal_case' ? 'prosecuted' : 'not_prosecuted',
        decisionNo: `${(life.plan.index % 90) + 10}/QĐ-CSĐT`,
        decisionDate: vietnamDayAndHour(current).day,
      });
      return true;
    };

    // Every step of every report in the order of time, as it would have happened: a merge writes to
    // the surviving report's chain in order, and the clock never runs backwards.
    const pending = new Set(lives);
    while (pending.size > 0) {
      let life: Life | undefined;
      for (const candidate of pending) if (!life || candidate.at < life.at) life = candidate;
      if (!life) break;
      if (life.at.getTime() > now.getTime()) {
        pending.delete(life);
        continue;
      }
      current = life.at;
      const step = life.plan.steps[life.step];
      if (!step) await receive(life);
      else await perform(life, step);
      // The case actions answer with the report as they leave it; receiving and the reporter's answer do not.
      if (!step || step.kind === 'answer') life.report = await findReportByCode(tx, life.trackingCode ?? '');
      life.step += 1;
      const next = life.plan.steps[life.step];
      if (!next || !life.report) {
        pending.delete(life);
        continue;
      }
      life.at = stepTime(next, {
        rng: life.rng,
        calendar,
        due: life.report,
        previous: life.at,
        brisk: life.plan.brisk,
      });
      // A showcase stands at its stage at the first start, even across a long holiday.
      if (life.plan.brisk && life.at.getTime() >= now.getTime())
        life.at = new Date(current.getTime() + (now.getTime() - current.getTime()) / 2);
    }

    const received = lives.filter((l) => l.trackingCode);
    const times = received.map((l) => l.plan.receivedAt.getTime());
    return {
      reports: received.length,
      from: times.length ? new Date(Math.min(...times)) : null,
      to: times.length ? new Date(Math.max(...times)) : null,
      receipts: received.flatMap((l) =>
        l.plan.receipt && l.report?.status === l.plan.receipt && l.trackingCode && l.secret
          ? [{ trackingCode: l.trackingCode, secret: l.secret, shows: l.plan.receipt }]
          : [],
      ),
    };
  });
}

const SHOWS: Record<SampleReceipt['shows'], string> = {
  needs_info: 'a question waits for the reporter: answer it there',
  resolved: 'resolved, with the public outcome',
};

/** The start-up lines about the sample reports; the receipts' secrets are printed this once. */
export function formatSampleSummary(summary: SampleSummary, trackUrl: string, seconds: number): string[] {
  if (summary.reports === 0 || !summary.from || !summary.to) return [];
  const months = Math.max(1, Math.round((summary.to.getTime() - summary.from.getTime()) / (30.44 * 86_400_000)));
  const lines = [
    '',
    `  Demo: ${summary.reports} sample reports over ${months} month${months === 1 ? '' : 's'}, from ${formatDate(summary.from)} (loaded in ${seconds.toFixed(1)} s)`,
  ];
  if (summary.receipts.length > 0) {
    lines.push(`  Sample receipts for ${trackUrl} (secrets are shown only this once):`);
    for (const r of summary.receipts) lines.push(`    ${r.trackingCode}  ${r.secret}  ${SHOWS[r.shows]}`);
  }
  return lines;
}
