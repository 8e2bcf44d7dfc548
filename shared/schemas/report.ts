import { z } from 'zod';
import { FORCES } from '../domain/forces';
import { GOODS_TYPES } from '../domain/results';
import { normalisePhone } from '../phone';
import { categorySchema, communeCodeSchema, placeTypeSchema, provinceCodeSchema } from './routing';
import { isoTime } from './storable';
import { urlKey } from '../url-key';

// C0 and C1 controls except tab and newline, and the bidirectional overrides and isolates that can
// make a text read differently from what it holds (CVE-2021-42574 "Trojan Source").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** SPEC.md §3 and issue #4: NFC, no control or bidi-override characters, Windows line ends folded. */
export function cleanText(value: string, { multiline }: { multiline: boolean }): string {
  const text = value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROLS, '');
  return (multiline ? text.replace(/\t/g, ' ') : text.replace(/[\n\t]+/g, ' ')).trim();
}

const optionalLine = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : cleanText(v, { multiline: false }) || undefined))
    .pipe(z.string().max(max).optional());

export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 5000;

/** The fields a report is made of, in the order the forms show them (citizen form and hotline console). */
export const REPORT_FIELDS = [
  'category',
  'placeType',
  'provinceCode',
  'communeCode',
  'address',
  'url',
  'sellerHandle',
  'observedAt',
  'description',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const;
export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
export const SELLER_HANDLE_MAX = 200;
/** Issue #14: photos may follow a report one by one for this long after its receipt. */
export const PHOTO_UPLOAD_HOURS = 24;
/** Clocks of phones drift: an observation up to five minutes "in the future" is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

const httpUrl = z
  .string()
  .transform((v) => cleanText(v, { multiline: false }))
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000))
  .refine((v) => urlKey(v) !== undefined, { params: { key: 'validation.unstorable_character' } });

export const phoneSchema = z.string().transform((value, ctx) => {
  const normalised = normalisePhone(value);
  if (!normalised) ctx.addIssue({ code: 'custom', params: { key: 'validation.phone' }, input: value });
  return normalised ?? '';
});

/** Empty optional fields count as absent (a multipart form sends them as ''). */
export const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);

/** An ISO time with offset, not later than `now` allows (phones drift: five minutes are forgiven). */
export const pastTimeSchema = (now: () => Date) =>
  isoTime()
    .transform((v) => new Date(v))
    .refine((d) => d.getTime() <= now().getTime() + CLOCK_SKEW_MS, { params: { key: 'validation.in_future' } });

/** The fields of a report, shared by the citizen's form and the operator's console. */
export function reportFields(now: () => Date) {
  return {
    category: categorySchema,
    placeType: placeTypeSchema,
    provinceCode: provinceCodeSchema,
    // Both required unless the place is online (checkReportFields; SPEC.md §3).
    communeCode: z.preprocess(blankIsAbsent, communeCodeSchema.optional()),
    address: z.preprocess(blankIsAbsent, optionalLine(300)),
    url: z.preprocess(blankIsAbsent, httpUrl.optional()),
    sellerHandle: z.preprocess(blankIsAbsent, optionalLine(SELLER_HANDLE_MAX)),
    observedAt: pastTimeSchema(now),
    description: z
      .string()
      .transform((v) => cleanText(v, { multiline: true }))
      .pipe(z.string().min(DESCRIPTION_MIN).max(DESCRIPTION_MAX)),
    contactName: z.preprocess(blankIsAbsent, optionalLine(200)),
    contactPhone: z.preprocess(blankIsAbsent, phoneSchema.optional()),
    contactEmail: z.preprocess(blankIsAbsent, z.email().max(254).optional()),
    /** Issue #17: "Việc đang diễn ra, cần xử lý ngay": accepted within URGENT_ACCEPT_MINUTES, first in every queue. */
    urgent: z.boolean().default(false),
    ...misconductFields,
    /** Issue #18: the goods type (nhóm hàng), optional for citizens; the officer may set or change it (classify). */
    goodsType: z.preprocess(blankIsAbsent, z.enum(GOODS_TYPES).optional()),
  };
}

/**
 * Issue #18 (SPEC.md §4): a tip about enforcement officers themselves (shielding, colluding, protection rackets),
 * led by the Standing Office of the province's Steering Committee 389; the force named, when the reporter knows it,
 * is kept away from it. A multipart form sends the box as 'true'/'false'.
 */
