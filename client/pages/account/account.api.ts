import { useMutation } from '@tanstack/react-query';
import type { PasswordChange } from '../../../shared/schemas/staff';
import { apiRequest } from '../../lib/api';

/** Issue #5: one's own new password (the server checks the current one and the common-password list). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PasswordChange) => apiRequest<void>('/api/staff/password', { method: 'POST', body }),
  });
}
