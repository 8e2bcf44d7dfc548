import { CATEGORIES, type Category } from '../../shared/domain/categories';
import { FORCES, type Force } from '../../shared/domain/forces';
import { PLACE_TYPES, type PlaceType } from '../../shared/domain/place-types';
import type { UnitLevel } from '../units/units.table';
import {
  CATEGORY_INDEX,
  CELLS_PER_COMMUNE,
  PLACE_TYPE_INDEX,
  pushTo,
  ruleKey,
  type CommuneRecord,
  type ProvinceRecord,
  type RuleRecord,
  type RuleSetRecord,
  type RoutingSnapshot,
  type UnitRecord,
} from './routing.model';

/** How a unit came to cover a place: named for the commune, or for its whole province. */
export interface UnitPick {
  unit: UnitRecord;
  via: 'commune' | 'province';
  /** The place types the jurisdiction is limited to, if it is. */
  limitedTo: readonly PlaceType[] | null;
}

/** What a cell routes to; cells with the same answer share one object. */
export interface Outcome {
  rule: RuleRecord;
  ruleSet: RuleSetRecord;
  lead: UnitPick;
  coordinating: UnitPick[];
  /** Coordinating forces with no unit here (no border guard in Hà Nội): not asked, and said so. */
  missingCoordinating: Force[];
}

interface Cell {
  provinceCode: string;
  /** '' for a province row (an online report without a commune). */
  communeCode: string;
  communeName: string;
  category: Category;
  placeType: PlaceType;
}

type ProblemKind = 'no_rule' | 'no_unit' | 'rule_overlap' | 'unit_overlap';

/** One cause with every cell it touches counted and the first few named. */
export interface Problem {
  kind: ProblemKind;
  /** no_unit and unit_overlap: the force without a unit, or with too many. */
  force?: Force;
  level?: UnitLevel;
  /** rule_overlap: the rules that tie; no_unit: the rule that named the force. */
  rules?: string[];
  leads?: Force[];
  /** unit_overlap: the units that cover the same place at the same level. */
  units?: string[];
  /** Cells touched; for unit_overlap, places (commune × place type), whatever the category. */
  cells: number;
  examples: Cell[];
}

interface ProvinceCoverage {
  code: string;
  name: string;
  cells: number;
  leads: Record<Force, number>;
  gapCells: number;
  overlapCells: number;
}

export interface ValidationReport {
  /** Commune cells (commune × category × place type). */
  cellsChecked: number;
  /** SPEC.md §3: the province rows of `online` (province × category), checked like commune cells. */
  provinceCellsChecked: number;
  gapCells: number;
  overlapCells: number;
  ok: boolean;
  problems: Problem[];
  provinces: ProvinceCoverage[];
}

type Resolution =
  { ok: true; outcome: Outcome; commune: CommuneRecord } | { ok: false; reason: 'unknown_input' | 'gap' };
type ProvinceResolution =
  { ok: true; outcome: Outcome; province: ProvinceRecord } | { ok: false; reason: 'unknown_input' | 'gap' };

/** SPEC.md §3: an online report may name only the province (of the seller, else of the reporter). */
export const PROVINCE_ROW_PLACE_TYPE = 'online' satisfies PlaceType;

export interface CompiledRouting {
  resolve(category: string, placeType: string, communeCode: string): Resolution;
  /** The province row of an online report without a commune: province and national rules, province-wide units. */
  resolveProvince(category: string, provinceCode: string): ProvinceResolution;
  report: ValidationReport;
  communes: ReadonlyMap<string, CommuneRecord>;
  provinces: ReadonlyMap<string, ProvinceRecord>;
}

const LEVEL_RANK: Record<UnitLevel, number> = { local: 3, province: 2, regional: 1 };
const EXAMPLES_PER_PROBLEM = 5;
const NO_OUTCOME = -1;

type RuleIndex = Map<string, RuleRecord[]>;
const indexKey = (category: string | null, placeType: string | null) => `${category ?? '*'}|${placeType ?? '*'}`;

function indexRules(rules: RuleRecord[]): RuleIndex {
  const index: RuleIndex = new Map();
  for (const rule of rules) pushTo(index, indexKey(rule.category, rule.placeType), rule);
  return index;
}

// Equal leads with the same coordinating forces, in any order, are one outcome. Different
// coordinating forces still count as an overlap: a decision must not depend on which rule came first.
const sameOutcome = (a: RuleRecord, b: RuleRecord) =>
  a.leadForce === b.leadForce && [...a.coordinatingForces].sort().join() === [...b.coordinatingForces].sort().join();

