import { randomUUID } from 'node:crypto';
import type { Category } from '../../shared/domain/categories';
import type { PlaceType } from '../../shared/domain/place-types';
import type { Db, Queryable } from '../db/types';
import type { Clock } from '../deps';
import { fieldIssue, validationFailed } from '../http/errors';
import { provinceNotFound } from '../places/places.errors';
import {
  closeOpenJurisdictions,
  closeUnits,
  insertJurisdictions,
  insertUnits,
  type NewUnit,
} from '../units/units.repository';
import type { UnitLevel } from '../units/units.table';
import { compileRouting, type CompiledRouting, type ValidationReport } from './compile';
import { decide, type RoutingDecision } from './decision';
import type { RuleSetSpec } from './default-rules';
import {
  communeNotFound,
  noLeadUnit,
  notDraft,
  pastEffectiveTime,
  routingInvalid,
  versionScheduled,
} from './routing.errors';
import {
  applyPublish,
  changePoints,
  epochOf,
  provinceOfCommune,
  ruleSetSpecProblems,
  snapshotAt,
  type JurisdictionRecord,
  type RoutingData,
  type RuleSetRecord,
  type UnitRecord,
} from './routing.model';
import {
  insertDecision,
  insertDraftRuleSet,
  loadRoutingData,
  lockRouting,
  markPublished,
  readGeneration,
} from './routing.repository';

/** A validation report and the moment it describes. */
export interface TimedReport extends ValidationReport {
  at: string;
}

interface RoutingInput {
  category: Category;
  placeType: PlaceType;
  /** Absent for an online report that names only its province (SPEC.md §3). */
  communeCode?: string | null | undefined;
  provinceCode?: string | undefined;
}

interface Area {
  provinceCode: string;
  communeCode?: string | null;
  placeTypes?: PlaceType[] | null;
}

/** A change to units and jurisdictions, validated as a whole before any of it is written. */
interface UnitChange {
  effectiveFrom?: Date;
  openUnits?: (Pick<UnitRecord, 'code' | 'force' | 'provinceCode' | 'name'> & {
    level: UnitLevel;
    hotline?: string;
    parentId?: string | null;
    /** Issue #18: an investigating body (police only, checked by the caller and the database). */
    investigates?: boolean;
    areas: Area[];
  })[];
  closeUnits?: string[];
  setJurisdictions?: { unitCode: string; areas: Area[] }[];
}

export interface Routing {
  /** The compiled tables in effect at `at` (default now), compiled on first use and kept. */
  compiledAt(at?: Date): Promise<CompiledRouting>;
  /** Routes one report; throws the standard errors for an unknown commune or a gap. */
  decide(input: RoutingInput, at?: Date): Promise<RoutingDecision>;
  /** Routes and stores the decision in the caller's transaction; returns the decision and its id. */
  decideAndRecord(q: Queryable, input: RoutingInput, at?: Date): Promise<{ id: string; decision: RoutingDecision }>;
  validate(at?: Date): Promise<TimedReport>;
  /** Drafts a new version of a scope's rules and publishes it, or refuses with the validator's report. */
  publishRuleSet(spec: RuleSetSpec, effectiveFrom?: Date): Promise<RuleSetRecord>;
  /** `alsoWrite` runs in the publish's transaction once the change has passed (an audit entry). */
  publishDraft(ruleSetId: number, effectiveFrom?: Date, alsoWrite?: AlsoWrite): Promise<void>;
  /** The whole country as it would be with a draft published at `effectiveFrom` (default now); writes nothing. */
  validateDraft(ruleSetId: number, effectiveFrom?: Date): Promise<TimedReport>;
  /**
   * `alsoWrite` gets the routing as the change leaves it from `effectiveFrom` (issue #18: a closed unit's open
   * reports are handed to the unit it now picks, in the same transaction).
   */
  changeUnits(change: UnitChange, alsoWrite?: AlsoWrite): Promise<void>;
  /** Forget what was compiled; the next call reloads. */
  invalidate(): void;
}

/** `after`: the routing compiled from the candidate as it will be from the change's moment (`at`). */
type AlsoWrite = (tx: Queryable, after: { routing: () => CompiledRouting; at: Date }) => Promise<void>;

