import { asc, eq, like } from 'drizzle-orm';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { holidayInputSchema, holidayParamsSchema, holidaysQuerySchema } from '../../shared/schemas/holidays';
import { appendAudit } from '../auth/auth.repository';
import type { AppDeps } from '../deps';
import { notFound } from '../http/errors';
import { parseRequest } from '../http/parse';
import { forbidden, requireStaff, staffOf, unauthenticated } from '../http/staff-api';
import type { StaffUser } from '../auth/auth.service';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';
import { holidaysTable } from '../reports/reports.table';

const holidaysSchema = z
  .object({ holidays: z.array(z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() })) })
  .meta({ id: 'Holidays' });

/** The calendar is the country's: a province coordinator cannot move every province's deadlines. */
const nationalCoordinator: RequestHandler = (_req, res, next) => {
  const staff = res.locals.staff as StaffUser | undefined;
  if (!staff) return next(unauthenticated());
  return staff.role === 'coordinator' && staff.scopeProvinceCode === null ? next() : next(forbidden());
};

/**
 * SPEC.md §5: the holiday calendar is data that coordinators maintain (the national ones). Every change is audited and
 * counts for reports received from then on; deadlines already set are not recomputed.
 */
export function holidaysRoutes(deps: AppDeps): Router {
  const router = Router();
  const list = (year?: number) =>
    deps.db
      .select({ day: holidaysTable.day, kind: holidaysTable.kind, name: holidaysTable.name })
      .from(holidaysTable)
      .where(year ? like(holidaysTable.day, `${year}-%`) : undefined)
      .orderBy(asc(holidaysTable.day));

  router.get('/holidays', requireStaff, async (req, res) => {
    const { query } = parseRequest({ query: holidaysQuerySchema }, req);
    res.json({ holidays: await list(query.year) });
  });

  router.put('/holidays/:day', nationalCoordinator, async (req, res) => {
    const { params, body } = parseRequest({ params: holidayParamsSchema, body: holidayInputSchema }, req);
    const staff = staffOf(res.locals);
    const at = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await tx
        .insert(holidaysTable)
        .values({ day: params.day, ...body, updatedAt: at })
        .onConflictDoUpdate({ target: holidaysTable.day, set: { ...body, updatedAt: at } });
      await appendAudit(tx, {
        at,
        action: 'holiday_set',
        actorId: staff.id,
        subject: `holiday:${params.day}`,
        data: body,
      });
    });
    res.json({ holidays: await list(Number(params.day.slice(0, 4))) });
  });

  router.delete('/holidays/:day', nationalCoordinator, async (req, res) => {
    const { params } = parseRequest({ params: holidayParamsSchema }, req);
    const staff = staffOf(res.locals);
    const at = deps.clock.now();
    const removed = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .delete(holidaysTable)
        .where(eq(holidaysTable.day, params.day))
        .returning({ day: holidaysTable.day });
      if (rows.length > 0)
        await appendAudit(tx, { at, action: 'holiday_removed', actorId: staff.id, subject: `holiday:${params.day}` });
      return rows.length;
    });
    if (removed === 0) throw notFound();
    res.status(204).end();
  });
  return router;
}

export const holidaysApiDocs: ApiDoc[] = [
  {
    method: 'get',
    path: '/api/staff/holidays',
    tags: ['cases'],
    summary: 'The holiday calendar deadlines count with (`year` to narrow it)',
    request: { query: holidaysQuerySchema },
    responses: { 200: jsonResponse('Days off and Saturdays worked', holidaysSchema), ...errorResponses(400, 401) },
  },
  {
    method: 'put',
    path: '/api/staff/holidays/{day}',
    tags: ['cases'],
    summary:
      'National coordinators: set a day as a holiday or a Saturday worked (`{ kind, name }`); counts for reports received from then on; audited',
    request: { params: holidayParamsSchema, body: { content: { 'application/json': { schema: holidayInputSchema } } } },
    responses: { 200: jsonResponse("That year's calendar", holidaysSchema), ...errorResponses(400, 401, 403) },
  },
  {
    method: 'delete',
    path: '/api/staff/holidays/{day}',
    tags: ['cases'],
    summary: 'National coordinators: remove a day from the calendar; audited',
    request: { params: holidayParamsSchema },
    responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404) },
  },
];
