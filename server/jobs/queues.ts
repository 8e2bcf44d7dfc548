import type { QueuePolicy } from './jobs';

/**
 * Every background queue, with what its jobs carry and its pg-boss policy: the one list
 * (`prepareDatabase` creates them, `createJobs` checks them at start). Handlers and schedules are
 * declared in `server/jobs/registry.ts`.
 */
// A type, not an interface: it must fit `QueueMap` (a type alias has the implied index signature).
export type AppQueues = {
  /** Every minute: escalates reports whose acceptance deadline passed (server/cases/escalation.ts). */
  'deadline-sweep': Record<string, never>;
  /** Every minute: notices of running deadlines due soon or passed (server/alerts/deadlines.ts). */
  'alert-deadlines': Record<string, never>;
  /** Every 5 minutes: each unit's daily digest, once a day from 07:00 Vietnam time (server/alerts/digest.ts). */
  'alert-digests': Record<string, never>;
};

/** `short`: at most one job waits per queue (a late tick does not pile up sweeps). */
export const APP_QUEUES: { [N in keyof AppQueues]: QueuePolicy } = {
  'deadline-sweep': 'short',
  'alert-deadlines': 'short',
  'alert-digests': 'short',
};
