import { alertListSchema, alertPreferencesSchema, alertUnreadSchema } from '../../shared/api/alerts';
import { alertListQuerySchema, alertPreferencesInputSchema, markAlertsReadSchema } from '../../shared/schemas/alerts';
import type { AppDeps } from '../deps';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { authenticate } from '../auth/auth.service';
import { sessionToken, staffOf } from '../http/staff-api';
import { listAlerts, markAlertsRead } from './alerts.service';
import { getAlertPreferences, setAlertPreferences } from './preferences';
import { openAlertStream } from './stream';

/** Issue #17: the bell (list, read), the live stream and one's e-mail choices. Any signed-in staff member, for themselves. */
export function alertsRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  const tags = ['staff'];

  defineRoute(api, {
    method: 'get',
    path: '/alerts',
    operationId: 'listAlerts',
    tags,
    summary: 'My alerts, newest first (`after`: the `next` of the previous page), with the unread count',
    access: 'staff',
    request: { query: alertListQuerySchema },
    response: { description: 'A page of alerts', schema: alertListSchema },
    errors: [400, 401],
    handler: ({ query }, _req, res) => listAlerts(deps, staffOf(res.locals).id, query),
  });

  defineRoute(api, {
    method: 'post',
    path: '/alerts/read',
    operationId: 'markAlertsRead',
    tags,
    summary: 'Marks some of my alerts (`ids`) or all of them (`all: true`) read',
    access: 'staff',
    request: { body: markAlertsReadSchema },
    response: { description: 'The unread count after', schema: alertUnreadSchema },
    errors: [400, 401],
    handler: ({ body }, _req, res) => markAlertsRead(deps, staffOf(res.locals).id, body),
  });

  defineRoute(api, {
    method: 'get',
    path: '/alerts/stream',
    operationId: 'streamAlerts',
    tags,
    summary:
      'Server-Sent Events: `alert` (an Alert of mine), `case` (`{ trackingCode }` of a report I can see that changed); a comment every 25 s',
    access: 'staff',
    response: {
      description: 'Open until the client leaves or the server stops',
      writesItself: true,
      mediaType: 'text/event-stream',
    },
    errors: [401],
    handler: async (_input, req, res) => {
      const token = sessionToken(req);
      // Re-checked while open: a signed-out, expired or disabled session ends the stream.
      const recheck = async () => (await authenticate(deps, token, { touch: false }))?.user;
      await openAlertStream(deps, staffOf(res.locals), res, recheck);
    },
  });

  defineRoute(api, {
    method: 'get',
    path: '/account/alert-preferences',
    operationId: 'getAlertPreferences',
    tags,
    summary: 'My e-mail choice per alert kind (on unless turned off) and my address for alert e-mails',
    access: 'staff',
    response: { description: 'Preferences', schema: alertPreferencesSchema },
    errors: [401],
    handler: (_input, _req, res) => getAlertPreferences(deps, staffOf(res.locals).id),
  });

  defineRoute(api, {
    method: 'put',
    path: '/account/alert-preferences',
    operationId: 'setAlertPreferences',
    tags,
    summary: 'Sets e-mail per kind (kinds left out are kept) and, when given, my address (null removes it)',
    access: 'staff',
    request: { body: alertPreferencesInputSchema },
    response: { description: 'Preferences after', schema: alertPreferencesSchema },
    errors: [400, 401],
    handler: ({ body }, _req, res) => setAlertPreferences(deps, staffOf(res.locals).id, body),
  });
  return api;
}