interface RuleChoice {
  rule: RuleRecord;
  /** Rules of the same specificity that say something else: an overlap. */
  rivals: RuleRecord[];
}

/**
 * SPEC.md §4: commune beats province beats national; within a scope, a rule naming both the
 * category and the place type beats one naming either, which beats `*`/`*`. A rule naming only the
 * category and one naming only the place type are equally specific: if they disagree, it is an overlap.
 */
function chooseRule(levels: (RuleIndex | undefined)[], category: string, placeType: string): RuleChoice | undefined {
  for (const index of levels) {
    if (!index) continue;
    const ranks = [
      index.get(indexKey(category, placeType)),
      [...(index.get(indexKey(category, null)) ?? []), ...(index.get(indexKey(null, placeType)) ?? [])],
      index.get(indexKey(null, null)),
    ];
    for (const rank of ranks) {
      const [first] = rank ?? [];
      if (!first || !rank) continue;
      return { rule: first, rivals: rank.filter((r) => !sameOutcome(r, first)) };
    }
  }
  return undefined;
}

interface UnitEntry {
  unit: UnitRecord;
  via: 'commune' | 'province';
  placeTypes: readonly PlaceType[] | null;
}

interface UnitChoice {
  pick: UnitPick | undefined;
  /** Distinct units at one level covering the same place: an overlap, whichever level wins. */
  clashes: { level: UnitLevel; units: UnitRecord[] }[];
}

function chooseUnit(entries: UnitEntry[], placeType: PlaceType): UnitChoice {
  const byLevel = new Map<UnitLevel, UnitEntry[]>();
  for (const entry of entries) {
    if (entry.placeTypes && !entry.placeTypes.includes(placeType)) continue;
    const list = byLevel.get(entry.unit.level) ?? [];
    if (!list.some((e) => e.unit.id === entry.unit.id)) list.push(entry);
    byLevel.set(entry.unit.level, list);
  }
  let best: UnitEntry | undefined;
  const clashes: UnitChoice['clashes'] = [];
  for (const [level, list] of byLevel) {
    if (list.length > 1)
      clashes.push({ level, units: list.map((e) => e.unit).sort((a, b) => a.code.localeCompare(b.code)) });
    const first = list[0];
    if (first && (!best || LEVEL_RANK[level] > LEVEL_RANK[best.unit.level])) best = first;
  }
  return { pick: best && { unit: best.unit, via: best.via, limitedTo: best.placeTypes }, clashes };
}

function emptyLeads(): Record<Force, number> {
  return Object.fromEntries(FORCES.map((f) => [f, 0])) as Record<Force, number>;
}

/**
 * Turns a snapshot into a dense table, one entry per commune × category × place type, and checks
 * every cell on the way: the same pass is the validator. A decision is then two Map lookups and an
 * array read.
 */
