import { messages as pgliteMessages } from '@electric-sql/pglite';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { DatabaseError as PgDatabaseError } from 'pg';

/** What may be logged of an error the database raised: never its message, detail, query or parameters. */
export interface DatabaseFailure {
  code: string | undefined;
  constraint: string | undefined;
  routine: string | undefined;
}

/**
 * The database's own error behind `err`, recognised by class on either engine: drizzle wraps it in a
 * DrizzleQueryError (whose message holds the SQL and every parameter), node-postgres and PGlite each
 * throw their own DatabaseError (whose message and detail may quote the value refused).
 */
export function databaseFailure(err: unknown): DatabaseFailure | undefined {
  const inner = err instanceof DrizzleQueryError ? err.cause : err;
  if (inner instanceof PgDatabaseError || inner instanceof pgliteMessages.DatabaseError) {
    return { code: inner.code, constraint: inner.constraint, routine: inner.routine };
  }
  return undefined;
}

/**
 * SQLSTATEs that only a value sent by the client can cause once the shared schemas have let it through:
 * a NUL or an unpaired surrogate in a text (22P05, 22021), a date or number past what a column holds
 * (22008, 22003, 22007), a text too long for an index entry (54000). A schema should have refused
 * each of them first; this is the backstop, so that the client gets a 400 rather than a 500.
 */
const INPUT_CODES = new Set(['22P05', '22021', '22008', '22003', '22007', '54000']);
export const isInputFailure = (failure: DatabaseFailure) => failure.code !== undefined && INPUT_CODES.has(failure.code);

/** Two transactions crossed (deadlock, serialization failure): the loser may simply try again. */
export const isConflictFailure = (failure: DatabaseFailure) => failure.code === '40P01' || failure.code === '40001';
