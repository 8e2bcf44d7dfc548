import { z } from 'zod';

const rate = z.number().nullable().meta({ description: 'A share between 0 and 1; null when nothing was received' });

/**
 * The figures of SPEC.md §5 for one group of reports received in the period (merged duplicates are
 * left out: they are counted once, as the report they were merged into).
 */
const figures = {
  received: z.number().int(),
  accepted: z.number().int().meta({ description: 'Accepted (thụ lý), in time or late' }),
  acceptedInTime: z.number().int().meta({ description: 'Accepted no later than the accept deadline' }),
  resolved: z.number().int(),
  resolvedInTime: z.number().int().meta({ description: 'Resolved no later than the resolve deadline (as extended)' }),
  acceptanceRate: rate.meta({ description: 'acceptedInTime ÷ received; target 1 (100%)' }),
  resolutionRate: rate.meta({ description: 'resolvedInTime ÷ received; target above 0.9' }),
  overdueNow: z.number().int().meta({ description: 'Open reports whose running deadline has passed, now' }),
};

const medians = {
  medianAcceptHours: z
    .number()
    .nullable()
    .meta({ description: 'Median time from receipt to acceptance, each report counted in whole hours' }),
  medianResolveDays: z
    .number()
    .nullable()
    .meta({ description: 'Median time from receipt to resolution, each report counted in whole days' }),
};

/**
 * Issue #18, results (kết quả xử lý) of the reports of a group resolved in the period (by `resolved_at`, whenever
 * they were received), read from the report tables: their count, the fines of their sanction decisions, the
 * estimated value and the number of the lots of goods seized. Merged duplicates are left out.
 */
const results = {
  resultsResolved: z.number().int().meta({ description: 'Reports resolved in the period (by resolved_at)' }),
  finesVnd: z.number().int().meta({ description: 'Sum of the fines (đồng) of those reports' }),
  seizedValueVnd: z.number().int().meta({ description: 'Sum of the estimated values (đồng) of the goods seized' }),
  seizedLots: z.number().int().meta({ description: 'How many lots of goods were seized' }),
};
export type ResultFigures = { [K in keyof typeof results]: number };

export const statsRowSchema = z.object({ key: z.string(), label: z.string(), ...figures, ...medians, ...results });
export type StatsRow = z.infer<typeof statsRowSchema>;

/** Issue #18: one group of results (an outcome, a goods type; `none`: not set). */
export const resultRowSchema = z.object({ key: z.string(), label: z.string(), ...results });
export type ResultRow = z.infer<typeof resultRowSchema>;

/**
 * Issue #18, the crime track of the reports flagged in the period (by `flagged_at`): handed over (in time: within
 * 24 hours), decided, prosecuted. `prosecutionRate` is prosecuted ÷ flagged with a decision (a report still
 * within the criminal clock has failed nothing yet; `undecided` says how many wait), against the target 1.
 */
export const crimeTrackSchema = z.object({
  flagged: z.number().int(),
  handedOver: z.number().int(),
  handedOverInTime: z.number().int(),
  decided: z.number().int(),
  prosecuted: z.number().int(),
  undecided: z.number().int(),
  prosecutionRate: rate.meta({ description: 'prosecuted ÷ decided; null when none is decided; target 1 (100%)' }),
});
export type CrimeTrack = z.infer<typeof crimeTrackSchema>;
export const staffStatsSchema = z
  .object({
    scope: z.object({
      province: z.object({ code: z.string(), name: z.string() }).nullable(),
      force: z.string().nullable(),
      unit: z.object({ id: z.string(), name: z.string() }).nullable(),
      within: z
        .object({ kind: z.enum(['units', 'commune']), name: z.string() })
        .nullable()
        .meta({
          description:
            "Issue #18: a unit lead's figures are their unit's and those beneath it (`units`), a commune committee's its commune's (`commune`); null for a province or the nation",
        }),
      from: z.string(),
      to: z.string(),
      interval: z.enum(['day', 'week', 'month']),
      now: z.string().meta({ format: 'date-time', description: 'The moment `overdueNow` was counted' }),
    }),
    targets: z.object({ acceptanceRate: z.number(), resolutionRate: z.number(), prosecutionRate: z.number() }),
    totals: statsRowSchema,
    byCategory: z.array(statsRowSchema),
    byPlaceType: z.array(statsRowSchema),
    byChannel: z.array(statsRowSchema),
    byForce: z.array(statsRowSchema),
    byUnit: z.array(statsRowSchema.extend({ force: z.string(), provinceCode: z.string() })),
    byProvince: z.array(statsRowSchema),
    overTime: z
      .array(statsRowSchema)
      .meta({ description: 'One row per day, week (from its Monday) or month of the period, keyed by its first day' }),
    byOutcome: z.array(resultRowSchema),
    byGoodsType: z.array(resultRowSchema).meta({ description: "By the report's goods type (`none`: not set)" }),
    crime: crimeTrackSchema,
  })
  .meta({ id: 'StaffStats' });
