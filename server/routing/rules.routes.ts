import { Router } from 'express';
import { ruleSetDetailSchema, ruleSetsResponseSchema, validationSummarySchema } from '../../shared/api/rules';
import {
  draftInputSchema,
  draftRulesSchema,
  publishInputSchema,
  ruleSetParamsSchema,
  ruleSetsQuerySchema,
  validateInputSchema,
} from '../../shared/schemas/rules';
import type { AppDeps } from '../deps';
import { parseRequest } from '../http/parse';
import { requireRole, staffOf } from '../http/staff-api';
import { type ApiDoc, errorResponses, jsonBody, jsonResponse } from '../openapi/api-doc';
import {
  createDraft,
  discardDraft,
  getRuleSet,
  listRuleSets,
  publishDraft,
  replaceDraft,
  validateDraft,
} from './rules-editor.service';

const time = (iso: string | undefined) => (iso ? new Date(iso) : undefined);

/** Issue #7: the rules editor. Coordinators draft, validate and publish; admins read. */
export function rulesRoutes(deps: AppDeps): Router {
  const router = Router();
  const readers = requireRole('coordinator', 'admin');
  const editors = requireRole('coordinator');

  router.get('/routing/rule-sets', readers, async (req, res) => {
    const { query } = parseRequest({ query: ruleSetsQuerySchema }, req);
    res.json({ ruleSets: await listRuleSets(deps, staffOf(res.locals), query.province) });
  });

  router.post('/routing/rule-sets', editors, async (req, res) => {
    const { body } = parseRequest({ body: draftInputSchema }, req);
    res.status(201).json(await createDraft(deps, staffOf(res.locals), body));
  });

  router.get('/routing/rule-sets/:ruleSetId', readers, async (req, res) => {
    const { params } = parseRequest({ params: ruleSetParamsSchema }, req);
    res.json(await getRuleSet(deps, staffOf(res.locals), params.ruleSetId));
  });

  router.put('/routing/rule-sets/:ruleSetId', editors, async (req, res) => {
    const { params, body } = parseRequest({ params: ruleSetParamsSchema, body: draftRulesSchema }, req);
    res.json(await replaceDraft(deps, staffOf(res.locals), params.ruleSetId, body));
  });

  router.delete('/routing/rule-sets/:ruleSetId', editors, async (req, res) => {
    const { params } = parseRequest({ params: ruleSetParamsSchema }, req);
    await discardDraft(deps, staffOf(res.locals), params.ruleSetId);
    res.status(204).end();
  });

  router.post('/routing/rule-sets/:ruleSetId/validate', readers, async (req, res) => {
    const { params, body } = parseRequest({ params: ruleSetParamsSchema, body: validateInputSchema }, req);
    res.json(await validateDraft(deps, staffOf(res.locals), params.ruleSetId, time(body.effectiveFrom)));
  });

  router.post('/routing/rule-sets/:ruleSetId/publish', editors, async (req, res) => {
    const { params, body } = parseRequest({ params: ruleSetParamsSchema, body: publishInputSchema }, req);
    res.json(await publishDraft(deps, staffOf(res.locals), params.ruleSetId, time(body.effectiveFrom)));
  });

  return router;
}

export const rulesApiDocs: ApiDoc[] = [
  {
    method: 'get',
    path: '/api/staff/routing/rule-sets',
    tags: ['routing'],
    summary: 'Coordinators (their province or national) and admins: the versions of a scope, newest first',
    request: { query: ruleSetsQuerySchema },
    responses: {
      200: jsonResponse('Versions with status, effective times, publisher and rule count', ruleSetsResponseSchema),
      ...errorResponses(400, 401, 403, 404),
    },
  },
  {
    method: 'post',
    path: '/api/staff/routing/rule-sets',
    tags: ['routing'],
    summary:
      'Coordinators: a new draft of a scope, from the rules in effect (`start: current`) or none; one draft per scope; audited',
    request: { body: jsonBody(draftInputSchema) },
    responses: {
      201: jsonResponse('The draft with its rules', ruleSetDetailSchema),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
  {
    method: 'get',
    path: '/api/staff/routing/rule-sets/{ruleSetId}',
    tags: ['routing'],
    summary: 'One version with its rules',
    request: { params: ruleSetParamsSchema },
    responses: { 200: jsonResponse('The rule set', ruleSetDetailSchema), ...errorResponses(400, 401, 403, 404) },
  },
  {
    method: 'put',
    path: '/api/staff/routing/rule-sets/{ruleSetId}',
    tags: ['routing'],
    summary: "Coordinators: replace a draft's rules (and note); commune rules stay in the draft's province; audited",
    request: { params: ruleSetParamsSchema, body: jsonBody(draftRulesSchema) },
    responses: { 200: jsonResponse('The draft', ruleSetDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
  },
  {
    method: 'delete',
    path: '/api/staff/routing/rule-sets/{ruleSetId}',
    tags: ['routing'],
    summary: 'Coordinators: discard a draft (published versions are immutable: 409); audited',
    request: { params: ruleSetParamsSchema },
    responses: { 204: { description: 'Discarded' }, ...errorResponses(400, 401, 403, 404, 409) },
  },
  {
    method: 'post',
    path: '/api/staff/routing/rule-sets/{ruleSetId}/validate',
    tags: ['routing'],
    summary:
      'The validator on the whole country as it would be with this draft in effect from `effectiveFrom` (default now); writes nothing',
    request: { params: ruleSetParamsSchema, body: jsonBody(validateInputSchema) },
    responses: {
      200: jsonResponse(
        'Gaps and overlaps, each naming communes, categories and place types (first 20 in full)',
        validationSummarySchema,
      ),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
  {
    method: 'post',
    path: '/api/staff/routing/rule-sets/{ruleSetId}/publish',
    tags: ['routing'],
    summary:
      'Coordinators: publish a draft from `effectiveFrom` (default now, never in the past); 422 `routing.invalid` with the report in `error.details` when it leaves a gap or an overlap (nothing written); audited',
    request: { params: ruleSetParamsSchema, body: jsonBody(publishInputSchema) },
    responses: {
      200: jsonResponse('The published version', ruleSetDetailSchema),
      ...errorResponses(400, 401, 403, 404, 409, 422),
    },
  },
];
