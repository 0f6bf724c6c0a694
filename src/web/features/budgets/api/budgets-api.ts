/** The budget ledger and numerical targets: reads, their query options and hooks, and the writes. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BudgetLine,
  BudgetPage,
  BudgetSummaryResponse,
  CreateBudgetLineBody,
  UpdateBudgetLineBody,
} from '../../../../contracts/budgets';
import type { ClusterSummary } from '../../../../contracts/clusters';
import type { Page } from '../../../../contracts/common';
import type {
  ClusterTargetsResponse,
  PutTargetsBody,
  TargetSummaryResponse,
} from '../../../../contracts/targets';
import { api, apiUrl, type Query } from '../../../lib/api-client';

export interface BudgetFilter {
  cluster?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  kind?: string | undefined;
  level?: 'programme' | 'cluster' | undefined;
  limit: number;
  offset: number;
}

/**
 * The four downloads of a table: CSV in UTF-8 headed in the reader's language, CSV in Shift_JIS
 * (Japanese headers, for older Excel), XLSX in the reader's language, and JSON.
 */
function downloadUrls(path: string, query: Query, locale: 'ja' | 'en') {
  return {
    csvUtf8: apiUrl(path, { ...query, format: 'csv', lang: locale }),
    csvSjis: apiUrl(path, { ...query, format: 'csv', encoding: 'shift_jis', lang: 'ja' }),
    xlsx: apiUrl(path, { ...query, format: 'xlsx', lang: locale }),
    json: apiUrl(path, { ...query, format: 'json', lang: locale }),
  };
}

/** Every line the ledger's filters match (not just the page shown). */
export function budgetLedgerDownloadUrls(
  filter: Omit<BudgetFilter, 'limit' | 'offset'>,
  locale: 'ja' | 'en',
) {
  return downloadUrls(
    '/budgets/export',
    { cluster: filter.cluster, level: filter.level, from: filter.from, to: filter.to, kind: filter.kind },
    locale,
  );
}

/** The per-cluster table of the summary over the range. */
export function budgetSummaryDownloadUrls(
  range: { from?: number | undefined; to?: number | undefined },
  locale: 'ja' | 'en',
) {
  return downloadUrls('/budgets/summary', { from: range.from, to: range.to }, locale);
}

export function clusterTargetsDownloadUrls(key: string, locale: 'ja' | 'en') {
  return downloadUrls(`/clusters/${encodeURIComponent(key)}/targets`, {}, locale);
}

export function fetchBudgetLines(filter: BudgetFilter, signal?: AbortSignal): Promise<BudgetPage> {
  return api.get<BudgetPage>('/budgets', { ...filter }, signal);
}

export function budgetLinesQueryOptions(filter: BudgetFilter) {
  return queryOptions({
    queryKey: ['budgets', 'lines', filter],
    queryFn: ({ signal }) => fetchBudgetLines(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBudgetLines(filter: BudgetFilter) {
  return useQuery(budgetLinesQueryOptions(filter));
}

export function fetchBudgetSummary(
  range: { from?: number | undefined; to?: number | undefined },
  signal?: AbortSignal,
): Promise<BudgetSummaryResponse> {
  return api.get<BudgetSummaryResponse>('/budgets/summary', { ...range }, signal);
}

export function budgetSummaryQueryOptions(range: { from?: number | undefined; to?: number | undefined }) {
  return queryOptions({
    queryKey: ['budgets', 'summary', range.from ?? null, range.to ?? null],
    queryFn: ({ signal }) => fetchBudgetSummary(range, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBudgetSummary(range: { from?: number | undefined; to?: number | undefined }) {
  return useQuery(budgetSummaryQueryOptions(range));
}

/** Every cluster the reader may see, for the cluster filter and the line form. */
export function useClusterChoices() {
  return useQuery({
    queryKey: ['budgets', 'cluster-choices'],
    queryFn: ({ signal }) => api.get<Page<ClusterSummary>>('/clusters', { limit: 200 }, signal),
    staleTime: 5 * 60_000,
  });
}

function useInvalidateBudgets() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['budgets'] });
}

export function useCreateBudgetLine() {
  const invalidate = useInvalidateBudgets();
  return useMutation({
    mutationFn: (body: CreateBudgetLineBody) => api.post<BudgetLine>('/budgets', body),
    onSuccess: invalidate,
  });
}

export function useUpdateBudgetLine() {
  const invalidate = useInvalidateBudgets();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateBudgetLineBody }) =>
      api.patch<BudgetLine>(`/budgets/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteBudgetLine() {
  const invalidate = useInvalidateBudgets();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.delete<{ ok: true }>(`/budgets/${id}?version=${version}`),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------------------------------------
// Targets

const targetsPath = (key: string) => `/clusters/${encodeURIComponent(key)}/targets`;

export function clusterTargetsQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['targets', 'cluster', key],
    queryFn: ({ signal }) => api.get<ClusterTargetsResponse>(targetsPath(key), undefined, signal),
  });
}

export function useClusterTargets(key: string) {
  return useQuery(clusterTargetsQueryOptions(key));
}

export function targetSummaryQueryOptions(fy: number | undefined) {
  return queryOptions({
    queryKey: ['targets', 'summary', fy ?? null],
    queryFn: ({ signal }) => api.get<TargetSummaryResponse>('/targets/summary', { fy }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTargetSummary(fy: number | undefined) {
  return useQuery(targetSummaryQueryOptions(fy));
}

export function usePutTargets(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutTargetsBody) => api.put<ClusterTargetsResponse>(targetsPath(key), body),
    onSuccess: (data) => {
      queryClient.setQueryData(clusterTargetsQueryOptions(key).queryKey, data);
      void queryClient.invalidateQueries({ queryKey: ['targets', 'summary'] });
    },
  });
}

export function useDeleteTarget(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.delete<{ ok: true }>(`${targetsPath(key)}/${id}?version=${version}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['targets'] }),
  });
}
