/**
 * The coordinators' pipeline: the board of matches by stage, one match, each side's answer, the
 * dated steps, closing, the per-coordinator summary; and the pickers' sources (coordinators, the
 * seed's cluster's outcome items).
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerMatchBody,
  CloseMatchBody,
  CoordinatorSummary,
  Match,
  MatchBoard,
  RecordStepBody,
} from '../../../../contracts/matches';
import type { OpenOutcomeItem, OpenPage } from '../../../../contracts/open-data';
import type { CoordinatorList } from '../../../../contracts/seeds-needs';
import { api } from '../../../lib/api-client';

export interface BoardParams {
  coordinator?: number;
  stage?: string;
  seed?: number;
  need?: number;
}

export function matchBoardQueryOptions(params: BoardParams) {
  return queryOptions({
    queryKey: ['matches', 'board', params],
    queryFn: ({ signal }) => api.get<MatchBoard>('/matches', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMatchBoard(params: BoardParams) {
  return useQuery(matchBoardQueryOptions(params));
}

export function matchQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['matches', 'detail', id],
    queryFn: ({ signal }) => api.get<Match>(`/matches/${id}`, undefined, signal),
  });
}

export function useMatch(id: number) {
  return useQuery({ ...matchQueryOptions(id), enabled: id > 0 });
}

export function coordinatorSummaryQueryOptions(from: string | undefined, to: string | undefined) {
  return queryOptions({
    queryKey: ['matches', 'coordinator-summary', from ?? null, to ?? null],
    queryFn: ({ signal }) =>
      api.get<CoordinatorSummary>('/matches/coordinator-summary', { from, to }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCoordinatorSummary(from: string | undefined, to: string | undefined) {
  return useQuery(coordinatorSummaryQueryOptions(from, to));
}

/** The programme's S&T coordinators, for the board's filter. */
export const pipelineCoordinatorsQueryOptions = queryOptions({
  queryKey: ['coordinators'],
  queryFn: ({ signal }) => api.get<CoordinatorList>('/coordinators', undefined, signal),
  staleTime: 5 * 60_000,
});

export function usePipelineCoordinators(enabled: boolean) {
  return useQuery({ ...pipelineCoordinatorsQueryOptions, enabled });
}

/** The seed's cluster's outcome items in accepted reports (GET /open/outcome-items), to link to a step. */
export function stepOutcomeItemsQueryOptions(clusterKey: string) {
  return queryOptions({
    queryKey: ['matches', 'outcome-items', clusterKey],
    queryFn: ({ signal }) =>
      api.get<OpenPage<OpenOutcomeItem>>(
        '/open/outcome-items',
        { cluster: clusterKey, pageSize: 500 },
        signal,
      ),
    staleTime: 5 * 60_000,
  });
}

export function useStepOutcomeItems(clusterKey: string, enabled: boolean) {
  return useQuery({ ...stepOutcomeItemsQueryOptions(clusterKey), enabled });
}

function useMatchWritten() {
  const client = useQueryClient();
  return async (match: Match) => {
    client.setQueryData(matchQueryOptions(match.id).queryKey, match);
    await client.invalidateQueries({ queryKey: ['matches', 'board'] });
    await client.invalidateQueries({ queryKey: ['matches', 'coordinator-summary'] });
  };
}

export function useAnswerMatch(id: number) {
  const written = useMatchWritten();
  return useMutation({
    mutationFn: (body: AnswerMatchBody) => api.post<Match>(`/matches/${id}/answers`, body),
    onSuccess: written,
  });
}

export function useRecordStep(id: number) {
  const written = useMatchWritten();
  return useMutation({
    mutationFn: (body: RecordStepBody) => api.post<Match>(`/matches/${id}/steps`, body),
    onSuccess: written,
  });
}

export function useCloseMatch(id: number) {
  const written = useMatchWritten();
  return useMutation({
    mutationFn: (body: CloseMatchBody) => api.post<Match>(`/matches/${id}/close`, body),
    onSuccess: written,
  });
}
