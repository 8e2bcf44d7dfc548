import { z } from 'zod';
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

/** `POST /api/staff/intake/reports`: the call, then the same report fields as the public form. */
export function intakeReportInputSchema(now: () => Date) {
  return z
    .strictObject({ ...callFields(now), ...reportFields(now) })
    .superRefine(checkCall)
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
