import { z } from 'zod';
import { MAX_PHOTOS } from '../../shared/schemas/report';
import {
  appendedCallSchema,
  attachedPhotosSchema,
  receiptAnswerSchema,
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
  receiptAnswerInputSchema,
  reportCodeParamsSchema,
} from '../../shared/schemas/intake';
import { trackInputSchema } from '../../shared/schemas/report';
import type { AppDeps } from '../deps';
import { requestLanguage } from '../http/language';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { parseRequest } from '../http/parse';
import { limiter } from '../http/rate-limit';
import { staffOf } from '../http/staff-api';
import { presentCitizenView } from '../reports/tracking.service';
import { trackReport } from '../reports/tracking.service';
import { acceptUpload, uploadedFiles, withUploads } from '../reports/upload';
import {
  appendCall,
  attachPhotos,
  enterCall,
  hotlineLines,
  intakeReportView,
  recentCalls,
  recordSpokenAnswer,
} from './intake.service';

const photoUpload = z.object({
  photos: z
    .array(z.string().meta({ format: 'binary' }))
    .min(1)
    .max(MAX_PHOTOS),
});

/**
 * Issue #5, the hotline intake console; issue #18: every desk channel, for operators, officers and unit leads
 * (403 for other roles: the endpoints are no secret). An officer reaches only their own entries here.
 */
export function intakeRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  const now = () => deps.clock.now();
  const reportInput = intakeReportInputSchema(now, deps.config.deskReceiptMaxDays);
  const callInput = appendCallInputSchema(now);
  const answerInput = receiptAnswerInputSchema(now);
  const operator = ['operator', 'officer', 'unit_lead'] as const;
  // The follow-up by phone (a caller's code and secret checked, their spoken answer) stays the hotline's.
  const hotlineOnly = ['operator'] as const;
  const tags = ['intake'];

  defineRoute(api, {
    method: 'get',
    path: '/intake/lines',
    operationId: 'listHotlineLines',
    tags,
    summary: 'The hotline lines calls come in on (HOTLINE_LINES)',
    access: operator,
    response: { description: 'Lines', schema: hotlineLinesSchema },
    errors: [401, 403],
    handler: () => hotlineLines(deps),
  });

  defineRoute(api, {
    method: 'get',
    path: '/intake/calls',
    operationId: 'listRecentCalls',
    tags,
    summary: "The operator's latest calls, newest first, caller numbers masked",
    access: operator,
    response: { description: 'Calls', schema: recentCallsSchema },
    errors: [401, 403],
    handler: (_input, _req, res) => recentCalls(deps, staffOf(res.locals)),
  });

  defineRoute(api, {
    method: 'post',
    path: '/intake/reports',
    operationId: 'enterCall',
    tags,
    summary:
      'A report entered at a desk (issue #18: `channel` hotline, walk_in, letter, email or zalo; hotline when absent): a call gives its line and times, the other channels `receivedAt` (not in the future, at most DESK_RECEIPT_MAX_DAYS ago; the clocks start then); then the report fields of the public form. The same receipt for every channel',
    access: operator,
    request: { body: reportInput },
    response: {
      status: 201,
      description: 'The receipt to read to the caller; the secret is shown only here',
      schema: intakeReceiptSchema,
    },
    errors: [400, 401, 403, 503],
    handler: ({ body }, _req, res) => enterCall(deps, staffOf(res.locals), body),
  });

  defineRoute(api, {
    method: 'get',
    path: '/intake/reports/:code',
    operationId: 'getIntakeReport',
    tags,
    summary:
      'A report as the console opens it: one the staff member entered or has a call on, or, for operators, (with `communeCode` of the call being typed, or `provinceCode` for an online seller known by its province) one of that province from the last 30 days, as the duplicates show; fields, lead, calls; never the contact. Anything else is 404',
    access: operator,
    request: { params: reportCodeParamsSchema, query: intakeReportQuerySchema },
    response: { description: 'The report', schema: intakeReportViewSchema },
    errors: [400, 401, 403, 404],
    handler: ({ params, query }, _req, res) => intakeReportView(deps, staffOf(res.locals), params.code, query),
  });

  defineRoute(api, {
    method: 'post',
    path: '/intake/reports/:code/calls',
    operationId: 'appendCall',
    tags,
    summary:
      "Appends a further call to a report (an event with its own text) instead of creating a new one; the same reports as opening one. The caller gets a secret of their own for the report's code",
    access: operator,
    request: { params: reportCodeParamsSchema, query: intakeReportQuerySchema, body: callInput },
    response: {
      status: 201,
      description: "The call as recorded, and the caller's own secret (shown only here)",
      schema: appendedCallSchema,
    },
    errors: [400, 401, 403, 404],
    handler: ({ params, query, body }, _req, res) => appendCall(deps, staffOf(res.locals), params.code, body, query),
  });

  // SPEC.md §6: status over the phone for a report outside the operator's scope needs the caller's
  // code and secret; the same check, guard and citizen view as the tracking page, never the contact.
  const { rateLimit } = deps.config;
  defineRoute(api, {
    method: 'post',
    path: '/intake/receipts',
    operationId: 'checkCallerReceipt',
    tags,
    summary:
      "A caller's receipt checked over the phone (SPEC.md §6): the citizen view for the code and secret, as the tracking page shows it (status, question, outcome); wrong secrets count with the tracking page's",
    access: hotlineOnly,
    use: [limiter(deps, 'intake-receipts', rateLimit.trackingMax)],
    request: { body: trackInputSchema },
    response: { description: 'The citizen view', schema: citizenViewSchema },
    errors: [400, 401, 403, 404, 429],
    handler: async ({ body }, req) =>
      presentCitizenView(
        await trackReport(deps, deps.receiptGuard, body.trackingCode, body.secret),
        requestLanguage(req),
      ),
  });

  defineRoute(api, {
    method: 'post',
    path: '/intake/receipts/answer',
    operationId: 'recordCallerAnswer',
    tags,
    summary:
      "Issue #17, follow-up by phone: the caller's code and secret again, their spoken answer and the call; recorded as the reporter's message (as on the tracking page: a report waiting for information resumes). Wrong secrets count with the tracking page's",
    access: hotlineOnly,
    use: [limiter(deps, 'intake-answers', rateLimit.trackingMax)],
    request: { body: answerInput },
    response: {
      description: 'The citizen view after the answer, and the call as recorded',
      schema: receiptAnswerSchema,
    },
    errors: [400, 401, 403, 404, 429],
    handler: ({ body }, req, res) => recordSpokenAnswer(deps, staffOf(res.locals), body, requestLanguage(req)),
  });

  defineRoute(api, {
    method: 'post',
    path: '/intake/reports/:code/photos',
    operationId: 'attachCallPhotos',
    tags,
    summary:
      'Photos the caller sent later, attached by the operator who entered the report (multipart `photos`, up to 5); processed like public photos',
    access: operator,
    use: [acceptUpload(deps.photos.store)],
    parsedByHandler: {
      params: reportCodeParamsSchema,
      body: { content: { 'multipart/form-data': { schema: photoUpload } } },
    },
    response: { status: 201, description: 'How many were attached', schema: attachedPhotosSchema },
    errors: [400, 401, 403, 404, 413, 415, 503],
    handler: (_input, req, res) =>
      withUploads(req, () => {
        const { params } = parseRequest({ params: reportCodeParamsSchema }, req);
        return attachPhotos(
          deps,
          staffOf(res.locals),
          params.code,
          uploadedFiles(req).map((f) => f.path),
        );
      }),
  });

  return api;
}
