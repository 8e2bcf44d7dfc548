import { vietnamDayAndHour } from '../../alerts/digest';
import { fieldIssue, validationFailed } from '../../http/errors';
import { findCrime, updateCrime } from '../crime';
import { updateReport } from '../transitions';
import { addEvent, notAllowed, type ActionHandler } from './context';

/**
 * Issue #18: the investigating body records its decision (khởi tố or không khởi tố), with the decision's number and
 * date (not after today, Vietnam time), once; it ends the criminal clock. The dashboard counts `prosecuted`.
 */
export const prosecutionDecision: ActionHandler<'prosecution-decision'> = async (
  ctx,
  { decision, decisionNo, decisionDate },
) => {
  const { tx, report, who } = ctx;
  const found = await findCrime(tx, report.id);
  if (!found?.crime.acceptedAt || found.crime.decision) throw notAllowed(report);
  if (decisionDate > vietnamDayAndHour(who.at).day) throw validationFailed([fieldIssue(['decisionDate'], 'in_future')]);
  await updateCrime(tx, report.id, { decision, decisionNo, decisionDate, decidedBy: who.actor, decidedAt: who.at });
  const after = await updateReport(tx, report, {});
  await addEvent(ctx, {
    type: 'prosecution_decided',
    public: false,
    body: null,
    data: { decision, decisionNo, decisionDate, unitId: found.crime.investigatingUnitId, unitName: found.unitName },
  });
  return { report: after };
};
