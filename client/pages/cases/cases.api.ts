import type { CaseQueue, CaseViewBody } from '../../../shared/api/cases';
import type { UnitsResponse } from '../../../shared/api/units';
import { apiRequest } from '../../lib/api';

/** The case pages' calls to the server (issue #6). */
export const casesApi = {
  queue: (query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    apiRequest<CaseQueue>('/api/staff/cases', { query, signal }),
  view: (code: string, signal?: AbortSignal) =>
    apiRequest<CaseViewBody>(`/api/staff/cases/${encodeURIComponent(code)}`, { signal }),
  act: (code: string, action: string, body: Record<string, unknown>) =>
    apiRequest<CaseViewBody>(`/api/staff/cases/${encodeURIComponent(code)}/${action}`, { method: 'POST', body }),
  units: (signal: AbortSignal) => apiRequest<UnitsResponse>('/api/staff/units', { signal }),
};
