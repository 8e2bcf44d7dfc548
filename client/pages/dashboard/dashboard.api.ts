import type { ProvincesResponse } from '../../../shared/api/places';
import type { StaffStats, StatsReports } from '../../../shared/api/stats';
import type { UnitsResponse } from '../../../shared/api/units';
import type { StaffStatsExportQuery } from '../../../shared/schemas/stats';
import type { Language } from '../../../shared/i18n/translate';
import { apiRequest } from '../../lib/api';

type Query = Record<string, string | number | undefined>;

/** The statistics pages' calls to the server (issue #7). */
export const dashboardApi = {
  stats: (query: Query, signal: AbortSignal) => apiRequest<StaffStats>('/api/staff/stats', { query, signal }),
  reports: (query: Query, signal?: AbortSignal) =>
    apiRequest<StatsReports>('/api/staff/stats/reports', { query, signal }),
  units: (signal: AbortSignal) => apiRequest<UnitsResponse>('/api/staff/units', { signal }),
  provinces: (signal: AbortSignal) => apiRequest<ProvincesResponse>('/api/public/provinces', { signal }),
  /** A plain link: the browser downloads it with the session cookie (same-origin GET, no CSRF needed). */
  exportHref: (query: StaffStatsExportQuery, lang: Language) => {
    // The file speaks the page's language, whatever the browser's Accept-Language says.
    const params = new URLSearchParams({ format: query.format, period: query.period, table: query.table, lang });
    if (query.province) params.set('province', query.province);
    return `/api/staff/stats/export?${params.toString()}`;
  },
};
