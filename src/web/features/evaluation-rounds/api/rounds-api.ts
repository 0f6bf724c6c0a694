/** Evaluation rounds for officers and members: list, create, edit, phase moves, members, assignments, conflicts. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CriteriaTemplateResponse } from '../../../../contracts/criteria';
import type {
  AddMemberBody,
  AssignEvaluatorsBody,
  CreateRoundBody,
  RoundCandidateList,
  RoundConflictBody,
  RoundDetail,
  RoundListResponse,
  RoundTransitionBody,
  UpdateRoundBody,
} from '../../../../contracts/evaluation-rounds';
import { api } from '../../../lib/api-client';
import { roundPath } from '../../../lib/rounds';

export const roundsListOptions = queryOptions({
  queryKey: ['rounds', 'list'],
  queryFn: ({ signal }) => api.get<RoundListResponse>('/rounds', undefined, signal),
});

export function useRounds() {
  return useQuery(roundsListOptions);
}

/** Templates a round may copy its tree from (intermediate and ex-post ones). */
export function useRoundTemplates() {
  return useQuery({
    queryKey: ['criteria-templates', 'list'],
    queryFn: ({ signal }) =>
      api.get<{ items: CriteriaTemplateResponse[] }>('/criteria-templates', undefined, signal),
    select: (list) => list.items.filter((t) => t.kind !== 'selection'),
    staleTime: 10 * 60_000,
  });
}

/** Every mutation answers the round's new detail: store it and refresh the list. */
function useRoundMutation<TBody>(key: string, send: (body: TBody) => Promise<RoundDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (round) => {
      queryClient.setQueryData(['rounds', 'detail', round.key], round);
      await queryClient.invalidateQueries({ queryKey: ['rounds', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['rounds', 'candidates', key] });
    },
  });
}

export function useCreateRound() {
  return useRoundMutation<CreateRoundBody>('', (body) => api.post<RoundDetail>('/rounds', body));
}

export function useUpdateRound(key: string) {
  return useRoundMutation<UpdateRoundBody>(key, (body) => api.patch<RoundDetail>(roundPath(key), body));
}

export function useTransitionRound(key: string) {
  return useRoundMutation<RoundTransitionBody>(key, (body) =>
    api.post<RoundDetail>(`${roundPath(key)}/status`, body),
  );
}

export function useAddMember(key: string) {
  return useRoundMutation<AddMemberBody>(key, (body) =>
    api.post<RoundDetail>(`${roundPath(key)}/members`, body),
  );
}

export function useRemoveMember(key: string) {
  return useRoundMutation<number>(key, (accountId) =>
    api.delete<RoundDetail>(`${roundPath(key)}/members/${accountId}`),
  );
}

export function useAssignEvaluators(key: string) {
  return useRoundMutation<AssignEvaluatorsBody>(key, (body) =>
    api.post<RoundDetail>(`${roundPath(key)}/assignments`, body),
  );
}

export function useSetConflict(key: string) {
  return useRoundMutation<RoundConflictBody>(key, (body) =>
    api.put<RoundDetail>(`${roundPath(key)}/conflicts`, body),
  );
}

export function useRoundCandidates(key: string, enabled: boolean) {
  return useQuery({
    queryKey: ['rounds', 'candidates', key],
    queryFn: ({ signal }) => api.get<RoundCandidateList>(`${roundPath(key)}/candidates`, undefined, signal),
    enabled,
  });
}
