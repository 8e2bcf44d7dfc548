import { isOpen } from '../../../shared/domain/lifecycle';
import { findCrime, HANDOVER_HOURS, insertCrime } from '../crime';
import { updateReport } from '../transitions';
import { addEvent, notAllowed, type ActionHandler } from './context';

/**
 * Issue #18 (SPEC.md §4–5): the lead flags signs of a crime ("có dấu hiệu tội phạm") with its reason. The report
 * keeps its lead and its own clock; the hand-off to an investigating body is due within 24 hours. Once only.
 */
export const flagCrime: ActionHandler<'flag-crime'> = async (ctx, { reason }) => {
  const { tx, report, who } = ctx;
  if (!isOpen(report.status) || (await findCrime(tx, report.id))) throw notAllowed(report);
  const handoverDueAt = new Date(who.at.getTime() + HANDOVER_HOURS * 3_600_000);
  await insertCrime(tx, { reportId: report.id, reason, flaggedBy: who.actor, flaggedAt: who.at, handoverDueAt });
  // No field of the report changes, but its version does: a page read before shows no crime track.
  const after = await updateReport(tx, report, {});
  await addEvent(ctx, {
    type: 'crime_flagged',
    public: false,
    body: reason,
    data: { handoverDueAt: handoverDueAt.toISOString() },
  });
  return { report: after };
};
