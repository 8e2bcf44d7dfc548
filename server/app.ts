import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppDeps } from './deps';
import { accountsApiDocs, accountsRoutes } from './auth/accounts.routes';
import { authApiDocs, authRoutes, signInRoutes } from './auth/auth.routes';
import { ownPasswordApiDocs, ownPasswordRoutes } from './auth/own-password';
import { apiNotFound, errorHandler } from './http/error-handler';
import { publicApiMiddleware } from './http/public-api';
import { clientRoutes } from './http/static-client';
import { requestId, requestLogger } from './http/request-context';
import { privateNoStore, staffApiMiddleware } from './http/staff-api';
import { casesApiDocs, casesRoutes } from './cases/cases.routes';
import { holidaysApiDocs, holidaysRoutes } from './cases/holidays.routes';
import { healthApiDocs, healthRoutes } from './health/health.routes';
import { intakeApiDocs, intakeRoutes } from './intake/intake.routes';
import { metaApiDocs, metaRoutes } from './meta/meta.routes';
import type { ApiDoc } from './openapi/api-doc';
import { openApiRoutes } from './openapi/openapi.routes';
import { CLIENT_DIST_DIR } from './paths';
import { placesApiDocs, placesRoutes } from './places/places.routes';
import { duplicatesApiDocs, duplicatesRoutes } from './reports/duplicates';
import { reportsApiDocs, reportsRoutes, staffPhotoRoutes } from './reports/reports.routes';
import { communeFlagsApiDocs, communeFlagsRoutes } from './places/commune-flags';
import { routingApiDocs, routingRoutes } from './routing/routing.routes';
import { publicStatsRoutes, statsApiDocs, staffStatsRoutes } from './stats/stats.routes';
import { rulesApiDocs, rulesRoutes } from './routing/rules.routes';
import { unitsApiDocs, unitsRoutes } from './units/units.routes';

/** Every documented endpoint; tests/api/openapi.test.ts checks that each mounted /api route is here. */
export const apiDocs: ApiDoc[] = [
  ...healthApiDocs,
  ...metaApiDocs,
  ...placesApiDocs,
  ...routingApiDocs,
  ...reportsApiDocs,
  ...authApiDocs,
  ...ownPasswordApiDocs,
  ...accountsApiDocs,
  ...unitsApiDocs,
  ...duplicatesApiDocs,
  ...intakeApiDocs,
  ...casesApiDocs,
  ...holidaysApiDocs,
  ...statsApiDocs,
  ...rulesApiDocs,
  ...communeFlagsApiDocs,
  {
    method: 'get',
    path: '/api/openapi.json',
    tags: ['operations'],
    summary: 'This document (OpenAPI 3.1)',
    responses: { 200: { description: 'OpenAPI document' } },
  },
];

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

/** Middleware in order, one line each; feature routers; the client; the error handler. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.http.trustProxyHops);
  app.set('query parser', 'simple');

  app.use(requestId);
  app.use(requestLogger(deps.logger));
  app.use(securityHeaders(deps));
  app.use(healthRoutes(deps));

  app.use('/api', express.json({ limit: '200kb' }));
  app.use('/api', openApiRoutes(apiDocs, deps.config.http.publicUrl));
  app.use(
    '/api/public',
    publicApiMiddleware(deps.config),
    metaRoutes(),
    placesRoutes(deps),
    routingRoutes(deps),
    reportsRoutes(deps),
    publicStatsRoutes(deps),
  );
  app.use(
    '/api/staff',
    privateNoStore,
    signInRoutes(deps),
    staffApiMiddleware(deps),
    authRoutes(deps),
    ownPasswordRoutes(deps),
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
  app.use('/api', apiNotFound);

  app.use(clientRoutes(CLIENT_DIST_DIR));
  app.use(errorHandler(deps.logger));
  return app;
}
