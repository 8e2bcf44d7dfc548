import { moveAlong, type ActionHandler } from './context';

/** resolved → closed. */
export const close: ActionHandler<'close'> = (ctx) => moveAlong(ctx, 'close');
