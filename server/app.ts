import express, { Router, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppDeps } from './deps';
import { alertsRoutes } from './alerts/alerts.routes';
import { accountsRoutes } from './auth/accounts.routes';
import { authRoutes, signInRoutes } from './auth/auth.routes';
import { ownPasswordRoutes } from './auth/own-password';
import { createApiCatalog } from './http/define-route';
import { apiNotFound, errorHandler } from './http/error-handler';
import { publicApiMiddleware } from './http/public-api';
import { clientRoutes } from './http/static-client';
import { requestId, requestLogger } from './http/request-context';
import { privateNoStore, staffApiMiddleware } from './http/staff-api';
import { casesRoutes } from './cases/cases.routes';
import { holidaysRoutes } from './holidays/holidays.routes';
import { healthRoutes } from './health/health.routes';
import { intakeRoutes } from './intake/intake.routes';
import { metaRoutes } from './meta/meta.routes';
import { buildOpenApiDocument, openApiRoutes, type OpenApiDocument } from './openapi/openapi.routes';
import { CLIENT_DIST_DIR } from './paths';
import { placesRoutes } from './places/places.routes';
import { duplicatesRoutes } from './reports/duplicates';
import { reportsRoutes, staffPhotoRoutes } from './reports/reports.routes';
import { communeFlagsRoutes } from './places/commune-flags';
import { routingRoutes } from './routing/routing.routes';
import { publicStatsRoutes, staffStatsRoutes } from './stats/stats.routes';
import { rulesRoutes } from './routing/rules.routes';
import { unitsRoutes } from './units/units.routes';

function securityHeaders(deps: AppDeps): RequestHandler {
  const https = deps.config.http.https;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // STACK.md: these two break a plain-http deployment on a LAN address, so only behind HTTPS.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * The API in mount order: health at the root, then under /api the JSON parser, this document, the
 * public and the staff stacks and the JSON 404. Each prefix is written once: the document's paths are
 * the prefix plus each declared route (server/http/define-route.ts); the document is built once here.
 */
export function createApi(deps: AppDeps): { router: Router; document: OpenApiDocument } {
  const router = Router();
  const api = createApiCatalog(router);
  api.mount('', healthRoutes(deps));
  // The document is built below, once every router is mounted; it is first read by a request.
  api.mount(
    '/api',
    express.json({ limit: '200kb' }),
    openApiRoutes(() => document),
  );
  api.mount(
    '/api/public',
    publicApiMiddleware(deps),
    metaRoutes(),
    placesRoutes(deps),
    routingRoutes(deps),
    reportsRoutes(deps),
    publicStatsRoutes(deps),
  );
  api.mount(
    '/api/staff',
    privateNoStore,
    signInRoutes(deps),
    staffApiMiddleware(deps),
    authRoutes(deps),
    ownPasswordRoutes(deps),
    alertsRoutes(deps),
    accountsRoutes(deps),
    unitsRoutes(deps),
    duplicatesRoutes(deps),
    intakeRoutes(deps),
    casesRoutes(deps),
    holidaysRoutes(deps),
    staffStatsRoutes(deps),
    rulesRoutes(deps),
    communeFlagsRoutes(deps),
    staffPhotoRoutes(deps),
  );
  api.mount('/api', apiNotFound);
  const document = buildOpenApiDocument(api.operations, deps.config.http.publicUrl);
  return { router, document };
}

/** Middleware in order, one line each; the API; the client; the error handler. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.http.trustProxyHops);
  app.set('query parser', 'simple');

  app.use(requestId);
  app.use(requestLogger(deps.logger));
  app.use(securityHeaders(deps));
  app.use(createApi(deps).router);

  app.use(clientRoutes(CLIENT_DIST_DIR));
  app.use(errorHandler(deps.logger));
  return app;
}
