/** SPEC.md §2: the four forces (lực lượng chức năng). */
export const FORCES = ['police', 'market', 'border', 'customs'] as const;
export type Force = (typeof FORCES)[number];
