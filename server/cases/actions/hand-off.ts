import { notify } from '../../alerts/notify';
import { fieldIssue, validationFailed } from '../../http/errors';
import { findUnit } from '../cases.repository';
import { criminalDue, findCrime, handoverLate, updateCrime } from '../crime';
import { updateReport } from '../transitions';
import { addEvent, notAllowed, type ActionHandler } from './context';

/**
 * Issue #18: the lead hands a flagged report to an investigating body: an open police unit marked `investigates`
 * (else 400 naming `unitId`). The body's criminal clock starts: the end of the 20th day after the hand-off day
 * (BLTTHS 2015 Điều 147). Later than 24 hours after the flag is taken, and recorded as late. The body is told.
 */
export const handOff: ActionHandler<'hand-off'> = async (ctx, { unitId }) => {
  const { tx, report, who } = ctx;
  const found = await findCrime(tx, report.id);
  if (!found || found.crime.investigatingUnitId) throw notAllowed(report);
  const unit = await findUnit(tx, unitId);
  const open = unit && (!unit.validTo || unit.validTo.getTime() > who.at.getTime());
  if (!unit || !open || unit.force !== 'police' || !unit.investigates)
    throw validationFailed([fieldIssue(['unitId'], 'unit_not_investigating')]);
  // A tip about officials of the police never goes to a police body (SPEC.md §4: never to the force named).
  if (report.misconduct && report.implicatedForce === unit.force)
    throw validationFailed([fieldIssue(['unitId'], 'implicated_force')]);
  const dueAt = criminalDue(who.at);
  const crime = await updateCrime(tx, report.id, {
    investigatingUnitId: unit.id,
    handedOverAt: who.at,
    handedOverBy: who.actor,
    dueAt,
  });
  const after = await updateReport(tx, report, {});
  await addEvent(ctx, {
    type: 'crime_handed_over',
    public: false,
    body: null,
    data: {
      unitId: unit.id,
      unitName: unit.name,
      dueAt: dueAt.toISOString(),
      late: handoverLate(crime, who.at),
    },
  });
  await notify(ctx.deps, tx, {
    kind: 'crime_handed_over',
    reportId: report.id,
    audience: { unitId: unit.id },
    at: who.at,
    dueAt,
  });
  return { report: after };
};
