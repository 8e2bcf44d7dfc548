import { closedUnitSchema, unitDetailSchema } from '../../shared/api/rules';
import { unitsResponseSchema, type UnitsResponse } from '../../shared/api/units';
import {
  jurisdictionInputSchema,
  unitCloseSchema,
  unitInputSchema,
  unitMergeSchema,
  unitParamsSchema,
  unitDutyContactsSchema,
  unitInvestigatesSchema,
  unitRenameSchema,
} from '../../shared/schemas/rules';
import type { AppDeps } from '../deps';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { staffOf } from '../http/staff-api';
import { findUnits } from './units.repository';
import {
  closeUnit,
  createUnit,
  getUnitDetail,
  mergeUnit,
  renameUnit,
  setDutyContacts,
  setInvestigates,
  setJurisdiction,
} from './units.service';

const refused =
  '422 `routing.invalid` with the validator’s report in `error.details` when the change would leave a gap or an overlap (nothing written); audited';

/** The units (every staff role that picks one) and, for admins, the units editor of issue #7. */
export function unitsRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  const admins = ['admin'] as const;
  const tags = ['staff'];
  const unitReply = { description: 'The unit', schema: unitDetailSchema };

  defineRoute(api, {
    method: 'get',
    path: '/units',
    operationId: 'listUnits',
    tags,
    summary:
      'Every unit of the four forces (admins, coordinators, officers and unit leads: for transfers and coordination)',
    access: ['admin', 'coordinator', 'officer', 'unit_lead'],
    response: { description: 'Units by force, province and name', schema: unitsResponseSchema },
    errors: [401, 403],
    // The units table's force column is a plain text column (a foreign key to forces): its codes are FORCES.
    handler: async () => ({ units: (await findUnits(deps.db)) as UnitsResponse['units'] }),
  });

  defineRoute(api, {
    method: 'post',
    path: '/units',
    operationId: 'createUnit',
    tags,
    summary: `Admins: open a unit with its jurisdiction (\`areas\`), from \`effectiveFrom\` (default now); ${refused}`,
    access: admins,
    request: { body: unitInputSchema },
    response: { status: 201, ...unitReply },
    errors: [400, 401, 403, 409, 422],
    handler: ({ body }, _req, res) => createUnit(deps, staffOf(res.locals), body),
  });

  defineRoute(api, {
    method: 'get',
    path: '/units/:unitId',
    operationId: 'getUnit',
    tags,
    summary: 'Admins and coordinators: a unit with its current jurisdiction',
    access: ['admin', 'coordinator'],
    request: { params: unitParamsSchema },
    response: unitReply,
    errors: [400, 401, 403, 404],
    handler: ({ params }) => getUnitDetail(deps, params.unitId),
  });

  defineRoute(api, {
    method: 'patch',
    path: '/units/:unitId',
    operationId: 'renameUnit',
    tags,
    summary: 'Admins: rename a unit from now on (reports already routed keep the name they were routed with); audited',
    access: admins,
    request: { params: unitParamsSchema, body: unitRenameSchema },
    response: unitReply,
    errors: [400, 401, 403, 404],
    handler: ({ params, body }, _req, res) => renameUnit(deps, staffOf(res.locals), params.unitId, body.name),
  });

  defineRoute(api, {
    method: 'put',
    path: '/units/:unitId/duty-contacts',
    operationId: 'setUnitDutyContacts',
    tags,
    summary:
      'Admins: the unit’s public duty hotline (`dutyPhone`, Vietnamese formats, normalised) and the duty mailbox its alerts go to (`dutyEmail`); null removes one; audited',
    access: admins,
    request: { params: unitParamsSchema, body: unitDutyContactsSchema },
    response: unitReply,
    errors: [400, 401, 403, 404],
    handler: ({ params, body }, _req, res) => setDutyContacts(deps, staffOf(res.locals), params.unitId, body),
  });

  defineRoute(api, {
    method: 'put',
    path: '/units/:unitId/investigates',
    operationId: 'setUnitInvestigates',
    tags,
    summary:
      'Admins (issue #18): whether a police unit is an investigating body, that reports with signs of a crime are handed to (`investigates`; other forces 400); audited',
    access: admins,
    request: { params: unitParamsSchema, body: unitInvestigatesSchema },
    response: unitReply,
    errors: [400, 401, 403, 404],
    handler: ({ params, body }, _req, res) =>
      setInvestigates(deps, staffOf(res.locals), params.unitId, body.investigates),
  });

  defineRoute(api, {
    method: 'post',
    path: '/units/:unitId/close',
    operationId: 'closeUnit',
    tags,
    summary: `Admins: close a unit from \`effectiveFrom\` (default now). Issue #18: its open reports go to \`handTo\`, or each to the unit the routing picks once it is closed (a \`transferred\` event each, same transaction); transfers waiting for it are cancelled; ${refused}`,
    access: admins,
    request: { params: unitParamsSchema, body: unitCloseSchema },
    response: { description: 'The closed unit and what became of its reports', schema: closedUnitSchema },
    errors: [400, 401, 403, 404, 409, 422],
    handler: ({ params, body }, _req, res) => closeUnit(deps, staffOf(res.locals), params.unitId, body),
  });

  defineRoute(api, {
    method: 'post',
    path: '/units/:unitId/merge',
    operationId: 'mergeUnit',
    tags,
    summary: `Admins, issue #18: merge a unit into \`intoUnitId\` (same force) from \`effectiveFrom\` (default now): it closes, the other takes its jurisdiction (old rows closed), its open reports (a \`transferred\` event each) and its staff accounts; ${refused}`,
    access: admins,
    request: { params: unitParamsSchema, body: unitMergeSchema },
    response: { description: 'The merged (closed) unit and what became of its reports', schema: closedUnitSchema },
    errors: [400, 401, 403, 404, 409, 422],
    handler: ({ params, body }, _req, res) => mergeUnit(deps, staffOf(res.locals), params.unitId, body),
  });

  defineRoute(api, {
    method: 'put',
    path: '/units/:unitId/jurisdiction',
    operationId: 'setUnitJurisdiction',
    tags,
    summary: `Admins: replace what a unit covers (communes or whole provinces, optionally some place types) from \`effectiveFrom\`; ${refused}`,
    access: admins,
    request: { params: unitParamsSchema, body: jurisdictionInputSchema },
    response: unitReply,
    errors: [400, 401, 403, 404, 409, 422],
    handler: ({ params, body }, _req, res) => setJurisdiction(deps, staffOf(res.locals), params.unitId, body),
  });
  return api;
}
