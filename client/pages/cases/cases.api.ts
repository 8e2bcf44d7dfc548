import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseQueue, CaseViewBody } from '../../../shared/api/cases';
import type { CaseAction, caseActionSchemas, CaseQueueQuery } from '../../../shared/schemas/cases';
import { ApiError, apiRequest } from '../../lib/api';
import { caseKeys } from '../../lib/caseKeys';
import { useI18n } from '../../lib/i18n';

/** The queue's filters as the page sends them (query parameters; the cursor is the list's own). */
export type QueueFilters = { [K in keyof Omit<CaseQueueQuery, 'after' | 'limit'>]?: string };

/** What an action sends: the body its shared schema takes, version included. */
export type CaseActionBody<A extends CaseAction = CaseAction> = z.input<(typeof caseActionSchemas)[A]>;

const caseUrl = (code: string) => `/api/staff/cases/${encodeURIComponent(code)}`;

/**
 * The queue, a page at a time (keyset: each answer names the cursor of the next). While other filters load,
 * the last answer stays on screen, so the search box keeps its focus and the table does not flash.
 */
export function useCaseQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: caseKeys.queue(filters),
    queryFn: ({ pageParam, signal }) =>
      apiRequest<CaseQueue>('/api/staff/cases', { query: { ...filters, after: pageParam }, signal }),
    // The first page has no cursor: an empty `after` is left out of the URL.
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One report as this viewer sees it, in the page's language (the routing explanation is in it). */
export function useCase(code: string) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: caseKeys.view(code, lang),
    queryFn: ({ signal }) => apiRequest<CaseViewBody>(caseUrl(code), { signal }),
    // A language switch keeps the page (a half-typed action, a revealed contact) while the new text loads.
    placeholderData: keepPreviousData,
  });
}

/**
 * Issue #14: only the photo list of a report, asked again every `everyMs` while the page is visible and
 * `enabled`; the case itself (its version, what an action is typed against) does not change under the officer.
 */
export function useLatePhotos(code: string, current: CaseViewBody['photos'], everyMs: number, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.photos(code),
    queryFn: ({ signal }) => apiRequest<CaseViewBody>(caseUrl(code), { signal }).then((view) => view.photos),
    initialData: current,
    staleTime: everyMs,
    refetchInterval: enabled ? everyMs : false,
    enabled,
  });
}

/** Takes an action; the answer is the report as it now stands, shown at once, and every queue is asked again. */
export function useCaseAction(code: string) {
  const client = useQueryClient();
  const { lang } = useI18n();
  return useMutation({
    mutationFn: ({ action, body }: { action: CaseAction; body: CaseActionBody }) =>
      apiRequest<CaseViewBody>(`${caseUrl(code)}/${action}`, { method: 'POST', body }),
    // A revealed contact is shown by the action that asked for it (CaseActions), never kept in a cache: not in
    // the query's, and the mutation's own answer is dropped as soon as nothing shows it.
    gcTime: 0,
    onSuccess: ({ contact: _shownOnce, ...view }) => {
      client.setQueryData(caseKeys.view(code, lang), view);
      // The case in the other language holds the old version and actions: asked again when next shown.
      void client.invalidateQueries({ queryKey: caseKeys.views(code), predicate: (q) => q.queryKey[3] !== lang });
      void client.invalidateQueries({ queryKey: caseKeys.queues });
    },
    // Issue #18: a reveal of a tip about officials' reporter is recorded as a request even though refused (409).
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'case.reveal_awaiting_approval')
        void client.invalidateQueries({ queryKey: caseKeys.views(code) });
    },
  });
}
