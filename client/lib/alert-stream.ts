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
