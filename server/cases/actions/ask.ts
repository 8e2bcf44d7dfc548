import { queueReporterNotice } from '../../alerts/reporter-notice-queue';
import { moveReport } from '../transitions';
import { addEvent, lifecycleMove, type ActionHandler } from './context';

/**
 * Asks the reporter (SPEC.md §5): the question is public, the tracking page shows it; → needs_info,
 * the clock stops until the answer (server/reports/tracking.service.ts `addReporterMessage`).
 */
export const ask: ActionHandler<'ask'> = async (ctx, { question }) => {
  const to = lifecycleMove(ctx.report, 'ask');
  await addEvent(ctx, { type: 'question', public: true, body: question });
  await queueReporterNotice(ctx.tx, ctx.deps, ctx.report, 'question', ctx.who.at);
  return { report: await moveReport(ctx.tx, ctx.report, to, ctx.who) };
};
