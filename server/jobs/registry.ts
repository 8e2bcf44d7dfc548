import type { AppDeps } from '../deps';
import { TIME_ZONE } from '../../shared/i18n/format';
import { notifyCrimeDeadlines } from '../alerts/crime-deadlines';
import { notifyDeadlines } from '../alerts/deadlines';
import { sendDigests } from '../alerts/digest';
import { sweepDeadlines } from '../cases/escalation';

/**
 * What runs in the background, in one place (issue #17): each queue's handler and schedule. The
 * queues themselves (data types, policies) are listed in `server/jobs/queues.ts`. Called once per
 * process before `deps.jobs.start()` (server/main.ts; tests with `createTestApp({ jobs: true })`).
 */
export async function registerJobs(deps: AppDeps): Promise<void> {
  await deps.jobs.work('deadline-sweep', async () => {
    await sweepDeadlines(deps);
  });
  await deps.jobs.schedule('deadline-sweep', '* * * * *', { tz: TIME_ZONE, data: {} });
  await deps.jobs.work('alert-deadlines', async () => {
    await notifyDeadlines(deps);
    // Issue #18: the hand-off and the investigating body's clock.
    await notifyCrimeDeadlines(deps);
  });
  await deps.jobs.schedule('alert-deadlines', '* * * * *', { tz: TIME_ZONE, data: {} });
  // Every 5 minutes rather than once at 07:00: a process down at seven still sends the day's digest after.
  await deps.jobs.work('alert-digests', async () => {
    await sendDigests(deps);
  });
  await deps.jobs.schedule('alert-digests', '*/5 * * * *', { tz: TIME_ZONE, data: {} });
}
