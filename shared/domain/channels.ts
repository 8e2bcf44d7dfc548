/** SPEC.md §3: the channel a report came in by. */
export const CHANNELS = ['web', 'hotline', 'walk_in', 'email', 'zalo'] as const;
export type Channel = (typeof CHANNELS)[number];
