import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

export type Holiday = { day: string; kind: 'holiday' | 'workday'; name: string };

/** The holiday calendar's calls (SPEC.md §5), each query keyed under `holidays` so a change refreshes them all. */
const holidayKeys = {
  all: ['holidays'] as const,
  year: (year: number) => ['holidays', year] as const,
};

export function useHolidays(year: number) {
  return useQuery({
    queryKey: holidayKeys.year(year),
    queryFn: ({ signal }) => apiRequest<{ holidays: Holiday[] }>('/api/staff/holidays', { query: { year }, signal }),
  });
}

/** Puts a day in the calendar (or changes it) and refreshes every year shown. */
export function useSaveHoliday() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ day, ...body }: Holiday) => apiRequest(`/api/staff/holidays/${day}`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: holidayKeys.all }),
  });
}

export function useRemoveHoliday() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => apiRequest(`/api/staff/holidays/${day}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: holidayKeys.all }),
  });
}
