/** Sign-in, sign-out, own profile and password (POST /auth/sign-in, /auth/sign-out, PATCH /auth/me, POST /auth/password). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SelfResponse, SessionResponse, SignInBody } from '../../../../contracts/auth';
import type { Locale } from '../../../../contracts/common';
import { api } from '../../../lib/api-client';
import { fetchSession, SESSION_QUERY_KEY, useApplySession } from '../../../lib/session';

export function signIn(body: SignInBody): Promise<SessionResponse> {
  return api.post<SessionResponse>('/auth/sign-in', body);
}

export function signOut(): Promise<unknown> {
  return api.post<unknown>('/auth/sign-out');
}

export function updateMe(body: { locale?: Locale; displayName?: string }): Promise<SelfResponse> {
  return api.patch<SelfResponse>('/auth/me', body);
}

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<unknown> {
  return api.post<unknown>('/auth/password', body);
}

/** Signs in; the response's new session and CSRF token replace the old ones (session rotation). */
export function useSignIn() {
  const applySession = useApplySession();
  return useMutation({
    mutationFn: signIn,
    onSuccess: async (session) => {
      await applySession(session);
    },
  });
}

/** Signs out, then loads the anonymous session (and its CSRF token). */
export function useSignOut() {
  const applySession = useApplySession();
  return useMutation({
    mutationFn: async () => {
      await signOut();
      return fetchSession();
    },
    onSuccess: async (session) => {
      await applySession(session);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
