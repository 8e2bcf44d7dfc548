import { Router } from 'express';
import { unitDetailSchema } from '../../shared/api/rules';
import { unitsResponseSchema, type UnitsResponse } from '../../shared/api/units';
import {
  jurisdictionInputSchema,
  unitCloseSchema,
  unitInputSchema,
  unitParamsSchema,
  unitRenameSchema,
} from '../../shared/schemas/rules';
import type { AppDeps } from '../deps';
import { parseRequest } from '../http/parse';
import { requireRole, staffOf } from '../http/staff-api';
import { type ApiDoc, errorResponses, jsonBody, jsonResponse } from '../openapi/api-doc';
import { findUnits } from './units.repository';
import { closeUnit, createUnit, getUnitDetail, renameUnit, setJurisdiction } from './units.service';

/** The units (every staff role that picks one) and, for admins, the units editor of issue #7. */
export function unitsRoutes(deps: AppDeps): Router {
  const router = Router();
  const admins = requireRole('admin');

  router.get('/units', requireRole('admin', 'coordinator', 'officer', 'unit_lead'), async (_req, res) => {
    res.json({ units: (await findUnits(deps.db)) as UnitsResponse['units'] });
  });

  router.post('/units', admins, async (req, res) => {
    const { body } = parseRequest({ body: unitInputSchema }, req);
    res.status(201).json(await createUnit(deps, staffOf(res.locals), body));
  });

  router.get('/units/:unitId', requireRole('admin', 'coordinator'), async (req, res) => {
    const { params } = parseRequest({ params: unitParamsSchema }, req);
    res.json(await getUnitDetail(deps, params.unitId));
  });

  router.patch('/units/:unitId', admins, async (req, res) => {
    const { params, body } = parseRequest({ params: unitParamsSchema, body: unitRenameSchema }, req);
    res.json(await renameUnit(deps, staffOf(res.locals), params.unitId, body.name));
  });

  router.post('/units/:unitId/close', admins, async (req, res) => {
    const { params, body } = parseRequest({ params: unitParamsSchema, body: unitCloseSchema }, req);
    res.json(await closeUnit(deps, staffOf(res.locals), params.unitId, body.effectiveFrom));
  });

  router.put('/units/:unitId/jurisdiction', admins, async (req, res) => {
    const { params, body } = parseRequest({ params: unitParamsSchema, body: jurisdictionInputSchema }, req);
    res.json(await setJurisdiction(deps, staffOf(res.locals), params.unitId, body));
  });
  return router;
}

const refused =
  '422 `routing.invalid` with the validator’s report in `error.details` when the change would leave a gap or an overlap (nothing written); audited';

export const unitsApiDocs: ApiDoc[] = [
  {
    method: 'get',
    path: '/api/staff/units',
    tags: ['staff'],
    summary:
      'Every unit of the four forces (admins, coordinators, officers and unit leads: for transfers and coordination)',
    responses: {
      200: jsonResponse('Units by force, province and name', unitsResponseSchema),
      ...errorResponses(401, 403),
    },
  },
  {
    method: 'post',
    path: '/api/staff/units',
    tags: ['staff'],
    summary: `Admins: open a unit with its jurisdiction (\`areas\`), from \`effectiveFrom\` (default now); ${refused}`,
    request: { body: jsonBody(unitInputSchema) },
    responses: { 201: jsonResponse('The unit', unitDetailSchema), ...errorResponses(400, 401, 403, 409, 422) },
  },
  {
    method: 'get',
    path: '/api/staff/units/{unitId}',
    tags: ['staff'],
    summary: 'Admins and coordinators: a unit with its current jurisdiction',
    request: { params: unitParamsSchema },
    responses: { 200: jsonResponse('The unit', unitDetailSchema), ...errorResponses(400, 401, 403, 404) },
  },
  {
    method: 'patch',
    path: '/api/staff/units/{unitId}',
    tags: ['staff'],
    summary: 'Admins: rename a unit from now on (reports already routed keep the name they were routed with); audited',
    request: { params: unitParamsSchema, body: jsonBody(unitRenameSchema) },
    responses: { 200: jsonResponse('The unit', unitDetailSchema), ...errorResponses(400, 401, 403, 404) },
  },
  {
    method: 'post',
    path: '/api/staff/units/{unitId}/close',
    tags: ['staff'],
    summary: `Admins: close a unit from \`effectiveFrom\` (default now); ${refused}`,
    request: { params: unitParamsSchema, body: jsonBody(unitCloseSchema) },
    responses: { 200: jsonResponse('The unit', unitDetailSchema), ...errorResponses(400, 401, 403, 404, 409, 422) },
  },
  {
    method: 'put',
    path: '/api/staff/units/{unitId}/jurisdiction',
    tags: ['staff'],
    summary: `Admins: replace what a unit covers (communes or whole provinces, optionally some place types) from \`effectiveFrom\`; ${refused}`,
    request: { params: unitParamsSchema, body: jsonBody(jurisdictionInputSchema) },
    responses: { 200: jsonResponse('The unit', unitDetailSchema), ...errorResponses(400, 401, 403, 404, 409, 422) },
  },
];
