import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows';
import type { Queryable } from '../db/types';
import type { StaffUser } from './auth.service';

/** A unit and every unit beneath it (a province-level unit and its commune-level units). */
export async function unitAndBelow(q: Queryable, unitId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`with recursive tree as (
          select id from units where id = ${unitId}
          union all
          select u.id from units u join tree t on u.parent_id = t.id
        ) select id from tree`,
  );
  return new Set(rows.map((r) => r.id));
}

/** A coordinator's scope: the whole country (no province) or one province. */
export const inScope = (staff: StaffUser, provinceCode: string): boolean =>
  staff.scopeProvinceCode === null || staff.scopeProvinceCode === provinceCode;

/** A unit and every unit above it (a commune-level unit, then its province-level unit…). */
export async function unitAndAbove(q: Queryable, unitId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`with recursive chain as (
          select id, parent_id from units where id = ${unitId}
          union all
          select u.id, u.parent_id from units u join chain c on u.id = c.parent_id
        ) select id from chain`,
  );
  return new Set(rows.map((r) => r.id));
}

export interface ReportPlace {
  provinceCode: string;
  leadUnitId: string;
  /** Units asked to coordinate (routing decision, later coordination requests). */
  coordinatingUnitIds: string[];
  /** The operator whose call opened the report, if it came in by the hotline. */
  enteredBy: string | null;
  /** A unit asked to take the lead and not yet answered: it sees the report to decide. */
  transferToUnitId: string | null;
}

/**
 * How a staff member stands to a report: the lead unit (or a unit above it), a coordinating unit, the
 * unit a transfer waits for, a coordinator of its scope, or the operator whose call opened it.
 */
export type Relation = 'lead' | 'coordinating' | 'receiving' | 'coordinator' | 'entered';

/**
 * SPEC.md §7, the one place that decides what a staff member is to a report (issue #5: one
 * authorisation layer). Admins are nothing to any report. No relation means 404.
 */
export async function relationsTo(q: Queryable, staff: StaffUser, report: ReportPlace): Promise<Set<Relation>> {
  const relations = new Set<Relation>();
  if (staff.role === 'coordinator' && inScope(staff, report.provinceCode)) relations.add('coordinator');
  if (staff.role === 'operator' && report.enteredBy === staff.id) relations.add('entered');
  if ((staff.role === 'officer' || staff.role === 'unit_lead') && staff.unit) {
    const mine = await unitAndBelow(q, staff.unit.id);
    if (mine.has(report.leadUnitId)) relations.add('lead');
    if (report.transferToUnitId && mine.has(report.transferToUnitId)) relations.add('receiving');
    if (report.coordinatingUnitIds.some((id) => mine.has(id))) relations.add('coordinating');
  }
  return relations;
}

/** Whether a staff member may see a report at all (its photos, for instance); callers answer 404 on false. */
export const canSeeReport = async (q: Queryable, staff: StaffUser, report: ReportPlace): Promise<boolean> =>
  (await relationsTo(q, staff, report)).size > 0;

/** How far back the duplicates panel looks (issue #5), and so how far an operator may open by code. */
export const DUPLICATES_WINDOW_DAYS = 30;

/**
 * Issue #15, an operator's scope: the reports they have a call on (one of theirs opened it or was
 * appended to it), and the reports the duplicates panel can show for the call being typed, i.e. of the
 * province of its commune and received within the window. The panel's search covers exactly that set
 * (any of them comes up when its text is typed), so a per-operator record of what was shown would add
 * state without narrowing what an operator can reach. Anything else answers 404.
 */
export function operatorMayReach(
  report: { provinceCode: string; receivedAt: Date },
  call: { hasCallOnReport: boolean; typedProvinceCode: string | null },
  now: Date,
): boolean {
  if (call.hasCallOnReport) return true;
  return (
    call.typedProvinceCode === report.provinceCode &&
    report.receivedAt.getTime() >= now.getTime() - DUPLICATES_WINDOW_DAYS * 86_400_000
  );
}
