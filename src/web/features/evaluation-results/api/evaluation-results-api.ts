/**
 * A round's scores, consolidated comments and publication (officers and evaluators), the published
 * results and findings (everyone) and a cluster's results across rounds.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClusterEvaluationsResponse,
  PublishRoundBody,
  ResultCommentBody,
  ResultCommentResponse,
  RoundResultsResponse,
  RoundScoresQuery,
  RoundScoresResponse,
} from '../../../../contracts/evaluation-results';
import type { FindingListResponse } from '../../../../contracts/evaluation-findings';
import type { RoundListResponse } from '../../../../contracts/evaluation-rounds';
import { api } from '../../../lib/api-client';
import { roundPath } from '../../../lib/rounds';

export function roundScoresQueryOptions(key: string, query: RoundScoresQuery) {
  return queryOptions({
    queryKey: ['evaluation-results', 'scores', key, query],
    queryFn: ({ signal }) => api.get<RoundScoresResponse>(`${roundPath(key)}/scores`, { ...query }, signal),
    // The scores are refused (409/403) for a reason the page explains; asking again will not help.
    retry: false,
  });
}

/** The scores for one set of stability options; the previous answer stays shown while new trials run. */
export function useRoundScores(key: string, query: RoundScoresQuery) {
  return useQuery({ ...roundScoresQueryOptions(key, query), placeholderData: keepPreviousData });
}

export function useSaveComment(roundKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ clusterKey, body }: { clusterKey: string; body: ResultCommentBody }) =>
      api.put<ResultCommentResponse>(
        `${roundPath(roundKey)}/results/${encodeURIComponent(clusterKey)}/comment`,
        body,
      ),
    // The saved comment shows at once in every stability variant of the scores, then they refresh.
    onSuccess: (saved) =>
      client.setQueriesData<RoundScoresResponse>(
        { queryKey: ['evaluation-results', 'scores', roundKey] },
        (scores) =>
          scores && {
            ...scores,
            clusters: scores.clusters.map((c) =>
              c.cluster.key === saved.cluster.key ? { ...c, comment: saved.comment } : c,
            ),
          },
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['evaluation-results', 'scores', roundKey] }),
  });
}

/** Publishing changes the round (status, version) and every view of its results. */
export function usePublishRound(roundKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishRoundBody) =>
      api.post<RoundResultsResponse>(`${roundPath(roundKey)}/publish`, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['rounds'] }),
        client.invalidateQueries({ queryKey: ['evaluation-results'] }),
      ]),
    // A refusal may come from a round that moved on or gradings that changed: show them as they are now.
    onError: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['rounds', 'detail', roundKey] }),
        client.invalidateQueries({ queryKey: ['evaluation-results', 'scores', roundKey] }),
      ]),
  });
}

/** Every round the reader may see; the public pages keep the published ones. */
export const publicRoundsQueryOptions = queryOptions({
  queryKey: ['evaluation-results', 'public', 'rounds'],
  queryFn: ({ signal }) => api.get<RoundListResponse>('/rounds', undefined, signal),
});

export function usePublicRounds() {
  return useQuery(publicRoundsQueryOptions);
}

export function roundResultsQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['evaluation-results', 'public', 'results', key],
    queryFn: ({ signal }) => api.get<RoundResultsResponse>(`${roundPath(key)}/results`, undefined, signal),
    retry: false,
  });
}

export function useRoundResults(key: string) {
  return useQuery(roundResultsQueryOptions(key));
}

export function roundFindingsQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['evaluation-results', 'public', 'findings', key],
    queryFn: ({ signal }) => api.get<FindingListResponse>(`${roundPath(key)}/findings`, undefined, signal),
  });
}

export function useRoundFindings(key: string) {
  return useQuery(roundFindingsQueryOptions(key));
}

export function clusterEvaluationsQueryOptions(clusterKey: string) {
  return queryOptions({
    queryKey: ['evaluation-results', 'cluster', clusterKey],
    queryFn: ({ signal }) =>
      api.get<ClusterEvaluationsResponse>(
        `/clusters/${encodeURIComponent(clusterKey)}/evaluations`,
        undefined,
        signal,
      ),
  });
}

export function useClusterEvaluations(clusterKey: string) {
  return useQuery({ ...clusterEvaluationsQueryOptions(clusterKey), enabled: clusterKey !== '' });
}

/**
 * The round's results report (GET /rounds/:key/report) in the UI's language; the PDF and the XLSX
 * hold the same tables.
 */
export function roundReportLinks(key: string, lang: 'ja' | 'en') {
  const base = `/api/v1${roundPath(key)}/report`;
  return { pdf: `${base}?format=pdf&lang=${lang}`, xlsx: `${base}?format=xlsx&lang=${lang}` };
}
