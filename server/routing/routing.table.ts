import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { categoriesTable, forcesTable, placeTypesTable } from '../meta/meta.table';
import { communesTable, provincesTable } from '../places/places.table';
import { unitsTable } from '../units/units.table';
import type { DecidedUnit } from './decision';

export type RuleSetScope = 'national' | 'province';
export type RuleScope = 'national' | 'province' | 'commune';
export type RuleSetStatus = 'draft' | 'published';

/**
 * SPEC.md §4: one version of the rules of a scope (the national default, or one province's
 * refinements). A published version is immutable (database triggers); it is in effect from
 * `effective_from` until the next published version of its scope takes over (`effective_to`).
 */
export const routingRuleSetsTable = pgTable(
  'routing_rule_sets',
  {
    id: serial('id').primaryKey(),
    scope: text('scope').$type<RuleSetScope>().notNull(),
    provinceCode: text('province_code').references(() => provincesTable.code),
    version: integer('version').notNull(),
    status: text('status').$type<RuleSetStatus>().notNull().default('draft'),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }),
    effectiveTo: timestamp('effective_to', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('routing_rule_sets_version_key').on(t.scope, t.provinceCode, t.version).nullsNotDistinct(),
    check('routing_rule_sets_scope_check', sql`(${t.scope} = 'national') = (${t.provinceCode} is null)`),
    check('routing_rule_sets_published_check', sql`${t.status} = 'draft' or ${t.effectiveFrom} is not null`),
  ],
);

/** `(scope, category | *, place type | *) -> lead force + coordinating forces`; null means `*`. */
export const routingRulesTable = pgTable(
  'routing_rules',
  {
    id: serial('id').primaryKey(),
    ruleSetId: integer('rule_set_id')
      .notNull()
      .references(() => routingRuleSetsTable.id),
    scope: text('scope').$type<RuleScope>().notNull(),
    provinceCode: text('province_code').references(() => provincesTable.code),
    communeCode: text('commune_code').references(() => communesTable.code),
    category: text('category').references(() => categoriesTable.code),
    placeType: text('place_type').references(() => placeTypesTable.code),
    leadForce: text('lead_force')
      .notNull()
      .references(() => forcesTable.code),
    coordinatingForces: text('coordinating_forces')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note'),
  },
  (t) => [
    index('routing_rules_rule_set_idx').on(t.ruleSetId),
    check(
      'routing_rules_scope_check',
      sql`(${t.scope} = 'national' and ${t.provinceCode} is null and ${t.communeCode} is null)
        or (${t.scope} = 'province' and ${t.provinceCode} is not null and ${t.communeCode} is null)
        or (${t.scope} = 'commune' and ${t.provinceCode} is not null and ${t.communeCode} is not null)`,
    ),
  ],
);

/**
 * A routing decision as it was made: never updated or deleted (a trigger refuses both), so a
 * report keeps the rule, version, units and words it was routed with after anything changes.
 */
export const routingDecisionsTable = pgTable(
  'routing_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    category: text('category').notNull(),
    placeType: text('place_type').notNull(),
    /** null: an online report routed by its province alone (SPEC.md §3, migration 0012). */
    communeCode: text('commune_code').references(() => communesTable.code),
    /**
     * Issue #18: the rule columns are null together exactly for a tip about officials, which no rule routes: its
     * lead is the province's standing office (`lead_force` null too, the office is of no force).
     */
    ruleSetId: integer('rule_set_id').references(() => routingRuleSetsTable.id),
    ruleSetVersion: text('rule_set_version'),
    ruleId: integer('rule_id').references(() => routingRulesTable.id),
    ruleKey: text('rule_key'),
    leadForce: text('lead_force'),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => unitsTable.id),
    leadUnitName: text('lead_unit_name').notNull(),
    coordinating: jsonb('coordinating').$type<DecidedUnit[]>().notNull(),
    explanationVi: text('explanation_vi').notNull(),
    explanationEn: text('explanation_en').notNull(),
    warnings: text('warnings')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    index('routing_decisions_lead_unit_idx').on(t.leadUnitId),
    check(
      'routing_decisions_rule_whole',
      sql`(${t.ruleId} is null) = (${t.ruleSetId} is null) and (${t.ruleId} is null) = (${t.ruleSetVersion} is null)
        and (${t.ruleId} is null) = (${t.ruleKey} is null) and (${t.ruleId} is null) = (${t.leadForce} is null)`,
    ),
  ],
);

/** One row whose generation every change to rules, units or jurisdictions bumps (by trigger). */
export const routingStateTable = pgTable(
  'routing_state',
  {
    id: integer('id').primaryKey().default(1),
    generation: integer('generation').notNull().default(0),
  },
  (t) => [check('routing_state_single_row', sql`${t.id} = 1`)],
);
