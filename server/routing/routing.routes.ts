import { Router } from 'express';
import { routingPreviewSchema, type RoutingPreview } from '../../shared/api/routing';
import type { Language } from '../../shared/i18n/translate';
import { routingPreviewInputSchema } from '../../shared/schemas/routing';
import type { AppDeps } from '../deps';
import { requestLanguage } from '../http/language';
import { parseBody } from '../http/parse';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';
import { warningText, type DecidedUnit, type RoutingDecision } from './decision';

const routed = ({ force, unitId, unitName }: DecidedUnit) => ({ force, unitId, unitName });

function presentPreview(decision: RoutingDecision, lang: Language): RoutingPreview {
  return {
    lead: routed(decision.lead),
    coordinating: decision.coordinating.map(routed),
    // Issue #14: a public answer carries no rule key or version ("national/market/* (national@1)").
    explanation: decision.publicExplanation[lang],
    warnings: decision.warnings.map((code) => ({ code, message: warningText(lang, code, decision.communeName ?? '') })),
  };
}

export function routingRoutes(deps: AppDeps): Router {
  const router = Router();

  router.post('/routing/preview', async (req, res) => {
    const input = parseBody(routingPreviewInputSchema, req);
    const decision = await deps.routing.decide(input);
    res.json(presentPreview(decision, requestLanguage(req)));
  });

  return router;
}

export const routingApiDocs: ApiDoc[] = [
  {
    method: 'post',
    path: '/api/public/routing/preview',
    tags: ['routing'],
    summary: 'Where a report would go: lead unit, coordinating units and why (SPEC.md §4)',
    request: { body: { content: { 'application/json': { schema: routingPreviewInputSchema } } } },
    responses: {
      200: jsonResponse('The decision the rules in effect now would make', routingPreviewSchema),
      ...errorResponses(400, 404, 429, 503),
    },
  },
];
