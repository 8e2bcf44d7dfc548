import type { CommunesResponse, ProvincesResponse } from '../../../shared/api/places';
import { apiRequest } from '../../lib/api';

export function fetchProvinces(signal?: AbortSignal): Promise<ProvincesResponse> {
  return apiRequest<ProvincesResponse>('/api/public/provinces', { signal });
}

export function fetchCommunes(provinceCode: string, q: string, signal?: AbortSignal): Promise<CommunesResponse> {
  return apiRequest<CommunesResponse>(`/api/public/provinces/${encodeURIComponent(provinceCode)}/communes`, {
    query: { q: q.trim() },
    signal,
  });
}
