import { useQuery } from '@tanstack/react-query';
import type { ProvinceHotlines, ProvincesResponse } from '../../shared/api/places';

/*
 * Issue #17: the public lists behind the duty hotlines (home page, receipt, tracking page), fetched with a
 * plain GET on purpose: these chunks load after the page, and `lib/api.ts` imported here would be split off
 * the chunk the citizen pages share, which costs more than the citizen budget (170 KB) had left. A failure
 * shows nothing: the national 389 numbers are on every page.
 */
async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** The provinces, under the key of `useProvinces` (`client/lib/places.api.ts`): one cache for both. */
export function usePublicProvinces() {
  return useQuery({
    queryKey: ['provinces'],
    queryFn: ({ signal }) => getJson<ProvincesResponse>('/api/public/provinces', signal),
    staleTime: Infinity,
  });
}

/** The duty hotlines of the forces' units of a province; asks nothing without a province. */
export function useProvinceHotlines(provinceCode: string) {
  return useQuery({
    queryKey: ['hotlines', provinceCode],
    queryFn: ({ signal }) =>
      getJson<ProvinceHotlines>(`/api/public/provinces/${encodeURIComponent(provinceCode)}/hotlines`, signal),
    enabled: /^\d{2}$/.test(provinceCode),
    staleTime: 5 * 60_000,
  });
}
