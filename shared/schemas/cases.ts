import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { OUTCOMES } from '../domain/outcomes';
import { PROSECUTION_DECISIONS } from '../domain/results';
import { PLACE_TYPES } from '../domain/place-types';
import { GOODS_TYPES, SANCTION_CLOCKS, SANCTION_TYPES } from '../domain/results';
import { STATUSES } from '../domain/statuses';
import { cleanText, trackingCodeSchema } from './report';
import { isoDay, isoTime, positiveInt, text } from './storable';

/** Issue #6: every action carries the version of the report it was decided on (optimistic concurrency). */
const version = positiveInt();
const freeText = (min: number, max: number) =>
  text()
    .transform((v) => cleanText(v, { multiline: true }))
    .pipe(text().min(min).max(max));
const reason = freeText(5, 2000);

// Issue #18 (results as data): numbers and words of the violation record, the decision and the seized lots.
const line = (max: number) =>
  text()
    .transform((v) => cleanText(v, { multiline: false }))
    .pipe(text().min(1).max(max));
/** Đồng, whole: a bigint column, kept within what JavaScript counts exactly. */
const vnd = z.number().int().min(0).max(1e15);
const sanctionRecord = {
  recordNo: line(100),
  /** The day the violation record (biên bản) was made, not in the future (checked by the handler). */
  recordDate: isoDay(),
  clock: z.enum(SANCTION_CLOCKS),
  /** Required for `verification` and `extended` (Luật XLVPHC Điều 66). */
  clockReason: freeText(5, 2000).optional(),
};
export const seizedLotSchema = z.strictObject({
  goodsType: z.enum(GOODS_TYPES),
  description: line(500).optional(),
  // numeric(18, 3): less than a thousandth would be stored as 0, which the table's check refuses.
  // (A refinement, not `.min(0.001)`: the OpenAPI document keeps an integer bound the fuzz reads.)
  quantity: z
    .number()
    .positive({ abort: true })
    .max(1e14)
    .refine((v) => v >= 0.001, { params: { key: 'validation.too_small', minimum: 0.001 }, abort: true }),
  unit: line(30),
  valueVnd: vnd,
});
/** The sanction when resolving: the record may have been entered before with record-violation. */
export const resolveSanctionSchema = z.strictObject({
  recordNo: sanctionRecord.recordNo.optional(),
  recordDate: sanctionRecord.recordDate.optional(),
  clock: sanctionRecord.clock.optional(),
  clockReason: sanctionRecord.clockReason,
  decisionNo: line(100),
  decisionDate: isoDay(),
  sanctionTypes: z.array(z.enum(SANCTION_TYPES)).min(1).max(SANCTION_TYPES.length),
  /** Required if and only if `fine` is among the sanction types. */
  fineVnd: vnd.optional(),
});
export const MAX_SEIZED_LOTS = 50;

export const caseParamsSchema = z.object({ code: trackingCodeSchema });

