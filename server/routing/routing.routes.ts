import { routingPreviewSchema, type RoutingPreview } from '../../shared/api/routing';
import type { Language } from '../../shared/i18n/translate';
import { routingPreviewInputSchema } from '../../shared/schemas/routing';
import type { AppDeps } from '../deps';
import { requestLanguage } from '../http/language';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
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

export function routingRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  defineRoute(api, {
    method: 'post',
    path: '/routing/preview',
    operationId: 'previewRouting',
    tags: ['routing'],
    summary: 'Where a report would go: lead unit, coordinating units and why (SPEC.md §4)',
    access: 'public',
    request: { body: routingPreviewInputSchema },
    response: { description: 'The decision the rules in effect now would make', schema: routingPreviewSchema },
    errors: [400, 404, 429, 503],
    handler: async ({ body }, req) => presentPreview(await deps.routing.decide(body), requestLanguage(req)),
  });
  return api;
}
