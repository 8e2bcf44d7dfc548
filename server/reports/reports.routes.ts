import path from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { citizenViewSchema, receiptSchema, type CitizenView } from '../../shared/api/reports';
import { t, type Language } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import { reportInputSchema, trackInputSchema, trackMessageInputSchema } from '../../shared/schemas/report';
import type { AppDeps } from '../deps';
import { reportSubmission } from '../http/error-handler';
import { notFound } from '../http/errors';
import { requestLanguage } from '../http/language';
import { parseBody, parseRequest } from '../http/parse';
import { limiter } from '../http/rate-limit';
import { requireStaff, staffOf } from '../http/staff-api';
import { canSeeReport } from '../auth/access';
import { type ApiDoc, errorResponses, jsonResponse } from '../openapi/api-doc';
import { findPhoto, findReportPlace } from './reports.repository';
import { submitReport } from './reports.service';
import { addReporterMessage, createSecretGuard, trackReport } from './tracking.service';
import { acceptUpload, uploadedFiles, withUploads } from './upload';

/** The citizen view with its status label in the request's language. */
const present = (view: CitizenView, lang: Language) => ({ ...view, statusLabel: t(lang, `ui.public_status.${view.status}` as MessageKey) });

export function reportsRoutes(deps: AppDeps): Router {
  const router = Router();
  const reportInput = reportInputSchema(() => deps.clock.now());
  const upload = acceptUpload(deps.photos.dirs);
  const guard = createSecretGuard(deps.clock);
  const { rateLimit } = deps.config;

  router.post('/reports', reportSubmission, limiter(rateLimit, rateLimit.reportsMax), upload, async (req, res) => {
    const receipt = await withUploads(req, () => submitReport(deps, parseBody(reportInput, req), uploadedFiles(req).map((f) => f.path)));
    res.status(201).json(receipt);
  });

  router.post('/track', limiter(rateLimit, rateLimit.trackingMax), async (req, res) => {
    const { trackingCode, secret } = parseBody(trackInputSchema, req);
    res.json(present(await trackReport(deps, guard, trackingCode, secret), requestLanguage(req)));
  });

  router.post('/track/messages', reportSubmission, limiter(rateLimit, rateLimit.trackingMax), upload, async (req, res) => {
    const view = await withUploads(req, () => addReporterMessage(deps, guard, parseBody(trackMessageInputSchema, req), uploadedFiles(req).map((f) => f.path)));
    res.json(present(view, requestLanguage(req)));
  });

  return router;
}

const photoParams = z.object({ photoId: z.uuid() });
const photoQuery = z.object({ size: z.enum(['full', 'thumb']).default('full') });

/** Photos are never served from a static path: only through this guarded route (SPEC.md §6). */
export function staffPhotoRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/photos/:photoId', requireStaff, async (req, res) => {
    const { params, query } = parseRequest({ params: photoParams, query: photoQuery }, req);
    const photo = await findPhoto(deps.db, params.photoId);
    const report = photo && (await findReportPlace(deps.db, photo.reportId));
    // Outside one's scope reads exactly like a photo that does not exist (SPEC.md §7).
    if (!photo || !report || !(await canSeeReport(deps.db, staffOf(res.locals), report))) throw notFound();
    const name = query.size === 'thumb' ? photo.thumbName : photo.fileName;
    // Cache-Control: private, no-store comes with every /api/staff answer (staffApiMiddleware); sendFile keeps it.
    res.type('image/jpeg');
    // A photo whose move after commit failed stays pending until the next start: not found until then.
    await new Promise<void>((resolve, reject) =>
      res.sendFile(path.join(deps.photos.dirs.stored, name), (err) => (!err ? resolve() : (err as NodeJS.ErrnoException).code === 'ENOENT' && !res.headersSent ? reject(notFound()) : reject(err))),
    );
  });
  return router;
}

const multipart = (schema: z.ZodType) => ({
  content: {
    'multipart/form-data': { schema },
    'application/json': { schema },
  },
});

export const reportsApiDocs: ApiDoc[] = [
  {
    method: 'post',
    path: '/api/public/reports',
    tags: ['reports'],
    summary: 'Submit a report (multipart with up to 5 `photos`, or JSON without photos); answers the receipt',
    request: { body: multipart(reportInputSchema(() => new Date())) },
    responses: {
      201: jsonResponse('Stored and routed: the receipt; the secret is shown only here', receiptSchema),
      ...errorResponses(400, 413, 415, 429, 503),
    },
  },
  {
    method: 'post',
    path: '/api/public/track',
    tags: ['reports'],
    summary: 'The citizen view of a report, for its tracking code and secret',
    request: { body: { content: { 'application/json': { schema: trackInputSchema } } } },
    responses: {
      200: jsonResponse('Status, public timeline, open question, outcome and messages', citizenViewSchema),
      ...errorResponses(400, 404, 429),
    },
  },
  {
    method: 'post',
    path: '/api/public/track/messages',
    tags: ['reports'],
    summary: 'The reporter adds information or answers the open question, with up to 5 photos',
    request: { body: multipart(trackMessageInputSchema) },
    responses: {
      200: jsonResponse('The citizen view after the message', citizenViewSchema),
      ...errorResponses(400, 404, 413, 415, 429, 503),
    },
  },
  {
    method: 'get',
    path: '/api/staff/photos/{photoId}',
    tags: ['staff'],
    summary: 'A stored photo (`size=thumb` for the 400 px version), for signed-in staff only',
    request: { params: photoParams, query: photoQuery },
    responses: { 200: { description: 'JPEG, metadata removed' }, ...errorResponses(401, 404) },
  },
];
