import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorNotice } from './ErrorNotice';
import { PageLoading } from './PageLoading';

/**
 * What a page shows for one TanStack query (issue #16): "loading" the first time, the error with a retry,
 * else its data. While a refetch runs the last data stays on screen (no flash back to "loading"); a failed
 * refetch shows its error above it.
 */
export function QueryResult<T>({
  query,
  loading = <PageLoading />,
  children,
}: {
  query: UseQueryResult<T>;
  loading?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  // A failed refetch keeps the last data on screen, but says so: the viewer must not take it for the latest.
  if (query.data !== undefined)
    return (
      <>
        {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
        {children(query.data)}
      </>
    );
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return <>{loading}</>;
}
