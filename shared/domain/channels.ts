/** SPEC.md §3: the channel a report came in by. */
export const CHANNELS = ['web', 'hotline', 'walk_in', 'letter', 'email', 'zalo'] as const;
/** Issue #18: the channels a staff member enters at a desk (the console's one keyboard form). */
export const DESK_CHANNELS = ['hotline', 'walk_in', 'letter', 'email', 'zalo'] as const;
export type DeskChannel = (typeof DESK_CHANNELS)[number];
export type Channel = (typeof CHANNELS)[number];