export type StaffStats = z.infer<typeof staffStatsSchema>;

export const statsReportsSchema = z
  .object({
    total: z
      .number()
      .int()
      .meta({ description: 'How many reports the number counts: the same as the figure on the dashboard' }),
    items: z.array(
      z.object({
        trackingCode: z.string(),
        receivedAt: z.string(),
        status: z.string(),
        category: z.string(),
        placeType: z.string(),
        channel: z.string(),
        provinceName: z.string(),
        communeName: z
          .string()
          .nullable()
          .meta({ description: 'null for an online report that names only its province' }),
        leadUnitName: z.string(),
        force: z
          .string()
          .nullable()
          .meta({ description: 'null: a tip about officials led by the standing office (issue #18)' }),
        acceptDueAt: z.string(),
        acceptedAt: z.string().nullable(),
        resolveDueAt: z.string(),
        resolvedAt: z.string().nullable(),
        nextDueAt: z.string().nullable(),
      }),
    ),
    next: z.string().nullable(),
  })
  .meta({ id: 'StatsReports' });
export type StatsReports = z.infer<typeof statsReportsSchema>;

/** Issue #18: a commune of the province (or, `none`, online reports without one) with its figures. */
export const communeRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  received: z.number().int(),
  resolved: z.number().int(),
  resolvedInTime: z.number().int(),
  ...results,
});
export type CommuneRow = z.infer<typeof communeRowSchema>;

export const typicalCaseSchema = z.object({
  trackingCode: z.string(),
  category: z.string(),
  goodsType: z.string().nullable(),
  outcome: z.string().nullable(),
  resolvedAt: z.string(),
  provinceName: z.string(),
  publicOutcome: z.string().nullable().meta({ description: 'The outcome as shown to the public; never the reporter' }),
});
export type TypicalCase = z.infer<typeof typicalCaseSchema>;

/** Issue #18, `GET /api/staff/stats/periodic`: the periodic report of any range, with its same-period comparison. */
export const periodicReportSchema = z
  .object({
    preset: z.string(),
    year: z.number().int().nullable(),
    part: z.number().int().nullable(),
    stats: staffStatsSchema,
    previous: staffStatsSchema
      .nullable()
      .meta({ description: 'The same range a year earlier (cùng kỳ) when `compare` was asked; else null' }),
    communes: z
      .array(communeRowSchema)
      .meta({ description: "A province's communes (every one, zeros too); empty for a national report" }),
    typicalCases: z.array(typicalCaseSchema),
  })
  .meta({ id: 'PeriodicReport' });
export type PeriodicReport = z.infer<typeof periodicReportSchema>;

/**
 * A public count (issue #15): the count rounded to the nearest multiple of 5, on its own, and "<10"
 * when that gives 0 or 5 (a true count of 0 to 7). Every figure of the public page, totals included,
 * is rounded so: no sum or difference of them gives a small count exactly (server/stats/public-stats.ts).
 */
export const publicCountSchema = z.union([z.number().int().multipleOf(5).min(10), z.literal('<10')]);
export type PublicCount = z.infer<typeof publicCountSchema>;

const publicRow = z.object({
  key: z.string(),
  label: z.string(),
  received: publicCountSchema,
  resolved: publicCountSchema,
});

export const publicStatsSchema = z
  .object({
    province: z.object({ code: z.string(), name: z.string() }).nullable(),
    year: z.number().int(),
    from: z.string().meta({ description: 'The first day of the year' }),
    to: z.string().meta({ description: 'The last day of the last finished month of the year' }),
    totals: z.object({ received: publicCountSchema, resolved: publicCountSchema }),
    byCategory: z.array(publicRow),
    byPlaceType: z.array(publicRow),
    byProvince: z.array(publicRow),
    byMonth: z.array(publicRow).meta({ description: 'The finished months of the year, keyed by their first day' }),
    byStatus: z
      .array(z.object({ key: z.string(), label: z.string(), count: publicCountSchema }))
      .meta({ description: 'Waiting, being handled, resolved: for the nation only (empty for a province)' }),
  })
  .meta({ id: 'PublicStats' });
export type PublicStats = z.infer<typeof publicStatsSchema>;
