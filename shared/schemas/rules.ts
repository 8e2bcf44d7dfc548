import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { FORCES } from '../domain/forces';
import { PLACE_TYPES } from '../domain/place-types';
import { phoneSchema } from './report';
import { communeCodeSchema, provinceCodeSchema } from './routing';
import { isoTime, positiveInt, text } from './storable';

/** A rule set's scope in a URL or body: a province code, or `national` for the country's default. */
export const ruleSetScopeSchema = z
  .union([z.literal('national'), provinceCodeSchema])
  .meta({ description: '`national` or a two-digit province code', example: '04' });

/** SPEC.md §4: a rule as coordinators write it, `*` where it does not care. */
export const ruleInputSchema = z.strictObject({
  placeType: z.enum([...PLACE_TYPES, '*']),
  category: z.enum([...CATEGORIES, '*']),
  lead: z.enum(FORCES),
  coordinating: z.array(z.enum(FORCES)).max(FORCES.length).default([]),
  /** Only in a province's rule set: the rule applies to this commune alone. */
  communeCode: communeCodeSchema.optional(),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const ruleSetsQuerySchema = z.strictObject({ province: ruleSetScopeSchema });
export const ruleSetParamsSchema = z.object({ ruleSetId: positiveInt({ coerce: true }) });

export const draftInputSchema = z.strictObject({
  province: ruleSetScopeSchema,
  /** `current`: a copy of the rules in effect now; `empty`: no rules (a province then follows the national set). */
  start: z.enum(['current', 'empty']).default('current'),
  note: text().trim().min(1).max(500).optional(),
});
export type DraftInput = z.infer<typeof draftInputSchema>;

export const draftRulesSchema = z.strictObject({
  note: text().trim().min(1).max(500).optional(),
  rules: z.array(ruleInputSchema).max(2000),
});
export type DraftRules = z.infer<typeof draftRulesSchema>;

/** An effective time with its offset (`2026-11-23T14:00:00+07:00`); absent: now. */
const effectiveFromSchema = isoTime()
  .optional()
  .meta({ description: 'ISO 8601 with offset; absent means now; never in the past' });

export const publishInputSchema = z.strictObject({ effectiveFrom: effectiveFromSchema });
export const validateInputSchema = publishInputSchema;

/** SPEC.md §4: the flags coordinators maintain on a commune; at least one. */
export const communeFlagsSchema = z
  .strictObject({
    landBorder: z.boolean().optional(),
    coastal: z.boolean().optional(),
    remoteOrIsland: z.boolean().optional(),
  })
  .refine((flags) => Object.values(flags).some((v) => v !== undefined), { params: { key: 'validation.no_change' } });
export type CommuneFlags = z.infer<typeof communeFlagsSchema>;
export const communeParamsSchema = z.object({ communeCode: communeCodeSchema });

/** What a unit covers: the whole province (no commune) or one commune, optionally only some place types. */
const areaSchema = z.strictObject({
  provinceCode: provinceCodeSchema,
  communeCode: communeCodeSchema.nullable().default(null),
  placeTypes: z.array(z.enum(PLACE_TYPES)).min(1).nullable().default(null),
});

export const unitParamsSchema = z.object({ unitId: z.uuid() });

export const unitInputSchema = z.strictObject({
  unitCode: text()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  force: z.enum(FORCES),
  provinceCode: provinceCodeSchema,
  level: z.enum(['regional', 'province', 'local']),
  name: text().trim().min(3).max(200),
  parentId: z.uuid().nullable().default(null),
  /** Issue #18: an investigating body (police only) that reports with signs of a crime are handed to. */
  investigates: z.boolean().default(false),
  areas: z.array(areaSchema).min(1).max(500),
  effectiveFrom: effectiveFromSchema,
});
export type UnitInput = z.infer<typeof unitInputSchema>;

export const unitRenameSchema = z.strictObject({ name: text().trim().min(3).max(200) });
/**
 * Issue #17: a unit's duty contacts. `dutyPhone` is its public duty hotline (shown to callers and on the
 * public pages); `dutyEmail` the mailbox its alerts also go to. null removes one.
 */
export const unitDutyContactsSchema = z.strictObject({
  dutyPhone: phoneSchema.nullable(),
  dutyEmail: z.email().max(254).nullable(),
});
export type UnitDutyContacts = z.infer<typeof unitDutyContactsSchema>;

/** Issue #18: `handTo`, one unit to take all the closed unit's open reports; absent, each goes where the routing now sends it. */
export const unitCloseSchema = z.strictObject({
  effectiveFrom: effectiveFromSchema,
  handTo: z.uuid().optional().meta({
    description: "Issue #18: the unit that takes the closed unit's open reports; absent: the routing picks for each",
  }),
});
export type UnitClose = z.infer<typeof unitCloseSchema>;
/** Issue #18, `POST /units/{unitId}/merge`: the unit closes into `intoUnitId` (its areas, open reports and staff go there). */
export const unitMergeSchema = z.strictObject({
  intoUnitId: z.uuid().meta({ description: 'The unit of the same force that takes its areas, open reports and staff' }),
  effectiveFrom: effectiveFromSchema,
});
export type UnitMerge = z.infer<typeof unitMergeSchema>;
/** Issue #18: whether a police unit is an investigating body (cơ quan điều tra). */
export const unitInvestigatesSchema = z.strictObject({ investigates: z.boolean() });
export const jurisdictionInputSchema = z.strictObject({
  areas: z.array(areaSchema).min(1).max(500),
  effectiveFrom: effectiveFromSchema,
});
export type JurisdictionInput = z.infer<typeof jurisdictionInputSchema>;
