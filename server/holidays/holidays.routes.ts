import type { RequestHandler } from 'express';
import { z } from 'zod';
import { holidayInputSchema, holidayParamsSchema, holidaysQuerySchema } from '../../shared/schemas/holidays';
import type { StaffUser } from '../auth/auth.service';
import { scopeOf } from '../auth/scope';
import type { AppDeps } from '../deps';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { forbidden, staffOf, unauthenticated } from '../http/staff-api';
import { listHolidays, removeHoliday, setHoliday } from './holidays.service';

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

/**
 * SPEC.md §5: the holiday calendar is data that coordinators maintain (the national ones). Every change is audited and
 * counts for reports received from then on; deadlines already set are not recomputed (holidays.service.ts).
 */
export function holidaysRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  const nationalCoordinator = calendarEditors(deps);

  defineRoute(api, {
    method: 'get',
    path: '/holidays',
    operationId: 'listHolidays',
    tags: ['cases'],
    summary: 'The holiday calendar deadlines count with (`year` to narrow it)',
    access: 'staff',
    request: { query: holidaysQuerySchema },
    response: { description: 'Days off and Saturdays worked', schema: holidaysSchema },
    errors: [400, 401],
    handler: async ({ query }) => ({ holidays: await listHolidays(deps, query.year) }),
  });

  defineRoute(api, {
    method: 'put',
    path: '/holidays/:day',
    operationId: 'setHoliday',
    tags: ['cases'],
    summary:
      'National coordinators: set a day as a holiday or a Saturday worked (`{ kind, name }`); counts for reports received from then on; audited',
    access: ['coordinator'],
    use: [nationalCoordinator],
    request: { params: holidayParamsSchema, body: holidayInputSchema },
    response: { description: "That year's calendar", schema: holidaysSchema },
    errors: [400, 401, 403],
    handler: async ({ params, body }, _req, res) => ({
      holidays: await setHoliday(deps, staffOf(res.locals), params.day, body),
    }),
  });

  defineRoute(api, {
    method: 'delete',
    path: '/holidays/:day',
    operationId: 'removeHoliday',
    tags: ['cases'],
    summary: 'National coordinators: remove a day from the calendar; audited',
    access: ['coordinator'],
    use: [nationalCoordinator],
    request: { params: holidayParamsSchema },
    response: { status: 204, description: 'Removed' },
    errors: [400, 401, 403, 404],
    handler: async ({ params }, _req, res) => {
      await removeHoliday(deps, staffOf(res.locals), params.day);
    },
  });
  return api;
}
