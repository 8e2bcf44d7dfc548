import { notify } from '../../alerts/notify';
import { isOpen } from '../../../shared/domain/lifecycle';
import type { CaseActionInput } from '../../../shared/schemas/cases';
import { fieldIssue, validationFailed } from '../../http/errors';
import { forbidden } from '../../http/staff-api';
import type { Report } from '../../reports/reports.repository';
import { findUnit } from '../cases.repository';
import { NO_TRANSFER, updateReport } from '../transitions';
import { addEvent, notAllowed, otherUnit, type ActionContext, type ActionHandler } from './context';

type Step<S extends CaseActionInput<'transfer'>['step']> = Extract<CaseActionInput<'transfer'>, { step: S }>;

/** The unit a transfer waits for; 409 when none is pending. */
function pendingUnit(report: Report): string {
  if (!report.transferToUnitId) throw notAllowed(report);
  return report.transferToUnitId;
}

/** The lead asks to hand the report on: it stays the lead until the receiving unit accepts. */
async function request(ctx: ActionContext, { unitId, reason }: Step<'request'>): Promise<Report> {
  const { report, who } = ctx;
  // Issue #18: who leads a tip about officials is the coordinators' choice.
  if (report.misconduct && !ctx.relations.has('coordinator')) throw forbidden();
  if (!isOpen(report.status)) throw notAllowed(report);
  if (report.transferToUnitId) throw validationFailed([fieldIssue(['unitId'], 'transfer_pending')]);
  const unit = await otherUnit(ctx, unitId);
  const updated = await updateReport(ctx.tx, report, {
    transferToUnitId: unit.id,
    transferReason: reason,
    transferRequestedAt: who.at,
    transferDisputed: false,
  });
  await addEvent(ctx, {
    type: 'transfer_requested',
    public: false,
    body: reason,
    data: { toUnitId: unit.id, toUnitName: unit.name },
  });
  await notify(ctx.deps, ctx.tx, {
    kind: 'transfer_requested',
    reportId: report.id,
    audience: { unitId: unit.id },
    at: who.at,
  });
  return updated;
}

/** The lead withdraws its request. */
async function cancel(ctx: ActionContext): Promise<Report> {
  pendingUnit(ctx.report);
  const updated = await updateReport(ctx.tx, ctx.report, NO_TRANSFER);
  await addEvent(ctx, { type: 'transfer_cancelled', public: false });
  return updated;
}

/** The receiving unit refuses: a dispute, which a coordinator decides; until then nothing moves. */
async function refuse(ctx: ActionContext, { reason }: Step<'refuse'>): Promise<Report> {
  const pending = pendingUnit(ctx.report);
  const updated = await updateReport(ctx.tx, ctx.report, { transferDisputed: true });
  await addEvent(ctx, { type: 'transfer_refused', public: false, body: reason, data: { toUnitId: pending } });
  return updated;
}

/** The coordinator keeps the report where it is. */
async function keep(ctx: ActionContext, reason: string): Promise<Report> {
  const updated = await updateReport(ctx.tx, ctx.report, NO_TRANSFER);
  await addEvent(ctx, { type: 'transfer_cancelled', public: false, body: reason, data: { decided: true } });
  return updated;
}

/** The receiving unit accepts, or the coordinator decides for it: the lead changes and nobody is assigned. */
async function handOver(ctx: ActionContext, decided: { reason: string } | null): Promise<Report> {
  const { report } = ctx;
  const pending = pendingUnit(report);
  const unit = await findUnit(ctx.tx, pending);
  const updated = await updateReport(ctx.tx, report, { ...NO_TRANSFER, leadUnitId: pending, assignedTo: null });
  await addEvent(ctx, {
    type: 'transferred',
    public: false,
    body: decided ? decided.reason : report.transferReason,
    data: { fromUnitId: report.leadUnitId, toUnitId: pending, toUnitName: unit?.name ?? '', decided: decided !== null },
  });
  // Issue #17: the new lead is told, whether it accepted the transfer or a coordinator decided.
  await notify(ctx.deps, ctx.tx, {
    kind: 'routed',
    reportId: report.id,
    audience: { unitId: pending },
    at: ctx.who.at,
  });
  return updated;
}

/** The coordinator arbitrates a disputed transfer (SPEC.md §5, overlaps). */
async function decide(ctx: ActionContext, input: Step<'decide'>): Promise<Report> {
  pendingUnit(ctx.report);
  return input.keep ? keep(ctx, input.reason) : handOver(ctx, input);
}

/**
 * SPEC.md §5, overlaps: the lead asks to hand a report on; it stays the lead until the receiving unit
 * accepts. A refusal makes it a dispute, which the coordinator decides; until then nothing moves.
 */
export const transfer: ActionHandler<'transfer'> = async (ctx, input) => {
  switch (input.step) {
    case 'request':
      return { report: await request(ctx, input) };
    case 'cancel':
      return { report: await cancel(ctx) };
    case 'refuse':
      return { report: await refuse(ctx, input) };
    case 'accept':
      return { report: await handOver(ctx, null) };
    case 'decide':
      return { report: await decide(ctx, input) };
  }
};
