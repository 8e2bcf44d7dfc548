import { isOpen } from '../../../shared/domain/lifecycle';
import { notAllowed, addEvent, type ActionHandler } from './context';

/**
 * Issue #17: a coordinator records a reminder to the lead unit on an open report (an escalated one,
 * typically): an event in the report's chain, seen by the lead on the case page, never by the reporter.
 */
export const remind: ActionHandler<'remind'> = async (ctx, { text }) => {
  if (!isOpen(ctx.report.status)) throw notAllowed(ctx.report);
  await addEvent(ctx, { type: 'reminder', public: false, body: text, data: { leadUnitId: ctx.report.leadUnitId } });
  return { report: ctx.report };
};
