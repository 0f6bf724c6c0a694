/**
 * Accounts and role grants (administrators): /accounts, /accounts/:id/grants, /accounts/:id/reset-password,
 * and the people an account can be linked to (/people).
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountResponse, CreateAccountBody, GrantInput } from '../../../../contracts/accounts';
import type { ClusterSummary } from '../../../../contracts/clusters';
import type { Page } from '../../../../contracts/common';
import type { PersonResponse } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';

export interface AccountListParams {
  limit: number;
  offset: number;
  q?: string;
  role?: string;
}

export function fetchAccounts(params: AccountListParams, signal?: AbortSignal) {
  return api.get<Page<AccountResponse>>('/accounts', { ...params }, signal);
}

export function accountsQueryOptions(params: AccountListParams) {
  return queryOptions({
    queryKey: ['accounts', 'list', params],
    queryFn: ({ signal }) => fetchAccounts(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAccounts(params: AccountListParams) {
  return useQuery(accountsQueryOptions(params));
}

export interface CreatedAccount {
  account: AccountResponse;
  generatedPassword: string | null;
}

export function createAccount(body: CreateAccountBody) {
  return api.post<CreatedAccount>('/accounts', body);
}

export interface UpdateAccountInput {
  version: number;
  displayName?: string;
  locale?: 'ja' | 'en';
  status?: 'active' | 'disabled';
  /** The person record the account belongs to, or null to unlink it. */
  personId?: number | null;
}

export function updateAccount(id: number, body: UpdateAccountInput) {
  return api.patch<AccountResponse>(`/accounts/${id}`, body);
}

export function addGrant(id: number, grant: GrantInput) {
  return api.post<unknown>(`/accounts/${id}/grants`, grant);
}

export function revokeGrant(id: number, grantId: number) {
  return api.post<unknown>(`/accounts/${id}/grants/${grantId}/revoke`);
}

export function resetPassword(id: number) {
  return api.post<{ generatedPassword: string }>(`/accounts/${id}/reset-password`);
}

function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['accounts'] });
}

export function useAccountMutations() {
  const invalidate = useInvalidateAccounts();
  const onSuccess = () => invalidate();
  return {
    create: useMutation({ mutationFn: createAccount, onSuccess }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: UpdateAccountInput }) => updateAccount(id, body),
      onSuccess,
    }),
    addGrant: useMutation({
      mutationFn: ({ id, grant }: { id: number; grant: GrantInput }) => addGrant(id, grant),
      onSuccess,
    }),
    revokeGrant: useMutation({
      mutationFn: ({ id, grantId }: { id: number; grantId: number }) => revokeGrant(id, grantId),
      onSuccess,
    }),
    resetPassword: useMutation({ mutationFn: (id: number) => resetPassword(id), onSuccess }),
  };
}

/** The person an account is linked to, as AccountResponse carries it. */
export type AccountPerson = NonNullable<AccountResponse['person']>;

export const PERSON_SEARCH_LIMIT = 20;

/** People whose name matches `q` (GET /people?q=&limit=), for linking an account. */
export function searchPeople(q: string, signal?: AbortSignal) {
  return api.get<Page<PersonResponse>>('/people', { q: q || undefined, limit: PERSON_SEARCH_LIMIT }, signal);
}

export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ['people', 'search', { q, limit: PERSON_SEARCH_LIMIT }],
    queryFn: ({ signal }) => searchPeople(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Clusters to choose from for a headquarters grant (officers see unpublished ones too). */
export const grantClustersQueryOptions = queryOptions({
  queryKey: ['clusters', 'list', { limit: 200, offset: 0 }],
  queryFn: ({ signal }) => api.get<Page<ClusterSummary>>('/clusters', { limit: 200, offset: 0 }, signal),
});

export function useGrantClusters() {
  return useQuery(grantClustersQueryOptions);
}