export const CASE_ACTIONS = [
  'accept',
  'verify',
  'suspend',
  'resume',
  'ask',
  'transfer',
  'coordinate',
  'extend',
  'resolve',
  'close',
  'merge',
  'reveal-contact',
  'notes',
  'assign',
  // Issue #17: a coordinator on an escalated report; the lead's ways out of needs_info.
  'move-lead',
  'remind',
  'withdraw-question',
  'continue-without-answer',
  // Issue #18 (misconduct): a second coordinator approves revealing the reporter of a tip about officials.
  'approve-reveal',
  // Issue #18 (crime track): the lead flags signs of a crime and hands the report to an investigating body,
  // which accepts it, extends its clock (twice at most) and records the decision to prosecute or not.
  'flag-crime',
  'hand-off',
  'investigation-accept',
  'investigation-extend',
  'prosecution-decision',
  // Issue #18 (results as data): the violation record that starts the sanction clock; the goods type and typical case.
  'record-violation',
  'classify',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const caseActionSchemas = {
  accept: z.strictObject({ version }),
  verify: z.strictObject({ version }),
  resume: z.strictObject({ version }),
  close: z.strictObject({ version }),
  suspend: z.strictObject({ version, reason }),
  ask: z.strictObject({ version, question: freeText(5, 2000) }),
  resolve: z.strictObject({
    version,
    outcome: z.enum(OUTCOMES).exclude(['duplicate']),
    /** Shown to whoever holds the receipt, who may be a competitor of the person reported (SPEC.md §5). */
    publicOutcome: freeText(10, 2000),
    // Issue #18 (results as data): required where the outcome calls for them (server/cases/actions/resolve.ts).
    goodsType: z.enum(GOODS_TYPES).optional(),
    typicalCase: z.boolean().optional(),
    sanction: resolveSanctionSchema.optional(),
    seizedGoods: z.array(seizedLotSchema).max(MAX_SEIZED_LOTS).optional(),
  }),
  'record-violation': z.strictObject({ version, ...sanctionRecord }),
  classify: z.strictObject({ version, goodsType: z.enum(GOODS_TYPES).nullable(), typicalCase: z.boolean().optional() }),
  extend: z.strictObject({ version, until: isoTime().transform((v) => new Date(v)), reason }),
  merge: z.strictObject({ version, into: trackingCodeSchema }),
  'reveal-contact': z.strictObject({ version, reason }),
  notes: z.strictObject({ version, text: freeText(1, 5000), shared: z.boolean().default(false) }),
  coordinate: z.strictObject({ version, unitId: z.uuid(), reason }),
  assign: z.strictObject({ version, officerId: z.uuid().nullable() }),
  'move-lead': z.strictObject({ version, unitId: z.uuid(), reason }),
  remind: z.strictObject({ version, text: freeText(5, 2000) }),
  'withdraw-question': z.strictObject({ version, reason: freeText(5, 2000).optional() }),
  'continue-without-answer': z.strictObject({ version, reason }),
  'approve-reveal': z.strictObject({ version, requestId: z.uuid().optional() }),
  // Issue #18 (crime track).
  'flag-crime': z.strictObject({ version, reason }),
  'hand-off': z.strictObject({ version, unitId: z.uuid() }),
  'investigation-accept': z.strictObject({ version }),
  /** The second extension needs the procuracy's approval (its number and date, as written on it). */
  'investigation-extend': z.strictObject({ version, reason, procuracyApproval: freeText(3, 500).optional() }),
  'prosecution-decision': z.strictObject({
    version,
    decision: z.enum(PROSECUTION_DECISIONS),
    decisionNo: freeText(1, 100),
    decisionDate: isoDay(),
  }),
  // One-value enums, not z.literal: the browser's zod code is one chunk that the citizen's form loads too
  // (170 KB budget), and the staff forms check with these schemas; the enum is already in it, the literal is not.
  transfer: z.discriminatedUnion('step', [
    z.strictObject({ step: z.enum(['request']), version, unitId: z.uuid(), reason }),
    z.strictObject({ step: z.enum(['cancel']), version }),
    z.strictObject({ step: z.enum(['accept']), version }),
    z.strictObject({ step: z.enum(['refuse']), version, reason }),
    z.strictObject({ step: z.enum(['decide']), version, keep: z.boolean(), reason }),
  ]),
} satisfies Record<CaseAction, z.ZodType>;
export type CaseActionInput<A extends CaseAction> = z.infer<(typeof caseActionSchemas)[A]>;

const flag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true');

/** `GET /api/staff/cases`: the queue's filters, as query parameters. */
export const caseQueueQuerySchema = z.strictObject({
  status: z.enum(STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
  placeType: z.enum(PLACE_TYPES).optional(),
  commune: text()
    .regex(/^\d{5}$/)
    .optional(),
  overdue: flag.optional(),
  dueSoon: flag.optional(),
  /** Issue #17: reports escalated (acceptance deadline passed) and not yet accepted. */
  escalated: flag.optional(),
  /** Issue #17: reports in needs_info for NEEDS_INFO_MAX_DAYS or longer without an answer. */
  waitingAnswer: flag.optional(),
  /** Issue #18: reports flagged with signs of a crime. */
  crime: flag.optional(),
  assignedTo: z.union([z.uuid(), z.enum(['me', 'nobody'])]).optional(),
  /** Lead reports, coordinated ones, those handed to the unit as investigating body (issue #18), or all (default). */
  role: z.enum(['lead', 'coordinating', 'investigating', 'all']).default('all'),
  q: text().trim().max(200).optional(),
  after: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaseQueueQuery = z.infer<typeof caseQueueQuerySchema>;
