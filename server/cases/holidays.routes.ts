import { asc, eq, like } from 'drizzle-orm';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { holidayInputSchema, holidayParamsSchema, holidaysQuerySchema } from '../../shared/schemas/holidays';
import { appendAudit } from '../auth/auth.repository';
import type { AppDeps } from '../deps';
import { notFound } from '../http/errors';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { forbidden, staffOf, unauthenticated } from '../http/staff-api';
import type { StaffUser } from '../auth/auth.service';
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
export function holidaysRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  const list = (year?: number) =>
    deps.db
      .select({ day: holidaysTable.day, kind: holidaysTable.kind, name: holidaysTable.name })
      .from(holidaysTable)
      .where(year ? like(holidaysTable.day, `${year}-%`) : undefined)
      .orderBy(asc(holidaysTable.day));

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
    handler: async ({ query }) => ({ holidays: await list(query.year) }),
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
    handler: async ({ params, body }, _req, res) => {
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
      return { holidays: await list(Number(params.day.slice(0, 4))) };
    },
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
    },
  });
  return api;
}
