import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { ApiDoc } from './api-doc';

/** OpenAPI 3.1 generated from the zod schemas the routes parse with; never written by hand. */
function buildOpenApiDocument(docs: ApiDoc[], serverUrl: string) {
  const registry = new OpenAPIRegistry();
  for (const doc of docs) registry.registerPath(doc);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Tipline 389 API',
      version: '1',
      description:
        'Citizen tip-off hotline and counterfeit-reporting portal (Ban Chỉ đạo 389). Errors: `{ error: { code, message, fields } }`, Vietnamese by default, English with `?lang=en` or `Accept-Language: en`.',
    },
    servers: [{ url: serverUrl }],
  });
}

export function openApiRoutes(docs: ApiDoc[], serverUrl: string): Router {
  const router = Router();
  const document = buildOpenApiDocument(docs, serverUrl);
  router.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(document);
  });
  return router;
}
