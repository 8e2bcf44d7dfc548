import { fieldIssue, validationFailed } from '../../http/errors';
import { findStaffAccount } from '../cases.repository';
import { assignableUnits } from '../case-relations';
import { updateReport } from '../transitions';
import { addEvent, type ActionContext, type ActionHandler } from './context';

/** Whether `officerId` is an active officer or unit lead of a unit this unit lead may assign (`assignableUnits`). */
async function mayBeAssigned(ctx: ActionContext, officerId: string): Promise<boolean> {
  const officer = await findStaffAccount(ctx.tx, officerId);
  if (!officer || officer.isDisabled || !officer.unitId) return false;
  if (officer.role !== 'officer' && officer.role !== 'unit_lead') return false;
  const unitIds = new Set(await assignableUnits(ctx.tx, ctx.units, ctx.report.leadUnitId));
  return unitIds.has(officer.unitId);
}

/** 6 rõ, a named person: a unit lead gives the report to an officer of the unit, or to nobody (null). */
export const assign: ActionHandler<'assign'> = async (ctx, { officerId }) => {
  if (officerId && !(await mayBeAssigned(ctx, officerId)))
    throw validationFailed([fieldIssue(['officerId'], 'officer_not_in_unit')]);
  const after = await updateReport(ctx.tx, ctx.report, { assignedTo: officerId });
  await addEvent(ctx, { type: 'assigned', public: false, data: { officerId } });
  return { report: after };
};
