/** Programme-wide vocabulary and facts every page labels things with (GET /reference, GET /programme). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProgrammeResponse, ReferenceResponse } from '../../contracts/reference';
import { api } from './api-client';

export const referenceQueryOptions = queryOptions({
  queryKey: ['reference'],
  queryFn: ({ signal }) => api.get<ReferenceResponse>('/reference', undefined, signal),
  staleTime: 60 * 60_000,
});

export function useReference() {
  return useQuery(referenceQueryOptions);
}

export const programmeQueryOptions = queryOptions({
  queryKey: ['programme'],
  queryFn: ({ signal }) => api.get<ProgrammeResponse>('/programme', undefined, signal),
  staleTime: 10 * 60_000,
});

export function useProgrammeFacts() {
  return useQuery(programmeQueryOptions);
}

/** The programme's yen-per-dollar rate, once known (the seed's ¥110 = $1 comes from the API). */
export function useYenPerUsd(): number | null {
  return useQuery(programmeQueryOptions).data?.yenPerUsd ?? null;
}