/** Another process may publish: its generation is checked at most this often, and at every stored decision. */
const FRESHNESS_MS = 1000;

export function validateFrom(data: RoutingData, from: Date): TimedReport {
  const moments = [from.getTime(), ...changePoints(data).filter((p) => p > from.getTime())];
  let last: TimedReport | undefined;
  for (const moment of moments) {
    const at = new Date(moment);
    const report = {
      ...compileRouting(snapshotAt(data, at), data.communes, data.provinces).report,
      at: at.toISOString(),
    };
    if (!report.ok) return report;
    last = report;
  }
  if (!last) throw new Error('no moment validated');
  return last;
}

const openRow = (unitId: string, area: Area, validFrom: Date): JurisdictionRecord => ({
  unitId,
  provinceCode: area.provinceCode,
  communeCode: area.communeCode ?? null,
  placeTypes: area.placeTypes ?? null,
  validFrom,
  validTo: null,
});

export function createRouting(deps: { db: Db; clock: Clock }): Routing {
  let data: RoutingData | undefined;
  let points: number[] = [];
  let generation = -1;
  let checkedAt = 0;
  const compiled = new Map<number, CompiledRouting>();

  const invalidate = () => {
    data = undefined;
    compiled.clear();
  };

  /**
   * `q` is the caller's transaction when there is one: on PGlite, one connection, a query outside
   * an open transaction would wait for it forever.
   */
  async function load(force: boolean, q: Queryable = deps.db): Promise<RoutingData> {
    const now = Date.now();
    if (data && !force && now - checkedAt < FRESHNESS_MS) return data;
    const current = await readGeneration(q);
    checkedAt = now;
    if (!data || current !== generation) {
      invalidate();
      data = await loadRoutingData(q);
      points = changePoints(data);
      generation = current;
    }
    return data;
  }

  async function compiledAt(at = deps.clock.now(), fresh = false, q?: Queryable): Promise<CompiledRouting> {
    const loaded = await load(fresh, q);
    const epoch = epochOf(points, at.getTime());
    let routing = compiled.get(epoch);
    if (!routing) {
      routing = compileRouting(snapshotAt(loaded, at), loaded.communes, loaded.provinces);
      compiled.set(epoch, routing);
    }
    return routing;
  }

  async function decideAt(input: RoutingInput, at: Date, fresh: boolean, q?: Queryable): Promise<RoutingDecision> {
    const routing = await compiledAt(at, fresh, q);
    const result = decide(routing, input, at);
    if (result.ok) return result.decision;
    if (input.communeCode) throw routing.communes.has(input.communeCode) ? noLeadUnit() : communeNotFound();
    throw input.provinceCode && routing.provinces.has(input.provinceCode) ? noLeadUnit() : provinceNotFound();
  }

  /** Validates and writes a change under the routing lock, so two publishes cannot pass together. */
  async function publishChange(
    apply: (tx: Queryable, candidate: RoutingData, from: Date) => Promise<() => Promise<void>>,
    effectiveFrom?: Date,
    alsoWrite?: AlsoWrite,
  ) {
    const now = deps.clock.now();
    const from = effectiveFrom ?? now;
    if (from.getTime() < now.getTime()) throw pastEffectiveTime();
    await deps.db.transaction(async (tx) => {
      await lockRouting(tx);
      const candidate = await loadRoutingData(tx);
      const write = await apply(tx, candidate, from);
      const report = validateFrom(candidate, from);
      if (!report.ok) throw routingInvalid(report);
      await write();
      await alsoWrite?.(tx, {
        routing: () => compileRouting(snapshotAt(candidate, from), candidate.communes, candidate.provinces),
        at: from,
      });
    });
    invalidate();
  }

  async function publishDraftIn(tx: Queryable, candidate: RoutingData, set: RuleSetRecord, from: Date) {
    if (set.status !== 'draft') throw notDraft();
    const now = deps.clock.now().getTime();
    const current = applyPublish(candidate, set, from);
    if (current?.effectiveFrom && current.effectiveFrom.getTime() > now) throw versionScheduled();
    return () => markPublished(tx, set, from, deps.clock.now(), current);
  }

  return {
    compiledAt: (at) => compiledAt(at),
    decide: (input, at = deps.clock.now()) => decideAt(input, at, false),
    async decideAndRecord(q, input, at = deps.clock.now()) {
      const decision = await decideAt(input, at, true, q);
      return { id: await insertDecision(q, decision), decision };
    },
    async validate(at = deps.clock.now()) {
      const routing = await compiledAt(at, true);
      return { ...routing.report, at: at.toISOString() };
    },
    async publishRuleSet(spec, effectiveFrom) {
      let published: RuleSetRecord | undefined;
      await publishChange(async (tx, candidate, from) => {
        const provinceOf = provinceOfCommune(candidate);
        const problems = ruleSetSpecProblems(spec, provinceOf);
        if (problems.length > 0)
          throw validationFailed(problems.map((p) => fieldIssue(['rules', p.index, 'communeCode'], p.problem)));
        const set = await insertDraftRuleSet(tx, spec, provinceOf);
        published = set;
        return publishDraftIn(tx, candidate, set, from);
      }, effectiveFrom);
      if (!published) throw new Error('rule set not published');
      return published;
    },
    async publishDraft(ruleSetId, effectiveFrom, alsoWrite) {
      await publishChange(
        async (tx, candidate, from) => {
          const set = candidate.ruleSets.find((s) => s.id === ruleSetId);
          if (!set) throw notDraft();
          return publishDraftIn(tx, candidate, set, from);
        },
        effectiveFrom,
        alsoWrite,
      );
    },
    async validateDraft(ruleSetId, effectiveFrom) {
      // Read afresh, not from the cache: a draft's rules change without bumping the generation.
      const candidate = await loadRoutingData(deps.db);
      const set = candidate.ruleSets.find((s) => s.id === ruleSetId && s.status === 'draft');
      if (!set) throw notDraft();
      const from = effectiveFrom ?? deps.clock.now();
      applyPublish(candidate, set, from);
      return validateFrom(candidate, from);
    },
    async changeUnits(change, alsoWrite) {
      await publishChange(
        async (tx, candidate, from) => {
          const byCode = new Map(candidate.units.map((u) => [u.code, u]));
          const closeOpenRows = (unitId: string) => {
            for (const j of candidate.jurisdictions) if (j.unitId === unitId && j.validTo === null) j.validTo = from;
          };
          const closing = (change.closeUnits ?? [])
            .map((code) => byCode.get(code))
            .filter((u): u is UnitRecord => u !== undefined);
          for (const unit of closing) {
            unit.validTo = from;
            closeOpenRows(unit.id);
          }
          // Each new unit and jurisdiction row is built once: validated in `candidate`, then written as is.
          const newUnits: NewUnit[] = (change.openUnits ?? []).map(({ areas: _areas, hotline, ...spec }) => ({
            ...spec,
            id: randomUUID(),
            hotline: hotline ?? null,
            validFrom: from,
          }));
          const newRows: JurisdictionRecord[] = [];
          (change.openUnits ?? []).forEach((spec, i) => {
            const unit = newUnits[i] as NewUnit & { id: string };
            const record: UnitRecord = {
              id: unit.id,
              code: unit.code,
              force: spec.force,
              provinceCode: unit.provinceCode,
              level: spec.level,
              name: unit.name,
              validFrom: from,
              validTo: null,
            };
            candidate.units.push(record);
            byCode.set(unit.code, record);
            newRows.push(...spec.areas.map((a) => openRow(unit.id, a, from)));
          });
          const reassignedIds: string[] = [];
          for (const { unitCode, areas } of change.setJurisdictions ?? []) {
            const unit = byCode.get(unitCode);
            if (!unit) continue;
            closeOpenRows(unit.id);
            reassignedIds.push(unit.id);
            newRows.push(...areas.map((a) => openRow(unit.id, a, from)));
          }
          candidate.jurisdictions.push(...newRows);
          return async () => {
            await closeUnits(
              tx,
              closing.map((u) => u.id),
              from,
            );
            await closeOpenJurisdictions(tx, [...closing.map((u) => u.id), ...reassignedIds], from);
            await insertUnits(tx, newUnits);
            await insertJurisdictions(tx, newRows);
          };
        },
        change.effectiveFrom,
        alsoWrite,
      );
    },
    invalidate,
  };
}
