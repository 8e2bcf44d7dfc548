import { Router } from 'express';
import { publicStatsSchema, staffStatsSchema, statsReportsSchema } from '../../shared/api/stats';
import {
  publicStatsQuerySchema,
  staffStatsExportQuerySchema,
  staffStatsQuerySchema,
  staffStatsReportsQuerySchema,
} from '../../shared/schemas/stats';
import type { AppDeps } from '../deps';
import { requestLanguage } from '../http/language';
import { parseRequest } from '../http/parse';
import { requireRole, staffOf } from '../http/staff-api';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';
import { publicStats } from './public-stats';
import { exportPeriodicReport } from './stats.export';
import { staffStats, statsReports } from './stats.service';

/** Issue #7: the coordinators' dashboard, the reports behind its numbers, and the periodic report as files. */
export function staffStatsRoutes(deps: AppDeps): Router {
  const router = Router();
  const coordinator = requireRole('coordinator');

  router.get('/stats', coordinator, async (req, res) => {
    const { query } = parseRequest({ query: staffStatsQuerySchema }, req);
    res.json(await staffStats(deps, staffOf(res.locals), query, requestLanguage(req)));
  });

  router.get('/stats/reports', coordinator, async (req, res) => {
    const { query } = parseRequest({ query: staffStatsReportsQuerySchema }, req);
    res.json(await statsReports(deps, staffOf(res.locals), query));
  });

  router.get('/stats/export', coordinator, async (req, res) => {
    const { query } = parseRequest({ query: staffStatsExportQuerySchema }, req);
    await exportPeriodicReport(deps, staffOf(res.locals), query, requestLanguage(req), res);
  });

  return router;
}

/** Issues #7 and #15: statistics for anyone, of fixed periods, every figure rounded; cacheable for five minutes. */
export function publicStatsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/stats', async (req, res) => {
    const { query } = parseRequest({ query: publicStatsQuerySchema }, req);
    const body = await publicStats(deps, query, requestLanguage(req));
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(body);
  });
  return router;
}

const scopeNote =
  'A province coordinator sees their own province (another answers 404); a national coordinator the nation or `province`.';

export const statsApiDocs: ApiDoc[] = [
  {
    method: 'get',
    path: '/api/public/stats',
    tags: ['statistics'],
    summary:
      'Public statistics of one calendar year (its finished months): received and resolved per category, place type, province and month, and per public status; every figure rounded on its own to the nearest 5, "<10" for 0 to 7. A span of days (`from`, `to`) is refused.',
    request: { query: publicStatsQuerySchema },
    responses: {
      200: jsonResponse('The statistics of the year (default: the year of the last finished month)', publicStatsSchema),
      ...errorResponses(400, 429),
    },
  },
  {
    method: 'get',
    path: '/api/staff/stats',
    tags: ['statistics'],
    summary: `The dashboard (coordinators): received, accepted and resolved in time, rates against the targets, medians, overdue now; per category, place type, channel, force, unit, province and over time. ${scopeNote}`,
    request: { query: staffStatsQuerySchema },
    responses: {
      200: jsonResponse('Every figure of the dashboard', staffStatsSchema),
      ...errorResponses(400, 401, 403, 404),
    },
  },
  {
    method: 'get',
    path: '/api/staff/stats/reports',
    tags: ['statistics'],
    summary:
      'The reports behind one number of the dashboard (`measure`, and `dimension` + `key` for a bar or a row), newest first; `total` is that number',
    request: { query: staffStatsReportsQuerySchema },
    responses: { 200: jsonResponse('A page of reports', statsReportsSchema), ...errorResponses(400, 401, 403, 404) },
  },
  {
    method: 'get',
    path: '/api/staff/stats/export',
    tags: ['statistics'],
    summary:
      'The periodic report (`period` 2026, 2026-H1 or 2026-H2) as CSV (UTF-8 with a byte-order mark) or XLSX: `table=summary` its figures, `table=reports` every report behind them (streamed). Audited.',
    request: { query: staffStatsExportQuerySchema },
    responses: { 200: { description: 'The file, as an attachment' }, ...errorResponses(400, 401, 403, 404) },
  },
];
