import { PgDialect } from 'drizzle-orm/pg-core';
import type { StaffUser } from '../../../server/auth/auth.service';
import { scopeFrom, type ReportPlace } from '../../../server/auth/scope';

const staff = (role: StaffUser['role'], extra: Partial<StaffUser> = {}): StaffUser => ({
  id: `${role}-id`,
  username: role,
  displayName: role,
  role,
  unit: null,
  scopeProvinceCode: null,
  scopeCommuneCode: null,
  ...extra,
});
const unit = { id: 'u-province', code: 'PA04', name: 'Công an tỉnh' };
const officer = scopeFrom(staff('officer', { unit }), new Set(['u-province', 'u-commune']));
const national = scopeFrom(staff('coordinator'), new Set());
const caoBang = scopeFrom(staff('coordinator', { scopeProvinceCode: '04' }), new Set());
const operator = scopeFrom(staff('operator'), new Set());
const admin = scopeFrom(staff('admin'), new Set());

const report = (over: Partial<ReportPlace> = {}): ReportPlace => ({
  provinceCode: '04',
  leadUnitId: 'elsewhere',
  coordinatingUnitIds: [],
  enteredBy: null,
  transferToUnitId: null,
  investigatingUnitId: null,
  ...over,
});
const relations = (scope: typeof officer, place: ReportPlace) => [...scope.relationTo(place)].sort();
const sqlOf = (scope: typeof officer, options?: Parameters<typeof officer.reportsWhere>[0]) => {
  const where = scope.reportsWhere(options);
  return where ? new PgDialect().sqlToQuery(where).sql : null;
};

describe('a staff member’s scope (SPEC.md §7), one report', () => {
  it.each([
    ['leads through a unit beneath theirs', report({ leadUnitId: 'u-commune' }), ['lead']],
    ['is asked to take it', report({ transferToUnitId: 'u-province' }), ['receiving']],
    ['coordinates it', report({ coordinatingUnitIds: ['x', 'u-commune'] }), ['coordinating']],
    ['investigates it (issue #18)', report({ investigatingUnitId: 'u-commune' }), ['investigating']],
    ['has nothing to do with it', report(), []],
  ])('an officer who %s', (_what, place, expected) => {
    expect(relations(officer, place)).toEqual(expected);
  });

  it('gives coordinators their province (national: all), operators the reports they entered, admins nothing', () => {
    expect(relations(national, report({ provinceCode: '82' }))).toEqual(['coordinator']);
    expect(relations(caoBang, report())).toEqual(['coordinator']);
    expect(relations(caoBang, report({ provinceCode: '82' }))).toEqual([]);
    expect(relations(operator, report({ enteredBy: 'operator-id' }))).toEqual(['entered']);
    expect(operator.canSee(report())).toBe(false);
    expect(admin.canSee(report({ leadUnitId: 'u-province' }))).toBe(false);
  });
});

describe('the same scope as a list condition', () => {
  it('keeps a province coordinator to their province and gives a national one everything', () => {
    expect(sqlOf(caoBang)).toBe('r.province_code = $1');
    expect(sqlOf(national)).toBe('true');
  });

  it("holds a unit's lead, receiving and coordinated reports, the open coordinated ones from the open index", () => {
    expect(sqlOf(officer, { role: 'lead' })).toMatch(/lead_unit_id = any.*transfer_to_unit_id = any/);
    expect(sqlOf(officer)).toMatch(/exists \(select 1 from report_coordinations/);
    expect(sqlOf(officer, { openOnly: true })).toMatch(/c\.report_open/);
  });

  it('holds the reports handed to the unit as investigating body (issue #18), alone or with the others', () => {
    expect(sqlOf(officer, { role: 'investigating' })).toMatch(/^r\.id in \(select k\.report_id from report_crime k/);
    expect(sqlOf(officer)).toMatch(/report_crime k where k\.investigating_unit_id = any/);
    expect(sqlOf(officer, { role: 'lead' })).not.toMatch(/report_crime/);
  });

  it('has no list for operators, admins and an officer without a unit', () => {
    expect(sqlOf(operator)).toBeNull();
    expect(sqlOf(admin)).toBeNull();
    expect(sqlOf(scopeFrom(staff('officer'), new Set()))).toBeNull();
  });
});

describe('the coordinators’ province scope elsewhere', () => {
  it('reads national rules for all, a province’s for its coordinators and admins; writes within scope only', () => {
    expect([national, caoBang, admin].map((s) => s.mayReadRules('82'))).toEqual([true, false, true]);
    expect([national, caoBang, admin].map((s) => s.mayReadRules(null))).toEqual([true, true, true]);
    expect([national, caoBang, admin].map((s) => s.mayEditRules(null))).toEqual([true, false, false]);
    expect([national, caoBang, admin].map((s) => s.mayEditRules('04'))).toEqual([true, true, false]);
  });

  it('lets national coordinators alone edit the calendar, and operators search duplicates anywhere', () => {
    expect([national, caoBang, officer, admin].map((s) => s.mayEditCalendar)).toEqual([true, false, false, false]);
    expect([operator, caoBang, national].map((s) => s.searchesDuplicatesIn('82'))).toEqual([true, false, true]);
  });
});

describe('issue #18: whose figures, and a commune committee', () => {
  const lead = scopeFrom(staff('unit_lead', { unit }), new Set(['u-province', 'u-commune']));
  const committee = scopeFrom(staff('commune_committee', { scopeCommuneCode: '01477' }), new Set());

  it('gives coordinators the nation or their province, a unit lead their units, a committee its commune, others none', () => {
    expect(national.figures).toEqual({ kind: 'nation' });
    expect(caoBang.figures).toEqual({ kind: 'province', province: '04' });
    expect(lead.figures).toEqual({ kind: 'units', unitIds: new Set(['u-province', 'u-commune']) });
    expect(committee.figures).toEqual({ kind: 'commune', commune: '01477' });
    expect([officer, operator, admin].map((s) => s.figures)).toEqual([null, null, null]);
  });

  it('lists a committee its commune without misconduct tips, and makes it nothing to any one report', () => {
    expect(sqlOf(committee)).toBe('(r.commune_code = $1 and not r.misconduct)');
    expect(sqlOf(committee, { role: 'lead' })).toBe('(r.commune_code = $1 and not r.misconduct)');
    expect(relations(committee, report({ leadUnitId: 'u-province' }))).toEqual([]);
    expect(committee.reachesProvince('04')).toBe(false);
    expect(committee.commune).toBe('01477');
    expect(scopeFrom(staff('officer', { scopeCommuneCode: '01477' }), new Set()).commune).toBeNull();
  });
});
