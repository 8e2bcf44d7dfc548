import type { Status } from './statuses';

/**
 * SPEC.md §5 and issue #6: the moves of a report's handling, as one table. The server refuses any
 * other move with 409 and the moves allowed from where the report is.
 *
 * `ask` and `suspend` pause the clock and remember where to come back to (the reporter's answer and
 * `resume` return there). `merge` closes a duplicate from any open status.
 */
export const STATUS_ACTIONS = ['accept', 'verify', 'ask', 'suspend', 'resume', 'resolve', 'close', 'merge'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

/**
 * Statuses with work still to do (everything before resolved): the one list. The database's
 * `report_is_open()` (migration 0011) states it in SQL; tests/api/open-statuses.test.ts keeps the two equal.
 */
export const OPEN_STATUSES = [
  'received',
  'accepted',
  'verifying',
  'needs_info',
  'suspended',
] as const satisfies readonly Status[];
const OPEN: readonly Status[] = OPEN_STATUSES;

const MOVES: Record<StatusAction, { from: readonly Status[]; to: Status | 'back' }> = {
  accept: { from: ['received'], to: 'accepted' },
  verify: { from: ['accepted'], to: 'verifying' },
  ask: { from: ['received', 'accepted', 'verifying'], to: 'needs_info' },
  suspend: { from: ['accepted', 'verifying'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'back' },
  resolve: { from: ['accepted', 'verifying'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  merge: { from: OPEN, to: 'closed' },
};

/** The status actions allowed from `status`, in the table's order. */
export function allowedActions(status: Status): StatusAction[] {
  return STATUS_ACTIONS.filter((action) => MOVES[action].from.includes(status));
}

/** Where `action` takes a report in `status`, or null when the move is not allowed. */
export function nextStatus(status: Status, action: StatusAction, back: Status | null): Status | null {
  const move = MOVES[action];
  if (!move.from.includes(status)) return null;
  return move.to === 'back' ? (back ?? 'received') : move.to;
}

/** The clock stops in these (SPEC.md §5). */
export const PAUSED: ReadonlySet<Status> = new Set<Status>(['needs_info', 'suspended']);
export const isOpen = (status: Status): boolean => OPEN.includes(status);
