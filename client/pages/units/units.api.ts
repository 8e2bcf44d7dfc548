import type { UnitDetail } from '../../../shared/api/rules';
import type { UnitsResponse } from '../../../shared/api/units';
import type { JurisdictionInput, UnitInput } from '../../../shared/schemas/rules';
import { apiRequest } from '../../lib/api';

type Body<T> = { [K in keyof T]?: T[K] | undefined };

export const listUnits = (signal?: AbortSignal) => apiRequest<UnitsResponse>('/api/staff/units', { signal });
export const getUnit = (id: string, signal?: AbortSignal) =>
  apiRequest<UnitDetail>(`/api/staff/units/${id}`, { signal });
export const createUnit = (body: Body<UnitInput>) =>
  apiRequest<UnitDetail>('/api/staff/units', { method: 'POST', body });
export const renameUnit = (id: string, name: string) =>
  apiRequest<UnitDetail>(`/api/staff/units/${id}`, { method: 'PATCH', body: { name } });
export const closeUnit = (id: string, effectiveFrom: string) =>
  apiRequest<UnitDetail>(`/api/staff/units/${id}/close`, {
    method: 'POST',
    body: effectiveFrom ? { effectiveFrom } : {},
  });
export const setJurisdiction = (id: string, body: Body<JurisdictionInput>) =>
  apiRequest<UnitDetail>(`/api/staff/units/${id}/jurisdiction`, { method: 'PUT', body });
