/** A round's findings (課題) and their follow-up: list, record, edit, respond; the rounds a finding can be carried into. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateFindingBody,
  Finding,
  FindingListResponse,
  RespondFindingBody,
  UpdateFindingBody,
} from '../../../../contracts/evaluation-findings';
import type { RoundListResponse } from '../../../../contracts/evaluation-rounds';
import { api } from '../../../lib/api-client';
import { roundPath } from '../../../lib/rounds';

/** Every finding of the round the reader may see; filters are applied on the page so the summary counts all of them. */
export function roundFindingsQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['evaluation-followup', 'findings', key],
    queryFn: ({ signal }) => api.get<FindingListResponse>(`${roundPath(key)}/findings`, undefined, signal),
  });
}

export function useRoundFindings(key: string) {
  return useQuery(roundFindingsQueryOptions(key));
}

/** Every round the reader may see: an officer picks the later round a finding is checked again in. */
export const followUpRoundsQueryOptions = queryOptions({
  queryKey: ['evaluation-followup', 'rounds'],
  queryFn: ({ signal }) => api.get<RoundListResponse>('/rounds', undefined, signal),
  staleTime: 60_000,
});

export function useFollowUpRounds(enabled: boolean) {
  return useQuery({ ...followUpRoundsQueryOptions, enabled });
}

/** A finding written: put it in the list at once, then refetch (another finding may have moved too). */
function useFindingWritten(key: string) {
  const client = useQueryClient();
  const queryKey = roundFindingsQueryOptions(key).queryKey;
  return async (finding: Finding) => {
    client.setQueryData(queryKey, (list) =>
      list
        ? {
            items: list.items.some((f) => f.id === finding.id)
              ? list.items.map((f) => (f.id === finding.id ? finding : f))
              : [...list.items, finding],
          }
        : list,
    );
    await client.invalidateQueries({ queryKey });
  };
}

export function useCreateFinding(key: string) {
  const written = useFindingWritten(key);
  return useMutation({
    mutationFn: (body: CreateFindingBody) => api.post<Finding>(`${roundPath(key)}/findings`, body),
    onSuccess: written,
  });
}

export function useUpdateFinding(key: string) {
  const written = useFindingWritten(key);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateFindingBody }) =>
      api.patch<Finding>(`/findings/${id}`, body),
    onSuccess: written,
  });
}

export function useRespondToFinding(key: string) {
  const written = useFindingWritten(key);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RespondFindingBody }) =>
      api.post<Finding>(`/findings/${id}/response`, body),
    onSuccess: written,
  });
}

/** After a 409 the list is stale: fetch the versions the server has now. */
export function useReloadFindings(key: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: roundFindingsQueryOptions(key).queryKey });
}
