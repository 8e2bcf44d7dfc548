import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { holidayInputSchema, holidayParamsSchema, holidaysQuerySchema } from '../../shared/schemas/holidays';
import type { StaffUser } from '../auth/auth.service';
import { scopeOf } from '../auth/scope';
import type { AppDeps } from '../deps';
import { listHolidays, removeHoliday, setHoliday } from '../holidays/holidays.service';
import { parseRequest } from '../http/parse';
import { forbidden, requireStaff, staffOf, unauthenticated } from '../http/staff-api';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';

const holidaysSchema = z
  .object({ holidays: z.array(z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() })) })
  .meta({ id: 'Holidays' });

/** Only national coordinators change the calendar (server/auth/scope.ts, `mayEditCalendar`); 403 otherwise. */
function calendarEditors(deps: AppDeps): RequestHandler {
  return async (_req, res, next) => {
    const staff = res.locals.staff as StaffUser | undefined;
    if (!staff) return next(unauthenticated());
    return (await scopeOf(deps.db, staff)).mayEditCalendar ? next() : next(forbidden());
  };
}

/** SPEC.md §5: the holiday calendar (server/holidays/holidays.service.ts). */
export function holidaysRoutes(deps: AppDeps): Router {
  const router = Router();
  const nationalCoordinator = calendarEditors(deps);

  router.get('/holidays', requireStaff, async (req, res) => {
    const { query } = parseRequest({ query: holidaysQuerySchema }, req);
    res.json({ holidays: await listHolidays(deps, query.year) });
  });

  router.put('/holidays/:day', nationalCoordinator, async (req, res) => {
    const { params, body } = parseRequest({ params: holidayParamsSchema, body: holidayInputSchema }, req);
    res.json({ holidays: await setHoliday(deps, staffOf(res.locals), params.day, body) });
  });

  router.delete('/holidays/:day', nationalCoordinator, async (req, res) => {
    const { params } = parseRequest({ params: holidayParamsSchema }, req);
    await removeHoliday(deps, staffOf(res.locals), params.day);
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
