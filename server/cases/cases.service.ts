import { allowedActions, nextStatus, type StatusAction } from '../../shared/domain/lifecycle';
import type { Status } from '../../shared/domain/statuses';
import type { Language } from '../../shared/i18n/translate';
import type { CaseAction, CaseActionInput } from '../../shared/schemas/cases';
import { relationsTo, unitAndAbove, unitAndBelow, type Relation as AccessRelation } from '../auth/access';
import { appendAudit } from '../auth/auth.repository';
import type { StaffUser } from '../auth/auth.service';
import type { Queryable } from '../db/types';
import type { AppDeps } from '../deps';
import { AppError, fieldIssue, notFound, validationFailed } from '../http/errors';
import { forbidden } from '../http/staff-api';
import { openContact, type Contact } from '../reports/receipt';
import {
  findReportByCode,
  findReportPlace,
  insertCoordinations,
  insertEvent,
  type Report,
} from '../reports/reports.repository';
import {
  findAssignable,
  findCaseDetails,
  findCasePhotos,
  findCoordinations,
  findStaffAccount,
  findTimeline,
  findUnit,
  lockReportByCode,
  repointDuplicates,
} from './cases.repository';
import { currentDue, extensionLimit } from './deadlines';
import { deadlineRules } from './calendar';
import { conflict, moveReport, runningDue, updateReport } from './transitions';

/** A case relation: an operator who entered a report sees its photos, not its case (operators handle no cases). */
export type Relation = Exclude<AccessRelation, 'entered'>;

/** What a staff member is to a report as a case (server/auth/access.ts decides); none means 404. */
export async function relationsOf(q: Queryable, staff: StaffUser, report: Pick<Report, 'id'>): Promise<Set<Relation>> {
  const place = await findReportPlace(q, report.id);
  const relations = place ? await relationsTo(q, staff, place) : new Set<AccessRelation>();
  relations.delete('entered');
  return relations as Set<Relation>;
}

const notAllowed = (report: Report) =>
  new AppError(
    'case.not_allowed',
    409,
    {},
    [],
    {},
    { status: report.status, version: report.version, allowed: allowedActions(report.status as Status) },
  );

type TransferStep = CaseActionInput<'transfer'>['step'];

/** Who may do what (SPEC.md §7, issue #6): the lead unit handles; a unit lead assigns; the receiving unit answers a transfer; the coordinator arbitrates it. */
function mayAct(
  action: CaseAction,
  step: TransferStep | undefined,
  relations: Set<Relation>,
  staff: StaffUser,
): boolean {
  if (action === 'notes') return relations.size > 0;
  if (action === 'assign') return relations.has('lead') && staff.role === 'unit_lead';
  if (action === 'transfer' && (step === 'accept' || step === 'refuse')) return relations.has('receiving');
  if (action === 'transfer' && step === 'decide') return relations.has('coordinator');
  return relations.has('lead');
}

/** The moves the case page offers this viewer: what the lifecycle allows from here and their role permits. */
function actionsFor(report: Report, relations: Set<Relation>, staff: StaffUser): string[] {
  const open = !['resolved', 'closed'].includes(report.status);
  const offered: string[] = [];
  if (relations.has('lead')) {
    offered.push(...allowedActions(report.status as Status));
    if (open) offered.push('coordinate', report.transferToUnitId ? 'transfer.cancel' : 'transfer.request');
    if (open && !report.pausedSince && report.extensions < 2) offered.push('extend');
    if (report.hasContact) offered.push('reveal-contact');
    if (staff.role === 'unit_lead' && open) offered.push('assign');
  }
  if (relations.has('receiving') && report.transferToUnitId) offered.push('transfer.accept', 'transfer.refuse');
  if (relations.has('coordinator') && report.transferToUnitId) offered.push('transfer.decide');
  if (relations.size > 0) offered.push('notes');
  return offered;
}

