import { caseQueueSchema, caseViewSchema } from '../../shared/api/cases';
import {
  CASE_ACTIONS,
  caseActionSchemas,
  caseParamsSchema,
  caseQueueQuerySchema,
  type CaseAction,
} from '../../shared/schemas/cases';
import type { AppDeps } from '../deps';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { requestLanguage } from '../http/language';
import { staffOf } from '../http/staff-api';
import { actOnCase, caseView } from './cases.service';
import { caseQueue } from './queue.service';

/** Issue #6: unit queues, the case page and its actions; one route per action, each with the report's version. */
export function casesRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();

  defineRoute(api, {
    method: 'get',
    path: '/cases',
    operationId: 'listCases',
    tags: ['cases'],
    summary:
      "A unit's queue (officers, unit leads) or a coordinator's scope, nearest deadline first, with filters and keyset pagination",
    access: ['officer', 'unit_lead', 'coordinator'],
    request: { query: caseQueueQuerySchema },
    response: { description: 'A page of the queue and the counts per status', schema: caseQueueSchema },
    errors: [400, 401, 403],
    handler: ({ query }, _req, res) => caseQueue(deps, staffOf(res.locals), query),
  });

  defineRoute(api, {
    method: 'get',
    path: '/cases/:code',
    operationId: 'getCase',
    tags: ['cases'],
    summary:
      'The case page: every field, photos, routing, coordinating units, timeline, deadlines and the actions this viewer may take',
    access: 'staff',
    request: { params: caseParamsSchema },
    response: { description: 'The case', schema: caseViewSchema },
    errors: [400, 401, 404],
    handler: ({ params }, req, res) => caseView(deps, staffOf(res.locals), params.code, requestLanguage(req)),
  });

  for (const action of CASE_ACTIONS) defineCaseAction(api, deps, action);
  return api;
}

function defineCaseAction<A extends CaseAction>(api: ApiRouter, deps: AppDeps, action: A): void {
  defineRoute(api, {
    method: 'post',
    path: `/cases/:code/${action}`,
    operationId: OPERATION_IDS[action],
    tags: ['cases'],
    summary: `${SUMMARIES[action]}. Takes the report's \`version\`; 409 if it changed or the move is not allowed (with the allowed ones)`,
    access: 'staff',
    request: { params: caseParamsSchema, body: caseActionSchemas[action] },
    response: { description: 'The case after the action', schema: caseViewSchema },
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body }, req, res) => {
      const { view, contact } = await actOnCase(
        deps,
        staffOf(res.locals),
        params.code,
        action,
        body,
        requestLanguage(req),
      );
      return contact ? { ...view, contact } : view;
    },
  });
}

