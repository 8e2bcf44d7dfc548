import { findCrime, updateCrime } from '../crime';
import { updateReport } from '../transitions';
import { addEvent, notAllowed, type ActionHandler } from './context';

/** Issue #18: the investigating body takes the handed-off report on (once). */
export const investigationAccept: ActionHandler<'investigation-accept'> = async (ctx) => {
  const { tx, report, who } = ctx;
  const found = await findCrime(tx, report.id);
  if (!found?.crime.handedOverAt || found.crime.acceptedAt) throw notAllowed(report);
  await updateCrime(tx, report.id, { acceptedAt: who.at, acceptedBy: who.actor });
  const after = await updateReport(tx, report, {});
  await addEvent(ctx, {
    type: 'investigation_accepted',
    public: false,
    body: null,
    data: { unitId: found.crime.investigatingUnitId, unitName: found.unitName },
  });
  return { report: after };
};
