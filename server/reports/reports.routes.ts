import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { citizenViewSchema, photoCountSchema, receiptSchema } from '../../shared/api/reports';
import { MAX_PHOTOS, reportInputSchema, trackInputSchema, trackMessageInputSchema } from '../../shared/schemas/report';
import { reportPhotoInputSchema, reportPhotoParamsSchema } from '../../shared/schemas/report-photos';
import type { AppDeps } from '../deps';
import { reportSubmission } from '../http/error-handler';
import { notFound } from '../http/errors';
import { requestLanguage } from '../http/language';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { parseBody, parseRequest } from '../http/parse';
import { limiter } from '../http/rate-limit';
import { staffOf } from '../http/staff-api';
import { scopeOf } from '../auth/scope';
import { jsonResponse } from '../openapi/api-doc';
import { apiErrorBodySchema } from '../../shared/api/errors';
import { findPhoto, findReportPlace } from './reports.repository';
import { submitReport } from './reports.service';
import { addReporterMessage, presentCitizenView, trackReport } from './tracking.service';
import { acceptUpload, uploadedFiles, withUploads } from './upload';
import { createIdempotency, IDEMPOTENCY_HEADER, idempotencyKeyOf, requestFingerprint } from './idempotency';
import { addReportPhoto } from './late-photos';
import { acceptOnePhoto, uploadedPhoto } from './photo-upload';

const idempotencyHeaders = z.object({
  [IDEMPOTENCY_HEADER]: z.uuid().optional().meta({
    description:
      'A random UUID made by the client for this submission (kept with its draft) and sent again with every retry',
  }),
});

const idempotencyResponses = {
  409: jsonResponse(
    '`idempotency.in_progress`: the first request with this key is still running; see Retry-After (2 s)',
    apiErrorBodySchema,
  ),
  422: jsonResponse(
    '`idempotency.key_reused`: this key was used within 24 h with a different request',
    apiErrorBodySchema,
  ),
};

/** Photos come as multipart; a report without photos may also come as JSON. */
const multipart = (schema: z.ZodType) => ({
  content: {
    'multipart/form-data': { schema },
    'application/json': { schema },
  },
});

