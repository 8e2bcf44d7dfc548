import { isOpen } from '../../../shared/domain/lifecycle';
import { appendAudit } from '../../auth/auth.repository';
import { fieldIssue, validationFailed } from '../../http/errors';
import { notify } from '../../alerts/notify';
import { unitCoversProvince as coversProvince } from '../../units/units.repository';
import { updateReport } from '../transitions';
import { addEvent, notAllowed, otherUnit, type ActionHandler } from './context';

/**
 * Issue #17: a coordinator moves the lead of an open report (an escalated one, typically) to another
 * unit, of any force, with a reason. The lead changes in one update, so the report has exactly one
 * lead at every moment; a pending transfer is dropped and nobody is assigned. A province coordinator
 * chooses among the units of the report's province and the regional ones with an open jurisdiction in
 * it; a national one, any open unit. The new lead unit is told (`routed`).
 * The deadlines stay: the report was due when it was, whoever leads it now (the escalation stays open
 * until it is accepted).
 */
export const moveLead: ActionHandler<'move-lead'> = async (ctx, { unitId, reason }) => {
  const { report, staff, who } = ctx;
  if (!isOpen(report.status)) throw notAllowed(report);
  const unit = await otherUnit(ctx, unitId, { toStandingOffice: true });
  if (
    staff.scopeProvinceCode &&
    unit.provinceCode !== report.provinceCode &&
    !(unit.level === 'regional' && (await coversProvince(ctx.tx, unit.id, report.provinceCode, who.at)))
  )
    throw validationFailed([fieldIssue(['unitId'], 'unit_outside_scope')]);
  const updated = await updateReport(ctx.tx, report, {
    leadUnitId: unit.id,
    assignedTo: null,
    transferToUnitId: null,
    transferReason: null,
    transferRequestedAt: null,
    transferDisputed: false,
  });
  await addEvent(ctx, {
    type: 'lead_moved',
    public: false,
    body: reason,
    data: { fromUnitId: report.leadUnitId, toUnitId: unit.id, toUnitName: unit.name },
  });
  // The new lead unit is told, as a newly routed report is (issue #18: a standing office's staff are the coordinators).
  const audience = unit.kind === 'standing_office' ? { coordinatorsOf: unit.provinceCode } : { unitId: unit.id };
  await notify(ctx.deps, ctx.tx, { kind: 'routed', reportId: report.id, audience, at: who.at });
  await appendAudit(ctx.tx, {
    at: who.at,
    action: 'case_lead_moved',
    actorId: staff.id,
    subject: `report:${report.trackingCode}`,
    data: { fromUnitId: report.leadUnitId, toUnitId: unit.id, reason },
  });
  return { report: updated };
};
