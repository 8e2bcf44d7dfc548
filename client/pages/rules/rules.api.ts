import type { CommuneFlagsView, RuleSetDetail, RuleSetSummary, ValidationSummary } from '../../../shared/api/rules';
import type { RuleInput } from '../../../shared/schemas/rules';
import { apiRequest } from '../../lib/api';

const base = '/api/staff/routing/rule-sets';

export const listRuleSets = (province: string, signal?: AbortSignal) =>
  apiRequest<{ ruleSets: RuleSetSummary[] }>(base, { query: { province }, signal });
export const getRuleSet = (id: number, signal?: AbortSignal) => apiRequest<RuleSetDetail>(`${base}/${id}`, { signal });
export const createDraft = (province: string) =>
  apiRequest<RuleSetDetail>(base, { method: 'POST', body: { province, start: 'current' } });
export const saveDraft = (id: number, rules: RuleInput[]) =>
  apiRequest<RuleSetDetail>(`${base}/${id}`, { method: 'PUT', body: { rules } });
export const discardDraft = (id: number) => apiRequest<void>(`${base}/${id}`, { method: 'DELETE' });
export const validateDraft = (id: number) =>
  apiRequest<ValidationSummary>(`${base}/${id}/validate`, { method: 'POST', body: {} });
export const publishDraft = (id: number, effectiveFrom: string) =>
  apiRequest<RuleSetDetail>(`${base}/${id}/publish`, { method: 'POST', body: effectiveFrom ? { effectiveFrom } : {} });

export const setCommuneFlags = (
  code: string,
  flags: Partial<Pick<CommuneFlagsView, 'landBorder' | 'coastal' | 'remoteOrIsland'>>,
) => apiRequest<CommuneFlagsView>(`/api/staff/communes/${code}/flags`, { method: 'PATCH', body: flags });
