import { communesResponseSchema, provinceHotlinesSchema, provincesResponseSchema } from '../../shared/api/places';
import { communeQuerySchema, provinceParamsSchema } from '../../shared/schemas/places';
import type { AppDeps } from '../deps';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { provinceNotFound } from './places.errors';
import { findProvinceDutyPhones } from '../units/units.repository';
import { findCommunes, findProvince, findProvinces } from './places.repository';

// Reference data changes a few times a year; the ETag lets clients revalidate for free.
const REFERENCE_CACHE = 'public, max-age=300, must-revalidate';

export function placesRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();

  defineRoute(api, {
    method: 'get',
    path: '/provinces',
    operationId: 'listProvinces',
    tags: ['reference'],
    summary: 'The 34 provinces and cities (2025) with commune counts and border/coast flags',
    access: 'public',
    response: { description: 'Provinces in official order', schema: provincesResponseSchema },
    errors: [429],
    handler: async (_input, _req, res) => {
      const provinces = await findProvinces(deps.db);
      res.set('Cache-Control', REFERENCE_CACHE);
      return { provinces };
    },
  });

  defineRoute(api, {
    method: 'get',
    path: '/provinces/:provinceCode/communes',
    operationId: 'listCommunes',
    tags: ['reference'],
    summary: 'Communes of a province; `q` searches names without diacritics',
    access: 'public',
    request: { params: provinceParamsSchema, query: communeQuerySchema },
    response: { description: 'The province and its communes in official order', schema: communesResponseSchema },
    errors: [400, 404, 429],
    handler: async ({ params, query }, _req, res) => {
      const { provinceCode } = params;
      const { q, limit } = query;
      const province = await findProvince(deps.db, provinceCode);
      if (!province) throw provinceNotFound();
      const communes = await findCommunes(deps.db, provinceCode, { search: q, limit });
      res.set('Cache-Control', REFERENCE_CACHE);
      return { province, communes };
    },
  });

  defineRoute(api, {
    method: 'get',
    path: '/provinces/:provinceCode/hotlines',
    operationId: 'listProvinceHotlines',
    tags: ['reference'],
    summary: "The duty hotlines of the forces' units of a province (issue #17), beside the national 389 lines",
    access: 'public',
    request: { params: provinceParamsSchema },
    response: {
      description: 'Units of the province (open, with a duty phone): police, market, border, customs',
      schema: provinceHotlinesSchema,
    },
    errors: [400, 404, 429],
    handler: async ({ params }, _req, res) => {
      const province = await findProvince(deps.db, params.provinceCode);
      if (!province) throw provinceNotFound();
      const hotlines = await findProvinceDutyPhones(deps.db, province.code);
      res.set('Cache-Control', REFERENCE_CACHE);
      return { province: { code: province.code, name: province.name }, hotlines };
    },
  });

  return api;
}