const misconductFields = {
  misconduct: z
    .preprocess((v) => (v === 'true' ? true : v === 'false' || v === '' ? undefined : v), z.boolean().default(false))
    .meta({
      description: 'Issue #18: a tip about officials, led by the Standing Office of the Steering Committee 389',
    }),
  implicatedForce: z
    .preprocess(blankIsAbsent, z.enum(FORCES).optional())
    .meta({ description: 'Issue #18: the force the tip about officials names (only with misconduct)' }),
};

/** Issue #18: the force named only with a tip about officials. */
export const misconductCheck = z.superRefine(
  (report: { misconduct?: boolean | undefined; implicatedForce?: string | undefined }, ctx) => {
    if (report.implicatedForce && !report.misconduct)
      ctx.addIssue({
        code: 'custom',
        path: ['implicatedForce'],
        params: { key: 'validation.implicated_needs_misconduct' },
        input: report.implicatedForce,
      });
  },
);

interface PlaceFields {
  placeType: string;
  communeCode?: string | undefined;
  address?: string | undefined;
  url?: string | undefined;
  sellerHandle?: string | undefined;
}

/**
 * SPEC.md §3 and issue #14: a place on the ground needs its commune and address; an online seller
 * needs only the province (of the seller, else of the reporter), and is named by its URL or by a
 * handle (a Zalo or phone number, an account, a shop name).
 */
function checkReportFields(report: PlaceFields, ctx: z.RefinementCtx): void {
  if (report.placeType === 'online') {
    if (!report.url && !report.sellerHandle) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        params: { key: 'validation.url_or_handle_required_online' },
        input: report.url,
      });
    }
    return;
  }
  for (const field of ['communeCode', 'address'] as const) {
    if (!report[field])
      ctx.addIssue({ code: 'custom', path: [field], params: { key: 'validation.required' }, input: report[field] });
  }
}

/**
 * checkReportFields as a check that runs even when other fields failed, so a form with several
 * mistakes hears about a missing commune at once too (as when the commune was required by itself).
 */
export const placeCheck = z.superRefine(checkReportFields, {
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});

/**
 * Issue #17: a reporter who leaves an e-mail may ask to be told when a question or a result arrives (a
 * multipart form sends the box as 'true'/'false'). Only with an e-mail: there is nowhere else to send it.
 */
const noticeField = z
  .preprocess((v) => (v === 'true' ? true : v === 'false' || v === '' ? undefined : v), z.boolean().optional())
  .meta({ description: 'Issue #17: e-mail the reporter (contactEmail required) when a question or a result arrives' });

/**
 * The fields of a citizen's report, as the form and `POST /api/public/reports` take them. `now` is
 * the server's clock on the server and the phone's in the form.
 */
export function reportInputSchema(now: () => Date) {
  return z
    .strictObject({ ...reportFields(now), reporterNotice: noticeField })
    .check(placeCheck)
    .check(noticeCheck)
    .check(misconductCheck);
}

const noticeCheck = z.superRefine(
  (report: { reporterNotice?: boolean | undefined; contactEmail?: string | undefined }, ctx) => {
    if (report.reporterNotice && !report.contactEmail)
      ctx.addIssue({
        code: 'custom',
        path: ['reporterNotice'],
        params: { key: 'validation.notice_needs_email' },
        input: report.reporterNotice,
      });
  },
);
export type ReportInput = z.infer<ReturnType<typeof reportInputSchema>>;

export const hasContact = (r: Pick<ReportInput, 'contactName' | 'contactPhone' | 'contactEmail'>) =>
  Boolean(r.contactName || r.contactPhone || r.contactEmail);

/** `389-7K4M-Q2XP`, typed by hand: case, spaces and Crockford's look-alikes (O→0, I/L→1) forgiven. */
export const trackingCodeSchema = z
  .string()
  .max(40)
  .transform((v) => normaliseReceiptPart(v))
  .pipe(z.string().regex(/^389[0-9A-HJKMNP-TV-Z]{8}$/))
  .transform((v) => `389-${v.slice(3, 7)}-${v.slice(7)}`);

export const secretSchema = z
  .string()
  .max(60)
  .transform((v) => normaliseReceiptPart(v))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{16}$/));

export function normaliseReceiptPart(value: string): string {
  return value
    .toUpperCase()
    .replace(/[\s\-._]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export const trackInputSchema = z.object({ trackingCode: trackingCodeSchema, secret: secretSchema }).strict();

export const MESSAGE_MAX = 5000;
export const trackMessageInputSchema = z
  .object({
    trackingCode: trackingCodeSchema,
    secret: secretSchema,
    message: z
      .string()
      .transform((v) => cleanText(v, { multiline: true }))
      .pipe(z.string().min(1).max(MESSAGE_MAX)),
  })
  .strict();
