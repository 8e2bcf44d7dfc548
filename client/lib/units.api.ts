import { useQuery } from '@tanstack/react-query';
import type { UnitsResponse } from '../../shared/api/units';
import { apiRequest } from './api';

/**
 * The units (issue #7), listed by the dashboard's and the accounts' pickers and kept on the units page: one key
 * area, so a unit opened, renamed or closed there refreshes every list.
 */
export const unitKeys = {
  all: ['units'] as const,
  list: ['units', 'list'] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

export function useUnitList({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: unitKeys.list,
    enabled,
    queryFn: ({ signal }) => apiRequest<UnitsResponse>('/api/staff/units', { signal }),
  });
}
