import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { apiErrorBodySchema } from '../../shared/api/errors';
import { SESSION_COOKIE } from '../auth/auth.service';
import { CSRF_HEADER } from '../http/staff-api';

export function jsonResponse(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON request body. */
export const jsonBody = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input: `fields` names every field in the request language',
  401: 'Not signed in',
  403: 'Forbidden: not for this role, or a change without the session’s CSRF token',
  404: 'Not found, or outside the caller’s scope',
  409: 'Conflict with the current state',
  413: 'Request too large',
  415: 'Neither JSON nor multipart/form-data',
  422: 'Refused by the routing validator (`routing.invalid`): `details` names each gap and overlap, nothing written',
  429: 'Rate limit reached; see Retry-After',
  503: 'Temporarily unavailable',
};

export function errorResponses(...statuses: number[]): Record<number, ResponseConfig> {
  return Object.fromEntries(
    statuses.map((status) => [status, jsonResponse(errorDescriptions[status] ?? 'Error', apiErrorBodySchema)]),
  );
}

/** The two halves of a staff request's credentials (server/http/staff-api.ts), as OpenAPI security schemes. */
export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The staff session, set by `POST /api/staff/session` (HttpOnly, SameSite=Strict, path /api/staff)',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: "The session's CSRF token (`csrfToken` of the session), required on every staff request but a GET",
  },
} as const;

type SecurityRequirement = Partial<Record<keyof typeof SECURITY_SCHEMES, string[]>>;

/** Public routes need nothing; a staff GET the session cookie; any other staff request the cookie and the CSRF token. */
export function securityOf(isPublic: boolean, method: string): SecurityRequirement[] {
  if (isPublic) return [];
  return method === 'get' ? [{ sessionCookie: [] }] : [{ sessionCookie: [], csrfToken: [] }];
}
