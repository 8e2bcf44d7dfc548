import { notify } from '../../alerts/notify';
import { fieldIssue, validationFailed } from '../../http/errors';
import { forbidden } from '../../http/staff-api';
import { insertCoordinations } from '../../reports/reports.repository';
import { findCoordinations } from '../cases.repository';
import { updateReport } from '../transitions';
import { addEvent, otherUnit, type ActionHandler } from './context';

/** SPEC.md §4: the lead asks another unit to coordinate; that unit then sees the case. */
export const coordinate: ActionHandler<'coordinate'> = async (ctx, { unitId, reason }) => {
  const { tx, report, who } = ctx;
  // Issue #18: the units that see a tip about officials are the coordinators' choice.
  if (report.misconduct && !ctx.relations.has('coordinator')) throw forbidden();
  const unit = await otherUnit(ctx, unitId);
  if ((await findCoordinations(tx, report.id)).some((c) => c.unitId === unit.id))
    throw validationFailed([fieldIssue(['unitId'], 'already_coordinating')]);
  await insertCoordinations(tx, [{ reportId: report.id, unitId: unit.id, source: 'requested', at: who.at }]);
  // No field of the report changes, but its version does: a page read before shows the coordination missing.
  const after = await updateReport(tx, report, {});
  await addEvent(ctx, {
    type: 'coordination_requested',
    public: false,
    body: reason,
    data: { unitId: unit.id, unitName: unit.name },
  });
  await notify(ctx.deps, tx, {
    kind: 'coordination_requested',
    reportId: report.id,
    audience: { unitId: unit.id },
    at: who.at,
  });
  return { report: after };
};
