/** Funded projects of every programme (the duplication check's input): the list and recording one. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClusterSummary } from '../../../../contracts/clusters';
import type { Page } from '../../../../contracts/common';
import type {
  CreateFundedProjectBody,
  FundedProject,
  FundedProjectListResponse,
} from '../../../../contracts/funding';
import type { FundingProgramme } from '../../../../domain/duplication';
import { api } from '../../../lib/api-client';

export function fundedProjectsQueryOptions(fiscalYear: number | null, programme: FundingProgramme | null) {
  return queryOptions({
    queryKey: ['funding', 'projects', fiscalYear, programme],
    queryFn: ({ signal }) =>
      api.get<FundedProjectListResponse>('/funding/projects', { fiscalYear, programme }, signal),
  });
}

export const useFundedProjects = (fiscalYear: number | null, programme: FundingProgramme | null) =>
  useQuery(fundedProjectsQueryOptions(fiscalYear, programme));

/** Knowledge clusters a funded project may name. */
export const fundingClusterChoicesQueryOptions = queryOptions({
  queryKey: ['funding', 'cluster-choices'],
  queryFn: ({ signal }) => api.get<Page<ClusterSummary>>('/clusters', { limit: 200 }, signal),
  staleTime: 5 * 60_000,
});

export const useFundingClusterChoices = () => useQuery(fundingClusterChoicesQueryOptions);

/** A new funded project may raise new duplication flags: both lists are refetched. */
export function useCreateFundedProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFundedProjectBody) => api.post<FundedProject>('/funding/projects', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['funding'] }),
  });
}
