/** SPEC.md §5: outcomes recorded when a report is resolved. */
export const OUTCOMES = [
  'violation_handled',
  'criminal_case',
  'no_prosecution',
  'goods_seized',
  'unfounded',
  'duplicate',
  'out_of_scope',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
