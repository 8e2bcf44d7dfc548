import { z } from 'zod';
import { DESK_CHANNELS } from '../domain/channels';
import { communeCodeSchema, provinceCodeSchema } from './routing';
import {
  blankIsAbsent,
  cleanText,
  misconductCheck,
  placeCheck,
  DESCRIPTION_MAX,
  pastTimeSchema,
  phoneSchema,
  reportFields,
  trackInputSchema,
  trackMessageInputSchema,
  trackingCodeSchema,
} from './report';
import { text } from './storable';

/** A call longer than this is a typing mistake in a time, not a call. */
export const CALL_MAX_HOURS = 6;
export const CALL_NOTE_MIN = 10;

/** The call an operator records (issue #5): which line, when, and who called unless they stay anonymous. */
function callFields(now: () => Date) {
  return {
    line: text().trim().min(1).max(40),
    callStartedAt: pastTimeSchema(now),
    callEndedAt: pastTimeSchema(now),
    callerNumber: z.preprocess(blankIsAbsent, phoneSchema.optional()),
    callerAnonymous: z.boolean(),
  };
}

function checkCall(
  call: { callStartedAt: Date; callEndedAt: Date; callerNumber?: string | undefined; callerAnonymous: boolean },
  ctx: z.RefinementCtx,
): void {
  const lengthMs = call.callEndedAt.getTime() - call.callStartedAt.getTime();
  if (lengthMs < 0)
    ctx.addIssue({
      code: 'custom',
      path: ['callEndedAt'],
      params: { key: 'validation.call_ends_before_start' },
      input: call.callEndedAt,
    });
  if (lengthMs > CALL_MAX_HOURS * 3_600_000)
    ctx.addIssue({
      code: 'custom',
      path: ['callEndedAt'],
      params: { key: 'validation.call_too_long' },
      input: call.callEndedAt,
    });
  // SPEC.md §6: an anonymous caller's number is not written down anywhere.
  if (call.callerAnonymous && call.callerNumber)
    ctx.addIssue({
      code: 'custom',
      path: ['callerNumber'],
      params: { key: 'validation.anonymous_caller_number' },
      input: call.callerNumber,
    });
}

/** Issue #18: how far back a desk entry may say it was received unless DESK_RECEIPT_MAX_DAYS says otherwise. */
export const DESK_RECEIPT_MAX_DAYS = 30;

const issue = (ctx: z.RefinementCtx, path: string, key: string, input: unknown) =>
  ctx.addIssue({ code: 'custom', path: [path], params: { key }, input });

/**
 * Issue #18: a call names its line and times (the clocks start when it is saved, as ever); every other desk
 * channel (walk-in, letter, e-mail, Zalo) names when the report was received instead: the clocks start then.
 */
function checkDeskEntry(now: () => Date, maxDays: number) {
  return (
    entry: {
      channel: (typeof DESK_CHANNELS)[number];
      line?: string | undefined;
      callStartedAt?: Date | undefined;
      callEndedAt?: Date | undefined;
      callerNumber?: string | undefined;
      callerAnonymous?: boolean | undefined;
      receivedAt?: Date | undefined;
    },
    ctx: z.RefinementCtx,
  ) => {
    if (entry.channel === 'hotline') {
      for (const name of ['line', 'callStartedAt', 'callEndedAt', 'callerAnonymous'] as const)
        if (entry[name] === undefined) issue(ctx, name, 'validation.required', undefined);
      if (entry.receivedAt) issue(ctx, 'receivedAt', 'validation.not_for_channel', entry.receivedAt);
      if (entry.callStartedAt && entry.callEndedAt && entry.callerAnonymous !== undefined)
        checkCall(
          {
            callStartedAt: entry.callStartedAt,
            callEndedAt: entry.callEndedAt,
            callerNumber: entry.callerNumber,
            callerAnonymous: entry.callerAnonymous,
          },
          ctx,
        );
      return;
    }
    for (const name of ['line', 'callStartedAt', 'callEndedAt', 'callerNumber', 'callerAnonymous'] as const)
      if (entry[name] !== undefined) issue(ctx, name, 'validation.not_for_channel', entry[name]);
    if (!entry.receivedAt) issue(ctx, 'receivedAt', 'validation.required', undefined);
    else if (entry.receivedAt.getTime() < now().getTime() - maxDays * 86_400_000)
      ctx.addIssue({
        code: 'custom',
        path: ['receivedAt'],
        params: { key: 'validation.received_too_long_ago', days: maxDays },
        input: entry.receivedAt,
      });
  };
}

/**
 * `POST /api/staff/intake/reports`: a report entered at a desk (issue #18: `channel`, `hotline` when absent), then
 * the same report fields as the public form. A call gives its line and times; the other channels `receivedAt`.
 */
export function intakeReportInputSchema(now: () => Date, maxDays: number = DESK_RECEIPT_MAX_DAYS) {
  const call = callFields(now);
  return z
    .strictObject({
      channel: z
        .enum(DESK_CHANNELS)
        .default('hotline')
        .meta({ description: 'Issue #18: how the report reached the desk; `hotline` when absent' }),
      line: call.line.optional(),
      callStartedAt: call.callStartedAt.optional(),
      callEndedAt: call.callEndedAt.optional(),
      callerNumber: call.callerNumber,
      callerAnonymous: call.callerAnonymous.optional(),
      receivedAt: pastTimeSchema(now).optional().meta({
        description: 'Issue #18, every channel but `hotline`: when the report was received (its clocks start then)',
      }),
      ...reportFields(now),
    })
    .superRefine(checkDeskEntry(now, maxDays))
    .check(placeCheck)
    .check(misconductCheck);
}
export type IntakeReportInput = z.infer<ReturnType<typeof intakeReportInputSchema>>;

/** `POST /api/staff/intake/reports/:code/calls`: a further call about a report, with its own text. */
export function appendCallInputSchema(now: () => Date) {
  return z
    .strictObject({
      ...callFields(now),
      note: text()
        .transform((v) => cleanText(v, { multiline: true }))
        .pipe(text().min(CALL_NOTE_MIN).max(DESCRIPTION_MAX)),
    })
    .superRefine(checkCall);
}
export type AppendCallInput = z.infer<ReturnType<typeof appendCallInputSchema>>;

/**
 * `POST /api/staff/intake/receipts/answer` (issue #17): a caller's spoken answer, recorded as the reporter's
 * own message with the call it came on. The code and secret are checked again, as on the tracking page.
 */
export function receiptAnswerInputSchema(now: () => Date) {
  return z
    .strictObject({
      ...trackInputSchema.shape,
      message: trackMessageInputSchema.shape.message,
      ...callFields(now),
    })
    .superRefine(checkCall);
}
export type ReceiptAnswerInput = z.infer<ReturnType<typeof receiptAnswerInputSchema>>;

/** A report is addressed by its tracking code, typed as forgivingly as on the tracking page. */
export const reportCodeParamsSchema = z.object({ code: trackingCodeSchema });

/**
 * Issue #15: the commune of the call being typed. An operator may open or append to a report of its
 * province from the last 30 days (what the duplicates panel shows), besides the reports they have a call on.
 */
export const intakeReportQuerySchema = z.strictObject({
  communeCode: communeCodeSchema.optional(),
  /** An online seller's call names only a province (issue #14): the same 30 days of that province. */
  provinceCode: provinceCodeSchema.optional(),
});
export type TypedPlace = z.infer<typeof intakeReportQuerySchema>;
