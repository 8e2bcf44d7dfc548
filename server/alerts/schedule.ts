import type { AppDeps } from '../deps';
import { loggableError } from '../logger';
import { deliverEmails } from './deliver';

/**
 * The e-mail outbox is drained every 2 s by every process (claims with SKIP LOCKED: each message once),
 * so an alert's e-mail leaves within seconds of its event: pg-boss schedules are per minute. The minute-scale
 * work (deadline notices, digests, the escalation sweep) runs as jobs: server/jobs/registry.ts.
 */
export const ALERT_WORK = [
  { name: 'deliverEmails', everyMs: 2_000, run: (deps: AppDeps) => deliverEmails(deps) },
] as const;

/**
 * Runs ALERT_WORK on timers in this process until the returned function is called; safe with several
 * processes at once.
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
