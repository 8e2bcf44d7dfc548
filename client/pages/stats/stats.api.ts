import type { ProvincesResponse } from '../../../shared/api/places';
import type { PublicStats } from '../../../shared/api/stats';
import type { PublicStatsQuery } from '../../../shared/schemas/stats';
import { apiRequest } from '../../lib/api';

/** The public statistics page's calls (issue #7): no sign-in, a calendar year, every count rounded ("<10" for 0 to 7). */
export const statsApi = {
  stats: (query: Pick<PublicStatsQuery, 'province' | 'year'>, signal: AbortSignal) =>
    apiRequest<PublicStats>('/api/public/stats', { query, signal }),
  provinces: (signal: AbortSignal) => apiRequest<ProvincesResponse>('/api/public/provinces', { signal }),
};
