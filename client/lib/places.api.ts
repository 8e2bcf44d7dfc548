import { useQuery } from '@tanstack/react-query';
import type { CommunesResponse, ProvincesResponse } from '../../shared/api/places';
import { apiRequest } from './api';

/**
 * The country's provinces and communes (public, the same for everyone): one cache for every page that lists
 * them, the citizen form's included (`['provinces']`, `['communes', province, q]`).
 */
export const placeKeys = {
  provinces: ['provinces'] as const,
  allCommunes: ['communes'] as const,
  communes: (provinceCode: string, q: string, limit?: number) => ['communes', provinceCode, q, { limit }] as const,
};

/** Every province; `enabled: false` for a page that does not need them (a province coordinator's). */
export function useProvinces({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: placeKeys.provinces,
    queryFn: ({ signal }) => apiRequest<ProvincesResponse>('/api/public/provinces', { signal }),
    staleTime: Infinity,
    enabled,
  });
}

/** The communes of a province matching `q`; asks nothing while `enabled` is false. */
export function useCommunes(
  provinceCode: string,
  q: string,
  { limit, enabled = true }: { limit?: number; enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: placeKeys.communes(provinceCode, q, limit),
    queryFn: ({ signal }) =>
      apiRequest<CommunesResponse>(`/api/public/provinces/${encodeURIComponent(provinceCode)}/communes`, {
        query: { q: q.trim(), limit },
        signal,
      }),
    enabled: enabled && provinceCode !== '',
  });
}
