import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { PeriodicReport, StaffStats, StatsReports } from '../../../shared/api/stats';
import type { StaffStatsExportQuery } from '../../../shared/schemas/stats';
import type { Language } from '../../../shared/i18n/translate';
import { apiRequest } from '../../lib/api';

type Query = Record<string, string | number | undefined>;

/** The statistics pages' calls to the server (issue #7), keyed under `stats`. */
const statsKeys = {
  figures: (query: Query) => ['stats', 'staff', query] as const,
  reports: (query: Query) => ['stats', 'reports', query] as const,
  periodic: (query: Query) => ['stats', 'periodic', query] as const,
};

/** Issue #18: the periodic report of a range (preset or ad hoc), with its same-period comparison when asked. */
export function usePeriodicReport(query: Query) {
  return useQuery({
    queryKey: statsKeys.periodic(query),
    queryFn: ({ signal }) => apiRequest<PeriodicReport>('/api/staff/stats/periodic', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The dashboard's figures for a scope and period. While other filters load, the last figures stay on screen
 * (`isPlaceholderData`), and the filters keep their focus.
 */
export function useStaffStats(query: Query) {
  return useQuery({
    queryKey: statsKeys.figures(query),
    queryFn: ({ signal }) => apiRequest<StaffStats>('/api/staff/stats', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The reports behind one number, a page at a time (keyset: `after` the last page's `next`). */
export function useStatsReports(query: Query) {
  return useInfiniteQuery({
    queryKey: statsKeys.reports(query),
    queryFn: ({ signal, pageParam }) =>
      apiRequest<StatsReports>('/api/staff/stats/reports', { query: { ...query, after: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/**
 * A plain link: the browser downloads it with the session cookie (same-origin GET, no CSRF needed). `period` is
 * the periodic report's query as the page holds it (preset, year, part, from, to, compare, province).
 */
export function exportHref(
  period: Query,
  file: { format: StaffStatsExportQuery['format']; table: StaffStatsExportQuery['table'] },
  lang: Language,
): string {
  // The file speaks the page's language, whatever the browser's Accept-Language says.
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(period))
    if (value !== undefined && value !== '') params.set(name, String(value));
  params.set('format', file.format);
  params.set('table', file.table);
  params.set('lang', lang);
  return `/api/staff/stats/export?${params.toString()}`;
}
