import { CATEGORIES, type Category } from '../../shared/domain/categories';
import type { Force } from '../../shared/domain/forces';
import { PLACE_TYPES, type PlaceType } from '../../shared/domain/place-types';
import type { UnitLevel } from '../units/units.table';
import type { RuleSetSpec } from './default-rules';
import type { RuleScope, RuleSetScope, RuleSetStatus } from './routing.table';

/** Everything routing reads, held in memory: a few thousand rows at national scale. */
export interface RoutingData {
  provinces: ProvinceRecord[];
  communes: CommuneRecord[];
  ruleSets: RuleSetRecord[];
  units: UnitRecord[];
  jurisdictions: JurisdictionRecord[];
}

export interface ProvinceRecord {
  code: string;
  name: string;
}

export interface CommuneRecord {
  code: string;
  provinceCode: string;
  name: string;
  landBorder: boolean;
  coastal: boolean;
}

export interface RuleSetRecord {
  id: number;
  scope: RuleSetScope;
  provinceCode: string | null;
  version: number;
  status: RuleSetStatus;
  effectiveFrom: Date | null;
  effectiveTo: Date | null;
  rules: RuleRecord[];
}

export interface RuleRecord {
  id: number;
  ruleSetId: number;
  scope: RuleScope;
  provinceCode: string | null;
  communeCode: string | null;
  /** null is `*`. */
  category: Category | null;
  placeType: PlaceType | null;
  leadForce: Force;
  coordinatingForces: Force[];
}

export interface UnitRecord {
  id: string;
  code: string;
  force: Force;
  provinceCode: string;
  level: UnitLevel;
  name: string;
  validFrom: Date;
  validTo: Date | null;
}

export interface JurisdictionRecord {
  unitId: string;
  provinceCode: string;
  /** null: the whole province. */
  communeCode: string | null;
  /** null: every place type. */
  placeTypes: PlaceType[] | null;
  validFrom: Date;
  validTo: Date | null;
}

/** Cells are numbered commune × category × place type, in the order of the shared code lists. */
export const CELLS_PER_COMMUNE = CATEGORIES.length * PLACE_TYPES.length;
export const CATEGORY_INDEX = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));
export const PLACE_TYPE_INDEX = new Map<string, number>(PLACE_TYPES.map((p, i) => [p, i]));

/** SPEC.md's notation, place type before category: `national/border_gate/*`, `province-04/border_area/smuggling`. */
export function ruleKey(
  rule: Pick<RuleRecord, 'scope' | 'provinceCode' | 'communeCode' | 'category' | 'placeType'>,
): string {
  const scope =
    rule.scope === 'national'
      ? 'national'
      : rule.scope === 'province'
        ? `province-${rule.provinceCode}`
        : `commune-${rule.communeCode}`;
  return `${scope}/${rule.placeType ?? '*'}/${rule.category ?? '*'}`;
}

/** `national@1`, `province-04@2`: which version of which rule set. */
export function ruleSetLabel(set: Pick<RuleSetRecord, 'scope' | 'provinceCode' | 'version'>): string {
  return `${set.scope === 'national' ? 'national' : `province-${set.provinceCode}`}@${set.version}`;
}

const isActive = (from: Date | null, to: Date | null, at: number) =>
  from !== null && from.getTime() <= at && (to === null || at < to.getTime());

/** The rule sets, units and jurisdictions in effect at one moment. */
export interface RoutingSnapshot {
  ruleSets: RuleSetRecord[];
  units: UnitRecord[];
  jurisdictions: JurisdictionRecord[];
}

export function snapshotAt(data: RoutingData, at: Date): RoutingSnapshot {
  const t = at.getTime();
  return {
    ruleSets: data.ruleSets.filter((s) => s.status === 'published' && isActive(s.effectiveFrom, s.effectiveTo, t)),
    units: data.units.filter((u) => isActive(u.validFrom, u.validTo, t)),
    jurisdictions: data.jurisdictions.filter((j) => isActive(j.validFrom, j.validTo, t)),
  };
}

