import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClosedUnit, UnitDetail } from '../../../shared/api/rules';
import type {
  JurisdictionInput,
  UnitClose,
  UnitDutyContacts,
  UnitInput,
  UnitMerge,
} from '../../../shared/schemas/rules';
import { apiRequest } from '../../lib/api';
import { unitKeys } from '../../lib/units.api';

/** What the client sends: the schema's input, before its defaults are filled in. */
type Body<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * Issue #17: a unit's duty mailbox (alerts, the daily digest) and public duty hotline (null: none). J2's branch
 * adds both to `unitDetailSchema`; until that merge the detail is typed with them here.
 */
export type UnitWithDuty = UnitDetail & UnitDutyContacts;

export function useUnit(id: string) {
  return useQuery({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<UnitWithDuty>(`/api/staff/units/${id}`, { signal }),
  });
}

/** A change to a unit, then every unit list and detail asked again (the dashboard's and accounts' pickers too). */
function useUnitChange<Input, Output = UnitDetail>(send: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export const useCreateUnit = () =>
  useUnitChange((body: Body<UnitInput>) => apiRequest<UnitDetail>('/api/staff/units', { method: 'POST', body }));

/** Issue #17: both duty contacts at once (null removes one). */
export const useSetDutyContacts = () =>
  useUnitChange(({ id, ...body }: UnitDutyContacts & { id: string }) =>
    apiRequest<UnitDetail>(`/api/staff/units/${id}/duty-contacts`, { method: 'PUT', body }),
  );

/** Issue #18: whether a police unit is an investigating body (the crime track's hand-off lists those). */
export const useSetInvestigates = () =>
  useUnitChange(({ id, investigates }: { id: string; investigates: boolean }) =>
    apiRequest<UnitDetail>(`/api/staff/units/${id}/investigates`, { method: 'PUT', body: { investigates } }),
  );

export const useRenameUnit = () =>
  useUnitChange(({ id, name }: { id: string; name: string }) =>
    apiRequest<UnitDetail>(`/api/staff/units/${id}`, { method: 'PATCH', body: { name } }),
  );

/** Issue #18: `handTo` takes its open reports; absent, the routing picks a unit for each. */
export const useCloseUnit = () =>
  useUnitChange(({ id, ...body }: Body<UnitClose> & { id: string }) =>
    apiRequest<ClosedUnit>(`/api/staff/units/${id}/close`, { method: 'POST', body }),
  );

/** Issue #18: the unit closes into another of its force (its areas, open reports and staff go there). */
export const useMergeUnit = () =>
  useUnitChange(({ id, ...body }: UnitMerge & { id: string }) =>
    apiRequest<ClosedUnit>(`/api/staff/units/${id}/merge`, { method: 'POST', body }),
  );

export const useSetJurisdiction = () =>
  useUnitChange(({ id, ...body }: Body<JurisdictionInput> & { id: string }) =>
    apiRequest<UnitDetail>(`/api/staff/units/${id}/jurisdiction`, { method: 'PUT', body }),
  );