export interface CaseView {
  trackingCode: string;
  version: number;
  status: string;
  relation: Relation[];
  allowedActions: string[];
  channel: string;
  category: string;
  placeType: string;
  province: { code: string; name: string };
  commune: { code: string; name: string } | null;
  address: string | null;
  url: string | null;
  sellerHandle: string | null;
  observedAt: string;
  receivedAt: string;
  description: string;
  hasContact: boolean;
  lead: { unitId: string; unitName: string; force: string };
  coordinating: { unitId: string; unitName: string; force: string; source: string }[];
  routing: { ruleKey: string; ruleSetVersion: string; explanation: string };
  deadlines: {
    acceptDueAt: string;
    acceptedAt: string | null;
    resolveDueAt: string;
    resolvedAt: string | null;
    running: string | null;
    paused: boolean;
    overdue: boolean;
    dueSoon: boolean;
    extensions: number;
    extensionLimit: string | null;
  };
  assignedTo: { id: string; name: string } | null;
  outcome: string | null;
  mergedInto: string | null;
  transfer: { toUnitId: string; toUnitName: string; reason: string; requestedAt: string; disputed: boolean } | null;
  photos: { id: string; width: number; height: number }[];
  /** For a unit lead of the lead unit: the officers the report can be given to. */
  assignable: { id: string; name: string }[];
  timeline: {
    seq: number;
    at: string;
    type: string;
    actor: string;
    public: boolean;
    fromStatus: string | null;
    toStatus: string | null;
    body: string | null;
    data: Record<string, unknown> | null;
  }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Whom a unit lead may give a report to: officers of a unit that sees it as lead (the lead unit or a
 * unit above it) and that is the lead's own unit or beneath it. An officer of a commune unit under a
 * province unit that leads would not see the report at all.
 */
async function assignableUnits(q: Queryable, mine: Set<string>, leadUnitId: string): Promise<string[]> {
  const above = await unitAndAbove(q, leadUnitId);
  return [...mine].filter((id) => above.has(id));
}

/**
 * The case page's data. Coordinating units see neither the contact (never in this view: it is
 * revealed on its own, audited) nor the lead's internal notes unless shared (SPEC.md §7).
 */
async function buildView(
  deps: AppDeps,
  q: Queryable,
  staff: StaffUser,
  reportId: string,
  relations: Set<Relation>,
  lang: Language,
): Promise<CaseView> {
  const details = await findCaseDetails(q, reportId);
  if (!details) throw notFound();
  const r = details.report;
  const now = deps.clock.now();
  const [coordinating, timeline, photos, mine] = await Promise.all([
    findCoordinations(q, r.id),
    findTimeline(q, r.id),
    findCasePhotos(q, r.id),
    staff.unit ? unitAndBelow(q, staff.unit.id) : Promise.resolve(new Set<string>()),
  ]);
  const seesAllNotes = relations.has('lead') || relations.has('coordinator');
  const allowed = actionsFor(r, relations, staff);
  const assignable = allowed.includes('assign')
    ? await findAssignable(q, await assignableUnits(q, mine, r.leadUnitId))
    : [];
  const visible = timeline.filter(({ event }) => {
    if (event.type !== 'note' || seesAllNotes) return true;
    const data = event.data ?? {};
    return data.shared === true || (typeof data.unitId === 'string' && mine.has(data.unitId));
  });
  const running = currentDue(runningDue(r, r.status as Status), r.pausedSince, now);
  const resolveDue = currentDue(r.resolveDueAt, r.pausedSince, now) ?? r.resolveDueAt;
  const soonMs = deps.config.deadlines.dueSoonHours * 3_600_000;
  return {
    trackingCode: r.trackingCode,
    version: r.version,
    status: r.status,
    relation: [...relations],
    allowedActions: allowed,
    channel: r.channel,
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
    deadlines: {
      acceptDueAt: (
        currentDue(r.acceptedAt ? r.acceptDueAt : r.acceptDueAt, r.acceptedAt ? null : r.pausedSince, now) ??
        r.acceptDueAt
      ).toISOString(),
      acceptedAt: iso(r.acceptedAt),
      resolveDueAt: resolveDue.toISOString(),
      resolvedAt: iso(r.resolvedAt),
      running: iso(running),
      paused: r.pausedSince !== null,
      overdue: running !== null && running.getTime() < now.getTime(),
      dueSoon: running !== null && running.getTime() >= now.getTime() && running.getTime() - now.getTime() <= soonMs,
      extensions: r.extensions,
      extensionLimit: iso(extensionLimit({ ...r, resolveDueAt: resolveDue }, deadlineRules(deps.config))),
    },
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
    photos: photos.map((p) => ({ id: p.id, width: p.width, height: p.height })),
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
      body: event.type === 'contact_revealed' && !seesAllNotes ? null : event.body,
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
  return buildView(deps, deps.db, staff, report.id, relations, lang);
}

/** A unit a report can be handed to or shared with: it exists and is not the lead. */
async function otherUnit(q: Queryable, report: Report, unitId: string, now: Date) {
  const unit = await findUnit(q, unitId);
  // A closed unit (2025 reorganisation and after) can no longer lead or coordinate.
  if (!unit || (unit.validTo && unit.validTo.getTime() <= now.getTime()))
    throw validationFailed([fieldIssue(['unitId'], 'unit_unknown')]);
  if (unit.id === report.leadUnitId) throw validationFailed([fieldIssue(['unitId'], 'unit_is_lead')]);
  return unit;
}

type Who = { actor: string; at: Date };

/** The status actions: the lifecycle decides, `moveReport` keeps the clock. */
async function statusAction(
  q: Queryable,
  report: Report,
  action: StatusAction,
  who: Who,
  input: Record<string, unknown>,
  deps: AppDeps,
  staff: StaffUser,
): Promise<Report> {
  const to = nextStatus(report.status as Status, action, (report.statusBeforeInfo as Status | null) ?? null);
  if (!to) throw notAllowed(report);
  switch (action) {
    case 'ask':
      await insertEvent(q, {
        reportId: report.id,
        type: 'question',
        at: who.at,
        actor: who.actor,
        public: true,
        body: String(input.question),
      });
      return moveReport(q, report, to, who);
    case 'suspend':
      return moveReport(q, report, to, who, {}, { body: String(input.reason) });
    case 'resolve':
      // The public outcome is the event's body: the tracking page shows it (SPEC.md §5).
      return moveReport(
        q,
        report,
        to,
        who,
        { outcome: String(input.outcome), nextDueAt: null },
        { body: String(input.publicOutcome), data: { outcome: input.outcome } },
      );
    case 'merge': {
      // Locked too: two merges crossing each other wait (or one gets 409 on a deadlock), never chain silently.
      const into = await lockReportByCode(q, String(input.into));
      if (!into || into.id === report.id)
        throw validationFailed([fieldIssue(['into'], into ? 'merge_self' : 'merge_unknown')]);
      // Issue #15: only into a report this unit also leads; one it merely coordinates or sees reads as unknown.
      if (!(await relationsOf(q, staff, into)).has('lead'))
        throw validationFailed([fieldIssue(['into'], 'merge_unknown')]);
      if (into.mergedInto) throw validationFailed([fieldIssue(['into'], 'merge_into_duplicate')]);
      await insertEvent(q, {
        reportId: into.id,
        type: 'merged',
        at: who.at,
        actor: who.actor,
        public: false,
        data: { duplicate: report.trackingCode },
      });
      // Reports merged into this one before now follow the survivor too: a reporter never follows a closed duplicate.
      await repointDuplicates(q, report.id, into.id);
      return moveReport(
        q,
        report,
        to,
        who,
        { outcome: 'duplicate', mergedInto: into.id },
        { data: { mergedInto: into.trackingCode } },
      );
    }
    default:
      void deps;
      return moveReport(q, report, to, who);
  }
}

/**
 * Issue #6: one staff action on one report, in one transaction with the report locked. The order of
 * refusals: 404 (not theirs), 403 (not their move), 409 (an older version, or a move the lifecycle
 * does not allow, with the allowed ones), 400 (bad content).
 */
export async function actOnCase<A extends CaseAction>(
  deps: AppDeps,
  staff: StaffUser,
  trackingCode: string,
  action: A,
  input: CaseActionInput<A>,
  lang: Language,
): Promise<{ view: CaseView; contact?: Contact }> {
  return deps.db.transaction(async (tx) => {
    const { relations, contact } = await applyCaseAction(deps, tx, staff, trackingCode, action, input);
    const fresh = await findReportByCode(tx, trackingCode);
    if (!fresh) throw notFound();
    // After a transfer the former lead may no longer see the report: the answer says so with 404 on the next read.
    const after = await relationsOf(tx, staff, fresh);
    return { view: await buildView(deps, tx, staff, fresh.id, after.size > 0 ? after : relations, lang), contact };
  });
}

/**
 * The checks and the writes of actOnCase in the caller's transaction, without the case page it
 * answers with: also what the demo's sample reports are handled with (server/demo).
 */
export async function applyCaseAction<A extends CaseAction>(
  deps: AppDeps,
  tx: Queryable,
  staff: StaffUser,
  trackingCode: string,
  action: A,
  input: CaseActionInput<A>,
): Promise<{ report: Report; relations: Set<Relation>; contact?: Contact }> {
  const report = await lockReportByCode(tx, trackingCode);
  if (!report) throw notFound();
  const relations = await relationsOf(tx, staff, report);
  if (relations.size === 0) throw notFound();
  const body = input as Record<string, unknown> & { version: number };
  const step = action === 'transfer' ? (body.step as TransferStep) : undefined;
  if (!mayAct(action, step, relations, staff)) throw forbidden();
  // A note adds to the record without changing it: written on an older page it still belongs.
  if (action !== 'notes' && body.version !== report.version) throw conflict(report);
  const who = { actor: staff.id, at: deps.clock.now() };
  let contact: Contact | undefined;
  // The report as the action leaves it (its chain head aside, which the event trigger moves).
  let after = report;

  switch (action) {
    case 'accept':
    case 'verify':
    case 'resume':
    case 'close':
    case 'suspend':
    case 'ask':
    case 'resolve':
    case 'merge':
      after = await statusAction(tx, report, action as StatusAction, who, body, deps, staff);
      break;
    case 'extend': {
      // While the clock stands still the deadline shown is not the one stored: extend once it runs again.
      if (['resolved', 'closed'].includes(report.status) || report.pausedSince) throw notAllowed(report);
      const limit = extensionLimit(report, deadlineRules(deps.config));
      const until = body.until as Date;
      if (!limit) throw validationFailed([fieldIssue(['until'], 'extension_none_left')]);
      if (until.getTime() <= report.resolveDueAt.getTime())
        throw validationFailed([fieldIssue(['until'], 'extension_not_later')]);
      if (until.getTime() > limit.getTime()) throw validationFailed([fieldIssue(['until'], 'extension_beyond_limit')]);
      after = await updateReport(tx, report, {
        resolveDueAt: until,
        extensions: report.extensions + 1,
        nextDueAt: report.pausedSince
          ? null
          : runningDue({ acceptDueAt: report.acceptDueAt, resolveDueAt: until }, report.status as Status),
      });
      await insertEvent(tx, {
        reportId: report.id,
        type: 'deadline_extended',
        at: who.at,
        actor: who.actor,
        public: false,
        body: String(body.reason),
        data: { from: report.resolveDueAt.toISOString(), to: until.toISOString(), extension: report.extensions + 1 },
      });
      break;
    }
    case 'reveal-contact': {
      if (!report.hasContact || !report.contactSealed) throw validationFailed([fieldIssue(['reason'], 'no_contact')]);
      contact = openContact(report.contactSealed, deps.secrets.contactEncryptionKey);
      await insertEvent(tx, {
        reportId: report.id,
        type: 'contact_revealed',
        at: who.at,
        actor: who.actor,
        public: false,
        body: String(body.reason),
      });
      await appendAudit(tx, {
        at: who.at,
        action: 'contact_revealed',
        actorId: staff.id,
        subject: `report:${report.trackingCode}`,
        data: { reason: body.reason },
      });
      break;
    }
    case 'notes':
      await insertEvent(tx, {
        reportId: report.id,
        type: 'note',
        at: who.at,
        actor: who.actor,
        public: false,
        body: String(body.text),
        data: { unitId: staff.unit?.id ?? null, shared: body.shared === true },
      });
      break;
    case 'coordinate': {
      const unit = await otherUnit(tx, report, String(body.unitId), who.at);
      if ((await findCoordinations(tx, report.id)).some((c) => c.unitId === unit.id))
        throw validationFailed([fieldIssue(['unitId'], 'already_coordinating')]);
      await insertCoordinations(tx, [{ reportId: report.id, unitId: unit.id, source: 'requested', at: who.at }]);
      after = await updateReport(tx, report, {});
      await insertEvent(tx, {
        reportId: report.id,
        type: 'coordination_requested',
        at: who.at,
        actor: who.actor,
        public: false,
        body: String(body.reason),
        data: { unitId: unit.id, unitName: unit.name },
      });
      break;
    }
    case 'assign': {
      const officerId = body.officerId as string | null;
      if (officerId) {
        const officer = await findStaffAccount(tx, officerId);
        const unitIds = new Set(
          staff.unit ? await assignableUnits(tx, await unitAndBelow(tx, staff.unit.id), report.leadUnitId) : [],
        );
        if (
          !officer ||
          officer.isDisabled ||
          !officer.unitId ||
          !unitIds.has(officer.unitId) ||
          (officer.role !== 'officer' && officer.role !== 'unit_lead')
        ) {
          throw validationFailed([fieldIssue(['officerId'], 'officer_not_in_unit')]);
        }
      }
      after = await updateReport(tx, report, { assignedTo: officerId });
      await insertEvent(tx, {
        reportId: report.id,
        type: 'assigned',
        at: who.at,
        actor: who.actor,
        public: false,
        data: { officerId },
      });
      break;
    }
    case 'transfer':
      after = await transferStep(tx, report, body as CaseActionInput<'transfer'>, who);
      break;
  }
  return { report: after, relations, contact };
}

/**
 * SPEC.md §5, overlaps: the lead asks to hand a report on; it stays the lead until the receiving unit
 * accepts. A refusal makes it a dispute, which the coordinator decides; until then nothing moves.
 */
async function transferStep(
  q: Queryable,
  report: Report,
  input: CaseActionInput<'transfer'>,
  who: Who,
): Promise<Report> {
  const open = ['received', 'accepted', 'verifying', 'needs_info', 'suspended'].includes(report.status);
  const clear = { transferToUnitId: null, transferReason: null, transferRequestedAt: null, transferDisputed: false };
  const pending = report.transferToUnitId;
  switch (input.step) {
    case 'request': {
      if (!open) throw notAllowed(report);
      if (pending) throw validationFailed([fieldIssue(['unitId'], 'transfer_pending')]);
      const unit = await otherUnit(q, report, input.unitId, who.at);
      const updated = await updateReport(q, report, {
        transferToUnitId: unit.id,
        transferReason: input.reason,
        transferRequestedAt: who.at,
        transferDisputed: false,
      });
      await insertEvent(q, {
        reportId: report.id,
        type: 'transfer_requested',
        at: who.at,
        actor: who.actor,
        public: false,
        body: input.reason,
        data: { toUnitId: unit.id, toUnitName: unit.name },
      });
      return updated;
    }
    case 'cancel': {
      if (!pending) throw notAllowed(report);
      const updated = await updateReport(q, report, clear);
      await insertEvent(q, {
        reportId: report.id,
        type: 'transfer_cancelled',
        at: who.at,
        actor: who.actor,
        public: false,
      });
      return updated;
    }
    case 'refuse': {
      if (!pending) throw notAllowed(report);
      const updated = await updateReport(q, report, { transferDisputed: true });
      await insertEvent(q, {
        reportId: report.id,
        type: 'transfer_refused',
        at: who.at,
        actor: who.actor,
        public: false,
        body: input.reason,
        data: { toUnitId: pending },
      });
      return updated;
    }
    case 'accept':
    case 'decide': {
      if (!pending) throw notAllowed(report);
      if (input.step === 'decide' && input.keep) {
        const updated = await updateReport(q, report, clear);
        await insertEvent(q, {
          reportId: report.id,
          type: 'transfer_cancelled',
          at: who.at,
          actor: who.actor,
          public: false,
          body: input.reason,
          data: { decided: true },
        });
        return updated;
      }
      const unit = await findUnit(q, pending);
      const updated = await updateReport(q, report, { ...clear, leadUnitId: pending, assignedTo: null });
      await insertEvent(q, {
        reportId: report.id,
        type: 'transferred',
        at: who.at,
        actor: who.actor,
        public: false,
        body: input.step === 'decide' ? input.reason : report.transferReason,
        data: {
          fromUnitId: report.leadUnitId,
          toUnitId: pending,
          toUnitName: unit?.name ?? '',
          decided: input.step === 'decide',
        },
      });
      return updated;
    }
  }
}
