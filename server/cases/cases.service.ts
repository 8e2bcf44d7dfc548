import type { CaseAction, CaseActionInput } from '../../shared/schemas/cases';
import type { Language } from '../../shared/i18n/translate';
import type { StaffUser } from '../auth/auth.service';
import type { Queryable } from '../db/types';
import type { AppDeps } from '../deps';
import { notFound } from '../http/errors';
import { forbidden } from '../http/staff-api';
import type { Contact } from '../reports/receipt';
import { accept } from './actions/accept';
import { approveReveal } from './actions/approve-reveal';
import { ask } from './actions/ask';
import { assign } from './actions/assign';
import { classify } from './actions/classify';
import { close } from './actions/close';
import type { ActionContext, ActionHandler, ActionOutcome } from './actions/context';
import { continueWithoutAnswer } from './actions/continue-without-answer';
import { coordinate } from './actions/coordinate';
import { extend } from './actions/extend';
import { flagCrime } from './actions/flag-crime';
import { handOff } from './actions/hand-off';
import { investigationAccept } from './actions/investigation-accept';
import { investigationExtend } from './actions/investigation-extend';
import { merge } from './actions/merge';
import { moveLead } from './actions/move-lead';
import { notes } from './actions/notes';
import { prosecutionDecision } from './actions/prosecution-decision';
import { recordViolation } from './actions/record-violation';
import { remind } from './actions/remind';
import { resolve } from './actions/resolve';
import { resume } from './actions/resume';
import { revealContact } from './actions/reveal-contact';
import { suspend } from './actions/suspend';
import { transfer } from './actions/transfer';
import { verify } from './actions/verify';
import { withdrawQuestion } from './actions/withdraw-question';
import { lockReportByCode } from './cases.repository';
import { relationsOf, staffUnits, type Relation } from './case-relations';
import { buildView, type CaseView } from './case-view';
import { mayAct, type TransferStep } from './may-act';
import { conflict } from './transitions';

export { caseView, type CaseView } from './case-view';

/** One handler per verb, each typed by its own input (server/cases/actions/). */
const HANDLERS: { [A in CaseAction]: ActionHandler<A> } = {
  accept,
  verify,
  suspend,
  resume,
  ask,
  transfer,
  coordinate,
  extend,
  resolve,
  close,
  merge,
  'reveal-contact': revealContact,
  notes,
  assign,
  'move-lead': moveLead,
  remind,
  'withdraw-question': withdrawQuestion,
  'continue-without-answer': continueWithoutAnswer,
  'approve-reveal': approveReveal,
  // Issue #18 (crime track).
  'flag-crime': flagCrime,
  'hand-off': handOff,
  'investigation-accept': investigationAccept,
  'investigation-extend': investigationExtend,
  'prosecution-decision': prosecutionDecision,
  // Issue #18 (results as data).
  'record-violation': recordViolation,
  classify,
};

/** The actions after which the staff member may stand otherwise to the report: the lead or its coordinating units change. */
const MOVES_RELATIONS: ReadonlySet<CaseAction> = new Set<CaseAction>(['transfer', 'coordinate', 'move-lead']);

/** Actions that add to the record without changing the report: written on an older page they still belong. */
const ADDS_ONLY: ReadonlySet<CaseAction> = new Set<CaseAction>(['notes', 'remind']);

/** Any action's input, for what every one of them carries (the version) or what only one does (a transfer's step). */
type AnyCaseActionInput = CaseActionInput<CaseAction>;

const transferStepOf = (input: AnyCaseActionInput): TransferStep | undefined =>
  'step' in input ? input.step : undefined;

/** Runs `action`'s handler with its own input type: the table's entry for `A` takes `CaseActionInput<A>`. */
function runHandler<A extends CaseAction>(
  action: A,
  ctx: ActionContext,
  input: CaseActionInput<A>,
): Promise<ActionOutcome> {
  const handler: ActionHandler<A> = HANDLERS[action];
  return handler(ctx, input);
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
  const answer = await deps.db.transaction(async (tx) => {
    const done = await applyCaseAction(deps, tx, staff, trackingCode, action, input);
    if (done.refusal) return { refusal: done.refusal };
    let relations = done.relations;
    if (MOVES_RELATIONS.has(action)) {
      // After a transfer the former lead may no longer see the report: the answer says so with 404 on the next read.
      const after = await relationsOf(tx, staff, done.report);
      if (after.size > 0) relations = after;
    }
    const view = await buildView(deps, tx, { staff, units: done.units, relations }, done.report.id, lang);
    return { view, contact: done.contact };
  });
  // Issue #18: what the action wrote stays (a reveal request), and the answer is its refusal.
  if ('refusal' in answer) throw answer.refusal;
  return answer;
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
): Promise<ActionOutcome & { relations: Set<Relation>; units: ReadonlySet<string> }> {
  const report = await lockReportByCode(tx, trackingCode);
  if (!report) throw notFound();
  const relations = await relationsOf(tx, staff, report);
  if (relations.size === 0) throw notFound();
  const common: AnyCaseActionInput = input;
  if (!mayAct(action, transferStepOf(common), relations, staff)) throw forbidden();
  if (!ADDS_ONLY.has(action) && common.version !== report.version) throw conflict(report);
  const units = await staffUnits(tx, staff);
  const ctx = { deps, tx, staff, units, report, relations, who: { actor: staff.id, at: deps.clock.now() } };
  const outcome = await runHandler(action, ctx, input);
  return { ...outcome, relations, units };
}
