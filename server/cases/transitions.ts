import { PAUSED } from '../../shared/domain/lifecycle';
import type { Status } from '../../shared/domain/statuses';
import type { Queryable } from '../db/types';
import { AppError } from '../http/errors';
import { insertEvent, type NewEvent, type Report } from '../reports/reports.repository';
import { updateReportAtVersion, type ReportChanges } from './cases.repository';

/** Someone else changed the report since `version` was read: the loser sees the new state (issue #6). */
/** A report with no transfer pending: what accepting, cancelling or deciding one (and closing its unit) leaves. */
export const NO_TRANSFER = {
  transferToUnitId: null,
  transferReason: null,
  transferRequestedAt: null,
  transferDisputed: false,
} as const;

export const conflict = (current?: { status: string; version: number }) =>
  new AppError('conflict', 409, {}, [], {}, current ? { status: current.status, version: current.version } : undefined);

/** The deadline that runs in a status: accepting while received, resolving while handled, none while paused or done. */
export function runningDue(report: Pick<Report, 'acceptDueAt' | 'resolveDueAt'>, status: Status): Date | null {
  if (status === 'received') return report.acceptDueAt;
  if (status === 'accepted' || status === 'verifying') return report.resolveDueAt;
  return null;
}

/**
 * Writes `changes` if the report is still at `report.version`, and bumps the version; 409 otherwise.
 * Every staff action and the reporter's answer go through here.
 */
export async function updateReport(q: Queryable, report: Report, changes: ReportChanges): Promise<Report> {
  const row = await updateReportAtVersion(q, report, changes);
  if (!row) throw conflict();
  return row;
}

/**
 * SPEC.md §5: moves a report to `to`, keeping its clock: entering needs_info or suspended stops it
 * (and remembers where to come back), leaving them moves both deadlines by the time stood still.
 * Writes the `status_changed` event (public: the reporter sees the status as "citizen sees").
 */
export async function moveReport(
  q: Queryable,
  report: Report,
  to: Status,
  who: { actor: string; at: Date },
  changes: ReportChanges = {},
  event: Partial<Pick<NewEvent, 'body' | 'data'>> = {},
): Promise<Report> {
  const from = report.status;
  const next: ReportChanges = { status: to, ...changes };
  let due = { acceptDueAt: report.acceptDueAt, resolveDueAt: report.resolveDueAt };
  if (PAUSED.has(to) && !PAUSED.has(from)) {
    next.pausedSince = who.at;
    next.statusBeforeInfo = from;
  } else if (!PAUSED.has(to) && PAUSED.has(from) && report.pausedSince) {
    const stood = who.at.getTime() - report.pausedSince.getTime();
    // A deadline already met stays as it was: a pause after acceptance does not make a late acceptance timely.
    due = {
      acceptDueAt: report.acceptedAt ? report.acceptDueAt : new Date(report.acceptDueAt.getTime() + stood),
      resolveDueAt: new Date(report.resolveDueAt.getTime() + stood),
    };
    Object.assign(next, due, { pausedSince: null, pausedMs: report.pausedMs + stood, statusBeforeInfo: null });
  }
  if (to === 'accepted' && !report.acceptedAt) next.acceptedAt = who.at;
  if (to === 'resolved') next.resolvedAt = who.at;
  if (to === 'closed') next.closedAt = who.at;
  next.nextDueAt = runningDue({ ...due, ...(next.resolveDueAt ? { resolveDueAt: next.resolveDueAt } : {}) }, to);
  const updated = await updateReport(q, report, next);
  await insertEvent(q, {
    reportId: report.id,
    type: 'status_changed',
    at: who.at,
    actor: who.actor,
    public: true,
    fromStatus: from,
    toStatus: to,
    ...event,
  });
  return updated;
}
