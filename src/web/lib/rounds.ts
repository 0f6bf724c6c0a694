/** The one query of an evaluation round's detail, shared by every round section's page. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RoundDetail } from '../../contracts/evaluation-rounds';
import { api } from './api-client';

/** `/rounds/<key>` (API paths prefix `/api/v1` through the api client; web paths use it as is). */
export const roundPath = (key: string) => `/rounds/${encodeURIComponent(key)}`;

export function roundQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['rounds', 'detail', key],
    queryFn: ({ signal }) => api.get<RoundDetail>(roundPath(key), undefined, signal),
  });
}

export function useRound(key: string) {
  return useQuery({ ...roundQueryOptions(key), enabled: key !== '' });
}
