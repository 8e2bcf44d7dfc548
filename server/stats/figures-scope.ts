import type { SQL } from 'drizzle-orm';
import { t, type Language } from '../../shared/i18n/translate';
import type { StaffUser } from '../auth/auth.service';
import { scopeOf } from '../auth/scope';
import type { Queryable } from '../db/types';
import { notFound } from '../http/errors';
import { forbidden } from '../http/staff-api';
import { findCommunesByCode } from '../places/places.repository';
import { unitWorksIn } from './stats.repository';

/*
 * Issue #18, whose figures a staff member reads (the dashboard, the reports behind a number, the periodic
 * report and its files), from `scopeOf(...).figures` (server/auth/scope.ts, the one place of the rule):
 *
 * - a national coordinator: the nation, or the province asked for;
 * - a province coordinator: their province; another province, or a unit that does not work in it, is 404;
 * - a unit lead: the reports their unit or a unit beneath it leads (the running totals are kept per lead
 *   unit); a province asked for narrows them (a regional unit leads in several); another unit is 404;
 * - a commune committee: its commune's reports but tips about officials, read from the reports (the
 *   totals have no commune); another province is 404, a unit or force asked for narrows them.
 *
 * Others (officers, operators, admins) are refused by the routes' access lists; 403 here too.
 */

/** What bounds the figures: a province, a set of lead units, or a condition over `reports r`. */
export interface FiguresBound {
  /** The province the figures are of, fixed by the scope (a province coordinator's, a commune's); else null. */
  province: string | null;
  /** A unit lead's units. */
  units: string[] | null;
  /** A commune committee's list condition (scope.ts `reportsWhere`). */
  reports: SQL | null;
  /** Whom the figures are of when not a province or the nation: named on the dashboard and in the files. */
  within: FiguresWithin | null;
  /** Whether a unit asked for (`unit=`) is within the scope; false answers 404. */
  holdsUnit: (unitId: string) => Promise<boolean>;
}

export type FiguresWithin =
  | { kind: 'units'; unitName: string; unitCode: string }
  | { kind: 'commune'; communeCode: string; communeName: string; provinceCode: string };

export async function figuresBound(
  q: Queryable,
  staff: StaffUser,
  query: { province?: string | undefined },
): Promise<FiguresBound> {
  const scope = await scopeOf(q, staff);
  const figures = scope.figures;
  if (!figures) throw forbidden();
  const none = { units: null, reports: null, within: null };
  switch (figures.kind) {
    case 'nation':
      return { ...none, province: null, holdsUnit: async () => true };
    case 'province': {
      if (query.province && query.province !== figures.province) throw notFound();
      const province = figures.province;
      // A unit that does not work in a province coordinator's province is, for them, no unit at all.
      return { ...none, province, holdsUnit: (unit) => unitWorksIn(q, unit, province) };
    }
    case 'units': {
      const unit = staff.unit;
      if (!unit) throw forbidden();
      return {
        province: null,
        units: [...figures.unitIds],
        reports: null,
        within: { kind: 'units', unitName: unit.name, unitCode: unit.code },
        holdsUnit: async (id) => figures.unitIds.has(id),
      };
    }
    case 'commune': {
      const commune = (await findCommunesByCode(q, [figures.commune])).get(figures.commune);
      const reports = scope.reportsWhere();
      if (!commune || !reports) throw forbidden();
      if (query.province && query.province !== commune.provinceCode) throw notFound();
      return {
        province: commune.provinceCode,
        units: null,
        reports,
        within: {
          kind: 'commune',
          communeCode: figures.commune,
          communeName: commune.name,
          provinceCode: commune.provinceCode,
        },
        holdsUnit: async () => true,
      };
    }
  }
}

/** The scope's name on the dashboard and in the periodic report: "… và các đơn vị trực thuộc", "Xã …, Tỉnh …". */
export function withinName(within: FiguresWithin, provinceName: string | null, lang: Language): string {
  return within.kind === 'units'
    ? t(lang, 'stats.scope_units', { unit: within.unitName })
    : `${within.communeName}, ${provinceName ?? within.provinceCode}`;
}

/** The scope in a file name and the audit subject: `don-vi-market-04`, `xa-01477` (codes, never an id). */
export const withinSlug = (within: FiguresWithin): string =>
  within.kind === 'units' ? `don-vi-${within.unitCode}` : `xa-${within.communeCode}`;
