import { queueReporterNotice } from '../../alerts/reporter-notice-queue';
import { moveAlong, type ActionHandler } from './context';

/**
 * accepted or verifying → resolved. The public outcome is the event's body: the tracking page shows it (SPEC.md
 * §5); a reporter who asked to be told gets a mail that there is news (issue #17).
 */
export const resolve: ActionHandler<'resolve'> = async (ctx, { outcome, publicOutcome }) => {
  const outcomeOf = await moveAlong(
    ctx,
    'resolve',
    { outcome, nextDueAt: null },
    { body: publicOutcome, data: { outcome } },
  );
  await queueReporterNotice(ctx.tx, ctx.deps, ctx.report, 'result', ctx.who.at);
  return outcomeOf;
};
