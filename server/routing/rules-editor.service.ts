import type { RuleSetDetail, RuleSetSummary, RuleView, ValidationSummary } from '../../shared/api/rules';
import type { DraftInput, DraftRules } from '../../shared/schemas/rules';
import { appendAudit } from '../auth/auth.repository';
import type { StaffUser } from '../auth/auth.service';
import { scopeOf } from '../auth/scope';
import type { Queryable } from '../db/types';
import type { AppDeps } from '../deps';
import { AppError, fieldIssue, validationFailed } from '../http/errors';
import { forbidden } from '../http/staff-api';
import { provinceNotFound } from '../places/places.errors';
import { findCommunesByCode, provinceExists } from '../places/places.repository';
import type { RuleSetSpec } from './default-rules';
import { draftExists, notDraft, routingInvalid, ruleSetNotFound } from './routing.errors';
import { ruleKey, ruleSetLabel, ruleSetSpecProblems, rulesOf, type RuleRecord } from './routing.model';
import {
  deleteDraftRuleSet,
  findPublishers,
  findRuleSetRow,
  findRuleSetsOf,
  findRulesOf,
  insertDraftRuleSet,
  replaceDraftRules,
} from './routing.repository';
import type { TimedReport } from './routing.service';

/** A rule set's scope: a province code, or null for the national default. */
type ScopeCode = string | null;

/** Problems answered in full; the rest are counted. The whole report names thousands of cells. */
const PROBLEMS_SHOWN = 20;

export const scopeCodeOf = (param: string): ScopeCode => (param === 'national' ? null : param);

/**
 * SPEC.md §7 (server/auth/scope.ts): another province's rules answer 404, as if they did not exist.
 */
async function checkRead(deps: AppDeps, staff: StaffUser, provinceCode: ScopeCode): Promise<void> {
  if (!(await scopeOf(deps.db, staff)).mayReadRules(provinceCode)) throw ruleSetNotFound();
}

/** Rules one may read but not write answer 403: their existence is no secret to the reader. */
async function checkEdit(deps: AppDeps, staff: StaffUser, provinceCode: ScopeCode): Promise<void> {
  await checkRead(deps, staff, provinceCode);
  if (!(await scopeOf(deps.db, staff)).mayEditRules(provinceCode)) throw forbidden();
}

async function checkScopeExists(deps: AppDeps, provinceCode: ScopeCode): Promise<void> {
  if (provinceCode !== null && !(await provinceExists(deps.db, provinceCode))) throw provinceNotFound();
}

/** The validator's report as the editor shows it: the first problems in full, totals for the rest. */
export function summariseReport(report: TimedReport): ValidationSummary {
  return {
    ok: report.ok,
    at: report.at,
    cellsChecked: report.cellsChecked,
    gapCells: report.gapCells,
    overlapCells: report.overlapCells,
    problemCount: report.problems.length,
    problems: report.problems.slice(0, PROBLEMS_SHOWN),
    provinces: report.provinces
      .filter((p) => p.gapCells > 0 || p.overlapCells > 0)
      .map(({ code, name, gapCells, overlapCells }) => ({ code, name, gapCells, overlapCells })),
  };
}

/** Runs a routing change; a refusal by the validator carries the bounded report instead of the whole. */
export async function boundedRefusal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError && err.code === 'routing.invalid')
      throw routingInvalid(summariseReport(err.details as TimedReport));
    throw err;
  }
}

type RuleSetRow = NonNullable<Awaited<ReturnType<typeof findRuleSetRow>>>;

function summary(row: RuleSetRow, ruleCount: number, publishedBy: string | null, now: Date): RuleSetSummary {
  const at = now.getTime();
  const inEffect =
    row.status === 'published' &&
    row.effectiveFrom !== null &&
    row.effectiveFrom.getTime() <= at &&
    (row.effectiveTo === null || at < row.effectiveTo.getTime());
  return {
    id: row.id,
    scope: row.scope,
    provinceCode: row.provinceCode,
    version: row.version,
    label: ruleSetLabel(row),
    status: row.status,
    inEffect,
    effectiveFrom: row.effectiveFrom?.toISOString() ?? null,
    effectiveTo: row.effectiveTo?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy,
    note: row.note,
    ruleCount,
  };
}

const toSpecRule = (r: RuleRecord) => ({
  placeType: r.placeType ?? ('*' as const),
  category: r.category ?? ('*' as const),
  lead: r.leadForce,
  coordinating: r.coordinatingForces,
  ...(r.communeCode ? { communeCode: r.communeCode } : {}),
});

async function ruleViews(q: Queryable, rules: RuleRecord[]): Promise<RuleView[]> {
  const communes = await findCommunesByCode(
    q,
    rules.flatMap((r) => (r.communeCode ? [r.communeCode] : [])),
  );
  return rules.map((r) => {
    const communeName = r.communeCode ? communes.get(r.communeCode)?.name : undefined;
    return { key: ruleKey(r), ...toSpecRule(r), ...(communeName ? { communeName } : {}) };
  });
}

/** The versions of a scope, newest first. */
export async function listRuleSets(deps: AppDeps, staff: StaffUser, scopeParam: string): Promise<RuleSetSummary[]> {
  const provinceCode = scopeCodeOf(scopeParam);
  await checkRead(deps, staff, provinceCode);
  await checkScopeExists(deps, provinceCode);
  const rows = await findRuleSetsOf(deps.db, provinceCode);
  const publishers = await findPublishers(
    deps.db,
    rows.map((r) => r.set.id),
  );
  const now = deps.clock.now();
  return rows.map((r) => summary(r.set, r.ruleCount, publishers.get(r.set.id) ?? null, now));
}

