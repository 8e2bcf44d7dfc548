import { metaResponseSchema, type MetaResponse } from '../../shared/api/meta';
import { CATEGORIES } from '../../shared/domain/categories';
import { CHANNELS } from '../../shared/domain/channels';
import { FORCES } from '../../shared/domain/forces';
import { OUTCOMES } from '../../shared/domain/outcomes';
import { PLACE_TYPES } from '../../shared/domain/place-types';
import { NATIONAL_HOTLINES } from '../../shared/domain/places';
import { ROLES } from '../../shared/domain/roles';
import { STATUSES } from '../../shared/domain/statuses';
import { formatPhone } from '../../shared/i18n/format';
import { codeLabels } from '../../shared/i18n/translate';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';

/** Built once: the codes are constants of SPEC.md and the labels live in shared/i18n. */
function buildMeta(): MetaResponse {
  return {
    categories: codeLabels('category', CATEGORIES),
    placeTypes: codeLabels('place_type', PLACE_TYPES),
    forces: codeLabels('force', FORCES),
    statuses: codeLabels('status', STATUSES),
    outcomes: codeLabels('outcome', OUTCOMES),
    channels: codeLabels('channel', CHANNELS),
    roles: codeLabels('role', ROLES),
    hotlines: NATIONAL_HOTLINES.map((number) => ({ number, display: formatPhone(number) })),
  };
}

export function metaRoutes(): ApiRouter {
  const api = apiRouter();
  const meta = buildMeta();
  defineRoute(api, {
    method: 'get',
    path: '/meta',
    operationId: 'getCodeLists',
    tags: ['reference'],
    summary: 'Categories, place types, forces, statuses, outcomes, channels and roles with vi/en labels',
    access: 'public',
    response: { description: 'Code lists of SPEC.md', schema: metaResponseSchema },
    errors: [429],
    handler: (_input, _req, res) => {
      res.set('Cache-Control', 'public, max-age=300, must-revalidate');
      return meta;
    },
  });
  return api;
}
