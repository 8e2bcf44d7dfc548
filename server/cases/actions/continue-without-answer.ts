import { formatDateTime } from '../../../shared/i18n/format';
import { AppError } from '../../http/errors';
import { moveReport } from '../transitions';
import { addEvent, notAllowed, type ActionHandler } from './context';

const DAY_MS = 86_400_000;

/** When a question asked at `since` may be given up: NEEDS_INFO_MAX_DAYS later. */
export const answerWaitEnds = (since: Date, maxDays: number): Date => new Date(since.getTime() + maxDays * DAY_MS);

/** The questions asked before this have waited long enough (the coordinators' list, `waitingAnswer=1`). */
export const answerWaitStartedBefore = (now: Date, maxDays: number): Date => new Date(now.getTime() - maxDays * DAY_MS);

/**
 * Issue #17, the second way out of needs_info: after NEEDS_INFO_MAX_DAYS without an answer the lead
 * goes on without it (an anonymous reporter may never come back). Back to where it was, the clock
 * resumes. Before that, 409 `case.answer_wait` with the date it becomes possible.
 */
export const continueWithoutAnswer: ActionHandler<'continue-without-answer'> = async (ctx, { reason }) => {
  const { report, who } = ctx;
  if (report.status !== 'needs_info' || !report.pausedSince) throw notAllowed(report);
  const from = answerWaitEnds(report.pausedSince, ctx.deps.config.deadlines.needsInfoMaxDays);
  if (who.at < from) {
    throw new AppError(
      'case.answer_wait',
      409,
      { days: ctx.deps.config.deadlines.needsInfoMaxDays, date: formatDateTime(from) },
      [],
      {},
      { status: report.status, version: report.version, availableAt: from.toISOString() },
    );
  }
  await addEvent(ctx, { type: 'went_on_without_answer', public: false, body: reason });
  return { report: await moveReport(ctx.tx, report, report.statusBeforeInfo ?? 'received', who) };
};
