import type { AppDeps } from '../deps';
import { loggableError } from '../logger';
import { notifyDeadlines } from './deadlines';
import { deliverEmails } from './deliver';
import { sendDigests } from './digest';

/** How often each piece of alert work runs in a process. */
export const ALERT_WORK = [
  { name: 'deliverEmails', everyMs: 2_000, run: (deps: AppDeps) => deliverEmails(deps) },
  { name: 'notifyDeadlines', everyMs: 60_000, run: (deps: AppDeps) => notifyDeadlines(deps) },
  { name: 'sendDigests', everyMs: 5 * 60_000, run: (deps: AppDeps) => sendDigests(deps) },
] as const;

/**
 * Runs ALERT_WORK on timers in this process until the returned function is called. Each piece is safe with
 * several processes at once (claims with SKIP LOCKED, one notice per deadline, one digest per unit and day),
 * so every process may run them. J1's job runner (pg-boss) takes these over at merge: this is the fallback
 * that makes `npm start` send alerts on its own.
 */
export function startAlertWork(deps: AppDeps): () => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const timers = ALERT_WORK.map((work) => {
    let busy = false;
    return setInterval(() => {
      if (busy) return;
      busy = true;
      const done = work
        .run(deps)
        .catch((err: unknown) => deps.logger.error({ err: loggableError(err), work: work.name }, 'alert work failed'))
        .finally(() => {
          busy = false;
          running.delete(done);
        });
      running.add(done);
    }, work.everyMs);
  });
  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all(running);
  };
}
