/** The signed-in account (or none) and its permissions, shared by the layout, route guards and every feature. */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SelfResponse, SessionResponse } from '../../contracts/auth';
import type { Permission } from '../../domain/permissions';
import { api, setCsrfToken } from './api-client';

export const SESSION_QUERY_KEY = ['session'] as const;

/** GET /auth/session; remembers the CSRF token for later writes. */
export async function fetchSession(): Promise<SessionResponse> {
  const session = await api.get<SessionResponse>('/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export const sessionQueryOptions = queryOptions({
  queryKey: SESSION_QUERY_KEY,
  queryFn: fetchSession,
  staleTime: 5 * 60_000,
  refetchOnWindowFocus: true,
});

export interface SessionState {
  account: SelfResponse | null;
  isLoading: boolean;
  error: unknown;
}

export function useSession(): SessionState {
  const query = useQuery(sessionQueryOptions);
  return { account: query.data?.account ?? null, isLoading: query.isPending, error: query.error };
}

/** Whether the account holds a permission through any grant (cluster-scoped ones are refined by `canEdit`). */
export function hasPermission(account: SelfResponse | null, permission: Permission): boolean {
  return account?.permissions.includes(permission) ?? false;
}

export function usePermission(permission: Permission): boolean {
  const { account } = useSession();
  return hasPermission(account, permission);
}

/**
 * After sign-in or sign-out: store the new session (and its rotated CSRF token) and refetch everything
 * else, since what the API shows depends on who asks.
 */
export function useApplySession(): (session: SessionResponse) => Promise<void> {
  const queryClient = useQueryClient();
  return async (session) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(SESSION_QUERY_KEY, session);
    await queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
  };
}
