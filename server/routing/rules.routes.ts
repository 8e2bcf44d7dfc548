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
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { staffOf } from '../http/staff-api';
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
export function rulesRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  const readers = ['coordinator', 'admin'] as const;
  const editors = ['coordinator'] as const;
  const tags = ['routing'];

  defineRoute(api, {
    method: 'get',
    path: '/routing/rule-sets',
    operationId: 'listRuleSets',
    tags,
    summary: 'Coordinators (their province or national) and admins: the versions of a scope, newest first',
    access: readers,
    request: { query: ruleSetsQuerySchema },
    response: {
      description: 'Versions with status, effective times, publisher and rule count',
      schema: ruleSetsResponseSchema,
    },
    errors: [400, 401, 403, 404],
    handler: async ({ query }, _req, res) => ({
      ruleSets: await listRuleSets(deps, staffOf(res.locals), query.province),
    }),
  });

  defineRoute(api, {
    method: 'post',
    path: '/routing/rule-sets',
    operationId: 'createDraftRuleSet',
    tags,
    summary:
      'Coordinators: a new draft of a scope, from the rules in effect (`start: current`) or none; one draft per scope; audited',
    access: editors,
    request: { body: draftInputSchema },
    response: { status: 201, description: 'The draft with its rules', schema: ruleSetDetailSchema },
    errors: [400, 401, 403, 404, 409],
    handler: ({ body }, _req, res) => createDraft(deps, staffOf(res.locals), body),
  });

  defineRoute(api, {
    method: 'get',
    path: '/routing/rule-sets/:ruleSetId',
    operationId: 'getRuleSet',
    tags,
    summary: 'One version with its rules',
    access: readers,
    request: { params: ruleSetParamsSchema },
    response: { description: 'The rule set', schema: ruleSetDetailSchema },
    errors: [400, 401, 403, 404],
    handler: ({ params }, _req, res) => getRuleSet(deps, staffOf(res.locals), params.ruleSetId),
  });

  defineRoute(api, {
    method: 'put',
    path: '/routing/rule-sets/:ruleSetId',
    operationId: 'replaceDraftRules',
    tags,
    summary: "Coordinators: replace a draft's rules (and note); commune rules stay in the draft's province; audited",
    access: editors,
    request: { params: ruleSetParamsSchema, body: draftRulesSchema },
    response: { description: 'The draft', schema: ruleSetDetailSchema },
    errors: [400, 401, 403, 404, 409],
    handler: ({ params, body }, _req, res) => replaceDraft(deps, staffOf(res.locals), params.ruleSetId, body),
  });

  defineRoute(api, {
    method: 'delete',
    path: '/routing/rule-sets/:ruleSetId',
    operationId: 'discardDraftRuleSet',
    tags,
    summary: 'Coordinators: discard a draft (published versions are immutable: 409); audited',
    access: editors,
    request: { params: ruleSetParamsSchema },
    response: { status: 204, description: 'Discarded' },
    errors: [400, 401, 403, 404, 409],
    handler: ({ params }, _req, res) => discardDraft(deps, staffOf(res.locals), params.ruleSetId),
  });

  defineRoute(api, {
    method: 'post',
    path: '/routing/rule-sets/:ruleSetId/validate',
    operationId: 'validateRuleSet',
    tags,
    summary:
      'The validator on the whole country as it would be with this draft in effect from `effectiveFrom` (default now); writes nothing',
    access: readers,
    request: { params: ruleSetParamsSchema, body: validateInputSchema },
    response: {
      description: 'Gaps and overlaps, each naming communes, categories and place types (first 20 in full)',
      schema: validationSummarySchema,
    },
    errors: [400, 401, 403, 404, 409],
    handler: ({ params, body }, _req, res) =>
      validateDraft(deps, staffOf(res.locals), params.ruleSetId, time(body.effectiveFrom)),
  });

  defineRoute(api, {
    method: 'post',
    path: '/routing/rule-sets/:ruleSetId/publish',
    operationId: 'publishRuleSet',
    tags,
    summary:
      'Coordinators: publish a draft from `effectiveFrom` (default now, never in the past); 422 `routing.invalid` with the report in `error.details` when it leaves a gap or an overlap (nothing written); audited',
    access: editors,
    request: { params: ruleSetParamsSchema, body: publishInputSchema },
    response: { description: 'The published version', schema: ruleSetDetailSchema },
    errors: [400, 401, 403, 404, 409, 422],
    handler: ({ params, body }, _req, res) =>
      publishDraft(deps, staffOf(res.locals), params.ruleSetId, time(body.effectiveFrom)),
  });

  return api;
}
