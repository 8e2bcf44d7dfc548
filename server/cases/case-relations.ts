import type { StaffUser } from '../auth/auth.service';
import { scopeOf, type Relation as AccessRelation } from '../auth/scope';
import type { Queryable } from '../db/types';
import { findReportPlace, type Report } from '../reports/reports.repository';
import { unitAndAbove } from '../units/units.repository';

/** A case relation: an operator who entered a report sees its photos, not its case (operators handle no cases). */
export type Relation = Exclude<AccessRelation, 'entered'>;

const isCaseRelation = (relation: AccessRelation): relation is Relation => relation !== 'entered';

/** What a staff member is to a report as a case (server/auth/scope.ts decides); none means 404. */
export async function relationsOf(q: Queryable, staff: StaffUser, report: Pick<Report, 'id'>): Promise<Set<Relation>> {
  const place = await findReportPlace(q, report.id);
  const relations = place ? (await scopeOf(q, staff)).relationTo(place) : new Set<AccessRelation>();
  return new Set([...relations].filter(isCaseRelation));
}

/**
 * The staff member's unit and every unit beneath it (none for a coordinator): whose notes they read and
 * whom a unit lead may assign. The scope's, worked out once per request.
 */
export async function staffUnits(q: Queryable, staff: StaffUser): Promise<ReadonlySet<string>> {
  return (await scopeOf(q, staff)).unitIds;
}

/**
 * Whom a unit lead may give a report to: officers of a unit that sees it as lead (the lead unit or a
 * unit above it) and that is the lead's own unit or beneath it. An officer of a commune unit under a
 * province unit that leads would not see the report at all.
 */
export async function assignableUnits(q: Queryable, mine: ReadonlySet<string>, leadUnitId: string): Promise<string[]> {
  const above = await unitAndAbove(q, leadUnitId);
  return [...mine].filter((id) => above.has(id));
}
