import type { ApiErrorBody } from '../../shared/api/errors';
import type { FieldError } from '../../shared/i18n/validation-messages';
import { currentLanguage } from './i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    /** Machine-readable detail of some codes, e.g. the validator's report of `routing.invalid`. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Staff sign-in (a later issue) hands the CSRF token over here; it lives in memory only,
// so a page reload asks the server again instead of keeping it in storage or a readable cookie.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** A state-changing staff request carries the session's CSRF token. */
export function csrfHeader(path: string, method: string): Record<string, string> {
  return method !== 'GET' && path.startsWith('/api/staff/') && csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as Partial<ApiErrorBody> | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** JSON request to our API in the page's language; any non-2xx answer becomes an ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, csrfHeader(path, method));

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(0, 'network', 'Network request failed');
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (response.ok && body !== undefined) return body as T;
  if (isApiErrorBody(body)) {
    const { code, message, fields, details } = body.error;
    throw new ApiError(response.status, code, message, Array.isArray(fields) ? fields : [], details);
  }
  throw new ApiError(response.status, 'unexpected_response', `Unexpected answer (HTTP ${response.status})`);
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
