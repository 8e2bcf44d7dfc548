import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { apiErrorBodySchema } from '../../shared/api/errors';

/** One documented endpoint; each *.routes.ts exports the list of its own next to the handlers. */
export type ApiDoc = RouteConfig;

export function jsonResponse(description: string, schema: z.ZodType) {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON request body. */
export const jsonBody = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input: `fields` names every field in the request language',
  401: 'Not signed in',
  403: 'Forbidden (cross-site request without a valid CSRF token)',
  404: 'Not found, or outside the caller’s scope',
  409: 'Conflict with the current state',
  413: 'Request too large',
  422: 'Refused by the routing validator (`routing.invalid`): `details` names each gap and overlap, nothing written',
  429: 'Rate limit reached; see Retry-After',
  503: 'Temporarily unavailable',
};

export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, jsonResponse(errorDescriptions[status] ?? 'Error', apiErrorBodySchema)]),
  );
}
