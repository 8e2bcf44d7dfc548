import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertPreferences } from '../../../shared/api/alerts';
import type { PasswordChange } from '../../../shared/schemas/staff';
import { apiRequest } from '../../lib/api';

/** Issue #5: one's own new password (the server checks the current one and the common-password list). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PasswordChange) => apiRequest<void>('/api/staff/password', { method: 'POST', body }),
  });
}

const PREFERENCES_URL = '/api/staff/account/alert-preferences';
const accountKeys = { alertPreferences: ['account', 'alert-preferences'] as const };

/** Issue #17: which alerts reach one by e-mail (in the staff pages they always show). */
export function useAlertPreferences() {
  return useQuery({
    queryKey: accountKeys.alertPreferences,
    queryFn: ({ signal }) => apiRequest<AlertPreferences>(PREFERENCES_URL, { signal }),
  });
}

export function useSaveAlertPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AlertPreferences) => apiRequest<AlertPreferences>(PREFERENCES_URL, { method: 'PUT', body }),
    onSuccess: (saved) => client.setQueryData(accountKeys.alertPreferences, saved),
  });
}