const SUMMARIES: Record<CaseAction, string> = {
  accept: 'Accept (thụ lý): received → accepted',
  verify: 'Start verification: accepted → verifying',
  suspend: '`{ reason }`: accepted or verifying → suspended; the clock stops',
  resume: 'suspended → where it was; the deadlines move by the time stood still',
  ask: '`{ question }`: ask the reporter (shown on the tracking page); → needs_info, the clock stops until the answer',
  transfer:
    '`{ step }`: `request` `{ unitId, reason }` and `cancel` (lead), `accept` or `refuse` `{ reason }` (receiving unit), `decide` `{ keep, reason }` (coordinator, a disputed transfer); the lead changes only on accept or decide',
  coordinate: '`{ unitId, reason }`: ask another unit to coordinate',
  extend:
    '`{ until, reason }`: extend the resolution deadline, at most to two months from receipt, then once more by two months',
  resolve:
    '`{ outcome, publicOutcome, goodsType?, typicalCase?, sanction?, seizedGoods? }`: accepted or verifying → resolved; the public outcome is shown to the reporter. Issue #18: `violation_handled` needs the sanction decision (a record entered with record-violation is reused), `goods_seized` at least one seized lot, `criminal_case` the hand-off to an investigating body, `no_prosecution` its decision not to prosecute',
  close: 'resolved → closed',
  merge: '`{ into }`: close as a duplicate of another report; its reporter then follows that report',
  'reveal-contact':
    "`{ reason }`: the reporter's contact (lead unit only; audited). Issue #18, a tip about officials: coordinators only; without another coordinator's approval the request is recorded and the answer is 409 `case.reveal_awaiting_approval` with `requestId`",
  notes:
    "`{ text, shared }`: an internal note, never shown to the reporter; coordinating units see the lead's notes only when `shared`",
  assign: '`{ officerId }`: a unit lead gives the report to an officer of the unit (null: nobody)',
  'move-lead':
    '`{ unitId, reason }`: a coordinator in scope moves the lead to another unit, of any force (an escalated report); audited; a pending transfer is dropped',
  remind: '`{ text }`: a coordinator in scope records a reminder to the lead unit (never shown to the reporter)',
  'withdraw-question': '`{ reason? }`: the lead withdraws its question: needs_info → where it was, the clock resumes',
  'continue-without-answer':
    '`{ reason }`: the lead goes on without the answer, NEEDS_INFO_MAX_DAYS after the question (before: 409 `case.answer_wait` with `availableAt`); needs_info → where it was',
  'approve-reveal':
    "`{ requestId? }`: issue #18, a coordinator in scope approves another coordinator's request to reveal the reporter of a tip about officials (audited); the asker's reveal-contact then opens it within 24 h",
  // Issue #18 (crime track).
  'flag-crime':
    '`{ reason }`: the lead flags signs of a crime (an open report, once); the hand-off to an investigating body is due within 24 hours',
  'hand-off':
    '`{ unitId }`: the lead hands a flagged report to an investigating body (a police unit with `investigates`); its criminal clock runs 20 days from the hand-off; a hand-off after 24 hours is recorded as late',
  'investigation-accept': 'The investigating body takes the handed-off report on',
  'investigation-extend':
    "`{ reason, procuracyApproval? }`: the investigating body extends its clock to 2 months from the hand-off, then once more by up to 2 months with the procuracy's approval (required); no third",
  'prosecution-decision':
    '`{ decision, decisionNo, decisionDate }`: the investigating body records the decision to prosecute (khởi tố) or not',
  'record-violation':
    '`{ recordNo, recordDate, clock, clockReason? }`: issue #18, the violation record (accepted, verifying or suspended): the sanction decision is due 7 working days after it (10 transferred; 1 or 2 months with a reason, Luật XLVPHC Điều 66); again before the decision to change it',
  classify:
    '`{ goodsType, typicalCase? }`: issue #18, the lead sets the goods type (null clears it) and the typical-case flag, open or resolved',
};

/** The names a generated client gives the calls. */
const OPERATION_IDS: Record<CaseAction, string> = {
  accept: 'acceptCase',
  verify: 'verifyCase',
  suspend: 'suspendCase',
  resume: 'resumeCase',
  ask: 'askReporter',
  transfer: 'transferCase',
  coordinate: 'requestCoordination',
  extend: 'extendCase',
  resolve: 'resolveCase',
  close: 'closeCase',
  merge: 'mergeCase',
  'reveal-contact': 'revealContact',
  notes: 'addCaseNote',
  assign: 'assignCase',
  'move-lead': 'moveCaseLead',
  // Issue #18 (crime track).
  'flag-crime': 'flagCrime',
  'hand-off': 'handOffToInvestigators',
  'investigation-accept': 'acceptInvestigation',
  'investigation-extend': 'extendInvestigation',
  'prosecution-decision': 'recordProsecutionDecision',
  remind: 'remindCaseLead',
  'withdraw-question': 'withdrawQuestion',
  'continue-without-answer': 'continueWithoutAnswer',
  'approve-reveal': 'approveContactReveal',
  'record-violation': 'recordViolation',
  classify: 'classifyCase',
};
