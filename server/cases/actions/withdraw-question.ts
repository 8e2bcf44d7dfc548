import { moveReport } from '../transitions';
import { addEvent, notAllowed, type ActionHandler } from './context';

/**
 * Issue #17, the first way out of needs_info: the lead withdraws its question (answered some other
 * way, or asked by mistake). The report goes back to where it was and the clock resumes, the
 * deadlines moved by the time stood still (transitions.ts `moveReport`); the tracking page no longer
 * shows a question waiting.
 */
export const withdrawQuestion: ActionHandler<'withdraw-question'> = async (ctx, { reason }) => {
  const { report } = ctx;
  if (report.status !== 'needs_info') throw notAllowed(report);
  await addEvent(ctx, { type: 'question_withdrawn', public: false, body: reason ?? null });
  return { report: await moveReport(ctx.tx, report, report.statusBeforeInfo ?? 'received', ctx.who) };
};
