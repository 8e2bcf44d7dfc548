import { z } from 'zod';
import { FORCES } from '../domain/forces';

export const receiptSchema = z
  .object({
    trackingCode: z.string().meta({ example: '389-7K4M-Q2XP' }),
    secret: z
      .string()
      .meta({ description: '80 bits, shown once; only a slow hash is stored', example: 'Q2XP-7K4M-9ABC-DEFG' }),
    status: z.literal('received'),
    receivedAt: z.string().meta({ format: 'date-time' }),
    lead: z
      .object({ force: z.enum(FORCES), unitName: z.string() })
      .nullable()
      .meta({ description: 'null for a tip about officials (issue #18): no unit is announced' }),
    photoUploadUntil: z.string().meta({
      format: 'date-time',
      description:
        'Photos may follow one by one (POST /api/public/reports/{trackingCode}/photos) until this time: receipt + 24 h',
    }),
    photosAccepted: z
      .number()
      .int()
      .meta({ description: 'How many more photos the report takes (5 in all)', example: 5 }),
  })
  .meta({ id: 'Receipt' });
export type Receipt = z.infer<typeof receiptSchema>;

export const photoCountSchema = z
  .object({
    photosStored: z
      .number()
      .int()
      .meta({ description: 'Photos of the report from its reporter so far, this one included', example: 3 }),
    photosAccepted: z.number().int().meta({ description: 'How many more it takes (5 in all)', example: 2 }),
  })
  .meta({ id: 'PhotoCount' });
export type PhotoCount = z.infer<typeof photoCountSchema>;

export const PUBLIC_STATUSES = ['received', 'in_progress', 'needs_info', 'resolved', 'closed'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export const citizenViewSchema = z
  .object({
    trackingCode: z.string(),
    status: z
      .enum(PUBLIC_STATUSES)
      .meta({ description: 'SPEC.md §5 "citizen sees": internal steps read as in_progress' }),
    statusLabel: z.string().meta({ description: 'The status in the request language', example: 'Đang xử lý' }),
    receivedAt: z.string(),
    provinceCode: z
      .string()
      .meta({ description: "The report's province: the tracking page lists its forces' duty hotlines (issue #17)" }),
    lead: z.object({ force: z.string(), unitName: z.string() }).nullable(),
    timeline: z.array(z.object({ at: z.string(), type: z.string(), status: z.string().nullable() })),
    openQuestion: z.object({ at: z.string(), text: z.string() }).nullable(),
    outcome: z.object({ at: z.string(), text: z.string() }).nullable(),
    messages: z.array(
      z.object({ at: z.string(), from: z.enum(['unit', 'reporter']), text: z.string(), photos: z.number().int() }),
    ),
    mergedInto: z.string().nullable().meta({
      description:
        'Set when the report was merged as a duplicate: status, timeline and outcome are then those of this report',
    }),
  })
  .meta({ id: 'CitizenView' });
/** The view as the service builds it; the route adds the label in the caller's language. */
export type CitizenView = Omit<z.infer<typeof citizenViewSchema>, 'statusLabel'>;
export type CitizenViewBody = z.infer<typeof citizenViewSchema>;
