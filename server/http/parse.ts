import type { Request } from 'express';
import type { z } from 'zod';
import { validationFailed } from './errors';

// With the input in each issue, a field that is present but wrong ('abc' for a number) is told
// apart from a missing one; the input itself never leaves the server (only field and message do).
const PARSE_OPTIONS = { reportInput: true } as const;

export interface RequestSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}
export type Parsed<S extends RequestSchemas> = { [K in keyof S]: S[K] extends z.ZodType ? z.infer<S[K]> : never };

/**
 * Parses several parts of a request at once, so that one 400 lists every bad field of all of them.
 * No schemas (an endpoint that reads nothing from the request): nothing to parse.
 */
export function parseRequest<S extends RequestSchemas>(schemas: S | undefined, req: Request): Parsed<S> {
  // `?lang=` chooses the language of the answer (language.ts) on any route; strict query schemas do not list it.
  const { lang: _lang, ...query } = req.query ?? {};
  const sources = { params: req.params, query, body: req.body ?? {} };
  const issues: z.core.$ZodIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const part of ['params', 'query', 'body'] as const) {
    const schema = schemas?.[part];
    if (!schema) continue;
    const result = schema.safeParse(sources[part], PARSE_OPTIONS);
    if (result.success) out[part] = result.data;
    else issues.push(...result.error.issues);
  }
  if (issues.length > 0) throw validationFailed(issues);
  return out as Parsed<S>;
}

/** One part of a request with a shared schema; a failure is a 400 naming every field (error-handler.ts). */
export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseRequest({ body: schema }, req).body;
export const parseParams = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseRequest({ params: schema }, req).params;
