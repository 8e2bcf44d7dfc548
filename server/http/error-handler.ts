import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiErrorBody } from '../../shared/api/errors';
import { isMessageKey, t, type Language } from '../../shared/i18n/translate';
import { fieldErrors } from '../../shared/i18n/validation-messages';
import {
  AppError,
  internalError,
  invalidJson,
  invalidPath,
  notFound,
  payloadTooLarge,
  unsupportedMediaType,
} from './errors';
import { requestLanguage } from './language';
import { databaseFailure, isConflictFailure, isInputFailure } from '../db/database-error';
import { loggableError } from '../logger';

function toApiError(err: AppError, lang: Language, requestId?: string, submission = false): ApiErrorBody {
  // Only where a citizen sends a report does a failure mean "your report was not sent".
  const key = submission && err.code === 'internal' ? 'error.internal.report' : err.messageKey;
  return {
    error: {
      code: err.code,
      message: isMessageKey(key) ? t(lang, key, err.params) : t(lang, 'error.internal'),
      fields: fieldErrors(lang, err.issues),
      ...(requestId ? { requestId } : {}),
      ...(err.details !== undefined ? { details: err.details } : {}),
    },
  };
}

/** Errors thrown by express.json() and other body parsers carry a `type` and a status. */
function fromParserError(err: unknown): AppError | undefined {
  // The router could not decode a path segment (`%ED%A0%80`, half a surrogate pair, found by the fuzz).
  if (err instanceof URIError) return invalidPath();
  if (typeof err !== 'object' || err === null || !('type' in err)) return undefined;
  switch ((err as { type: unknown }).type) {
    case 'entity.parse.failed':
      return invalidJson();
    case 'entity.too.large':
      return payloadTooLarge();
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return unsupportedMediaType();
    default:
      return undefined;
  }
}

/**
 * An error of the database: a conflict between transactions may be retried (409); a value the database
 * cannot hold is the client's (400, logged as a gap in the schemas); anything else is ours (500).
 */
function fromDatabase(err: unknown): { error: AppError; gap: boolean } | undefined {
  const failure = databaseFailure(err);
  if (!failure) return undefined;
  if (isConflictFailure(failure)) return { error: new AppError('conflict', 409), gap: false };
  if (isInputFailure(failure)) return { error: new AppError('invalid_input', 400), gap: true };
  return undefined;
}

/** The one place an error becomes a status and a JSON body (STYLE.md: errors → HTTP). */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const database = err instanceof AppError ? undefined : fromDatabase(err);
    const known = err instanceof AppError ? err : (fromParserError(err) ?? database?.error);
    const appError = known ?? internalError();
    // The route and request id only: bodies, queries and addresses may identify a reporter.
    const context = { err: loggableError(err), route: req.route?.path, requestId: res.locals.requestId };
    if (!known) logger.error(context, 'unhandled error');
    else if (database?.gap) logger.warn(context, 'the database refused a value the schemas let through');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.set(appError.headers);
    res
      .status(appError.status)
      .json(toApiError(appError, requestLanguage(req), res.locals.requestId, res.locals.reportSubmission === true));
  };
}

/** Marks a route where a citizen sends a report: a 500 there tells them the report was not sent. */
export const reportSubmission: RequestHandler = (_req, res, next) => {
  res.locals.reportSubmission = true;
  next();
};

/** Unknown /api paths answer the JSON 404, never the client's index page. */
export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound());
