import { moveAlong, type ActionHandler } from './context';

/** accepted or verifying → suspended, with the reason; the clock stops (SPEC.md §5). */
export const suspend: ActionHandler<'suspend'> = (ctx, { reason }) => moveAlong(ctx, 'suspend', {}, { body: reason });
