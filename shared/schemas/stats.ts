import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { CHANNELS } from '../domain/channels';
import { FORCES } from '../domain/forces';
import { OUTCOMES } from '../domain/outcomes';
import { GOODS_TYPES } from '../domain/results';
import { PLACE_TYPES } from '../domain/place-types';
import { provinceCodeSchema } from './routing';
import { text } from './storable';

/** A calendar day in Vietnam time, `yyyy-mm-dd`, that exists. */
const day = z.iso.date();
const province = provinceCodeSchema;

/** The longest period a dashboard or a list may cover: five years of days. */
export const MAX_PERIOD_DAYS = 5 * 366;

/**
 * A span of days the public statistics no longer take (issue #15: two overlapping spans gave a small
 * count by subtraction): named in the refusal so that an old link learns why.
 */
const noPublicSpan = z
  .unknown()
  .optional()
  .superRefine((value, ctx) => {
    if (value !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'public_fixed_periods',
        params: { key: 'validation.public_fixed_periods' },
      });
  })
  .meta({ description: 'Refused (400): public statistics are published for a calendar year only (`year`)' });

/**
 * Issues #7 and #15, `GET /api/public/stats`: no sign-in, a province or the nation, one calendar year
 * (default: the year of the last finished month). Only fixed periods are published, never a span of
 * one's choice. Whether the year has a finished month is checked in server/stats/period.ts.
 */
export const publicStatsQuerySchema = z.strictObject({
  province: province.optional(),
  year: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .meta({ description: 'A calendar year, e.g. 2026; its months that have ended' }),
  from: noPublicSpan,
  to: noPublicSpan,
});
export type PublicStatsQuery = z.infer<typeof publicStatsQuerySchema>;

export const STATS_INTERVALS = ['day', 'week', 'month'] as const;
export type StatsInterval = (typeof STATS_INTERVALS)[number];

/**
 * Issue #7, `GET /api/staff/stats`: the dashboard of a coordinator's scope. The period as a whole
 * (order, length, years) is checked once its missing end is filled in (server/stats/period.ts).
 */
const staffStatsFields = {
  province: province.optional(),
  from: day.optional(),
  to: day.optional(),
  force: z.enum(FORCES).optional(),
  unit: z.uuid().optional(),
  interval: z.enum(STATS_INTERVALS).optional(),
};
export const staffStatsQuerySchema = z.strictObject(staffStatsFields);
export type StaffStatsQuery = z.infer<typeof staffStatsQuerySchema>;

/** What a figure counts: the drill-down list behind one number of the dashboard. */
export const STATS_MEASURES = [
  'received',
  'accepted',
  'acceptedInTime',
  'notAcceptedInTime',
  'resolved',
  'resolvedInTime',
  'notResolvedInTime',
  'overdueNow',
] as const;
export type StatsMeasure = (typeof STATS_MEASURES)[number];
export const STATS_DIMENSIONS = [
  'category',
  'placeType',
  'channel',
  'force',
  'unit',
  'province',
  'time',
  'outcome',
  'goodsType',
] as const;
/**
 * Issue #18: the dimensions of results (kết quả xử lý): reports resolved in the period (by `resolved_at`), not
 * received in it. `none` is the key of a report without a goods type (or, for an old report, an outcome).
 */
export const RESULT_DIMENSIONS = ['outcome', 'goodsType'] as const;
export const NO_KEY = 'none';
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** `GET /api/staff/stats/reports`: the reports behind a number, with the dashboard's filters plus which number. */
export const staffStatsReportsQuerySchema = z
  .strictObject({
    ...staffStatsFields,
    measure: z.enum(STATS_MEASURES).default('received'),
    dimension: z.enum(STATS_DIMENSIONS).optional(),
    key: text().max(60).optional(),
    after: text().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine((v, ctx) => {
    if (v.dimension && v.key === undefined)
      ctx.addIssue({ code: 'custom', path: ['key'], message: 'required', params: { key: 'validation.required' } });
    if (!v.dimension && v.key !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['dimension'],
        message: 'required',
        params: { key: 'validation.required' },
      });
    if (!v.dimension || v.key === undefined) return;
    const allowed: Partial<Record<StatsDimension, readonly string[]>> = {
      category: CATEGORIES,
      placeType: PLACE_TYPES,
      channel: CHANNELS,
      force: FORCES,
      outcome: [...OUTCOMES, NO_KEY],
      goodsType: [...GOODS_TYPES, NO_KEY],
    };
    const list = allowed[v.dimension];
    const ok = list
      ? list.includes(v.key)
      : v.dimension === 'unit'
        ? z.uuid().safeParse(v.key).success
        : v.dimension === 'province'
          ? /^\d{2}$/.test(v.key)
          : day.safeParse(v.key).success;
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: 'invalid_value',
        params: { key: 'validation.invalid_value' },
      });
  });
export type StaffStatsReportsQuery = z.infer<typeof staffStatsReportsQuerySchema>;

/** `2026` (the year) or `2026-H1` / `2026-H2` (báo cáo định kỳ 6 tháng): the links of issue #7, still taken. */
export const statsPeriodSchema = text().regex(/^20\d\d(-H[12])?$/);

/**
 * Issue #18: the periods a committee reports on. `month` (part 1–12), `quarter` (1–4), `half` (1–2) and
 * `year` of a calendar year; `october_september` the year to 30 September (Đồng Tháp's annual report, due
 * before 1 October): `year` names the year it ends in; `midterm` 2026–2027 and `final` 2026–2030 (the reviews of
 * the 2026–2030 plans); `adhoc` (đột xuất) any `from`–`to`.
 */
export const REPORT_PRESETS = [
  'month',
  'quarter',
  'half',
  'year',
  'october_september',
  'midterm',
  'final',
  'adhoc',
] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

