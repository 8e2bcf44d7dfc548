import type { Status } from '../../../shared/domain/statuses';
import { AppError, fieldIssue, validationFailed } from '../../http/errors';
import { sanctionDueAt } from '../../holidays/calendar';
import { vietnamDayOf } from '../deadlines';
import { findSanction, upsertSanction } from '../results.repository';
import { updateReport } from '../transitions';
import { addEvent, notAllowed, type ActionContext, type ActionHandler } from './context';

/** Issue #18: where a violation record can be entered: the lead has taken the report on and not resolved it. */
export const RECORD_STATUSES: readonly Status[] = ['accepted', 'verifying', 'suspended'];

/** The clocks that need a written reason (Luật XLVPHC Điều 66 khoản 2, 3). */
export const needsClockReason = (clock: string) => clock === 'verification' || clock === 'extended';

/** A day (yyyy-mm-dd) after today in Vietnam is refused, with the field named: the issue, or none. */
export function futureDayIssues(ctx: ActionContext, day: string | undefined, path: (string | number)[]) {
  return day !== undefined && day > vietnamDayOf(ctx.who.at) ? [fieldIssue(path, 'day_in_future')] : [];
}

/**
 * Issue #18, Luật XLVPHC Điều 66: the violation record (biên bản) starts the sanction clock: the decision is
 * due 7 working days after the record's day (10 when transferred) on the holiday calendar, or 1 or 2 months
 * with a reason. Entered again before the decision it may change the record or the clock (each time an event).
 */
export const recordViolation: ActionHandler<'record-violation'> = async (ctx, input) => {
  if (!RECORD_STATUSES.includes(ctx.report.status)) throw notAllowed(ctx.report);
  const issues = futureDayIssues(ctx, input.recordDate, ['recordDate']);
  if (needsClockReason(input.clock) && !input.clockReason)
    issues.push(fieldIssue(['clockReason'], 'clock_reason_required'));
  if (issues.length > 0) throw validationFailed(issues);
  const before = await findSanction(ctx.tx, ctx.report.id);
  if (before?.decisionNo) throw new AppError('case.sanction_decided', 409);
  const dueAt = await sanctionDueAt(ctx.tx, input.recordDate, input.clock);
  await upsertSanction(ctx.tx, {
    reportId: ctx.report.id,
    recordNo: input.recordNo,
    recordDate: input.recordDate,
    clock: input.clock,
    clockReason: input.clockReason ?? null,
    dueAt,
    recordedBy: ctx.who.actor,
    recordedAt: ctx.who.at,
  });
  const after = await updateReport(ctx.tx, ctx.report, {});
  await addEvent(ctx, {
    type: 'violation_recorded',
    public: false,
    body: input.clockReason ?? null,
    data: {
      recordNo: input.recordNo,
      recordDate: input.recordDate,
      clock: input.clock,
      dueAt: dueAt.toISOString(),
      ...(before ? { previousClock: before.clock, previousDueAt: before.dueAt.toISOString() } : {}),
    },
  });
  return { report: after };
};
