import { Router } from 'express';
import { communesResponseSchema, provincesResponseSchema } from '../../shared/api/places';
import { communeQuerySchema, provinceParamsSchema } from '../../shared/schemas/places';
import type { AppDeps } from '../deps';
import { parseRequest } from '../http/parse';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';
import { provinceNotFound } from './places.errors';
import { findCommunes, findProvince, findProvinces } from './places.repository';

// Reference data changes a few times a year; the ETag lets clients revalidate for free.
const REFERENCE_CACHE = 'public, max-age=300, must-revalidate';

export function placesRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/provinces', async (_req, res) => {
    const provinces = await findProvinces(deps.db);
    res.set('Cache-Control', REFERENCE_CACHE).json({ provinces });
  });

  router.get('/provinces/:provinceCode/communes', async (req, res) => {
    const { params, query } = parseRequest({ params: provinceParamsSchema, query: communeQuerySchema }, req);
    const { provinceCode } = params;
    const { q, limit } = query;
    const province = await findProvince(deps.db, provinceCode);
    if (!province) throw provinceNotFound();
    const communes = await findCommunes(deps.db, provinceCode, { search: q, limit });
    res.set('Cache-Control', REFERENCE_CACHE).json({ province, communes });
  });

  return router;
}

export const placesApiDocs: ApiDoc[] = [
  {
    method: 'get',
    path: '/api/public/provinces',
    tags: ['reference'],
    summary: 'The 34 provinces and cities (2025) with commune counts and border/coast flags',
    responses: { 200: jsonResponse('Provinces in official order', provincesResponseSchema), ...errorResponses(429) },
  },
  {
    method: 'get',
    path: '/api/public/provinces/{provinceCode}/communes',
    tags: ['reference'],
    summary: 'Communes of a province; `q` searches names without diacritics',
    request: { params: provinceParamsSchema, query: communeQuerySchema },
    responses: {
      200: jsonResponse('The province and its communes in official order', communesResponseSchema),
      ...errorResponses(400, 404, 429),
    },
  },
];
