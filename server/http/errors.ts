import type { MessageKey } from '../../shared/i18n/vi';
import type { z } from 'zod';

/**
 * An error the client caused or may see, with a stable code. The message is looked up from
 * `error.<code>` in shared/i18n when the answer is written, in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly issues: readonly z.core.$ZodIssue[] = [],
    readonly headers: Record<string, string> = {},
    /** Machine-readable detail a client can show, e.g. the validator's report of a refused publish. */
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }

  get messageKey(): MessageKey {
    return `error.${this.code}` as MessageKey;
  }
}

export const validationFailed = (issues: readonly z.core.$ZodIssue[]) =>
  new AppError('validation_failed', 400, {}, issues);
export const notFound = () => new AppError('not_found', 404);
export const invalidJson = () => new AppError('invalid_json', 400);
export const invalidPath = () => new AppError('invalid_path', 400);
export const payloadTooLarge = (issues: readonly z.core.$ZodIssue[] = []) =>
  new AppError('payload_too_large', 413, {}, issues);
export const unsupportedMediaType = () => new AppError('unsupported_media_type', 415);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('rate_limited', 429, {}, [], { 'Retry-After': String(retryAfterSeconds) });
export const databaseUnavailable = () => new AppError('database_unavailable', 503);
export const internalError = () => new AppError('internal', 500);

/** A field-named refusal in the standard shape: `photos.2: ...`. */
export function fieldIssue(path: (string | number)[], key: string): z.core.$ZodIssue {
  return {
    code: 'custom',
    path,
    message: key,
    params: { key: `validation.${key}` },
    input: undefined,
  } as z.core.$ZodIssue;
}
