import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountView } from '../../../shared/api/accounts';
import type { AccountChange } from '../../../shared/schemas/accounts';
import type { Role } from '../../../shared/domain/roles';
import { apiRequest } from '../../lib/api';

/** Issue #5's account calls (admins), each change refreshing the list. */
const accountKeys = { all: ['accounts'] as const };
const base = '/api/staff/accounts';

/** What the create call takes before the server's checks: the role may still be missing. */
export interface NewAccount {
  username: string;
  displayName: string;
  role: Role | undefined;
  unitId: string | undefined;
  scopeProvinceCode: string | undefined;
  /** Issue #18: a commune Steering Committee 389's commune. */
  scopeCommuneCode: string | undefined;
}

export function useAccounts() {
  return useQuery({
    queryKey: accountKeys.all,
    queryFn: ({ signal }) => apiRequest<{ accounts: AccountView[] }>(base, { signal }),
  });
}

function useAccountChange<Input, Output>(send: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

/** A new account, with its generated password (shown once). */
export const useCreateAccount = () =>
  useAccountChange((body: NewAccount) =>
    apiRequest<{ account: AccountView; password: string }>(base, { method: 'POST', body }),
  );

export const useChangeAccount = () =>
  useAccountChange(({ id, ...body }: AccountChange & { id: string }) =>
    apiRequest<AccountView>(`${base}/${id}`, { method: 'PATCH', body }),
  );

/** A reset hands out a new password; an unlock only lifts the lock. */
export const useAccountAction = () =>
  useAccountChange(({ id, action }: { id: string; action: 'password' | 'unlock' }) =>
    apiRequest<{ account: AccountView; password?: string }>(`${base}/${id}/${action}`, { method: 'POST' }),
  );
