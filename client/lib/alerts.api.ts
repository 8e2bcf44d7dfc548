import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { AlertList } from '../../shared/api/alerts';
import type { Role } from '../../shared/domain/roles';
import { apiRequest } from './api';
import {
  alertKeys,
  applyStreamError,
  applyStreamEvent,
  applyStreamGap,
  failuresAfterError,
  jitteredDelay,
} from './alert-stream';

/** The roles alerts are for (a unit's officers and lead, the coordinators): they get the bell and live pages. */
export const isAlerted = (role: Role) => role === 'officer' || role === 'unit_lead' || role === 'coordinator';

const ALERTS_URL = '/api/staff/alerts';
export const ALERT_STREAM_URL = '/api/staff/alerts/stream';

/** The viewer's unread alerts (the newest page) and how many there are in all: the bell's count. */
export function useUnreadAlerts(enabled = true) {
  return useQuery({
    queryKey: alertKeys.unread,
    queryFn: ({ signal }) => apiRequest<AlertList>(ALERTS_URL, { query: { unreadOnly: '1' }, signal }),
    enabled,
  });
}

/** Every alert of the viewer, newest first, a page at a time (keyset: each answer names the next cursor). */
export function useAlertList() {
  return useInfiniteQuery({
    queryKey: alertKeys.list,
    queryFn: ({ pageParam, signal }) => apiRequest<AlertList>(ALERTS_URL, { query: { after: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** Marks some alerts (by id) or all of them read; the server answers the count left, shown at once. */
export function useMarkAlertsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      apiRequest<{ unread: number }>(`${ALERTS_URL}/read`, { method: 'POST', body }),
    onSuccess: ({ unread }) => {
      client.setQueryData<AlertList>(alertKeys.unread, (list) => (list ? { ...list, unread } : list));
      void client.invalidateQueries({ queryKey: alertKeys.all });
    },
  });
}

/**
 * Opening a case is reading what it was about: its unread alerts (among the newest page the bell holds) are
 * marked read, once each, also those that arrive while the case stays open.
 */
export function useMarkCaseAlertsRead(trackingCode: string, enabled: boolean) {
  const unread = useUnreadAlerts(enabled).data;
  const { mutate } = useMarkAlertsRead();
  const sent = useRef(new Set<string>());
  useEffect(() => {
    if (!enabled) return;
    const ids = (unread?.alerts ?? [])
      .filter((a) => a.trackingCode === trackingCode && a.readAt === null && !sent.current.has(a.id))
      .map((a) => a.id);
    if (ids.length === 0) return;
    for (const id of ids) sent.current.add(id);
    mutate({ ids }, { onError: () => ids.forEach((id) => sent.current.delete(id)) });
  }, [enabled, unread, trackingCode, mutate]);
}

/**
 * Issue #17: the staff pages are told (Server-Sent Events). Opened once by the staff layout while someone is
 * signed in (`sessionKey` changes with the person: a new stream for a new session). The browser's own retry is
 * not used: a refused stream (401 after a sign-out elsewhere, a proxy's 502) would end it for good, so every error
 * closes it, asks the unread count again (a 401 there signs out) and opens it again after `jitteredDelay` (the
 * count of failures starts anew only after 30 s up); after a gap the alerts and every case key are asked again,
 * since events sent meanwhile were missed. Same-origin: the session cookie goes with it; a GET needs no CSRF token.
 */
export function useAlertStream(sessionKey: string | null): void {
  const client = useQueryClient();
  useEffect(() => {
    if (sessionKey === null || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: number | undefined;
    let failures = 0;
    let hadGap = false;
    let openedAt: number | null = null;
    const open = () => {
      source = new EventSource(ALERT_STREAM_URL, { withCredentials: true });
      source.addEventListener('open', () => {
        openedAt = Date.now();
        if (hadGap) applyStreamGap(client);
      });
      source.addEventListener('alert', (e) => applyStreamEvent(client, 'alert', e.data as string));
      source.addEventListener('case', (e) => applyStreamEvent(client, 'case', e.data as string));
      source.addEventListener('error', () => {
        source?.close();
        hadGap = true;
        applyStreamError(client);
        failures = failuresAfterError(failures, openedAt === null ? null : Date.now() - openedAt);
        openedAt = null;
        timer = window.setTimeout(open, jitteredDelay(failures - 1));
      });
    };
    open();
    return () => {
      window.clearTimeout(timer);
      source?.close();
    };
  }, [client, sessionKey]);
}
