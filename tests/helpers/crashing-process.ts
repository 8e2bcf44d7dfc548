/**
 * A process with the server's logger and crash handlers that then fails the way issue #15's upload
 * did (argv[2]: `rejection` or `exception`); tests/unit/server/crash.test.ts runs it with tsx.
 */
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { exitOnUncaught } from '../../server/crash';
import { createLogger } from '../../server/logger';

export const CRASH_SENTINEL = 'Bà Nguyễn bán rượu giả ở chợ SENTINEL-4471';

exitOnUncaught(createLogger('info'));
if (process.argv[2] === 'rejection') {
  void Promise.reject(new DrizzleQueryError('insert into reports (description) values ($1)', [CRASH_SENTINEL]));
} else {
  setTimeout(() => {
    throw new TypeError(`cannot read ${CRASH_SENTINEL}`);
  }, 10);
}
setTimeout(() => process.stdout.write('still running\n'), 2000);
