import { Router } from 'express';
import { caseQueueSchema, caseViewSchema } from '../../shared/api/cases';
import {
  CASE_ACTIONS,
  caseActionSchemas,
  caseParamsSchema,
  caseQueueQuerySchema,
  type CaseAction,
} from '../../shared/schemas/cases';
import type { AppDeps } from '../deps';
import { requestLanguage } from '../http/language';
import { parseRequest } from '../http/parse';
import { requireRole, requireStaff, staffOf } from '../http/staff-api';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';
import { actOnCase, caseView } from './cases.service';
import { caseQueue } from './queue.service';

/** Issue #6: unit queues, the case page and its actions; one route per action, each with the report's version. */
export function casesRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/cases', requireRole('officer', 'unit_lead', 'coordinator'), async (req, res) => {
    const { query } = parseRequest({ query: caseQueueQuerySchema }, req);
    res.json(await caseQueue(deps, staffOf(res.locals), query));
  });

  router.get('/cases/:code', requireStaff, async (req, res) => {
    const { params } = parseRequest({ params: caseParamsSchema }, req);
    res.json(await caseView(deps, staffOf(res.locals), params.code, requestLanguage(req)));
  });

  for (const action of CASE_ACTIONS) {
    router.post(`/cases/:code/${action}`, requireStaff, async (req, res) => {
      const { params, body } = parseRequest({ params: caseParamsSchema, body: caseActionSchemas[action] }, req);
      const { view, contact } = await actOnCase(
        deps,
        staffOf(res.locals),
        params.code,
        action,
        body,
        requestLanguage(req),
      );
      res.json(contact ? { ...view, contact } : view);
    });
  }
  return router;
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
    '`{ outcome, publicOutcome }`: accepted or verifying → resolved; the public outcome is shown to the reporter',
  close: 'resolved → closed',
  merge: '`{ into }`: close as a duplicate of another report; its reporter then follows that report',
  'reveal-contact': "`{ reason }`: the reporter's contact (lead unit only; audited)",
  notes:
    "`{ text, shared }`: an internal note, never shown to the reporter; coordinating units see the lead's notes only when `shared`",
  assign: '`{ officerId }`: a unit lead gives the report to an officer of the unit (null: nobody)',
};

export const casesApiDocs: ApiDoc[] = [
  {
    method: 'get',
    path: '/api/staff/cases',
    tags: ['cases'],
    summary:
      "A unit's queue (officers, unit leads) or a coordinator's scope, nearest deadline first, with filters and keyset pagination",
    request: { query: caseQueueQuerySchema },
    responses: {
      200: jsonResponse('A page of the queue and the counts per status', caseQueueSchema),
      ...errorResponses(400, 401, 403),
    },
  },
  {
    method: 'get',
    path: '/api/staff/cases/{code}',
    tags: ['cases'],
    summary:
      'The case page: every field, photos, routing, coordinating units, timeline, deadlines and the actions this viewer may take',
    request: { params: caseParamsSchema },
    responses: { 200: jsonResponse('The case', caseViewSchema), ...errorResponses(400, 401, 404) },
  },
  ...CASE_ACTIONS.map((action): ApiDoc => ({
    method: 'post',
    path: `/api/staff/cases/{code}/${action}`,
    tags: ['cases'],
    summary: `${SUMMARIES[action]}. Takes the report's \`version\`; 409 if it changed or the move is not allowed (with the allowed ones)`,
    request: {
      params: caseParamsSchema,
      body: { content: { 'application/json': { schema: caseActionSchemas[action] } } },
    },
    responses: {
      200: jsonResponse('The case after the action', caseViewSchema),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  })),
];
