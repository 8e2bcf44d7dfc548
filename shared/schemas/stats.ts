import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { CHANNELS } from '../domain/channels';
import { FORCES } from '../domain/forces';
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
export const STATS_DIMENSIONS = ['category', 'placeType', 'channel', 'force', 'unit', 'province', 'time'] as const;
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

/** `2026` (the year) or `2026-H1` / `2026-H2` (báo cáo định kỳ 6 tháng). */
export const statsPeriodSchema = text().regex(/^20\d\d(-H[12])?$/);

/** `GET /api/staff/stats/export`: the periodic report; `table=reports` is the list of every report behind it. */
export const staffStatsExportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  period: statsPeriodSchema,
  province: province.optional(),
  table: z.enum(['summary', 'reports']).default('summary'),
});
export type StaffStatsExportQuery = z.infer<typeof staffStatsExportQuerySchema>;

/** The first and last day of a periodic report's period. */
export function periodDays(period: string): { from: string; to: string } {
  const [year, half] = period.split('-');
  if (half === 'H1') return { from: `${year}-01-01`, to: `${year}-06-30` };
  if (half === 'H2') return { from: `${year}-07-01`, to: `${year}-12-31` };
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
