import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommuneFlagsView, RuleSetDetail, RuleSetSummary, ValidationSummary } from '../../../shared/api/rules';
import type { RuleInput } from '../../../shared/schemas/rules';
import { apiRequest } from '../../lib/api';
import { placeKeys } from '../../lib/places.api';

const base = '/api/staff/routing/rule-sets';

/** The rules editor's calls (issue #7), keyed under `rules`: a draft saved, published or dropped refreshes them. */
const ruleKeys = {
  all: ['rules'] as const,
  allSets: ['rules', 'sets'] as const,
  sets: (scope: string) => ['rules', 'sets', scope] as const,
  set: (id: number) => ['rules', 'set', id] as const,
};

/** A scope's versions, the draft first. */
export function useRuleSets(scope: string) {
  return useQuery({
    queryKey: ruleKeys.sets(scope),
    queryFn: ({ signal }) => apiRequest<{ ruleSets: RuleSetSummary[] }>(base, { query: { province: scope }, signal }),
  });
}

/** One version with its rules; nothing is asked while there is none to show. */
export function useRuleSet(id: number | undefined) {
  return useQuery({
    queryKey: ruleKeys.set(id ?? 0),
    queryFn: ({ signal }) => apiRequest<RuleSetDetail>(`${base}/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

function useRulesChange<Input, Output>(send: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: ruleKeys.all }),
  });
}

/** A draft copied from the rules in effect now. */
export const useCreateDraft = () =>
  useRulesChange((province: string) =>
    apiRequest<RuleSetDetail>(base, { method: 'POST', body: { province, start: 'current' } }),
  );

export const useSaveDraft = () =>
  useRulesChange(({ id, rules }: { id: number; rules: RuleInput[] }) =>
    apiRequest<RuleSetDetail>(`${base}/${id}`, { method: 'PUT', body: { rules } }),
  );

/** The draft is gone: only the lists are asked again (asking for the draft itself would answer 404). */
export function useDiscardDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`${base}/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ruleKeys.allSets }),
  });
}

export const usePublishDraft = () =>
  useRulesChange(({ id, effectiveFrom }: { id: number; effectiveFrom: string | undefined }) =>
    apiRequest<RuleSetDetail>(`${base}/${id}/publish`, {
      method: 'POST',
      body: effectiveFrom ? { effectiveFrom } : {},
    }),
  );

/** The validator's answer on a draft as saved; it changes nothing. */
export function useValidateDraft() {
  return useMutation({
    mutationFn: (id: number) => apiRequest<ValidationSummary>(`${base}/${id}/validate`, { method: 'POST', body: {} }),
  });
}

export type CommuneFlag = 'landBorder' | 'coastal' | 'remoteOrIsland';

/** SPEC.md §4: one flag of one commune, as coordinators keep them; the commune lists are asked again. */
export function useSetCommuneFlag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, flag, value }: { code: string; flag: CommuneFlag; value: boolean }) =>
      apiRequest<CommuneFlagsView>(`/api/staff/communes/${code}/flags`, { method: 'PATCH', body: { [flag]: value } }),
    onSuccess: () => client.invalidateQueries({ queryKey: placeKeys.allCommunes }),
  });
}