/** How many parts a preset's year has (`part` 1…n); 0: no part. */
export const PRESET_PARTS: Record<ReportPreset, number> = {
  month: 12,
  quarter: 4,
  half: 2,
  year: 0,
  october_september: 0,
  midterm: 0,
  final: 0,
  adhoc: 0,
};
const presetTakesYear = (p: ReportPreset) => p !== 'midterm' && p !== 'final' && p !== 'adhoc';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A preset's first and last day (both included). `year` and `part` as checked by the schema below. */
export function presetDays(preset: Exclude<ReportPreset, 'adhoc'>, year = 0, part = 1): { from: string; to: string } {
  const span = (m1: number, m2: number) => ({
    from: `${year}-${pad(m1)}-01`,
    to: `${year}-${pad(m2)}-${pad(lastDayOf(year, m2))}`,
  });
  switch (preset) {
    case 'month':
      return span(part, part);
    case 'quarter':
      return span(part * 3 - 2, part * 3);
    case 'half':
      return span(part * 6 - 5, part * 6);
    case 'year':
      return span(1, 12);
    case 'october_september':
      return { from: `${year - 1}-10-01`, to: `${year}-09-30` };
    case 'midterm':
      return { from: '2026-01-01', to: '2027-12-31' };
    case 'final':
      return { from: '2026-01-01', to: '2030-12-31' };
  }
}

/** The dictionary key of a preset's name (`stats.preset.…`): the halves are named first and second. */
export const presetKey = (preset: ReportPreset, part?: number | null) =>
  preset === 'half' ? `stats.preset.half_${part === 2 ? 2 : 1}` : `stats.preset.${preset}`;

/** The first and last day of a periodic report's period (`2026`, `2026-H1`, `2026-H2`). */
export function periodDays(period: string): { from: string; to: string } {
  const [year, half] = period.split('-');
  return half ? presetDays('half', Number(year), half === 'H1' ? 1 : 2) : presetDays('year', Number(year));
}

const issue = (ctx: z.core.$RefinementCtx, path: string, key: string) =>
  ctx.addIssue({ code: 'custom', path: [path], message: key, params: { key: `validation.${key}` } });

/**
 * Issue #18, the periodic report's period: `preset` (+ `year`, `part`), or `from`–`to` (ad hoc), or the old
 * `period` (2026, 2026-H1); `compare` adds the same range a year earlier (cùng kỳ). A refusal names its field.
 */
const periodicFields = {
  period: statsPeriodSchema.optional().meta({ description: 'Old links: 2026, 2026-H1 or 2026-H2' }),
  preset: z.enum(REPORT_PRESETS).optional(),
  year: z.coerce.number().int().min(2000).max(2099).optional(),
  part: z.coerce.number().int().min(1).max(12).optional(),
  from: day.optional(),
  to: day.optional(),
  compare: z.stringbool().default(false).meta({ description: 'Add the same range a year earlier (cùng kỳ)' }),
  province: province.optional(),
};

type PeriodicFields = z.infer<z.ZodObject<typeof periodicFields>>;

function checkPeriodic(v: PeriodicFields, ctx: z.core.$RefinementCtx) {
  const preset = v.preset ?? (v.period ? undefined : 'adhoc');
  if (v.period && (v.preset || v.from || v.to)) return issue(ctx, 'period', 'period_conflict');
  if (!preset) return;
  if (presetTakesYear(preset) && v.year === undefined) issue(ctx, 'year', 'required');
  const parts = PRESET_PARTS[preset];
  if (parts > 0 && v.part === undefined) issue(ctx, 'part', 'required');
  if (v.part !== undefined && v.part > parts) issue(ctx, 'part', 'invalid_value');
  if (preset === 'adhoc') {
    if (!v.from) issue(ctx, 'from', 'required');
    if (!v.to) issue(ctx, 'to', 'required');
  } else {
    if (v.from) issue(ctx, 'from', 'period_conflict');
    if (v.to) issue(ctx, 'to', 'period_conflict');
  }
}

/** The days a checked periodic query covers, and its preset (`period` read as `half` or `year`). */
export function periodicDays(v: Omit<PeriodicFields, 'compare' | 'province'>): {
  preset: ReportPreset;
  from: string;
  to: string;
  year?: number | undefined;
  part?: number | undefined;
} {
  if (v.period) {
    const [year, half] = v.period.split('-');
    return half
      ? { preset: 'half', year: Number(year), part: half === 'H1' ? 1 : 2, ...periodDays(v.period) }
      : { preset: 'year', year: Number(year), ...periodDays(v.period) };
  }
  const preset = v.preset ?? 'adhoc';
  if (preset === 'adhoc') return { preset, from: v.from ?? '', to: v.to ?? '' };
  return { preset, year: v.year, part: v.part, ...presetDays(preset, v.year, v.part) };
}

/** `GET /api/staff/stats/periodic`: the periodic report's figures (the printable page). */
export const staffPeriodicQuerySchema = z.strictObject(periodicFields).superRefine(checkPeriodic);
export type StaffPeriodicQuery = z.infer<typeof staffPeriodicQuerySchema>;

/**
 * `GET /api/staff/stats/export`: the periodic report as a file; `table=summary` its figures (XLSX: with the crime
 * track and the typical cases as sheets of their own), `crime`, `typical`, or `reports`, every report behind it.
 */
export const staffStatsExportQuerySchema = z
  .strictObject({
    ...periodicFields,
    format: z.enum(['csv', 'xlsx']),
    table: z.enum(['summary', 'crime', 'typical', 'reports']).default('summary'),
  })
  .superRefine(checkPeriodic);
export type StaffStatsExportQuery = z.infer<typeof staffStatsExportQuerySchema>;
