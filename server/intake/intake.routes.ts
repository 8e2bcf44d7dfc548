import { Router } from 'express';
import { z } from 'zod';
import { MAX_PHOTOS } from '../../shared/schemas/report';
import {
  attachedPhotosSchema,
  callSummarySchema,
  hotlineLinesSchema,
  intakeReceiptSchema,
  intakeReportViewSchema,
  recentCallsSchema,
} from '../../shared/api/intake';
import { citizenViewSchema } from '../../shared/api/reports';
import {
  appendCallInputSchema,
  intakeReportInputSchema,
  intakeReportQuerySchema,
  reportCodeParamsSchema,
} from '../../shared/schemas/intake';
import { trackInputSchema } from '../../shared/schemas/report';
import type { AppDeps } from '../deps';
import { requestLanguage } from '../http/language';
import { parseBody, parseRequest } from '../http/parse';
import { limiter } from '../http/rate-limit';
import { requireRole, staffOf } from '../http/staff-api';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';
import { presentCitizenView } from '../reports/reports.routes';
import { trackReport } from '../reports/tracking.service';
import { acceptUpload, uploadedFiles, withUploads } from '../reports/upload';
import { appendCall, attachPhotos, enterCall, hotlineLines, intakeReportView, recentCalls } from './intake.service';

/** Issue #5, the hotline intake console: operators only (403 for other roles: the endpoints are no secret). */
export function intakeRoutes(deps: AppDeps): Router {
  const router = Router();
  const now = () => deps.clock.now();
  const reportInput = intakeReportInputSchema(now);
  const callInput = appendCallInputSchema(now);
  const operator = requireRole('operator');

  router.get('/intake/lines', operator, async (_req, res) => {
    res.json(await hotlineLines(deps));
  });

  router.get('/intake/calls', operator, async (_req, res) => {
    res.json(await recentCalls(deps, staffOf(res.locals)));
  });

  router.post('/intake/reports', operator, async (req, res) => {
    res.status(201).json(await enterCall(deps, staffOf(res.locals), parseBody(reportInput, req)));
  });

  router.get('/intake/reports/:code', operator, async (req, res) => {
    const { params, query } = parseRequest({ params: reportCodeParamsSchema, query: intakeReportQuerySchema }, req);
    res.json(await intakeReportView(deps, staffOf(res.locals), params.code, query));
  });

  router.post('/intake/reports/:code/calls', operator, async (req, res) => {
    const { params, query, body } = parseRequest(
      { params: reportCodeParamsSchema, query: intakeReportQuerySchema, body: callInput },
      req,
    );
    res.status(201).json(await appendCall(deps, staffOf(res.locals), params.code, body, query));
  });

  // SPEC.md §6: status over the phone for a report outside the operator's scope needs the caller's
  // code and secret; the same check, guard and citizen view as the tracking page, never the contact.
  const { rateLimit } = deps.config;
  router.post('/intake/receipts', operator, limiter(rateLimit, rateLimit.trackingMax), async (req, res) => {
    const { trackingCode, secret } = parseBody(trackInputSchema, req);
    res.json(
      presentCitizenView(await trackReport(deps, deps.receiptGuard, trackingCode, secret), requestLanguage(req)),
    );
  });

  router.post('/intake/reports/:code/photos', operator, acceptUpload(deps.photos.dirs), async (req, res) => {
    const result = await withUploads(req, () => {
      const { params } = parseRequest({ params: reportCodeParamsSchema }, req);
      return attachPhotos(
        deps,
        staffOf(res.locals),
        params.code,
        uploadedFiles(req).map((f) => f.path),
      );
    });
    res.status(201).json(result);
  });

  return router;
}

const codeParams = { params: reportCodeParamsSchema };
const scopedCode = { ...codeParams, query: intakeReportQuerySchema };
const photoUpload = z.object({
  photos: z
    .array(z.string().meta({ format: 'binary' }))
    .min(1)
    .max(MAX_PHOTOS),
});

export const intakeApiDocs: ApiDoc[] = [
  {
    method: 'get',
    path: '/api/staff/intake/lines',
    tags: ['intake'],
    summary: 'The hotline lines calls come in on (HOTLINE_LINES)',
    responses: { 200: jsonResponse('Lines', hotlineLinesSchema), ...errorResponses(401, 403) },
  },
  {
    method: 'get',
    path: '/api/staff/intake/calls',
    tags: ['intake'],
    summary: "The operator's latest calls, newest first, caller numbers masked",
    responses: { 200: jsonResponse('Calls', recentCallsSchema), ...errorResponses(401, 403) },
  },
  {
    method: 'post',
    path: '/api/staff/intake/reports',
    tags: ['intake'],
    summary:
      'A call entered as a new report (channel hotline): the call fields, then the report fields of the public form',
    request: { body: { content: { 'application/json': { schema: intakeReportInputSchema(() => new Date()) } } } },
    responses: {
      201: jsonResponse('The receipt to read to the caller; the secret is shown only here', intakeReceiptSchema),
      ...errorResponses(400, 401, 403, 503),
    },
  },
  {
    method: 'get',
    path: '/api/staff/intake/reports/{code}',
    tags: ['intake'],
    summary:
      'A report as the console opens it: one the operator has a call on, or (with `communeCode` of the call being typed, or `provinceCode` for an online seller known by its province) one of that province from the last 30 days, as the duplicates show; fields, lead, calls; never the contact. Anything else is 404',
    request: scopedCode,
    responses: { 200: jsonResponse('The report', intakeReportViewSchema), ...errorResponses(400, 401, 403, 404) },
  },
  {
    method: 'post',
    path: '/api/staff/intake/reports/{code}/calls',
    tags: ['intake'],
    summary:
      'Appends a further call to a report (an event with its own text) instead of creating a new one; the same reports as opening one',
    request: {
      ...scopedCode,
      body: { content: { 'application/json': { schema: appendCallInputSchema(() => new Date()) } } },
    },
    responses: { 201: jsonResponse('The call as recorded', callSummarySchema), ...errorResponses(400, 401, 403, 404) },
  },
  {
    method: 'post',
    path: '/api/staff/intake/receipts',
    tags: ['intake'],
    summary:
      "A caller's receipt checked over the phone (SPEC.md §6): the citizen view for the code and secret, as the tracking page shows it (status, question, outcome); wrong secrets count with the tracking page's",
    request: { body: { content: { 'application/json': { schema: trackInputSchema } } } },
    responses: { 200: jsonResponse('The citizen view', citizenViewSchema), ...errorResponses(400, 401, 403, 404, 429) },
  },
  {
    method: 'post',
    path: '/api/staff/intake/reports/{code}/photos',
    tags: ['intake'],
    summary:
      'Photos the caller sent later, attached by the operator who entered the report (multipart `photos`, up to 5); processed like public photos',
    request: { ...codeParams, body: { content: { 'multipart/form-data': { schema: photoUpload } } } },
    responses: {
      201: jsonResponse('How many were attached', attachedPhotosSchema),
      ...errorResponses(400, 401, 403, 404, 413, 415, 503),
    },
  },
];
