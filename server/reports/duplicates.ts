import { duplicateCandidatesSchema } from '../../shared/api/duplicates';
import { foldForSearch } from '../../shared/domain/text';
import { duplicateSearchInputSchema } from '../../shared/schemas/duplicates';
import { sellerKey, urlKey } from '../../shared/url-key';
import type { z } from 'zod';
import { DUPLICATES_WINDOW_DAYS } from '../auth/access';
import type { StaffUser } from '../auth/auth.service';
import { scopeOf } from '../auth/scope';
import type { AppDeps } from '../deps';
import { fieldIssue, notFound, validationFailed } from '../http/errors';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { staffOf } from '../http/staff-api';
import { findDuplicateCandidates, type DuplicateCandidate } from './reports.repository';

/**
 * Issue #5: possible duplicates of a report being entered, from the last 30 days of the commune's
 * province (or of the province an online seller is known by; issue #14). A province coordinator may search only their province (404 elsewhere, as if empty of meaning).
 */
async function searchDuplicates(
  deps: AppDeps,
  staff: StaffUser,
  input: z.infer<typeof duplicateSearchInputSchema>,
): Promise<DuplicateCandidate[]> {
  const { communes, provinces } = await deps.routing.compiledAt();
  const commune = input.communeCode ? communes.get(input.communeCode) : undefined;
  if (input.communeCode && !commune) throw validationFailed([fieldIssue(['communeCode'], 'invalid_value')]);
  const provinceCode = commune?.provinceCode ?? input.provinceCode ?? '';
  if (!provinces.has(provinceCode)) throw validationFailed([fieldIssue(['provinceCode'], 'invalid_value')]);
  if (!(await scopeOf(deps.db, staff)).searchesDuplicatesIn(provinceCode)) throw notFound();
  return findDuplicateCandidates(deps.db, {
    provinceCode,
    communeCode: commune?.code ?? null,
    category: input.category,
    searchText: foldForSearch(input.description ?? ''),
    urlKey: input.url ? (urlKey(input.url) ?? null) : null,
    sellerKey: input.sellerHandle ? (sellerKey(input.sellerHandle) ?? null) : null,
    since: new Date(deps.clock.now().getTime() - DUPLICATES_WINDOW_DAYS * 86_400_000),
    limit: 10,
  });
}

export function duplicatesRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  defineRoute(api, {
    method: 'post',
    path: '/duplicates',
    operationId: 'searchDuplicates',
    tags: ['intake'],
    summary:
      'Possible duplicates of a report being entered: same commune and category, similar description or same shop URL, last 30 days, same province (operators, coordinators)',
    access: ['operator', 'coordinator'],
    request: { body: duplicateSearchInputSchema },
    response: { description: 'Candidates, best first', schema: duplicateCandidatesSchema },
    errors: [400, 401, 403, 404],
    handler: async ({ body }, _req, res) => ({
      candidates: await searchDuplicates(deps, staffOf(res.locals), body),
    }),
  });
  return api;
}
