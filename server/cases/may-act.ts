import { allowedActions, isOpen } from '../../shared/domain/lifecycle';
import type { CaseAction, CaseActionInput } from '../../shared/schemas/cases';
import type { StaffUser } from '../auth/auth.service';
import type { Report } from '../reports/reports.repository';
import { answerWaitEnds } from './actions/continue-without-answer';
import { RECORD_STATUSES } from './actions/record-violation';
import type { Relation } from './case-relations';
import { criminalExtensionLimit, hasNoInvestigatingBody, type CrimeRecord } from './crime';

/** Issue #18: the investigating body's own actions; it has no other (but notes). */
const INVESTIGATION_ACTIONS: ReadonlySet<CaseAction> = new Set<CaseAction>([
  'investigation-accept',
  'investigation-extend',
  'prosecution-decision',
]);

export type TransferStep = CaseActionInput<'transfer'>['step'];

/** Who may do what (SPEC.md §7, issue #6): the lead unit handles; a unit lead assigns; the receiving unit answers a transfer; the coordinator arbitrates it. */
export function mayAct(
  action: CaseAction,
  step: TransferStep | undefined,
  relations: ReadonlySet<Relation>,
  staff: StaffUser,
): boolean {
  if (action === 'notes') return relations.size > 0;
  // Issue #17: the coordinators in scope act on an escalated (or any open) report.
  if (action === 'move-lead' || action === 'remind') return relations.has('coordinator');
  // Issue #18: only a coordinator in scope approves revealing the reporter of a tip about officials.
  if (action === 'approve-reveal') return relations.has('coordinator');
  if (action === 'assign') return relations.has('lead') && staff.role === 'unit_lead';
  if (action === 'transfer' && (step === 'accept' || step === 'refuse')) return relations.has('receiving');
  if (action === 'transfer' && step === 'decide') return relations.has('coordinator');
  if (INVESTIGATION_ACTIONS.has(action)) return relations.has('investigating');
  return relations.has('lead');
}

/** The moves the case page offers this viewer: what the lifecycle allows from here and their role permits. */
export function actionsFor(
  report: Report,
  relations: ReadonlySet<Relation>,
  staff: StaffUser,
  now: Date,
  needsInfoMaxDays: number,
): string[] {
  const open = isOpen(report.status);
  const offered: string[] = [];
  if (relations.has('lead')) {
    offered.push(...allowedActions(report.status));
    if (open) offered.push('coordinate', report.transferToUnitId ? 'transfer.cancel' : 'transfer.request');
    if (open && !report.pausedSince && report.extensions < 2) offered.push('extend');
    // Issue #18: a tip's reporter is revealed by coordinators only, after a second one's approval.
    if (report.hasContact && (!report.misconduct || relations.has('coordinator'))) offered.push('reveal-contact');
    if (staff.role === 'unit_lead' && open) offered.push('assign');
    // Issue #18: the violation record while the report is in hand; the goods type and typical case until it is archived.
    if (RECORD_STATUSES.includes(report.status)) offered.push('record-violation');
    if (report.status !== 'closed') offered.push('classify');
    // Issue #17: needs_info has a way out; going on without the answer only once the wait is over.
    if (report.status === 'needs_info') {
      offered.push('withdraw-question');
      if (report.pausedSince && now >= answerWaitEnds(report.pausedSince, needsInfoMaxDays))
        offered.push('continue-without-answer');
    }
  }
  if (relations.has('receiving') && report.transferToUnitId) offered.push('transfer.accept', 'transfer.refuse');
  if (relations.has('coordinator') && report.transferToUnitId) offered.push('transfer.decide');
  if (relations.has('coordinator') && open) offered.push('move-lead', 'remind');
  if (relations.has('coordinator') && report.misconduct && report.hasContact) offered.push('approve-reveal');
  if (relations.size > 0) offered.push('notes');
  return offered;
}

/**
 * Issue #18: the crime track's moves for this viewer (SPEC.md §4–5): the lead flags an open report and hands a
 * flagged one over; the investigating body accepts, extends (twice at most) and decides, once accepted.
 */
export function crimeActionsFor(report: Report, relations: ReadonlySet<Relation>, crime: CrimeRecord | null): string[] {
  const offered: string[] = [];
  if (relations.has('lead')) {
    if (!crime && isOpen(report.status)) offered.push('flag-crime');
    if (crime && !crime.investigatingUnitId && !hasNoInvestigatingBody(report)) offered.push('hand-off');
  }
  if (relations.has('investigating') && crime?.handedOverAt) {
    if (!crime.acceptedAt) offered.push('investigation-accept');
    else if (!crime.decision) {
      if (criminalExtensionLimit(crime)) offered.push('investigation-extend');
      offered.push('prosecution-decision');
    }
  }
  return offered;
}
