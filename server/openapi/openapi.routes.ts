import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { SECURITY_SCHEMES } from './api-doc';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

/** OpenAPI 3.1 generated from the route declarations (server/http/define-route.ts); never written by hand. */
export function buildOpenApiDocument(operations: RouteConfig[], serverUrl: string): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES))
    registry.registerComponent('securitySchemes', name, scheme);
  for (const operation of operations) registry.registerPath(operation);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Tipline 389 API',
      version: '1',
      description:
        'Citizen tip-off hotline and counterfeit-reporting portal (Ban Chỉ đạo 389). Errors: `{ error: { code, message, fields } }`, Vietnamese by default, English with `?lang=en` or `Accept-Language: en`.',
      license: { name: 'UNLICENSED: proprietary, all rights reserved', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: serverUrl }],
  });
}

/** `GET /api/openapi.json`: the document of the app it is mounted in, built once by app.ts. */
export function openApiRoutes(document: () => OpenApiDocument): ApiRouter {
  const api = apiRouter();
  defineRoute(api, {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tags: ['operations'],
    summary: 'This document (OpenAPI 3.1)',
    access: 'public',
    response: { description: 'OpenAPI document', writesItself: true },
    errors: [],
    handler: (_input, _req, res) => {
      res.set('Cache-Control', 'no-cache').json(document());
    },
  });
  return api;
}
