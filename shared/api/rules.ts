import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { FORCES } from '../domain/forces';
import { PLACE_TYPES } from '../domain/place-types';

const time = z.string().meta({ format: 'date-time' });

export const ruleViewSchema = z.object({
  key: z.string().meta({ description: 'SPEC.md notation', example: 'commune-01447/market/counterfeit' }),
  placeType: z.enum([...PLACE_TYPES, '*']),
  category: z.enum([...CATEGORIES, '*']),
  lead: z.enum(FORCES),
  coordinating: z.array(z.enum(FORCES)),
  communeCode: z.string().optional(),
  communeName: z.string().optional(),
});
export type RuleView = z.infer<typeof ruleViewSchema>;

export const ruleSetSummarySchema = z
  .object({
    id: z.number().int(),
    scope: z.enum(['national', 'province']),
    provinceCode: z.string().nullable(),
    version: z.number().int(),
    label: z.string().meta({ example: 'province-04@2' }),
    status: z.enum(['draft', 'published']),
    inEffect: z.boolean().meta({ description: 'The version routing uses now' }),
    effectiveFrom: time.nullable(),
    effectiveTo: time.nullable(),
    publishedAt: time.nullable(),
    publishedBy: z.string().nullable().meta({ description: 'Display name of whoever published it (audit log)' }),
    note: z.string().nullable(),
    ruleCount: z.number().int(),
  })
  .meta({ id: 'RuleSetSummary' });
export type RuleSetSummary = z.infer<typeof ruleSetSummarySchema>;

export const ruleSetsResponseSchema = z.object({ ruleSets: z.array(ruleSetSummarySchema) }).meta({ id: 'RuleSets' });
export const ruleSetDetailSchema = ruleSetSummarySchema
  .extend({ rules: z.array(ruleViewSchema) })
  .meta({ id: 'RuleSetDetail' });
export type RuleSetDetail = z.infer<typeof ruleSetDetailSchema>;

const problemSchema = z.object({
  kind: z
    .enum(['no_rule', 'no_unit', 'rule_overlap', 'unit_overlap'])
    .meta({ description: 'no_rule, no_unit: gaps; rule_overlap, unit_overlap: overlaps' }),
  force: z.enum(FORCES).optional(),
  level: z.string().optional(),
  rules: z.array(z.string()).optional(),
  leads: z.array(z.enum(FORCES)).optional(),
  units: z.array(z.string()).optional(),
  cells: z.number().int(),
  examples: z.array(
    z.object({
      provinceCode: z.string(),
      communeCode: z.string(),
      communeName: z.string(),
      category: z.enum(CATEGORIES),
      placeType: z.enum(PLACE_TYPES),
    }),
  ),
});

/** The validator's report, bounded: the first problems in full, totals for the rest. */
export const validationSummarySchema = z
  .object({
    ok: z.boolean(),
    at: time.meta({ description: 'The moment checked (the first one that fails, if any)' }),
    cellsChecked: z.number().int(),
    gapCells: z.number().int(),
    overlapCells: z.number().int(),
    problemCount: z.number().int(),
    problems: z.array(problemSchema),
    provinces: z
      .array(
        z.object({ code: z.string(), name: z.string(), gapCells: z.number().int(), overlapCells: z.number().int() }),
      )
      .meta({ description: 'Provinces with a gap or an overlap' }),
  })
  .meta({ id: 'ValidationSummary' });
export type ValidationSummary = z.infer<typeof validationSummarySchema>;
export type ValidationProblem = ValidationSummary['problems'][number];

export const unitDetailSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    force: z.enum(FORCES),
    provinceCode: z.string(),
    level: z.enum(['regional', 'province', 'local']),
    parentId: z.string().nullable(),
    /** Issue #17: the public duty hotline and the duty mailbox for alerts. */
    dutyPhone: z.string().nullable(),
    dutyEmail: z.string().nullable(),
    /** Issue #18: an investigating body (police), that reports with signs of a crime are handed to. */
    investigates: z.boolean(),
    validFrom: time,
    validTo: time.nullable(),
    areas: z.array(
      z.object({
        provinceCode: z.string(),
        communeCode: z.string().nullable(),
        communeName: z.string().nullable(),
        placeTypes: z.array(z.enum(PLACE_TYPES)).nullable(),
        validFrom: time,
      }),
    ),
  })
  .meta({ id: 'UnitDetail' });
export type UnitDetail = z.infer<typeof unitDetailSchema>;

/** Issue #18: a unit closed or merged, and what became of its open reports. */
export const closedUnitSchema = unitDetailSchema
  .extend({
    handedOver: z
      .number()
      .int()
      .meta({ description: 'Open reports it led, each handed over with a `transferred` event' }),
    transfersCancelled: z.number().int().meta({ description: 'Transfers that waited for it, cancelled' }),
  })
  .meta({ id: 'ClosedUnit' });
export type ClosedUnit = z.infer<typeof closedUnitSchema>;

export const communeFlagsResponseSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    provinceCode: z.string(),
    landBorder: z.boolean(),
    coastal: z.boolean(),
    remoteOrIsland: z.boolean(),
  })
  .meta({ id: 'CommuneFlags' });
export type CommuneFlagsView = z.infer<typeof communeFlagsResponseSchema>;
