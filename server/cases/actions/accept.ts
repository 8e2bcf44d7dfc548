import { moveAlong, type ActionHandler } from './context';

/** Accept (thụ lý, SPEC.md §5): received → accepted; the accepting deadline is met, the resolving one runs. */
export const accept: ActionHandler<'accept'> = (ctx) => moveAlong(ctx, 'accept');
