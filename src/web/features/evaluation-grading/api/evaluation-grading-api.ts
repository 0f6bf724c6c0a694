/**
 * The weighting group's and the evaluating group's API: the round's weights (proposals, versions,
 * the locked set), the evaluator's gradings and the officers' progress board.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdjustWeightsBody,
  GradingProgressResponse,
  GradingView,
  MyGradingsResponse,
  ProposeWeightsBody,
  SaveGradesBody,
  WeightsResponse,
} from '../../../../contracts/evaluation-grading';
import { api } from '../../../lib/api-client';
import { roundPath, roundQueryOptions } from '../../../lib/rounds';

const clusterPath = (key: string, clusterKey: string) =>
  `${roundPath(key)}/gradings/${encodeURIComponent(clusterKey)}`;

export function weightsQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['evaluation-grading', 'weights', key],
    queryFn: ({ signal }) => api.get<WeightsResponse>(`${roundPath(key)}/weights`, undefined, signal),
  });
}

export function useWeights(key: string) {
  return useQuery(weightsQueryOptions(key));
}

/**
 * Every weights write answers the whole weights view: store it, and refresh the round (its
 * overview shows whether the weights are locked, which decides when grading may open).
 */
function useWeightsWrite<TVariables>(
  key: string,
  write: (variables: TVariables) => Promise<WeightsResponse>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (view) => {
      client.setQueryData(weightsQueryOptions(key).queryKey, view);
      await client.invalidateQueries({ queryKey: roundQueryOptions(key).queryKey });
    },
  });
}

export function useProposeWeights(key: string) {
  return useWeightsWrite(key, (body: ProposeWeightsBody) =>
    api.put<WeightsResponse>(`${roundPath(key)}/weights/mine`, body),
  );
}

export function useComputeWeightSet(key: string) {
  return useWeightsWrite(key, () => api.post<WeightsResponse>(`${roundPath(key)}/weight-sets`));
}

export function useAdjustWeights(key: string) {
  return useWeightsWrite(key, (body: AdjustWeightsBody) =>
    api.post<WeightsResponse>(`${roundPath(key)}/weight-sets/adjust`, body),
  );
}

export function useLockWeightSet(key: string) {
  return useWeightsWrite(key, (version: number) =>
    api.post<WeightsResponse>(`${roundPath(key)}/weight-sets/${version}/lock`),
  );
}

export function myGradingsQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['evaluation-grading', 'mine', key],
    queryFn: ({ signal }) => api.get<MyGradingsResponse>(`${roundPath(key)}/gradings`, undefined, signal),
  });
}

export function useMyGradings(key: string) {
  return useQuery(myGradingsQueryOptions(key));
}

export function gradingProgressQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['evaluation-grading', 'progress', key],
    queryFn: ({ signal }) =>
      api.get<GradingProgressResponse>(`${roundPath(key)}/grading-progress`, undefined, signal),
  });
}

export function useGradingProgress(key: string) {
  return useQuery(gradingProgressQueryOptions(key));
}

export function gradingQueryOptions(key: string, clusterKey: string) {
  return queryOptions({
    queryKey: ['evaluation-grading', 'grading', key, clusterKey],
    queryFn: ({ signal }) => api.get<GradingView>(clusterPath(key, clusterKey), undefined, signal),
  });
}

export function useGrading(key: string, clusterKey: string) {
  return useQuery(gradingQueryOptions(key, clusterKey));
}

/**
 * A grading write answers the whole view; the list's counts and the round's assignments move with
 * it. A refusal (submitted meanwhile in another tab, the phase moved on) refetches the view so the
 * page shows the state the server holds.
 */
function useGradingWrite<TVariables>(
  key: string,
  clusterKey: string,
  write: (variables: TVariables) => Promise<GradingView>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (view) => {
      client.setQueryData(gradingQueryOptions(key, clusterKey).queryKey, view);
      await Promise.all([
        client.invalidateQueries({ queryKey: myGradingsQueryOptions(key).queryKey }),
        client.invalidateQueries({ queryKey: roundQueryOptions(key).queryKey }),
      ]);
    },
    onError: () => client.invalidateQueries({ queryKey: gradingQueryOptions(key, clusterKey).queryKey }),
  });
}

export function useSaveGrades(key: string, clusterKey: string) {
  return useGradingWrite(key, clusterKey, (body: SaveGradesBody) =>
    api.put<GradingView>(clusterPath(key, clusterKey), body),
  );
}

/** Saves the draft first, so what is submitted is exactly what the evaluator sees on the form. */
export function useSubmitGrades(key: string, clusterKey: string) {
  return useGradingWrite(key, clusterKey, async (body: SaveGradesBody) => {
    await api.put<GradingView>(clusterPath(key, clusterKey), body);
    return api.post<GradingView>(`${clusterPath(key, clusterKey)}/submit`);
  });
}
