import { sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../db/query-rows';
import type { Queryable } from '../db/types';
import { unitAndBelow } from '../units/units.repository';
import type { StaffUser } from './auth.service';

/*
 * SPEC.md §7, the one place that states what a staff member may reach (issue #16: one scope). It is
 * worked out once per staff member and request (`scopeOf`), then answered two ways from the same facts:
 * per report in code (`relationTo`, for the case page, its actions and photos) and as a SQL condition
 * over `reports r` for lists (`reportsWhere`, for the queue). Coordinators' province scope also decides
 * the statistics, the rules editor, commune flags, the holiday calendar and the duplicates search.
 * Operators' own rule (calls they took, the duplicates window) is `operatorMayReach` in access.ts.
 * Issue #18: whose figures each role reads (`figures`), and a commune Steering Committee 389's commune:
 * a list of its reports (`reportsWhere`), never one report (`relationTo` is empty: no case page, no action).
 */

export interface ReportPlace {
  provinceCode: string;
  leadUnitId: string;
  /** Units asked to coordinate (routing decision, later coordination requests). */
  coordinatingUnitIds: string[];
  /** The operator whose call opened the report, if it came in by the hotline. */
  enteredBy: string | null;
  /** A unit asked to take the lead and not yet answered: it sees the report to decide. */
  transferToUnitId: string | null;
  /**
   * Issue #18: a tip about officials, led by the province's standing office, whose staff are its coordinators:
   * they have the lead's part. Units see it only as its lead (a coordinator's choice), receiving or coordinating.
   */
  misconduct?: boolean;
  /** Issue #18: the investigating body a report with signs of a crime was handed to (report_crime). */
  investigatingUnitId: string | null;
}

/**
 * How a staff member stands to a report: the lead unit (or a unit above it), a coordinating unit, the
 * unit a transfer waits for, a coordinator of its scope, the operator whose call opened it, or (issue #18)
 * the investigating body it was handed to (or a unit above it).
 */
export type Relation = 'lead' | 'coordinating' | 'receiving' | 'coordinator' | 'entered' | 'investigating';

/** Which of a unit's reports a list holds: those it leads (or is asked to take), coordinates, investigates (issue #18), or all. */
export type ListRole = 'lead' | 'coordinating' | 'investigating' | 'all';

/**
 * Issue #18, whose figures a staff member reads (the dashboard, the reports behind a number, the periodic
 * report): a national coordinator the nation, a province coordinator their province, a unit lead the
 * reports their unit or a unit beneath it leads, a commune committee its commune's reports (misconduct
 * tips left out). Null: no figures (officers, operators, admins: 403 on the routes).
 */
export type FiguresScope =
  | { kind: 'nation' }
  | { kind: 'province'; province: string }
  | { kind: 'units'; unitIds: ReadonlySet<string> }
  | { kind: 'commune'; commune: string };

export interface StaffScope {
  readonly staff: StaffUser;
  /** An officer's or unit lead's unit and every unit beneath it; empty for every other role. */
  readonly unitIds: ReadonlySet<string>;
  /** A province coordinator's province; null for a national coordinator and for every other role. */
  readonly province: string | null;
  /** Issue #18: a commune Steering Committee 389's commune; null for every other role. */
  readonly commune: string | null;
  /** Issue #18: whose figures the staff member reads; null for none. */
  readonly figures: FiguresScope | null;
  /**
   * What the staff member is to one report; an empty set means 404. Admins are nothing to any report, nor
   * is a commune committee: it reads its commune's list, never a case (contact, notes, actions).
   */
  relationTo(report: ReportPlace): Set<Relation>;
  /** Whether the staff member may see the report at all (its photos, for instance); callers answer 404 on false. */
  canSee(report: ReportPlace): boolean;
  /** A coordinator whose scope holds this province (a national one holds every province). */
  reachesProvince(provinceCode: string): boolean;
  /**
   * The reports a list shows the staff member, as a condition over `reports r` (the same rule as
   * `relationTo`, minus `entered`: operators handle no cases); null when their role has no list.
   * `openOnly`: the caller itself keeps to open reports, so coordinated ones may come from the small
   * partial index of open coordinations (migration 0011) as one hashed set, rather than probing the
   * coordinations of every report a page or a count passes over (bench/queue.ts).
   * A commune committee: its commune's reports but tips about officials (`misconduct`), whatever `role`.
   */
  reportsWhere(options?: { role?: ListRole; openOnly?: boolean }): SQL | null;
  /** Rule sets: everyone reads the national ones; a province's, its coordinators and admins (else 404). */
  mayReadRules(provinceCode: string | null): boolean;
  /** Only coordinators write, within their scope; the national rules are the national coordinators'. */
  mayEditRules(provinceCode: string | null): boolean;
  /** The holiday calendar is the country's: a province coordinator cannot move every province's deadlines. */
  readonly mayEditCalendar: boolean;
  /** Operators search the province of the call they type; a coordinator only their scope (else 404). */
  searchesDuplicatesIn(provinceCode: string): boolean;
}

const handlesCases = (staff: StaffUser) => staff.role === 'officer' || staff.role === 'unit_lead';

/** The scope from the staff member and their units (see `scopeOf`); pure, so tests can build one. */
export function scopeFrom(staff: StaffUser, unitIds: ReadonlySet<string>): StaffScope {
  const isCoordinator = staff.role === 'coordinator';
  const province = isCoordinator ? staff.scopeProvinceCode : null;
  const reachesProvince = (code: string) => isCoordinator && (province === null || province === code);
  const mine = (id: string | null) => id !== null && unitIds.has(id);
  const hasUnits = handlesCases(staff) && unitIds.size > 0;
  const commune = staff.role === 'commune_committee' ? staff.scopeCommuneCode : null;
  const figures: FiguresScope | null = isCoordinator
    ? province
      ? { kind: 'province', province }
      : { kind: 'nation' }
    : staff.role === 'unit_lead' && hasUnits
      ? { kind: 'units', unitIds }
      : commune
        ? { kind: 'commune', commune }
        : null;

  const relationTo = (report: ReportPlace): Set<Relation> => {
    const relations = new Set<Relation>();
    if (reachesProvince(report.provinceCode)) relations.add('coordinator');
    if (report.misconduct && reachesProvince(report.provinceCode)) relations.add('lead');
    if (staff.role === 'operator' && report.enteredBy === staff.id) relations.add('entered');
    if (hasUnits) {
      if (mine(report.leadUnitId)) relations.add('lead');
      if (mine(report.transferToUnitId)) relations.add('receiving');
      if (report.coordinatingUnitIds.some(mine)) relations.add('coordinating');
      if (mine(report.investigatingUnitId)) relations.add('investigating');
    }
    return relations;
  };

  const reportsWhere = ({ role = 'all', openOnly = false }: { role?: ListRole; openOnly?: boolean } = {}) => {
    if (isCoordinator) return province ? sql`r.province_code = ${province}` : sql`true`;
    if (commune) return sql`(r.commune_code = ${commune} and not r.misconduct)`;
    if (!hasUnits) return null;
    const units = uuidArray([...unitIds]);
    // 'lead' and 'receiving' of relationTo: a unit sees the reports it is asked to take.
    const lead = sql`(r.lead_unit_id = any(${units}) or r.transfer_to_unit_id = any(${units}))`;
    if (role === 'lead') return lead;
    const coordinating = openOnly
      ? sql`r.id in (select c.report_id from report_coordinations c where c.unit_id = any(${units}) and c.report_open)`
      : sql`exists (select 1 from report_coordinations c where c.report_id = r.id and c.unit_id = any(${units}))`;
    if (role === 'coordinating') return coordinating;
    // Issue #18: 'investigating' of relationTo (few rows: report_crime_investigating_idx).
    const investigating = sql`r.id in (select k.report_id from report_crime k where k.investigating_unit_id = any(${units}))`;
    return role === 'investigating' ? investigating : sql`(${lead} or ${coordinating} or ${investigating})`;
  };

  return {
    staff,
    unitIds,
    province,
    commune,
    figures,
    relationTo,
    canSee: (report) => relationTo(report).size > 0,
    reachesProvince,
    reportsWhere,
    mayReadRules: (code) => code === null || staff.role === 'admin' || reachesProvince(code),
    mayEditRules: (code) => isCoordinator && (code === null ? province === null : reachesProvince(code)),
    mayEditCalendar: isCoordinator && province === null,
    searchesDuplicatesIn: (code) => staff.role === 'operator' || reachesProvince(code),
  };
}

/**
 * Keyed by the staff object, which `authenticate` builds anew for every request: so a request works out
 * its unit tree once (an `accept` used to do it three times) and the next request sees unit changes.
 * Code that keeps a staff object longer (the demo seeder) sees the tree as it was when first asked.
 */
const scopes = new WeakMap<StaffUser, Promise<StaffScope>>();

/**
 * A staff member's scope, worked out once per request. `q` is the caller's transaction when there is
 * one (on PGlite a read through `deps.db` inside a transaction waits for ever).
 */
export function scopeOf(q: Queryable, staff: StaffUser): Promise<StaffScope> {
  const known = scopes.get(staff);
  if (known) return known;
  const scope = loadScope(q, staff);
  scopes.set(staff, scope);
  // A failed read (an aborted transaction, say) is not kept: the next call tries again.
  scope.catch(() => scopes.delete(staff));
  return scope;
}

async function loadScope(q: Queryable, staff: StaffUser): Promise<StaffScope> {
  const unitIds = handlesCases(staff) && staff.unit ? await unitAndBelow(q, staff.unit.id) : new Set<string>();
  return scopeFrom(staff, unitIds);
}
