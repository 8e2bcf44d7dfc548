import type { Logger } from 'pino';
import { loggableError } from './logger';

/**
 * Issue #15: an error nobody caught leaves the process in a state nobody knows, so it exits and the
 * supervisor (Docker `restart:`, systemd `Restart=always`, docs/deploy.md) starts it again. The log
 * says why first, with the error's class, code and stack frames only: no message, query or request data.
 */
export function exitOnUncaught(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  const fail = (event: string) => (reason: unknown) => {
    logger.fatal({ err: loggableError(reason), event }, `${event}: exiting for the supervisor to restart the server`);
    exit(1);
  };
  process.on('unhandledRejection', fail('unhandled rejection'));
  process.on('uncaughtException', fail('uncaught exception'));
}
