import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { StaffSession } from '../../shared/api/staff';
import { ApiError, apiRequest, setCsrfToken } from './api';

type State = { status: 'loading' } | { status: 'signed_out' } | { status: 'signed_in'; session: StaffSession };

interface StaffSessionContext {
  state: State;
  signIn(username: string, password: string): Promise<void>;
  signOut(everywhere?: boolean): Promise<void>;
}

const Context = createContext<StaffSessionContext | null>(null);

/** Asks the server once whether the HttpOnly session cookie still holds a session; keeps the CSRF token in memory. */
export function StaffSessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const queryClient = useQueryClient();
  /**
   * Nothing one staff member fetched may show to the next at a shared desk: the cache (queries and the answers of
   * mutations, a revealed contact among them) goes at every sign-in and sign-out.
   */
  const forgetServerData = useCallback(() => {
    queryClient.clear();
    queryClient.getMutationCache().clear();
  }, [queryClient]);
  const accept = useCallback((session: StaffSession) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed_in', session });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    apiRequest<StaffSession>('/api/staff/session', { signal: controller.signal }).then(accept, (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) setState({ status: 'signed_out' });
      else if (!controller.signal.aborted) setState({ status: 'signed_out' });
    });
    return () => controller.abort();
  }, [accept]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await apiRequest<StaffSession>('/api/staff/session', {
        method: 'POST',
        body: { username, password },
      });
      forgetServerData();
      accept(session);
    },
    [accept, forgetServerData],
  );
  const signOut = useCallback(
    async (everywhere = false) => {
      try {
        await apiRequest<void>(everywhere ? '/api/staff/sessions' : '/api/staff/session', { method: 'DELETE' });
      } finally {
        setCsrfToken(null);
        forgetServerData();
        setState({ status: 'signed_out' });
      }
    },
    [forgetServerData],
  );

  return <Context.Provider value={{ state, signIn, signOut }}>{children}</Context.Provider>;
}

export function useStaffSession(): StaffSessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useStaffSession must be used inside <StaffSessionProvider>');
  return context;
}
