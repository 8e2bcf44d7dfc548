import type { CaseViewBody } from '../../shared/api/cases';
import type { Language } from '../../shared/i18n/translate';
import type { StaffUser } from '../auth/auth.service';
import type { Queryable } from '../db/types';
import type { AppDeps } from '../deps';
import { notFound } from '../http/errors';
import { findReportByCode, type Report, type ReportEvent } from '../reports/reports.repository';
import { deadlineRules } from '../holidays/calendar';
import { findAssignable, findCaseDetails, findCasePhotos, findCoordinations, findTimeline } from './cases.repository';
import { assignableUnits, relationsOf, staffUnits, type Relation } from './case-relations';
import { currentDue, extensionLimit } from './deadlines';
import { answerWaitEnds } from './actions/continue-without-answer';
import { openEscalations } from './escalation';
import { criminalExtensionLimit, findCrime, handoverLate } from './crime';
import { actionsFor, crimeActionsFor } from './may-act';
import { findSanction, findSeizedGoods, type ReportSanction } from './results.repository';
import { runningDue } from './transitions';
import { findRevealRequestsView } from './reveal-requests';

/** The case page as the API sends it; the contact comes apart, only in the answer to reveal-contact. */
export type CaseView = Omit<CaseViewBody, 'contact'>;

