import { isOpen } from '../../../shared/domain/lifecycle';
import { fieldIssue, validationFailed } from '../../http/errors';
import { deadlineRules } from '../../holidays/calendar';
import { extensionLimit } from '../deadlines';
import { runningDue, updateReport } from '../transitions';
import { addEvent, notAllowed, type ActionHandler } from './context';

/** SPEC.md §5: the resolving deadline moves to `until`, at most to the limit `extensionLimit` allows (twice). */
export const extend: ActionHandler<'extend'> = async (ctx, { until, reason }) => {
  const { report } = ctx;
  // While the clock stands still the deadline shown is not the one stored: extend once it runs again.
  if (!isOpen(report.status) || report.pausedSince) throw notAllowed(report);
  const limit = extensionLimit(report, deadlineRules(ctx.deps.config));
  if (!limit) throw validationFailed([fieldIssue(['until'], 'extension_none_left')]);
  if (until.getTime() <= report.resolveDueAt.getTime())
    throw validationFailed([fieldIssue(['until'], 'extension_not_later')]);
  if (until.getTime() > limit.getTime()) throw validationFailed([fieldIssue(['until'], 'extension_beyond_limit')]);
  const after = await updateReport(ctx.tx, report, {
    resolveDueAt: until,
    extensions: report.extensions + 1,
    nextDueAt: runningDue({ acceptDueAt: report.acceptDueAt, resolveDueAt: until }, report.status),
  });
  await addEvent(ctx, {
    type: 'deadline_extended',
    public: false,
    body: reason,
    data: { from: report.resolveDueAt.toISOString(), to: until.toISOString(), extension: report.extensions + 1 },
  });
  return { report: after };
};
