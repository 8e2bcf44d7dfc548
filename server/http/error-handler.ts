import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiErrorBody } from '../../shared/api/errors';
import { isMessageKey, t, type Language } from '../../shared/i18n/translate';
import { fieldErrors } from '../../shared/i18n/validation-messages';
import { AppError, internalError, invalidJson, notFound, payloadTooLarge, unsupportedMediaType } from './errors';
import { requestLanguage } from './language';

function toApiError(err: AppError, lang: Language, requestId?: string): ApiErrorBody {
  const key = err.messageKey;
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
 * Drizzle puts the SQL and its parameters (a report's description, address, URL) in the message of a
 * failed query: only the database's error code, constraint and the stack are logged.
 */
function loggable(err: unknown): unknown {
  if (!(err instanceof Error) || err.name !== 'DrizzleQueryError') return err;
  const cause = err.cause as { code?: string; constraint?: string; routine?: string } | undefined;
  return { type: err.name, code: cause?.code, constraint: cause?.constraint, routine: cause?.routine, stack: err.stack?.split('\n').slice(1).join('\n') };
}

/** Two transactions crossed (deadlock, serialization failure): the loser may simply try again. */
function fromDatabaseConflict(err: unknown): AppError | undefined {
  const code = (err as { cause?: { code?: string }; code?: string } | null)?.cause?.code ?? (err as { code?: string } | null)?.code;
  return code === '40P01' || code === '40001' ? new AppError('conflict', 409) : undefined;
}

/** The one place an error becomes a status and a JSON body (STYLE.md: errors → HTTP). */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = err instanceof AppError ? err : (fromParserError(err) ?? fromDatabaseConflict(err));
    const appError = known ?? internalError();
    if (!known) {
      // The route and request id only: bodies and addresses may identify a reporter.
      logger.error({ err: loggable(err), route: req.route?.path, requestId: res.locals.requestId }, 'unhandled error');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.set(appError.headers);
    res.status(appError.status).json(toApiError(appError, requestLanguage(req), res.locals.requestId));
  };
}

/** Unknown /api paths answer the JSON 404, never the client's index page. */
export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound());