/** Who looks at the case: the staff member, their unit tree and what they are to the report, worked out once. */
export interface CaseViewer {
  staff: StaffUser;
  units: ReadonlySet<string>;
  relations: ReadonlySet<Relation>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The deadlines as the case page shows them: while the clock stands still they move with it
 * (`currentDue`); `dueSoon` is the server's, from DUE_SOON_HOURS, so that no page computes its own.
 */
function deadlinesOf(r: Report, now: Date, config: AppDeps['config']): CaseView['deadlines'] {
  const running = currentDue(runningDue(r, r.status), r.pausedSince, now);
  const resolveDue = currentDue(r.resolveDueAt, r.pausedSince, now) ?? r.resolveDueAt;
  const soonMs = config.deadlines.dueSoonHours * 3_600_000;
  // An accepted report's accepting deadline is history: it no longer moves with a pause.
  const acceptDue = currentDue(r.acceptDueAt, r.acceptedAt ? null : r.pausedSince, now) ?? r.acceptDueAt;
  return {
    acceptDueAt: acceptDue.toISOString(),
    acceptedAt: iso(r.acceptedAt),
    resolveDueAt: resolveDue.toISOString(),
    resolvedAt: iso(r.resolvedAt),
    running: iso(running),
    paused: r.pausedSince !== null,
    overdue: running !== null && running.getTime() < now.getTime(),
    dueSoon: running !== null && running.getTime() >= now.getTime() && running.getTime() - now.getTime() <= soonMs,
    extensions: r.extensions,
    extensionLimit: iso(extensionLimit({ ...r, resolveDueAt: resolveDue }, deadlineRules(config))),
  };
}

/** Issue #18: the crime track as the case page shows it; null for a report never flagged. */
function crimeOf(found: Awaited<ReturnType<typeof findCrime>>, now: Date): CaseView['crime'] {
  if (!found) return null;
  const { crime: c, unitName } = found;
  return {
    reason: c.reason,
    flaggedAt: c.flaggedAt.toISOString(),
    handoverDueAt: c.handoverDueAt.toISOString(),
    handoverLate: handoverLate(c, now),
    investigatingUnit: c.investigatingUnitId ? { id: c.investigatingUnitId, name: unitName ?? '' } : null,
    handedOverAt: iso(c.handedOverAt),
    acceptedAt: iso(c.acceptedAt),
    dueAt: iso(c.dueAt),
    overdue: c.dueAt !== null && c.decision === null && c.dueAt.getTime() < now.getTime(),
    extensions: c.extensions,
    extensionLimit: c.decision ? null : iso(criminalExtensionLimit(c)),
    procuracyApproval: c.procuracyApproval,
    decision: c.decision,
    decisionNo: c.decisionNo,
    decisionDate: c.decisionDate,
  };
}

/** Issue #18: the violation record and the decision, with the decision's clock as the case page colours it. */
function sanctionOf(s: ReportSanction | undefined, now: Date): CaseView['sanction'] {
  if (!s) return null;
  return {
    recordNo: s.recordNo,
    recordDate: s.recordDate,
    clock: s.clock,
    clockReason: s.clockReason,
    dueAt: s.dueAt.toISOString(),
    overdue: s.decisionNo === null && s.dueAt.getTime() < now.getTime(),
    decisionNo: s.decisionNo,
    decisionDate: s.decisionDate,
    sanctionTypes: s.sanctionTypes,
    fineVnd: s.fineVnd,
  };
}

/** Notes are the lead's: others read those shared with them or written by their own units (SPEC.md §7). */
function mayReadNote(event: ReportEvent, viewer: CaseViewer, seesAllNotes: boolean): boolean {
  if (event.type !== 'note' || seesAllNotes) return true;
  const data = event.data ?? {};
  return data.shared === true || (typeof data.unitId === 'string' && viewer.units.has(data.unitId));
}

/**
 * The case page's data. Coordinating units see neither the contact (never in this view: it is
 * revealed on its own, audited) nor the lead's internal notes unless shared (SPEC.md §7).
 */
export async function buildView(
  deps: AppDeps,
  q: Queryable,
  viewer: CaseViewer,
  reportId: string,
  lang: Language,
): Promise<CaseView> {
  const { staff, relations } = viewer;
  const details = await findCaseDetails(q, reportId);
  if (!details) throw notFound();
  const r = details.report;
  const [coordinating, timeline, photos, escalations, revealRequests, crime, sanction, seized] = await Promise.all([
    findCoordinations(q, r.id),
    findTimeline(q, r.id),
    findCasePhotos(q, r.id),
    openEscalations(q, r.id),
    // Issue #18: the coordinators of a tip about officials see who asked to reveal its reporter and who agreed.
    r.misconduct && relations.has('coordinator') ? findRevealRequestsView(q, r.id) : Promise.resolve([]),
    findCrime(q, r.id),
    findSanction(q, r.id),
    findSeizedGoods(q, r.id),
  ]);
  const now = deps.clock.now();
  const maxDays = deps.config.deadlines.needsInfoMaxDays;
  const seesAllNotes = relations.has('lead') || relations.has('coordinator');
  // Issue #18: approving is offered while another coordinator's request waits; once the sanction decision is
  // taken the violation record is no longer changed.
  const approvable = revealRequests.some((x) => x.requestedBy !== staff.id && x.approvedAt === null);
  const allowed = [
    ...actionsFor(r, relations, staff, now, maxDays).filter(
      (a) => (a !== 'approve-reveal' || approvable) && (a !== 'record-violation' || !sanction?.decisionNo),
    ),
    ...crimeActionsFor(r, relations, crime?.crime ?? null),
  ];
  const assignable = allowed.includes('assign')
    ? await findAssignable(q, await assignableUnits(q, viewer.units, r.leadUnitId))
    : [];
  const visible = timeline.filter(({ event }) => mayReadNote(event, viewer, seesAllNotes));
  return {
    trackingCode: r.trackingCode,
    version: r.version,
    status: r.status,
    relation: [...relations],
    allowedActions: allowed,
    channel: r.channel,
    urgent: r.urgent,
    category: r.category,
    placeType: r.placeType,
    province: { code: r.provinceCode, name: details.provinceName },
    commune: r.communeCode && details.communeName ? { code: r.communeCode, name: details.communeName } : null,
    address: r.address,
    url: r.url,
    sellerHandle: r.sellerHandle,
    observedAt: r.observedAt.toISOString(),
    receivedAt: r.receivedAt.toISOString(),
    description: r.description,
    hasContact: r.hasContact,
    lead: { unitId: details.lead.id, unitName: details.lead.name, force: details.lead.force },
    coordinating: coordinating.map((c) => ({
      unitId: c.unitId,
      unitName: c.unitName,
      force: c.force,
      source: c.source,
    })),
    routing: {
      ruleKey: details.routing.ruleKey,
      ruleSetVersion: details.routing.ruleSetVersion,
      explanation: lang === 'en' ? details.routing.explanationEn : details.routing.explanationVi,
    },
    misconduct: r.misconduct,
    implicatedForce: r.implicatedForce,
    revealRequests: revealRequests.map((x) => ({
      id: x.id,
      requestedByName: x.requestedByName,
      requestedByMe: x.requestedBy === staff.id,
      requestedAt: x.requestedAt.toISOString(),
      reason: x.reason,
      approvedByName: x.approvedByName,
      approvedAt: iso(x.approvedAt),
    })),
    deadlines: deadlinesOf(r, now, deps.config),
    assignedTo: r.assignedTo && details.assignedName ? { id: r.assignedTo, name: details.assignedName } : null,
    outcome: r.outcome,
    mergedInto: details.mergedIntoCode ?? null,
    transfer:
      r.transferToUnitId && r.transferRequestedAt
        ? {
            toUnitId: r.transferToUnitId,
            toUnitName: details.transferUnitName ?? '',
            reason: r.transferReason ?? '',
            requestedAt: r.transferRequestedAt.toISOString(),
            disputed: r.transferDisputed,
          }
        : null,
    escalations: escalations.map((e) => ({ level: e.level, at: e.at.toISOString(), dueAt: e.dueAt.toISOString() })),
    answerWaitEndsAt:
      r.status === 'needs_info' && r.pausedSince ? answerWaitEnds(r.pausedSince, maxDays).toISOString() : null,
    photos: photos.map((p) => ({ id: p.id, width: p.width, height: p.height })),
    crime: crimeOf(crime, now),
    goodsType: (r.goodsType as CaseView['goodsType']) ?? null,
    typicalCase: r.typicalCase,
    resolveClock: r.resolveClock,
    sanction: sanctionOf(sanction, now),
    seizedGoods: seized.map((g) => ({
      goodsType: g.goodsType,
      description: g.description,
      quantity: g.quantity,
      unit: g.unit,
      valueVnd: g.valueVnd,
    })),
    assignable,
    timeline: visible.map(({ event, actorName }) => ({
      seq: event.seq ?? 0,
      at: event.at.toISOString(),
      type: event.type,
      actor: actorName ?? event.actor,
      public: event.public,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      // Issue #15: why the lead opened the reporter's contact is the lead's (and the coordinators') business.
      // Why someone asked to know the reporter is for the lead and the coordinators only (issue #18: a tip's request too).
      body:
        (event.type === 'contact_revealed' || event.type === 'contact_reveal_requested') && !seesAllNotes
          ? null
          : event.body,
      data: event.data ?? null,
    })),
  };
}

export async function caseView(
  deps: AppDeps,
  staff: StaffUser,
  trackingCode: string,
  lang: Language,
): Promise<CaseView> {
  const report = await findReportByCode(deps.db, trackingCode);
  if (!report) throw notFound();
  const relations = await relationsOf(deps.db, staff, report);
  if (relations.size === 0) throw notFound();
  const viewer = { staff, units: await staffUnits(deps.db, staff), relations };
  return buildView(deps, deps.db, viewer, report.id, lang);
}
