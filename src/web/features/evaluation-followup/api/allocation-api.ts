/** Next fiscal year's subsidy: the live what-if preview, the committed plan (none until committed) and the commit. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AllocationCommitBody,
  AllocationPlanResponse,
  AllocationPreviewBody,
  AllocationPreviewResponse,
} from '../../../../contracts/evaluation-allocation';
import { api, apiRequest, isApiError } from '../../../lib/api-client';
import { roundPath } from '../../../lib/rounds';

/** The committed plan, or null: the API answers 404 until an allocation is committed. */
export function allocationPlanQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['evaluation-followup', 'allocation', key],
    queryFn: async ({ signal }): Promise<AllocationPlanResponse | null> => {
      try {
        return await api.get<AllocationPlanResponse>(`${roundPath(key)}/allocation`, undefined, signal);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useAllocationPlan(key: string) {
  return useQuery(allocationPlanQueryOptions(key));
}

/**
 * The what-if under one rule. The rule is part of the key, so every edit is its own query: a newer
 * rule aborts the older request (its signal), and the last figures stay shown while the next load.
 */
export function allocationPreviewQueryOptions(key: string, rule: AllocationPreviewBody) {
  return queryOptions({
    queryKey: ['evaluation-followup', 'allocation-preview', key, rule],
    queryFn: ({ signal }) =>
      apiRequest<AllocationPreviewResponse>('POST', `${roundPath(key)}/allocation/preview`, {
        body: rule,
        signal,
      }),
    // A refused rule stays refused until the officer edits it; asking again would only delay the field error.
    retry: false,
    retryOnMount: false,
    staleTime: 30_000,
  });
}

export function useAllocationPreview(key: string, rule: AllocationPreviewBody | null) {
  return useQuery({
    ...allocationPreviewQueryOptions(key, rule ?? { bands: [] }),
    enabled: rule !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCommitAllocation(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AllocationCommitBody) =>
      api.post<AllocationPlanResponse>(`${roundPath(key)}/allocation/commit`, body),
    onSuccess: async (plan) => {
      client.setQueryData(allocationPlanQueryOptions(key).queryKey, plan);
      // The commit wrote next year's ledger lines, which the budget pages show.
      await client.invalidateQueries({ queryKey: ['budgets'] });
    },
    onError: async (error) => {
      // Someone committed meanwhile: show their plan, which this commit would now have to replace.
      if (isApiError(error) && error.code === 'DUPLICATE')
        await client.invalidateQueries({ queryKey: allocationPlanQueryOptions(key).queryKey });
    },
  });
}
