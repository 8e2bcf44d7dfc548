import { Router } from 'express';
import { unitsResponseSchema, type UnitsResponse } from '../../shared/api/units';
import type { AppDeps } from '../deps';
import { requireRole } from '../http/staff-api';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';
import { findUnits } from './units.repository';

/** The units, for the account administration (a unit for an officer); the units editor is issue #7. */
export function unitsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/units', requireRole('admin', 'coordinator', 'officer', 'unit_lead'), async (_req, res) => {
    res.json({ units: (await findUnits(deps.db)) as UnitsResponse['units'] });
  });
  return router;
}

export const unitsApiDocs: ApiDoc[] = [
  {
    method: 'get',
    path: '/api/staff/units',
    tags: ['staff'],
    summary: 'Every unit of the four forces (admins, coordinators, officers and unit leads: for transfers and coordination)',
    responses: { 200: jsonResponse('Units by force, province and name', unitsResponseSchema), ...errorResponses(401, 403) },
  },
];
