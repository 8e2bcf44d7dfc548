import type { Force } from '../../shared/domain/forces';
import type { PlaceType } from '../../shared/domain/place-types';
import { compileRouting, type CompiledRouting } from '../../server/routing/compile';
import { decide, type RoutingDecision } from '../../server/routing/decision';
import { INLAND_PROVINCE_RULES, NATIONAL_RULES, type RuleSetSpec } from '../../server/routing/default-rules';
import {
  provinceOfCommune,
  rulesOf,
  snapshotAt,
  type CommuneRecord,
  type JurisdictionRecord,
  type RoutingData,
  type RuleSetRecord,
  type UnitRecord,
} from '../../server/routing/routing.model';
import type { UnitLevel } from '../../server/units/units.table';
import type { Category } from '../../shared/domain/categories';

export const SINCE = new Date('2025-06-30T17:00:00Z');
export const NOW = new Date('2026-11-23T03:00:00Z');

/**
 * A small country for routing tests: province 04 on the border (communes 00001 on the border with a
 * gate, 00002 inland, 00003 coastal) and province 01 inland (00011). Every force has a province-level
 * unit where SPEC.md says it has one; customs has one regional branch over both provinces.
 */
export function smallWorld(): RoutingData {
  const data: RoutingData = {
    provinces: [
      { code: '04', name: 'Tỉnh Cao Bằng' },
      { code: '01', name: 'Thành phố Hà Nội' },
    ],
    communes: [
      { code: '00001', provinceCode: '04', name: 'Xã Trà Lĩnh', landBorder: true, coastal: false },
      { code: '00002', provinceCode: '04', name: 'Phường Thục Phán', landBorder: false, coastal: false },
      { code: '00003', provinceCode: '04', name: 'Xã Ven Biển', landBorder: false, coastal: true },
      { code: '00011', provinceCode: '01', name: 'Phường Hoàn Kiếm', landBorder: false, coastal: false },
    ],
    ruleSets: [],
    units: [],
    jurisdictions: [],
  };
  addRuleSet(data, NATIONAL_RULES);
  const hanoi = INLAND_PROVINCE_RULES.find((r) => r.provinceCode === '01');
  if (hanoi) addRuleSet(data, hanoi);
  addUnit(data, 'police-04', 'police', 'province', [{ provinceCode: '04' }]);
  addUnit(data, 'market-04', 'market', 'province', [{ provinceCode: '04' }]);
  addUnit(data, 'border-04', 'border', 'province', [{ provinceCode: '04' }]);
  addUnit(data, 'police-01', 'police', 'province', [{ provinceCode: '01' }]);
  addUnit(data, 'market-01', 'market', 'province', [{ provinceCode: '01' }]);
  addUnit(data, 'customs-vi', 'customs', 'regional', [{ provinceCode: '04' }, { provinceCode: '01' }]);
  return data;
}

let nextId = 1;

export function addRuleSet(data: RoutingData, spec: RuleSetSpec, from = SINCE, version = 1): RuleSetRecord {
  const id = nextId++;
  const set: RuleSetRecord = {
    id,
    scope: spec.scope,
    provinceCode: spec.provinceCode ?? null,
    version,
    status: 'published',
    effectiveFrom: from,
    effectiveTo: null,
    rules: rulesOf(spec, provinceOfCommune(data)).map((r) => ({ ...r, id: nextId++, ruleSetId: id })),
  };
  for (const s of data.ruleSets) {
    if (s.scope === set.scope && s.provinceCode === set.provinceCode && s.effectiveTo === null) s.effectiveTo = from;
  }
  data.ruleSets.push(set);
  return set;
}

export function addUnit(
  data: RoutingData,
  code: string,
  force: Force,
  level: UnitLevel,
  areas: { provinceCode: string; communeCode?: string; placeTypes?: PlaceType[] }[],
  validity: { from?: Date; to?: Date } = {},
): UnitRecord {
  const first = areas[0];
  const unit: UnitRecord = {
    id: `unit-${code}`,
    code,
    force,
    provinceCode: first?.provinceCode ?? '04',
    level,
    name: `Unit ${code}`,
    validFrom: validity.from ?? SINCE,
    validTo: validity.to ?? null,
  };
  data.units.push(unit);
  data.jurisdictions.push(
    ...areas.map((a): JurisdictionRecord => ({
      unitId: unit.id,
      provinceCode: a.provinceCode,
      communeCode: a.communeCode ?? null,
      placeTypes: a.placeTypes ?? null,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
    })),
  );
  return unit;
}

export function compileAt(data: RoutingData, at = NOW): CompiledRouting {
  return compileRouting(snapshotAt(data, at), data.communes, data.provinces);
}

export function route(
  data: RoutingData,
  category: Category,
  placeType: PlaceType,
  communeCode: string,
  at = NOW,
): RoutingDecision {
  const result = decide(compileAt(data, at), { category, placeType, communeCode }, at);
  if (!result.ok) throw new Error(`no route for ${category} × ${placeType} × ${communeCode}: ${result.reason}`);
  return result.decision;
}

export const communeOf = (data: RoutingData, code: string): CommuneRecord | undefined =>
  data.communes.find((c) => c.code === code);
