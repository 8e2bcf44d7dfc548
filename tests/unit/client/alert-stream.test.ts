// The class react-query re-exports, from its core: react-query's types bring @types/react's DOM stubs into the
// server's type check (bench/field.ts then fails).
import { QueryClient } from '@tanstack/query-core';
import {
  alertKeys,
  applyStreamError,
  applyStreamEvent,
  applyStreamGap,
  failuresAfterError,
  jitteredDelay,
  reconnectDelay,
} from '../../../client/lib/alert-stream';
import { caseKeys } from '../../../client/lib/caseKeys';

/** A cache holding the keys the stream may touch, each with some data (fresh, not invalidated). */
function filledCache(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(alertKeys.unread, { unread: 0, alerts: [], next: null });
  client.setQueryData(alertKeys.list, { pages: [], pageParams: [] });
  client.setQueryData(caseKeys.queue({}), { pages: [], pageParams: [] });
  client.setQueryData(caseKeys.queue({ status: 'received' }), { pages: [], pageParams: [] });
  for (const code of ['389-AAAA-AAAA', '389-BBBB-BBBB']) {
    client.setQueryData(caseKeys.view(code, 'vi'), {});
    client.setQueryData(caseKeys.view(code, 'en'), {});
    client.setQueryData(caseKeys.photos(code), []);
  }
  return client;
}
const byKey = (keys: readonly (readonly unknown[])[]) => keys.map((k) => JSON.stringify(k)).sort();
const invalidated = (client: QueryClient) =>
  byKey(
    client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => q.queryKey),
  );

describe('the alert stream (issue #17): what each event refreshes', () => {
  it('an alert refreshes the bell and the alert lists, not the cases', () => {
    const client = filledCache();
    applyStreamEvent(client, 'alert', JSON.stringify({ id: 'x', kind: 'routed' }));
    expect(invalidated(client)).toEqual(byKey([alertKeys.list, alertKeys.unread]));
  });

  it('a changed case refreshes every queue and that case (both languages, its photos), no other case', () => {
    const client = filledCache();
    applyStreamEvent(client, 'case', JSON.stringify({ trackingCode: '389-AAAA-AAAA' }));
    expect(invalidated(client)).toEqual(
      byKey([
        caseKeys.photos('389-AAAA-AAAA'),
        caseKeys.queue({}),
        caseKeys.queue({ status: 'received' }),
        caseKeys.view('389-AAAA-AAAA', 'en'),
        caseKeys.view('389-AAAA-AAAA', 'vi'),
      ]),
    );
  });

  it('ignores a case event it cannot read', () => {
    const client = filledCache();
    applyStreamEvent(client, 'case', 'not json');
    applyStreamEvent(client, 'case', JSON.stringify({ code: '389-AAAA-AAAA' }));
    applyStreamEvent(client, 'case', 'null');
    expect(invalidated(client)).toEqual([]);
  });

  it('waits longer after each failure, at most a minute', () => {
    expect([0, 1, 2, 3, 5, 6, 7, 30].map(reconnectDelay)).toEqual([
      1_000, 2_000, 4_000, 8_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('spreads each wait by ±30 % at random (not all pages back in the same second)', () => {
    expect(jitteredDelay(0, () => 0)).toBe(700);
    expect(jitteredDelay(0, () => 0.5)).toBe(1_000);
    expect(jitteredDelay(0, () => 0.999999)).toBe(1_300);
    expect(jitteredDelay(10, () => 0)).toBe(42_000);
    expect(jitteredDelay(10, () => 0.999999)).toBe(78_000);
  });

  it('counts the failures anew only after the stream stayed up 30 s', () => {
    expect(failuresAfterError(0, null)).toBe(1);
    expect(failuresAfterError(4, null)).toBe(5);
    // Opened then dropped at once (a proxy that accepts and cuts): it keeps backing off.
    expect(failuresAfterError(4, 2_000)).toBe(5);
    expect(failuresAfterError(4, 29_999)).toBe(5);
    expect(failuresAfterError(4, 30_000)).toBe(1);
  });

  it('on an error asks the unread count again (a 401 there signs out), nothing else', () => {
    const client = filledCache();
    applyStreamError(client);
    expect(invalidated(client)).toEqual(byKey([alertKeys.unread]));
  });

  it('back after a gap, asks the alerts and every case key again', () => {
    const client = filledCache();
    applyStreamGap(client);
    const all = client
      .getQueryCache()
      .getAll()
      .map((q) => q.queryKey);
    expect(invalidated(client)).toEqual(byKey(all));
  });
});