export function compileRouting(
  snapshot: RoutingSnapshot,
  communes: CommuneRecord[],
  provinces: ProvinceRecord[],
): CompiledRouting {
  const setOfRule = new Map<number, RuleSetRecord>();
  const nationalRules: RuleRecord[] = [];
  const provinceRules = new Map<string, RuleRecord[]>();
  const communeRules = new Map<string, RuleRecord[]>();
  for (const set of snapshot.ruleSets) {
    for (const rule of set.rules) {
      setOfRule.set(rule.id, set);
      if (rule.scope === 'national') nationalRules.push(rule);
      else {
        const map = rule.scope === 'province' ? provinceRules : communeRules;
        const key = (rule.scope === 'province' ? rule.provinceCode : rule.communeCode) ?? '';
        pushTo(map, key, rule);
      }
    }
  }
  const nationalIndex = indexRules(nationalRules);
  const provinceIndex = new Map([...provinceRules].map(([code, rules]) => [code, indexRules(rules)]));
  const communeIndex = new Map([...communeRules].map(([code, rules]) => [code, indexRules(rules)]));

  const unitsById = new Map(snapshot.units.map((u) => [u.id, u]));
  // Per force: entries naming a commune, and entries covering a whole province.
  const byCommune = new Map<Force, Map<string, UnitEntry[]>>(FORCES.map((f) => [f, new Map()]));
  const byProvince = new Map<Force, Map<string, UnitEntry[]>>(FORCES.map((f) => [f, new Map()]));
  for (const j of snapshot.jurisdictions) {
    const unit = unitsById.get(j.unitId);
    if (!unit) continue;
    const via = j.communeCode ? 'commune' : 'province';
    const map = (via === 'commune' ? byCommune : byProvince).get(unit.force);
    const key = j.communeCode ?? j.provinceCode;
    if (map) pushTo(map, key, { unit, via, placeTypes: j.placeTypes });
  }

  const problems = new Map<string, Problem>();
  const note = (key: string, fresh: () => Omit<Problem, 'cells' | 'examples'>, cell: Cell) => {
    let problem = problems.get(key);
    if (!problem) {
      problem = { ...fresh(), cells: 0, examples: [] };
      problems.set(key, problem);
    }
    problem.cells += 1;
    if (problem.examples.length < EXAMPLES_PER_PROBLEM) problem.examples.push(cell);
    return problem;
  };

  const communeIndexOf = new Map<string, number>();
  const table = new Int32Array(communes.length * CELLS_PER_COMMUNE).fill(NO_OUTCOME);
  const outcomes: Outcome[] = [];
  const outcomeIds = new Map<string, number>();
  const coverage = new Map<string, ProvinceCoverage>(
    provinces.map((p) => [
      p.code,
      { code: p.code, name: p.name, cells: 0, leads: emptyLeads(), gapCells: 0, overlapCells: 0 },
    ]),
  );
  let gapCells = 0;
  let overlapCells = 0;

  /** Routes one cell and records its problems; the outcome's index, or NO_OUTCOME for a gap. */
  const evaluate = (
    levels: (RuleIndex | undefined)[],
    unitFor: (force: Force, placeType: PlaceType, cell: Cell) => UnitChoice,
    cell: Cell,
    provinceCoverage: ProvinceCoverage | undefined,
  ): number => {
    const { category, placeType } = cell;
    if (provinceCoverage) provinceCoverage.cells += 1;
    const choice = chooseRule(levels, category, placeType);
    let overlapping = false;
    if (!choice) {
      gapCells += 1;
      if (provinceCoverage) provinceCoverage.gapCells += 1;
      note(`no_rule|${cell.provinceCode}|${placeType}`, () => ({ kind: 'no_rule' }), cell);
      return NO_OUTCOME;
    }
    const { rule, rivals } = choice;
    if (rivals.length > 0) {
      overlapping = true;
      const tied = [rule, ...rivals];
      const keys = tied.map(ruleKey);
      note(
        `rule_overlap|${keys.join()}`,
        () => ({ kind: 'rule_overlap', rules: keys, leads: tied.map((r) => r.leadForce) }),
        cell,
      );
    }
    const lead = unitFor(rule.leadForce, placeType, cell);
    if (lead.clashes.length > 0) overlapping = true;
    if (overlapping) {
      overlapCells += 1;
      if (provinceCoverage) provinceCoverage.overlapCells += 1;
    }
    if (!lead.pick) {
      gapCells += 1;
      if (provinceCoverage) provinceCoverage.gapCells += 1;
      const problem = note(
        `no_unit|${rule.leadForce}|${cell.provinceCode}|${placeType}`,
        () => ({ kind: 'no_unit', force: rule.leadForce, rules: [] }),
        cell,
      );
      if (!problem.rules?.includes(ruleKey(rule))) problem.rules?.push(ruleKey(rule));
      return NO_OUTCOME;
    }
    if (provinceCoverage) provinceCoverage.leads[rule.leadForce] += 1;
    const coordinating: UnitPick[] = [];
    const missingCoordinating: Force[] = [];
    for (const force of rule.coordinatingForces) {
      const pick = unitFor(force, placeType, cell).pick;
      if (pick) coordinating.push(pick);
      else missingCoordinating.push(force);
    }
    const key = `${rule.id}|${lead.pick.unit.id}|${lead.pick.via}|${coordinating.map((c) => `${c.unit.id}${c.via}`).join()}|${missingCoordinating.join()}`;
    let id = outcomeIds.get(key);
    if (id === undefined) {
      const ruleSet = setOfRule.get(rule.id);
      if (!ruleSet) throw new Error(`rule ${rule.id} has no rule set`);
      id = outcomes.push({ rule, ruleSet, lead: lead.pick, coordinating, missingCoordinating }) - 1;
      outcomeIds.set(key, id);
    }
    return id;
  };

  /** Unit choices do not depend on the category: one per force and place type, clashes noted once. */
  const unitChooser = (entriesOf: (force: Force) => UnitEntry[]) => {
    const units = new Map<string, UnitChoice>();
    return (force: Force, placeType: PlaceType, cell: Cell) => {
      const key = `${force}|${placeType}`;
      let choice = units.get(key);
      if (!choice) {
        choice = chooseUnit(entriesOf(force), placeType);
        for (const clash of choice.clashes) {
          const codes = clash.units.map((u) => u.code);
          note(
            `unit_overlap|${force}|${codes.join()}`,
            () => ({ kind: 'unit_overlap', force, level: clash.level, units: codes }),
            cell,
          );
        }
        units.set(key, choice);
      }
      return choice;
    };
  };

  communes.forEach((commune, ci) => {
    communeIndexOf.set(commune.code, ci);
    const levels = [communeIndex.get(commune.code), provinceIndex.get(commune.provinceCode), nationalIndex];
    const provinceCoverage = coverage.get(commune.provinceCode);
    const unitFor = unitChooser((force) => [
      ...(byCommune.get(force)?.get(commune.code) ?? []),
      ...(byProvince.get(force)?.get(commune.provinceCode) ?? []),
    ]);

    // Every force is checked for clashing units, whether or not a rule names it here.
    for (const force of FORCES) {
      for (const placeType of PLACE_TYPES) {
        unitFor(force, placeType, {
          provinceCode: commune.provinceCode,
          communeCode: commune.code,
          communeName: commune.name,
          category: CATEGORIES[0],
          placeType,
        });
      }
    }

    CATEGORIES.forEach((category, k) => {
      PLACE_TYPES.forEach((placeType, p) => {
        const cell: Cell = {
          provinceCode: commune.provinceCode,
          communeCode: commune.code,
          communeName: commune.name,
          category,
          placeType,
        };
        table[ci * CELLS_PER_COMMUNE + k * PLACE_TYPES.length + p] = evaluate(levels, unitFor, cell, provinceCoverage);
      });
    });
  });

  // SPEC.md §3-4: an online report without a commune follows its province: province and national
  // rules (a commune rule cannot apply), units covering the whole province.
  const provinceIndexOf = new Map<string, number>();
  const provinceTable = new Int32Array(provinces.length * CATEGORIES.length).fill(NO_OUTCOME);
  provinces.forEach((province, pi) => {
    provinceIndexOf.set(province.code, pi);
    const levels = [provinceIndex.get(province.code), nationalIndex];
    const unitFor = unitChooser((force) => byProvince.get(force)?.get(province.code) ?? []);
    CATEGORIES.forEach((category, k) => {
      const cell: Cell = {
        provinceCode: province.code,
        communeCode: '',
        communeName: province.name,
        category,
        placeType: PROVINCE_ROW_PLACE_TYPE,
      };
      provinceTable[pi * CATEGORIES.length + k] = evaluate(levels, unitFor, cell, coverage.get(province.code));
    });
  });

  const cellsChecked = communes.length * CELLS_PER_COMMUNE;
  const report: ValidationReport = {
    cellsChecked,
    provinceCellsChecked: provinces.length * CATEGORIES.length,
    gapCells,
    overlapCells,
    ok: gapCells === 0 && overlapCells === 0 && ![...problems.values()].some((p) => p.kind === 'unit_overlap'),
    problems: [...problems.values()],
    provinces: [...coverage.values()],
  };
  const communeByCode = new Map(communes.map((c) => [c.code, c]));

  return {
    report,
    communes: communeByCode,
    provinces: new Map(provinces.map((p) => [p.code, p])),
    resolve(category, placeType, communeCode) {
      const ci = communeIndexOf.get(communeCode);
      const k = CATEGORY_INDEX.get(category);
      const p = PLACE_TYPE_INDEX.get(placeType);
      if (ci === undefined || k === undefined || p === undefined) return { ok: false, reason: 'unknown_input' };
      const id = table[ci * CELLS_PER_COMMUNE + k * PLACE_TYPES.length + p] ?? NO_OUTCOME;
      const outcome = outcomes[id];
      const commune = communes[ci];
      if (!outcome || !commune) return { ok: false, reason: 'gap' };
      return { ok: true, outcome, commune };
    },
    resolveProvince(category, provinceCode) {
      const pi = provinceIndexOf.get(provinceCode);
      const k = CATEGORY_INDEX.get(category);
      if (pi === undefined || k === undefined) return { ok: false, reason: 'unknown_input' };
      const outcome = outcomes[provinceTable[pi * CATEGORIES.length + k] ?? NO_OUTCOME];
      const province = provinces[pi];
      if (!outcome || !province) return { ok: false, reason: 'gap' };
      return { ok: true, outcome, province };
    },
  };
}
