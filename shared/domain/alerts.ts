/**
 * Issue #17: what staff are told. Each kind names an event of a report that a unit or an officer must act on.
 * - `routed`: a report now led by the unit (new, by an accepted transfer, by a coordinator's decision or move);
 * - `transfer_requested` / `coordination_requested`: another unit asks this one to take the lead / to help;
 * - `reporter_answered`: the reporter answered the unit's question (web or by phone);
 * - `due_soon` / `overdue`: the running deadline is within DUE_SOON_HOURS / has passed;
 * - `escalated`: a report not accepted in time, to the province and then the national coordinator;
 * - `crime_handed_over` (issue #18): a report with signs of a crime handed to the unit as investigating body.
 */
export const ALERT_KINDS = [
  'routed',
  'transfer_requested',
  'coordination_requested',
  'reporter_answered',
  'due_soon',
  'overdue',
  'escalated',
  'crime_handed_over',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
