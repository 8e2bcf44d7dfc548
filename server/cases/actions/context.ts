import { allowedActions, nextStatus, type StatusAction } from '../../../shared/domain/lifecycle';
import type { Status } from '../../../shared/domain/statuses';
import type { CaseAction, CaseActionInput } from '../../../shared/schemas/cases';
import type { StaffUser } from '../../auth/auth.service';
import type { Queryable } from '../../db/types';
import type { AppDeps } from '../../deps';
import { AppError, fieldIssue, validationFailed } from '../../http/errors';
import type { Contact } from '../../reports/receipt';
import { insertEvent, type NewEvent, type ReportEvent, type Report } from '../../reports/reports.repository';
import { findUnit, type ReportChanges } from '../cases.repository';
import type { Relation } from '../case-relations';
import { moveReport } from '../transitions';

/** Who acts and when: what every event and change of one action records. */
export interface Who {
  actor: string;
  at: Date;
}

/** What every action is handed: the locked report and how the staff member stands to it, worked out once. */
export interface ActionContext {
  deps: AppDeps;
  tx: Queryable;
  staff: StaffUser;
  /** The staff member's unit and every unit beneath it (empty for a coordinator). */
  units: ReadonlySet<string>;
  report: Report;
  relations: ReadonlySet<Relation>;
  who: Who;
}

/** The report as the action leaves it (its chain head aside, which the event trigger moves). */
export interface ActionOutcome {
  report: Report;
  contact?: Contact;
  /**
   * Issue #18: a refusal answered once the action's writes have committed (a reveal request waiting for a
   * second coordinator's approval is recorded, and the answer is still 409).
   */
  refusal?: AppError;
}

/** One verb: the checks that depend on the input, then the writes (server/cases/cases.service.ts runs the common ones). */
export type ActionHandler<A extends CaseAction> = (
  ctx: ActionContext,
  input: CaseActionInput<A>,
) => Promise<ActionOutcome>;

/** 409 with the moves the lifecycle allows from where the report is (the case page offers those). */
export const notAllowed = (report: Report) =>
  new AppError(
    'case.not_allowed',
    409,
    {},
    [],
    {},
    { status: report.status, version: report.version, allowed: allowedActions(report.status) },
  );

/** Where the lifecycle takes the report by `action` (shared/domain/lifecycle.ts); 409 when it does not allow it. */
export function lifecycleMove(report: Report, action: StatusAction): Status {
  const to = nextStatus(report.status, action, report.statusBeforeInfo);
  if (!to) throw notAllowed(report);
  return to;
}

/** A status action with nothing to check first: the lifecycle decides, `moveReport` keeps the clock. */
export async function moveAlong(
  ctx: ActionContext,
  action: StatusAction,
  changes: ReportChanges = {},
  event: Partial<Pick<NewEvent, 'body' | 'data'>> = {},
): Promise<ActionOutcome> {
  const to = lifecycleMove(ctx.report, action);
  return { report: await moveReport(ctx.tx, ctx.report, to, ctx.who, changes, event) };
}

/** Appends an event of this action to the report (or to another report, for a merge). */
export function addEvent(
  ctx: ActionContext,
  event: Omit<NewEvent, 'reportId' | 'at' | 'actor'> & { reportId?: string },
): Promise<ReportEvent> {
  return insertEvent(ctx.tx, { reportId: ctx.report.id, at: ctx.who.at, actor: ctx.who.actor, ...event });
}

/**
 * A unit a report can be handed to or shared with: it exists, is still open and is not the lead. Issue #18: a
 * standing office only takes back a tip about officials of its own province (`move-lead`), and a unit of the force
 * such a tip names neither leads nor coordinates it.
 */
export async function otherUnit(ctx: ActionContext, unitId: string, { toStandingOffice = false } = {}) {
  const unit = await findUnit(ctx.tx, unitId);
  const { report } = ctx;
  // A closed unit (2025 reorganisation and after) can no longer lead or coordinate.
  if (!unit || (unit.validTo && unit.validTo.getTime() <= ctx.who.at.getTime()))
    throw validationFailed([fieldIssue(['unitId'], 'unit_unknown')]);
  if (unit.id === report.leadUnitId) throw validationFailed([fieldIssue(['unitId'], 'unit_is_lead')]);
  if (
    unit.kind === 'standing_office' &&
    !(toStandingOffice && report.misconduct && unit.provinceCode === report.provinceCode)
  )
    throw validationFailed([fieldIssue(['unitId'], 'unit_unknown')]);
  if (report.misconduct && report.implicatedForce !== null && unit.force === report.implicatedForce)
    throw validationFailed([fieldIssue(['unitId'], 'implicated_force')]);
  return unit;
}
