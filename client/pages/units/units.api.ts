import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitDetail } from '../../../shared/api/rules';
import type { JurisdictionInput, UnitInput } from '../../../shared/schemas/rules';
import { apiRequest } from '../../lib/api';
import { unitKeys } from '../../lib/units.api';

/** What the client sends: the schema's input, before its defaults are filled in. */
type Body<T> = { [K in keyof T]?: T[K] | undefined };

export function useUnit(id: string) {
  return useQuery({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<UnitDetail>(`/api/staff/units/${id}`, { signal }),
  });
}

/** A change to a unit, then every unit list and detail asked again (the dashboard's and accounts' pickers too). */
function useUnitChange<Input>(send: (input: Input) => Promise<UnitDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export const useCreateUnit = () =>
  useUnitChange((body: Body<UnitInput>) => apiRequest<UnitDetail>('/api/staff/units', { method: 'POST', body }));

export const useRenameUnit = () =>
  useUnitChange(({ id, name }: { id: string; name: string }) =>
    apiRequest<UnitDetail>(`/api/staff/units/${id}`, { method: 'PATCH', body: { name } }),
  );

export const useCloseUnit = () =>
  useUnitChange(({ id, effectiveFrom }: { id: string; effectiveFrom: string | undefined }) =>
    apiRequest<UnitDetail>(`/api/staff/units/${id}/close`, {
      method: 'POST',
      body: effectiveFrom ? { effectiveFrom } : {},
    }),
  );

export const useSetJurisdiction = () =>
  useUnitChange(({ id, ...body }: Body<JurisdictionInput> & { id: string }) =>
    apiRequest<UnitDetail>(`/api/staff/units/${id}/jurisdiction`, { method: 'PUT', body }),
  );
