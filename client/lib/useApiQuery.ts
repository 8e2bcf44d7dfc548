import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { isAbortError } from './api';

export type QueryState<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; error: unknown };

/**
 * Runs `load` when `deps` change and aborts the previous run, so a slow answer to an old
 * request never overwrites a newer one. A null `load` means "nothing to ask yet" (idle).
 * `retry` runs it again with the same deps.
 */
export function useApiQuery<T>(
  load: ((signal: AbortSignal) => Promise<T>) | null,
  deps: DependencyList,
): QueryState<T> & { retry: () => void } {
  const [state, setState] = useState<QueryState<T>>({ status: load ? 'loading' : 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!load) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => setState({ status: 'success', data }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; the caller lists what it depends on in `deps`.
  }, [...deps, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
