import { ConfigError } from './config';
import { DataDirInUseError } from './db/data-dir-lock';

/** A command was called with the wrong words: its message is all the caller needs. */
export class UsageError extends Error {}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * The last word of a process that failed: the message alone for an error the user can act on (bad
 * usage or configuration, the data directory in use, those named in `expected`), the stack otherwise.
 */
export function exitOnError(prefix: string, exitCode: number, expected: ErrorClass[] = []): (err: unknown) => never {
  const known: ErrorClass[] = [UsageError, ConfigError, DataDirInUseError, ...expected];
  return (err) => {
    const detail = known.some((type) => err instanceof type)
      ? (err as Error).message
      : err instanceof Error
        ? (err.stack ?? err.message)
        : String(err);
    process.stderr.write(`${prefix}: ${detail}\n`);
    process.exit(exitCode);
  };
}