async function readableRuleSet(deps: AppDeps, staff: StaffUser, id: number): Promise<RuleSetRow> {
  const row = await findRuleSetRow(deps.db, id);
  if (!row) throw ruleSetNotFound();
  await checkRead(deps, staff, row.provinceCode);
  return row;
}

async function editableDraft(deps: AppDeps, staff: StaffUser, id: number): Promise<RuleSetRow> {
  const row = await readableRuleSet(deps, staff, id);
  await checkEdit(deps, staff, row.provinceCode);
  if (row.status !== 'draft') throw notDraft();
  return row;
}

export async function getRuleSet(deps: AppDeps, staff: StaffUser, id: number): Promise<RuleSetDetail> {
  const row = await readableRuleSet(deps, staff, id);
  const rules = await findRulesOf(deps.db, id);
  const publishers = await findPublishers(deps.db, [id]);
  return {
    ...summary(row, rules.length, publishers.get(id) ?? null, deps.clock.now()),
    rules: await ruleViews(deps.db, rules),
  };
}

/** The province of each commune a rule names (unknown ones are absent), for ruleSetSpecProblems and rulesOf. */
async function communeProvinces(q: Queryable, rules: { communeCode?: string }[]) {
  const communes = await findCommunesByCode(
    q,
    rules.flatMap((r) => (r.communeCode ? [r.communeCode] : [])),
  );
  return (code: string) => communes.get(code)?.provinceCode;
}

/** Starts a new version of a scope: a copy of the rules in effect now, or none. One draft per scope at a time. */
export async function createDraft(deps: AppDeps, staff: StaffUser, input: DraftInput): Promise<RuleSetDetail> {
  const provinceCode = scopeCodeOf(input.province);
  await checkEdit(deps, staff, provinceCode);
  await checkScopeExists(deps, provinceCode);
  const id = await deps.db.transaction(async (tx) => {
    const versions = await findRuleSetsOf(tx, provinceCode);
    if (versions.some((v) => v.set.status === 'draft')) throw draftExists();
    const now = deps.clock.now();
    const current = versions.map((v) => summary(v.set, v.ruleCount, null, now)).find((v) => v.inEffect);
    const rules = input.start === 'current' && current ? (await findRulesOf(tx, current.id)).map(toSpecRule) : [];
    const spec: RuleSetSpec = {
      scope: provinceCode === null ? 'national' : 'province',
      ...(provinceCode ? { provinceCode } : {}),
      note: input.note ?? (current ? `${current.label} +` : ''),
      rules,
    };
    const set = await insertDraftRuleSet(tx, spec, await communeProvinces(tx, rules));
    await appendAudit(tx, {
      at: now,
      action: 'rule_set_drafted',
      actorId: staff.id,
      subject: `rule_set:${set.id}`,
      data: { from: current?.label ?? null },
    });
    return set.id;
  });
  return getRuleSet(deps, staff, id);
}

/** Replaces a draft's rules; a commune rule must name a commune of the draft's province. */
export async function replaceDraft(
  deps: AppDeps,
  staff: StaffUser,
  id: number,
  input: DraftRules,
): Promise<RuleSetDetail> {
  const row = await editableDraft(deps, staff, id);
  const spec: RuleSetSpec = {
    scope: row.scope,
    ...(row.provinceCode ? { provinceCode: row.provinceCode } : {}),
    note: input.note ?? row.note ?? '',
    rules: input.rules,
  };
  const provinceOf = await communeProvinces(deps.db, input.rules);
  const problems = ruleSetSpecProblems(spec, provinceOf);
  if (problems.length > 0)
    throw validationFailed(problems.map((p) => fieldIssue(['rules', p.index, 'communeCode'], p.problem)));
  await deps.db.transaction(async (tx) => {
    await replaceDraftRules(tx, id, rulesOf(spec, provinceOf), input.note);
    await appendAudit(tx, {
      at: deps.clock.now(),
      action: 'rule_set_draft_changed',
      actorId: staff.id,
      subject: `rule_set:${id}`,
      data: { rules: input.rules.length },
    });
  });
  return getRuleSet(deps, staff, id);
}

export async function discardDraft(deps: AppDeps, staff: StaffUser, id: number): Promise<void> {
  await editableDraft(deps, staff, id);
  await deps.db.transaction(async (tx) => {
    await deleteDraftRuleSet(tx, id);
    await appendAudit(tx, {
      at: deps.clock.now(),
      action: 'rule_set_discarded',
      actorId: staff.id,
      subject: `rule_set:${id}`,
    });
  });
}

/** The whole country as it would be with this draft in effect from `effectiveFrom` (default now). */
export async function validateDraft(
  deps: AppDeps,
  staff: StaffUser,
  id: number,
  effectiveFrom?: Date,
): Promise<ValidationSummary> {
  const row = await readableRuleSet(deps, staff, id);
  if (row.status !== 'draft') throw notDraft();
  return summariseReport(await deps.routing.validateDraft(id, effectiveFrom));
}

/** Publishes a draft from `effectiveFrom` (default now), or refuses it with the validator's report, writing nothing. */
export async function publishDraft(
  deps: AppDeps,
  staff: StaffUser,
  id: number,
  effectiveFrom?: Date,
): Promise<RuleSetDetail> {
  await editableDraft(deps, staff, id);
  await boundedRefusal(() =>
    deps.routing.publishDraft(id, effectiveFrom, (tx) =>
      appendAudit(tx, {
        at: deps.clock.now(),
        action: 'rule_set_published',
        actorId: staff.id,
        subject: `rule_set:${id}`,
        data: { effectiveFrom: (effectiveFrom ?? deps.clock.now()).toISOString() },
      }),
    ),
  );
  return getRuleSet(deps, staff, id);
}
