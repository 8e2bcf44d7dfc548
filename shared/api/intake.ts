import { z } from 'zod';
import { DESK_CHANNELS } from '../domain/channels';
import { citizenViewSchema, receiptSchema } from './reports';

export const hotlineLinesSchema = z
  .object({
    lines: z.array(
      z.object({
        number: z.string().meta({ example: '0981389389' }),
        provinceCode: z
          .string()
          .nullable()
          .meta({ description: "A province's own line; null for a national 389 line" }),
        provinceName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'HotlineLines' });
export type HotlineLines = z.infer<typeof hotlineLinesSchema>;

export const callSummarySchema = z.object({
  channel: z.enum(DESK_CHANNELS).meta({
    description: 'Issue #18: how it reached the desk; for other channels than `hotline`, `at` is when it was received',
  }),
  at: z.string().meta({ format: 'date-time', description: 'When the call started' }),
  endedAt: z.string().meta({ format: 'date-time' }),
  line: z.string(),
  caller: z
    .string()
    .nullable()
    .meta({ description: 'Masked (0981***389); null when anonymous or not given', example: '0981***389' }),
  callerAnonymous: z.boolean(),
  opensReport: z.boolean(),
  note: z.string().nullable().meta({ description: 'The text of an appended call' }),
  operator: z.string(),
  trackingCode: z.string(),
});
export type CallSummary = z.infer<typeof callSummarySchema>;

/** Issue #17: an appended call, and the secret of the caller's own to follow the report with its code. */
export const appendedCallSchema = callSummarySchema
  .extend({
    secret: z.string().meta({
      description:
        "The caller's own secret for the report's tracking code: read aloud once, only a slow hash is stored",
      example: 'Q2XP-7K4M-9ABC-DEFG',
    }),
  })
  .meta({ id: 'AppendedCall' });
export type AppendedCall = z.infer<typeof appendedCallSchema>;

/** Issue #17: the citizen view after the caller's spoken answer, and the call it was recorded with. */
export const receiptAnswerSchema = citizenViewSchema.extend({ call: callSummarySchema }).meta({ id: 'ReceiptAnswer' });
export type ReceiptAnswer = z.infer<typeof receiptAnswerSchema>;

export const intakeReceiptSchema = receiptSchema
  .extend({
    call: callSummarySchema,
    urgent: z.boolean().meta({ description: 'Issue #17: marked "happening now"; hand the caller over' }),
    leadDutyPhone: z
      .string()
      .nullable()
      .meta({ description: "The lead unit's duty phone, to hand an urgent caller over to; null when it has none" }),
  })
  .meta({ id: 'IntakeReceipt', description: 'The receipt to read to the caller, and the call as recorded' });
export type IntakeReceipt = z.infer<typeof intakeReceiptSchema>;

/** A report as an operator opens it from the duplicates list: no contact details, ever. */
export const intakeReportViewSchema = z
  .object({
    trackingCode: z.string(),
    receivedAt: z.string(),
    channel: z.string(),
    status: z.string(),
    category: z.string(),
    placeType: z.string(),
    provinceName: z.string(),
    communeName: z.string().nullable(),
    address: z.string().nullable(),
    url: z.string().nullable(),
    sellerHandle: z.string().nullable(),
    observedAt: z.string(),
    description: z.string(),
    lead: z.object({ force: z.string().nullable(), unitName: z.string() }),
    photos: z.number().int(),
    calls: z.array(callSummarySchema),
    enteredByMe: z
      .boolean()
      .meta({ description: 'The caller may send photos later: only the operator who entered it attaches them' }),
  })
  .meta({ id: 'IntakeReportView' });
export type IntakeReportView = z.infer<typeof intakeReportViewSchema>;

export const recentCallsSchema = z.object({ calls: z.array(callSummarySchema) }).meta({ id: 'RecentCalls' });
export type RecentCalls = z.infer<typeof recentCallsSchema>;

export const attachedPhotosSchema = z
  .object({
    trackingCode: z.string(),
    photos: z.number().int().meta({ description: 'Photos attached by this request' }),
  })
  .meta({ id: 'AttachedPhotos' });
export type AttachedPhotos = z.infer<typeof attachedPhotosSchema>;
