import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Category } from '../../shared/domain/categories';
import type { Force } from '../../shared/domain/forces';
import type { PlaceType } from '../../shared/domain/place-types';
import { auditLogTable, staffAccountsTable } from '../auth/auth.table';
import type { Queryable } from '../db/types';
import { communesTable, provincesTable } from '../places/places.table';
import { unitJurisdictionsTable, unitsTable } from '../units/units.table';
import type { RoutingDecision } from './decision';
import type { RuleSetSpec } from './default-rules';
import { pushTo, rulesOf, type NewRule, type RoutingData, type RuleRecord, type RuleSetRecord } from './routing.model';
import { routingDecisionsTable, routingRuleSetsTable, routingRulesTable, routingStateTable } from './routing.table';

export async function readGeneration(q: Queryable): Promise<number> {
  const [row] = await q.select({ generation: routingStateTable.generation }).from(routingStateTable);
  return row?.generation ?? 0;
}

/** Takes the routing lock for the rest of the transaction: publishes are validated one at a time. */
export async function lockRouting(q: Queryable): Promise<void> {
  await q.select().from(routingStateTable).for('update');
}

/** The database keeps codes as text; the code lists are enforced by foreign keys and the schemas. */
function toRuleRecord(row: typeof routingRulesTable.$inferSelect): RuleRecord {
  return {
    ...row,
    category: row.category as Category | null,
    placeType: row.placeType as PlaceType | null,
    leadForce: row.leadForce as Force,
    coordinatingForces: row.coordinatingForces as Force[],
  };
}

export async function loadRoutingData(q: Queryable): Promise<RoutingData> {
  // One after the other: `q` may be a transaction, whose single connection takes one query at a time.
  const provinces = await q
    .select({ code: provincesTable.code, name: provincesTable.name })
    .from(provincesTable)
    .orderBy(asc(provincesTable.sortOrder));
  const communes = await q
    .select({
      code: communesTable.code,
      provinceCode: communesTable.provinceCode,
      name: communesTable.name,
      landBorder: communesTable.landBorder,
      coastal: communesTable.coastal,
    })
    .from(communesTable)
    .orderBy(asc(communesTable.provinceCode), asc(communesTable.sortOrder));
  const sets = await q.select().from(routingRuleSetsTable).orderBy(asc(routingRuleSetsTable.id));
  const rules = await q.select().from(routingRulesTable).orderBy(asc(routingRulesTable.id));
  // Issue #18: a standing office is no unit of a force: routing never picks it and its validator ignores it.
  const units = await q.select().from(unitsTable).where(eq(unitsTable.kind, 'force'));
  const jurisdictions = await q
    .select()
    .from(unitJurisdictionsTable)
    .where(sql`${unitJurisdictionsTable.unitId} in (select id from units where kind = 'force')`)
    .orderBy(asc(unitJurisdictionsTable.id));
  const rulesBySet = new Map<number, RuleRecord[]>();
  for (const r of rules) {
    const record = toRuleRecord(r);
    pushTo(rulesBySet, r.ruleSetId, record);
  }
  return {
    provinces,
    communes,
    ruleSets: sets.map((s) => ({ ...s, rules: rulesBySet.get(s.id) ?? [] })),
    units: units.flatMap((u) => (u.force === null ? [] : [{ ...u, force: u.force as Force }])),
    jurisdictions: jurisdictions.map((j) => ({ ...j, placeTypes: j.placeTypes as PlaceType[] | null })),
  };
}

async function nextRuleSetVersion(
  q: Queryable,
  scope: RuleSetSpec['scope'],
  provinceCode: string | null,
): Promise<number> {
  const [row] = await q
    .select({ version: max(routingRuleSetsTable.version) })
    .from(routingRuleSetsTable)
    .where(
      and(
        eq(routingRuleSetsTable.scope, scope),
        provinceCode === null
          ? isNull(routingRuleSetsTable.provinceCode)
          : eq(routingRuleSetsTable.provinceCode, provinceCode),
      ),
    );
  return (row?.version ?? 0) + 1;
}

/** Stores a rule set as a draft with its rules; returns it as routing reads it. */
export async function insertDraftRuleSet(
  q: Queryable,
  spec: RuleSetSpec,
  communeProvince: (code: string) => string | undefined,
): Promise<RuleSetRecord> {
  const provinceCode = spec.scope === 'province' ? (spec.provinceCode ?? null) : null;
  const version = await nextRuleSetVersion(q, spec.scope, provinceCode);
  const [set] = await q
    .insert(routingRuleSetsTable)
    .values({ scope: spec.scope, provinceCode, version, status: 'draft', note: spec.note })
    .returning();
  if (!set) throw new Error('rule set not inserted');
  const rows = rulesOf(spec, communeProvince).map((rule) => ({ ...rule, ruleSetId: set.id }));
  const inserted = rows.length > 0 ? await q.insert(routingRulesTable).values(rows).returning() : [];
  return {
    ...set,
    rules: inserted.map(toRuleRecord),
  };
}

