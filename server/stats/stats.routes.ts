import { periodicReportSchema, publicStatsSchema, staffStatsSchema, statsReportsSchema } from '../../shared/api/stats';
import {
  publicStatsQuerySchema,
  staffPeriodicQuerySchema,
  staffStatsExportQuerySchema,
  staffStatsQuerySchema,
  staffStatsReportsQuerySchema,
} from '../../shared/schemas/stats';
import type { AppDeps } from '../deps';
import { requestLanguage } from '../http/language';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { staffOf } from '../http/staff-api';
import { publicStats } from './public-stats';
import { periodicReport } from './periodic';
import { exportPeriodicReport } from './stats.export';
import { staffStats, statsReports } from './stats.service';

const scopeNote =
  'A province coordinator sees their own province (another answers 404); a national coordinator the nation or `province`; a unit lead the reports their unit or a unit beneath it leads (another unit answers 404, a `province` narrows them); a commune Steering Committee 389 its commune without tips about officials (another province answers 404).';

/** Issue #7: the coordinators' dashboard, the reports behind its numbers, and the periodic report as files. */
export function staffStatsRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  // Issue #18: whose figures each of them reads is server/stats/figures-scope.ts (from scope.ts).
  const figures = ['coordinator', 'unit_lead', 'commune_committee'] as const;
  const tags = ['statistics'];

  defineRoute(api, {
    method: 'get',
    path: '/stats',
    operationId: 'getDashboard',
    tags,
    summary: `The dashboard (coordinators, unit leads, commune committees): received, accepted and resolved in time, rates against the targets, medians, overdue now, results (resolved in the period, fines, goods seized) and the crime track; per category, place type, channel, force, unit, province, outcome, goods type and over time. ${scopeNote}`,
    access: figures,
    request: { query: staffStatsQuerySchema },
    response: { description: 'Every figure of the dashboard', schema: staffStatsSchema },
    errors: [400, 401, 403, 404],
    handler: ({ query }, req, res) => staffStats(deps, staffOf(res.locals), query, requestLanguage(req)),
  });

  defineRoute(api, {
    method: 'get',
    path: '/stats/reports',
    operationId: 'listStatsReports',
    tags,
    summary:
      "The reports behind one number of the dashboard (`measure`, and `dimension` + `key` for a bar or a row), newest first; `total` is that number. Never a reporter's contact: also a commune committee's read-only list of its commune's reports",
    access: figures,
    request: { query: staffStatsReportsQuerySchema },
    response: { description: 'A page of reports', schema: statsReportsSchema },
    errors: [400, 401, 403, 404],
    handler: ({ query }, _req, res) => statsReports(deps, staffOf(res.locals), query),
  });

  defineRoute(api, {
    method: 'get',
    path: '/stats/periodic',
    operationId: 'getPeriodicReport',
    tags,
    summary:
      "Issue #18, the periodic report of any range (`preset` month, quarter, half, year, october_september, midterm, final with `year`/`part`; `from`–`to` ad hoc; the old `period`): the dashboard figures with results and the crime track, the same period a year earlier (`compare=true`), a province's communes, the typical cases",
    access: figures,
    request: { query: staffPeriodicQuerySchema },
    response: { description: 'The periodic report', schema: periodicReportSchema },
    errors: [400, 401, 403, 404],
    handler: ({ query }, req, res) => periodicReport(deps, staffOf(res.locals), query, requestLanguage(req)),
  });

  defineRoute(api, {
    method: 'get',
    path: '/stats/export',
    operationId: 'exportPeriodicReport',
    tags,
    summary:
      'The periodic report (the period as for `/stats/periodic`; `compare=true` adds the same-period columns) as CSV (UTF-8 with a byte-order mark) or XLSX: `table=summary` its figures (XLSX: with the crime track and the typical cases as sheets), `crime`, `typical`, `reports` every report behind them (streamed). No internal ids. Audited.',
    access: figures,
    request: { query: staffStatsExportQuerySchema },
    response: { description: 'The file, as an attachment', writesItself: true },
    errors: [400, 401, 403, 404],
    handler: ({ query }, req, res) => exportPeriodicReport(deps, staffOf(res.locals), query, requestLanguage(req), res),
  });

  return api;
}

/** Issues #7 and #15: statistics for anyone, of fixed periods, every figure rounded; cacheable for five minutes. */
export function publicStatsRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  defineRoute(api, {
    method: 'get',
    path: '/stats',
    operationId: 'getPublicStats',
    tags: ['statistics'],
    summary:
      'Public statistics of one calendar year (its finished months): received and resolved per category, place type, province and month, and per public status; every figure rounded on its own to the nearest 5, "<10" for 0 to 7. A span of days (`from`, `to`) is refused.',
    access: 'public',
    request: { query: publicStatsQuerySchema },
    response: {
      description: 'The statistics of the year (default: the year of the last finished month)',
      schema: publicStatsSchema,
    },
    errors: [400, 429],
    handler: async ({ query }, req, res) => {
      const body = await publicStats(deps, query, requestLanguage(req));
      res.setHeader('Cache-Control', 'public, max-age=300');
      return body;
    },
  });
  return api;
}
