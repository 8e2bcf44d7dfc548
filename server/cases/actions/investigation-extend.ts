import { fieldIssue, validationFailed } from '../../http/errors';
import { criminalExtensionLimit, findCrime, updateCrime } from '../crime';
import { updateReport } from '../transitions';
import { addEvent, notAllowed, type ActionHandler } from './context';

/**
 * Issue #18, BLTTHS 2015 Điều 147: the investigating body (after accepting, before its decision) extends its clock
 * to the end of the day two months after the hand-off; the second time by up to two more months, which needs the
 * procuracy's approval (400 naming `procuracyApproval` without it); a third is refused (400, like `extend`).
 */
export const investigationExtend: ActionHandler<'investigation-extend'> = async (
  ctx,
  { reason, procuracyApproval },
) => {
  const { tx, report } = ctx;
  const found = await findCrime(tx, report.id);
  const crime = found?.crime;
  if (!crime?.acceptedAt || !crime.dueAt || crime.decision) throw notAllowed(report);
  const limit = criminalExtensionLimit(crime);
  if (!limit) throw validationFailed([fieldIssue(['reason'], 'extension_none_left')]);
  const second = crime.extensions === 1;
  if (second && !procuracyApproval)
    throw validationFailed([fieldIssue(['procuracyApproval'], 'procuracy_approval_required')]);
  await updateCrime(tx, report.id, {
    dueAt: limit,
    extensions: crime.extensions + 1,
    ...(second ? { procuracyApproval } : {}),
  });
  const after = await updateReport(tx, report, {});
  await addEvent(ctx, {
    type: 'investigation_extended',
    public: false,
    body: reason,
    data: {
      from: crime.dueAt.toISOString(),
      to: limit.toISOString(),
      extension: crime.extensions + 1,
      procuracyApproval: second ? procuracyApproval : null,
    },
  });
  return { report: after };
};
