import pino, { type DestinationStream, type Logger } from 'pino';
import { databaseFailure } from './db/database-error';

/**
 * Structured JSON logs. Anything that could identify a reporter is redacted by path even if a
 * caller logs it by mistake (SPEC.md §6); request lines carry no address (http/request-context.ts).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tipline-389' },
      redact: {
        paths: [
          'req.headers',
          'req.remoteAddress',
          'req.remotePort',
          '*.ip',
          '*.password',
          '*.secret',
          '*.contactPhone',
          '*.contactEmail',
          '*.contactName',
        ],
        remove: true,
      },
    },
    destination,
  );
}

/** The frames of a stack, without its first lines: those hold the message, which may quote a value. */
const stackFrames = (err: Error) =>
  (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');

/**
 * What the log keeps of an error nobody expected: its class, code and stack frames, and for a
 * database error its SQLSTATE, constraint and routine (server/db/database-error.ts). Never the
 * message: drizzle's holds the query and its parameters, the database's quote the value refused,
 * Node's quote the argument (`Received type string ('…')`), JSON.parse's the text it choked on.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const database = databaseFailure(err);
  const code = (err as { code?: unknown }).code;
  return {
    type: err.constructor?.name ?? err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(database ? { database } : {}),
    stack: stackFrames(err),
  };
}
