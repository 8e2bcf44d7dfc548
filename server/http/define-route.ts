import type { ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { Role } from '../../shared/domain/roles';
import { errorResponses, jsonBody, jsonResponse, securityOf } from '../openapi/api-doc';
import { parseRequest, type Parsed } from './parse';
import { requireRole, requireStaff } from './staff-api';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: anyone, any signed-in staff member (401 otherwise), or these roles (403 for the others). */
export type Access = 'public' | 'staff' | readonly Role[];

type PathOrQuery = NonNullable<RouteConfig['request']>['params'];
/** What `defineRoute` parses before the handler: path parameters and query as zod objects, a JSON body. */
export interface RouteRequest {
  params?: PathOrQuery;
  query?: PathOrQuery;
  body?: z.ZodType;
}

/** What an endpoint answers when it succeeds. */
export type Reply =
  /** JSON: the handler returns the body, type-checked against `schema`. */
  | { status?: 200 | 201; description: string; schema: z.ZodType; writesItself?: false }
  /** No body: the handler returns nothing. */
  | { status: 204; description: string }
  /** A file, a stream or a replayed answer: the handler writes the answer itself and returns nothing. */
  | {
      status?: 200 | 201;
      description: string;
      schema?: z.ZodType;
      writesItself: true;
      /** A body that is not JSON (`text/event-stream`), documented as text of this media type. */
      mediaType?: string;
    };

type Answer<R extends Reply> = R extends { writesItself: true }
  ? void
  : R extends { schema: infer S extends z.ZodType }
    ? z.infer<S>
    : void;

/** One endpoint, stated once: how it is mounted and how it is documented come from the same fields. */
export interface RouteDeclaration<In extends RouteRequest, R extends Reply> {
  method: Method;
  /** Express style, relative to where app.ts mounts the router: `/cases/:code`. */
  path: `/${string}`;
  /** Unique in the API, camelCase: the name a generated client gives the call. */
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  access: Access;
  /** Run after the access check, in this order, before the request is parsed: rate limits, uploads, markers. */
  use?: RequestHandler[];
  /** Parsed with `parseRequest` before the handler (one 400 names every bad field) and documented. */
  request?: In;
  /**
   * Documented only; the handler parses it. For uploads: they parse inside `withUploads`, so that a
   * refusal also removes the files, and only after the Idempotency-Key has been read.
   */
  parsedByHandler?: RouteConfig['request'];
  response: R;
  /** Error statuses, documented with the shared error body. */
  errors: number[];
  /** Responses that say more than `errors` does (this route's own error codes), by status. */
  moreResponses?: Record<number, ResponseConfig>;
  handler: (input: Parsed<In>, req: Request, res: Response) => Answer<R> | Promise<Answer<R>>;
}

/** A feature's router and the operations declared on it, paths relative to where app.ts mounts it. */
export interface ApiRouter {
  readonly router: Router;
  readonly operations: RouteConfig[];
}

export const apiRouter = (): ApiRouter => ({ router: Router(), operations: [] });

/** Mounts the endpoint on `api.router` (access check, `use`, parsing, handler, answer) and records its documentation. */
export function defineRoute<In extends RouteRequest = Record<never, never>, R extends Reply = Reply>(
  api: ApiRouter,
  route: RouteDeclaration<In, R>,
): void {
  api.operations.push(operationOf(route));
  api.router[route.method](route.path, ...accessCheck(route.access), ...(route.use ?? []), answer(route));
}

function accessCheck(access: Access): RequestHandler[] {
  if (access === 'public') return [];
  if (access === 'staff') return [requireStaff];
  return [requireRole(...access)];
}

function answer<In extends RouteRequest, R extends Reply>(route: RouteDeclaration<In, R>): RequestHandler {
  const reply: Reply = route.response;
  return async (req, res) => {
    const body = await route.handler(parseRequest(route.request, req), req, res);
    if ('writesItself' in reply && reply.writesItself) return;
    if (reply.status === 204) res.status(204).end();
    else res.status(reply.status ?? 200).json(body);
  };
}

function operationOf<In extends RouteRequest, R extends Reply>(route: RouteDeclaration<In, R>): RouteConfig {
  const reply: Reply = route.response;
  const { params, query, body } = route.request ?? {};
  const schema = 'schema' in reply ? reply.schema : undefined;
  const mediaType = 'mediaType' in reply ? reply.mediaType : undefined;
  const success: ResponseConfig = schema
    ? jsonResponse(reply.description, schema)
    : mediaType
      ? { description: reply.description, content: { [mediaType]: { schema: { type: 'string' } } } }
      : { description: reply.description };
  return {
    method: route.method,
    path: route.path.replace(/:(\w+)/g, '{$1}'),
    operationId: route.operationId,
    tags: route.tags,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    security: securityOf(route.access === 'public', route.method),
    ...(typeof route.access === 'object' ? { 'x-roles': [...route.access] } : {}),
    request: route.parsedByHandler ?? {
      ...(params ? { params } : {}),
      ...(query ? { query } : {}),
      ...(body ? { body: jsonBody(body) } : {}),
    },
    responses: {
      [reply.status ?? 200]: success,
      ...errorResponses(...route.errors),
      ...route.moreResponses,
    },
  };
}

type MountPart = RequestHandler | RequestHandler[] | ApiRouter;

/**
 * Mounts on `router` what app.ts mounts, and keeps what the OpenAPI document lists: each router's
 * operations get the prefix it is mounted under, written once, so a documented path is the path
 * Express answers.
 */
export function createApiCatalog(router: Router) {
  const operations: RouteConfig[] = [];
  return {
    operations,
    /** Mounts `parts` under `prefix` ('' for the root), in order; each ApiRouter's operations are recorded under it. */
    mount(prefix: '' | `/${string}`, ...parts: MountPart[]): void {
      const handlers = parts.flatMap((part) => {
        if (Array.isArray(part) || typeof part === 'function') return part;
        operations.push(...part.operations.map((operation) => ({ ...operation, path: prefix + operation.path })));
        return [part.router];
      });
      if (prefix) router.use(prefix, handlers);
      else router.use(handlers);
    },
  };
}