/** Publishes a draft; the version it replaces stops at the same moment. */
export async function markPublished(
  q: Queryable,
  set: RuleSetRecord,
  effectiveFrom: Date,
  publishedAt: Date,
  replaces: RuleSetRecord | undefined,
): Promise<void> {
  if (replaces) {
    await q
      .update(routingRuleSetsTable)
      .set({ effectiveTo: effectiveFrom })
      .where(eq(routingRuleSetsTable.id, replaces.id));
  }
  await q
    .update(routingRuleSetsTable)
    .set({ status: 'published', effectiveFrom, publishedAt })
    .where(and(eq(routingRuleSetsTable.id, set.id), eq(routingRuleSetsTable.status, 'draft')));
}

export async function countRuleSets(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(routingRuleSetsTable);
  return row?.n ?? 0;
}

/** Stores a decision; the table refuses updates and deletes, so this is its only write. */
export async function insertDecision(q: Queryable, decision: RoutingDecision): Promise<string> {
  const [row] = await q
    .insert(routingDecisionsTable)
    .values({
      decidedAt: decision.decidedAt,
      category: decision.category,
      placeType: decision.placeType,
      communeCode: decision.communeCode,
      ruleSetId: decision.ruleSetId,
      ruleSetVersion: decision.ruleSetVersion,
      ruleId: decision.ruleId,
      ruleKey: decision.ruleKey,
      leadForce: decision.lead.force,
      leadUnitId: decision.lead.unitId,
      leadUnitName: decision.lead.unitName,
      coordinating: decision.coordinating,
      explanationVi: decision.explanation.vi,
      explanationEn: decision.explanation.en,
      warnings: decision.warnings,
    })
    .returning({ id: routingDecisionsTable.id });
  if (!row) throw new Error('routing decision not inserted');
  return row.id;
}

export async function findDecision(q: Queryable, id: string) {
  const [row] = await q.select().from(routingDecisionsTable).where(eq(routingDecisionsTable.id, id));
  return row;
}

const scopeIs = (provinceCode: string | null) =>
  provinceCode === null
    ? and(eq(routingRuleSetsTable.scope, 'national'), isNull(routingRuleSetsTable.provinceCode))
    : and(eq(routingRuleSetsTable.scope, 'province'), eq(routingRuleSetsTable.provinceCode, provinceCode));

/** The versions of one scope (null: national), newest first, with their rule counts. */
export async function findRuleSetsOf(q: Queryable, provinceCode: string | null) {
  return q
    .select({
      set: routingRuleSetsTable,
      ruleCount: sql<number>`(select count(*)::int from routing_rules r where r.rule_set_id = "routing_rule_sets"."id")`,
    })
    .from(routingRuleSetsTable)
    .where(scopeIs(provinceCode))
    .orderBy(desc(routingRuleSetsTable.version));
}

export async function findRuleSetRow(q: Queryable, id: number) {
  const [row] = await q.select().from(routingRuleSetsTable).where(eq(routingRuleSetsTable.id, id));
  return row;
}

export async function findRulesOf(q: Queryable, ruleSetId: number): Promise<RuleRecord[]> {
  const rows = await q
    .select()
    .from(routingRulesTable)
    .where(eq(routingRulesTable.ruleSetId, ruleSetId))
    .orderBy(asc(routingRulesTable.id));
  return rows.map(toRuleRecord);
}

/** Who published each rule set, from the audit log (the rule set row does not keep it). */
export async function findPublishers(q: Queryable, ruleSetIds: number[]): Promise<Map<number, string>> {
  if (ruleSetIds.length === 0) return new Map();
  const rows = await q
    .select({ subject: auditLogTable.subject, name: staffAccountsTable.displayName })
    .from(auditLogTable)
    .innerJoin(staffAccountsTable, eq(staffAccountsTable.id, auditLogTable.actorId))
    .where(
      and(
        eq(auditLogTable.action, 'rule_set_published'),
        inArray(
          auditLogTable.subject,
          ruleSetIds.map((id) => `rule_set:${id}`),
        ),
      ),
    );
  return new Map(rows.map((r) => [Number(r.subject?.slice('rule_set:'.length)), r.name]));
}

/** Replaces the rules of a draft; the database refuses it for a published set (trigger). */
export async function replaceDraftRules(
  q: Queryable,
  ruleSetId: number,
  rules: NewRule[],
  note: string | undefined,
): Promise<void> {
  await q.delete(routingRulesTable).where(eq(routingRulesTable.ruleSetId, ruleSetId));
  if (rules.length > 0) await q.insert(routingRulesTable).values(rules.map((r) => ({ ...r, ruleSetId })));
  if (note !== undefined)
    await q
      .update(routingRuleSetsTable)
      .set({ note })
      .where(and(eq(routingRuleSetsTable.id, ruleSetId), eq(routingRuleSetsTable.status, 'draft')));
}

/** Discards a draft and its rules; a published set cannot be deleted (trigger). */
export async function deleteDraftRuleSet(q: Queryable, ruleSetId: number): Promise<void> {
  await q.delete(routingRulesTable).where(eq(routingRulesTable.ruleSetId, ruleSetId));
  await q
    .delete(routingRuleSetsTable)
    .where(and(eq(routingRuleSetsTable.id, ruleSetId), eq(routingRuleSetsTable.status, 'draft')));
}
