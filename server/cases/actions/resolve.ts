import { moveAlong, type ActionHandler } from './context';

/** accepted or verifying → resolved. The public outcome is the event's body: the tracking page shows it (SPEC.md §5). */
export const resolve: ActionHandler<'resolve'> = (ctx, { outcome, publicOutcome }) =>
  moveAlong(ctx, 'resolve', { outcome, nextDueAt: null }, { body: publicOutcome, data: { outcome } });
