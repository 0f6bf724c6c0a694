/** The e-Rad-style duplication check: flagged pairs of funded projects, and marking one reviewed. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DuplicatesResponse, ReviewDuplicateBody } from '../../../../contracts/funding';
import { api } from '../../../lib/api-client';

export type DuplicateStatus = 'open' | 'reviewed' | 'all';

export function duplicatesQueryOptions(fiscalYear: number | null, status: DuplicateStatus) {
  return queryOptions({
    queryKey: ['funding', 'duplicates', fiscalYear, status],
    queryFn: ({ signal }) =>
      api.get<DuplicatesResponse>('/funding/duplicates', { fiscalYear, status }, signal),
  });
}

export const useDuplicates = (fiscalYear: number | null, status: DuplicateStatus) =>
  useQuery(duplicatesQueryOptions(fiscalYear, status));

export function useReviewDuplicate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewDuplicateBody) => api.post('/funding/duplicates/reviews', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['funding', 'duplicates'] }),
  });
}
