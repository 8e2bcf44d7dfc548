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
 * SPEC.md §7, the one place that decides whether a staff member may see a report: a coordinator sees
 * their scope; an officer or unit lead the reports their unit (or a unit beneath it) leads or
 * coordinates; an operator only the reports their own calls opened (to check the photos they attached);
 * admins handle no cases. Callers answer 404 on false.
 */
export async function canSeeReport(q: Queryable, staff: StaffUser, report: ReportPlace): Promise<boolean> {
  switch (staff.role) {
    case 'coordinator':
      return inScope(staff, report.provinceCode);
    case 'officer':
    case 'unit_lead': {
      if (!staff.unit) return false;
      const mine = await unitAndBelow(q, staff.unit.id);
      return mine.has(report.leadUnitId) || (report.transferToUnitId !== null && mine.has(report.transferToUnitId)) || report.coordinatingUnitIds.some((id) => mine.has(id));
    }
    case 'operator':
      return report.enteredBy === staff.id;
    default:
      return false;
  }
}