export function reportsRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  const reportInput = reportInputSchema(() => deps.clock.now());
  const upload = acceptUpload(deps.photos.store);
  const onePhoto = acceptOnePhoto(deps.photos.store);
  const idempotency = createIdempotency(deps);
  const guard = deps.receiptGuard;
  const { rateLimit } = deps.config;

  defineRoute(api, {
    method: 'post',
    path: '/reports',
    operationId: 'submitReport',
    tags: ['reports'],
    summary: 'Submit a report (JSON, then photos one by one; or multipart with up to 5 `photos`); answers the receipt',
    description:
      "For `online`, `provinceCode` (the seller's, else the reporter's) is enough: `communeCode` and `address` are optional, and `url` or `sellerHandle` is required. " +
      'With an `Idempotency-Key`, the same key and body within 24 h answer the first answer again (same receipt, nothing stored).',
    access: 'public',
    use: [reportSubmission, limiter(deps, 'reports', rateLimit.reportsMax), upload],
    parsedByHandler: { headers: idempotencyHeaders, body: multipart(reportInput) },
    response: {
      status: 201,
      description:
        'Stored and routed: the receipt; the secret is shown only here (and to a repeat of the same Idempotency-Key)',
      schema: receiptSchema,
      // A repeated Idempotency-Key answers the stored answer, status and body as they were.
      writesItself: true,
    },
    errors: [400, 413, 415, 429, 503],
    moreResponses: idempotencyResponses,
    handler: async (_input, req, res) => {
      const answer = await withUploads(req, async () =>
        idempotency.run(
          { scope: 'reports', key: idempotencyKeyOf(req), fingerprint: () => requestFingerprint(req) },
          async () => ({
            status: 201,
            body: await submitReport(
              deps,
              parseBody(reportInput, req),
              uploadedFiles(req).map((f) => f.path),
              { language: requestLanguage(req) },
            ),
          }),
        ),
      );
      res.status(answer.status).json(answer.body);
    },
  });

  // Issue #14: photos follow the report one request each, so a dropped link costs one photo, not all.
  defineRoute(api, {
    method: 'post',
    path: '/reports/:trackingCode/photos',
    operationId: 'addReportPhoto',
    tags: ['reports'],
    summary: 'One more photo for a report, with its receipt: within 24 h of receipt, up to 5 photos in all',
    description:
      'A wrong code or secret and a report older than 24 h are the same 404. With an `Idempotency-Key`, the same key answers the first answer again and stores no second photo.',
    access: 'public',
    use: [reportSubmission, limiter(deps, 'report-photos', rateLimit.reportsMax * MAX_PHOTOS), onePhoto],
    parsedByHandler: {
      headers: idempotencyHeaders,
      params: reportPhotoParamsSchema,
      body: {
        content: {
          'multipart/form-data': {
            schema: reportPhotoInputSchema.extend({
              photo: z.string().meta({ format: 'binary', description: 'One image, at most 10 MB' }),
            }),
          },
        },
      },
    },
    response: {
      status: 201,
      description: 'Stored: how many photos the report has from its reporter and how many more it takes',
      schema: photoCountSchema,
      writesItself: true,
    },
    errors: [400, 404, 413, 415, 429, 503],
    moreResponses: {
      ...idempotencyResponses,
      409: jsonResponse(
        '`photos.limit_reached`: the report has its 5 photos; or `idempotency.in_progress` (Retry-After: 2)',
        apiErrorBodySchema,
      ),
    },
    handler: async (_input, req, res) => {
      const answer = await withUploads(req, async () => {
        const key = idempotencyKeyOf(req);
        const { params, body } = parseRequest({ params: reportPhotoParamsSchema, body: reportPhotoInputSchema }, req);
        const photoPath = uploadedPhoto(req);
        return idempotency.run(
          { scope: 'photos', key, fingerprint: () => requestFingerprint(req, params.trackingCode) },
          async () => ({
            status: 201,
            body: await addReportPhoto(
              deps,
              guard,
              { trackingCode: params.trackingCode, secret: body.secret },
              photoPath,
            ),
          }),
        );
      });
      res.status(answer.status).json(answer.body);
    },
  });

  defineRoute(api, {
    method: 'post',
    path: '/track',
    operationId: 'trackReport',
    tags: ['reports'],
    summary: 'The citizen view of a report, for its tracking code and secret',
    access: 'public',
    use: [limiter(deps, 'tracking', rateLimit.trackingMax)],
    request: { body: trackInputSchema },
    response: {
      description: 'Status, public timeline, open question, outcome and messages',
      schema: citizenViewSchema,
    },
    errors: [400, 404, 429],
    handler: async ({ body }, req) =>
      presentCitizenView(await trackReport(deps, guard, body.trackingCode, body.secret), requestLanguage(req)),
  });

  defineRoute(api, {
    method: 'post',
    path: '/track/messages',
    operationId: 'addReporterMessage',
    tags: ['reports'],
    summary: 'The reporter adds information or answers the open question, with up to 5 photos',
    access: 'public',
    use: [reportSubmission, limiter(deps, 'tracking-messages', rateLimit.trackingMax), upload],
    parsedByHandler: { body: multipart(trackMessageInputSchema) },
    response: { description: 'The citizen view after the message', schema: citizenViewSchema },
    errors: [400, 404, 413, 415, 429, 503],
    handler: async (_input, req) => {
      const view = await withUploads(req, () =>
        addReporterMessage(
          deps,
          guard,
          parseBody(trackMessageInputSchema, req),
          uploadedFiles(req).map((f) => f.path),
        ),
      );
      return presentCitizenView(view, requestLanguage(req));
    },
  });

  return api;
}

const photoParams = z.object({ photoId: z.uuid() });
const photoQuery = z.object({ size: z.enum(['full', 'thumb']).default('full') });

/** Photos are never served from a static path: only through this guarded route (SPEC.md §6). */
export function staffPhotoRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  defineRoute(api, {
    method: 'get',
    path: '/photos/:photoId',
    operationId: 'getPhoto',
    tags: ['staff'],
    summary: 'A stored photo (`size=thumb` for the 400 px version), for signed-in staff only',
    access: 'staff',
    request: { params: photoParams, query: photoQuery },
    response: { description: 'JPEG, metadata removed', writesItself: true },
    errors: [401, 404],
    handler: async ({ params, query }, _req, res) => {
      const photo = await findPhoto(deps.db, params.photoId);
      const report = photo && (await findReportPlace(deps.db, photo.reportId));
      // Outside one's scope reads exactly like a photo that does not exist (SPEC.md §7).
      if (!photo || !report || !(await scopeOf(deps.db, staffOf(res.locals))).canSee(report)) throw notFound();
      const name = query.size === 'thumb' ? photo.thumbName : photo.fileName;
      // Cache-Control: private, no-store comes with every /api/staff answer (staffApiMiddleware); sendFile keeps it.
      // A photo whose move after commit failed stays pending until the next start: not found until then.
      const file = await deps.photos.store.open(name);
      if (!file) throw notFound();
      res.type('image/jpeg');
      res.set('Content-Length', String(file.bytes));
      // A client that goes away mid-photo is not an error of ours.
      await pipeline(file.stream, res).catch((err: unknown) => {
        if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err;
      });
    },
  });
  return api;
}