/** Every moment at which what routing reads changes, sorted: the borders of the compiled epochs. */
export function changePoints(data: RoutingData): number[] {
  const points = new Set<number>();
  const add = (d: Date | null) => d && points.add(d.getTime());
  for (const s of data.ruleSets) {
    if (s.status !== 'published') continue;
    add(s.effectiveFrom);
    add(s.effectiveTo);
  }
  for (const u of data.units) {
    add(u.validFrom);
    add(u.validTo);
  }
  for (const j of data.jurisdictions) {
    add(j.validFrom);
    add(j.validTo);
  }
  return [...points].sort((a, b) => a - b);
}

/** Index of the epoch holding `t`: 0 before the first change point, i after the i-th. */
export function epochOf(points: readonly number[], t: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type NewRule = Omit<RuleRecord, 'id' | 'ruleSetId'>;

/** code → province of every commune, as the rule-writing functions below want it. */
export function provinceOfCommune(data: Pick<RoutingData, 'communes'>): (code: string) => string | undefined {
  const map = new Map(data.communes.map((c) => [c.code, c.provinceCode]));
  return (code) => map.get(code);
}

/** Appends to the list of `key`, creating it: grouping rows in one pass, without copying lists. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What a written rule set must not do: a national set names no commune (the rule would silently
 * apply to the whole country), and a province's commune rules stay inside that province.
 * Returns the index and reason of each bad rule.
 */
type RuleSpecProblem = {
  index: number;
  problem: 'commune_in_national' | 'commune_unknown' | 'commune_outside_province';
};

export function ruleSetSpecProblems(
  spec: RuleSetSpec,
  provinceOfCommune: (code: string) => string | undefined,
): RuleSpecProblem[] {
  return spec.rules.flatMap((rule, index): RuleSpecProblem[] => {
    if (!rule.communeCode) return [];
    if (spec.scope === 'national') return [{ index, problem: 'commune_in_national' }];
    const province = provinceOfCommune(rule.communeCode);
    if (!province) return [{ index, problem: 'commune_unknown' }];
    return province === spec.provinceCode ? [] : [{ index, problem: 'commune_outside_province' }];
  });
}

/** The rules of a written rule set as stored: `*` becomes null, a commune rule gets its province. */
export function rulesOf(spec: RuleSetSpec, provinceOfCommune: (code: string) => string | undefined): NewRule[] {
  const provinceCode = spec.scope === 'province' ? (spec.provinceCode ?? null) : null;
  return spec.rules.map((r) => {
    const scope: RuleScope = spec.scope === 'national' ? 'national' : r.communeCode ? 'commune' : 'province';
    return {
      scope,
      provinceCode: scope === 'commune' ? (provinceOfCommune(r.communeCode ?? '') ?? provinceCode) : provinceCode,
      communeCode: scope === 'commune' ? (r.communeCode ?? null) : null,
      category: r.category === '*' ? null : r.category,
      placeType: r.placeType === '*' ? null : r.placeType,
      leadForce: r.lead,
      coordinatingForces: r.coordinating,
    };
  });
}

/**
 * Publishes a rule set in memory: it takes effect at `from` and the version of its scope in effect
 * stops then. Returns the version it replaces. Used on a copy of the data to validate a publish.
 */
export function applyPublish(data: RoutingData, set: RuleSetRecord, from: Date): RuleSetRecord | undefined {
  const current = data.ruleSets.find(
    (s) =>
      s !== set &&
      s.status === 'published' &&
      s.scope === set.scope &&
      s.provinceCode === set.provinceCode &&
      s.effectiveTo === null,
  );
  if (current) current.effectiveTo = from;
  set.status = 'published';
  set.effectiveFrom = from;
  if (!data.ruleSets.includes(set)) data.ruleSets.push(set);
  return current;
}
