import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../api/client';
import type { MeDto, Permission } from '../api/types';

export const ME_KEY = ['auth', 'me'] as const;

interface AuthState {
  me: MeDto | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<MeDto>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

async function fetchMe(): Promise<MeDto | null> {
  try {
    const me = await api.get<MeDto>('/api/v1/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (isApiError(err, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data, isPending } = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
  const me = data ?? null;

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await api.post<MeDto>('/api/v1/auth/login', { username, password });
      setCsrfToken(result.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, result);
      return result;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    }
  }, [queryClient]);

  const value = useMemo<AuthState>(
    () => ({
      me,
      loading: isPending,
      login,
      logout,
      can: (permission) => !!me?.permissions.includes(permission),
    }),
    [me, isPending, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
