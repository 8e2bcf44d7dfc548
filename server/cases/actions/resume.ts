import { moveAlong, type ActionHandler } from './context';

/** suspended → where it was; the deadlines move by the time stood still (transitions.ts `moveReport`). */
export const resume: ActionHandler<'resume'> = (ctx) => moveAlong(ctx, 'resume');
