import { fieldIssue, validationFailed } from '../../http/errors';
import { lockReportByCode, repointDuplicates } from '../cases.repository';
import { relationsOf } from '../case-relations';
import { moveReport } from '../transitions';
import { addEvent, lifecycleMove, type ActionHandler } from './context';

/** Closes a duplicate (any open status → closed) into another report, whose reporter-facing story it then follows. */
export const merge: ActionHandler<'merge'> = async (ctx, input) => {
  const { tx, report, staff } = ctx;
  const to = lifecycleMove(report, 'merge');
  // Locked too: two merges crossing each other wait (or one gets 409 on a deadlock), never chain silently.
  const into = await lockReportByCode(tx, input.into);
  if (!into || into.id === report.id)
    throw validationFailed([fieldIssue(['into'], into ? 'merge_self' : 'merge_unknown')]);
  // Issue #15: only into a report this unit also leads; one it merely coordinates or sees reads as unknown.
  if (!(await relationsOf(tx, staff, into)).has('lead'))
    throw validationFailed([fieldIssue(['into'], 'merge_unknown')]);
  if (into.mergedInto) throw validationFailed([fieldIssue(['into'], 'merge_into_duplicate')]);
  await addEvent(ctx, {
    reportId: into.id,
    type: 'merged',
    public: false,
    data: { duplicate: report.trackingCode },
  });
  // Reports merged into this one before now follow the survivor too: a reporter never follows a closed duplicate.
  await repointDuplicates(tx, report.id, into.id);
  return {
    report: await moveReport(
      tx,
      report,
      to,
      ctx.who,
      { outcome: 'duplicate', mergedInto: into.id },
      { data: { mergedInto: into.trackingCode } },
    ),
  };
};
