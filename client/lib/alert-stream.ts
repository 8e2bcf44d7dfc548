import type { QueryClient } from '@tanstack/query-core';
import { caseKeys } from './caseKeys';

/**
 * Issue #17: what staff are told (the bell, the alerts page, the case page). One key area, `alerts`, so a read
 * mark or a new alert from the stream refreshes the count and every list at once.
 */
export const alertKeys = {
  all: ['alerts'] as const,
  unread: ['alerts', 'unread'] as const,
  list: ['alerts', 'list'] as const,
};

/** Waiting before the stream is opened again after `failures` failed tries in a row: 1 s, 2 s, 4 s … 60 s. */
export function reconnectDelay(failures: number): number {
  return Math.min(60_000, 1_000 * 2 ** Math.max(0, failures));
}

/**
 * The wait actually used: `reconnectDelay` ±30 % at random, so that the staff pages a server restart cut off do
 * not all come back in the same second. `random` is Math.random's range [0, 1).
 */
export function jitteredDelay(failures: number, random: () => number = Math.random): number {
  return Math.round(reconnectDelay(failures) * (0.7 + 0.6 * random()));
}

/** A stream up this long counts as working again: the next error waits from 1 s anew. */
export const STABLE_STREAM_MS = 30_000;

/**
 * The failures in a row after one more error: a stream that stayed open `upFor` ms (null: it never opened)
 * starts counting again only if it stayed up `STABLE_STREAM_MS` (one that opens and drops at once keeps backing off).
 */
export function failuresAfterError(failures: number, upFor: number | null): number {
  return (upFor !== null && upFor >= STABLE_STREAM_MS ? 0 : failures) + 1;
}

/**
 * The stream failed: the unread count is asked again. A refused stream says nothing of why; the count's own
 * request does: a 401 there goes through apiRequest's sign-out, so a session ended elsewhere is seen at once.
 */
export function applyStreamError(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: alertKeys.unread });
}

/** The stream is back after a gap: events sent meanwhile were missed, so the alerts and every case key are asked again. */
export function applyStreamGap(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: alertKeys.all });
  void client.invalidateQueries({ queryKey: caseKeys.all });
}

/** What the stream's events ask the cache to do (`shared/api/alerts.ts`: events `alert` and `case`). */
export function applyStreamEvent(client: QueryClient, event: 'alert' | 'case', data: string): void {
  if (event === 'alert') {
    void client.invalidateQueries({ queryKey: alertKeys.all });
    return;
  }
  let code: unknown;
  try {
    code = (JSON.parse(data) as { trackingCode?: unknown } | null)?.trackingCode;
  } catch {
    return;
  }
  if (typeof code !== 'string') return;
  void client.invalidateQueries({ queryKey: caseKeys.queues });
  void client.invalidateQueries({ queryKey: caseKeys.views(code) });
  void client.invalidateQueries({ queryKey: caseKeys.photos(code) });
}
