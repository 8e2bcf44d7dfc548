import { moveAlong, type ActionHandler } from './context';

/** Start verification (SPEC.md §5): accepted → verifying. */
export const verify: ActionHandler<'verify'> = (ctx) => moveAlong(ctx, 'verify');
