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

interface AlertWork {
  name: string;
  everyMs: number;
  run: (deps: AppDeps) => Promise<unknown>;
}

/**
 * Runs ALERT_WORK on timers in this process until the returned function is called; safe with several
 * processes at once. The stop waits for the runs in flight at most `timeoutMs` (main: SHUTDOWN_GRACE_MS):
 * a run cut short leaves its rows claimed, and their lease hands them to the next process.
 */
export function startAlertWork(
  deps: AppDeps,
  works: readonly AlertWork[] = ALERT_WORK,
): (timeoutMs?: number) => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const timers = works.map((work) => {
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
  return async (timeoutMs = 10_000) => {
    for (const timer of timers) clearInterval(timer);
    let timeout: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timeout = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all(running), late]);
    clearTimeout(timeout);
  };
}
