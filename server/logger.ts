import pino, { type DestinationStream, type Logger } from 'pino';

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
