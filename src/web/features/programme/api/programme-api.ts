/** The programme overview's data: GET /programme, GET /clusters (for the start-year × field breakdown), GET /criteria-templates. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClusterSummary } from '../../../../contracts/clusters';
import type { Page } from '../../../../contracts/common';
import type { CriteriaTemplateResponse } from '../../../../contracts/criteria';
import { api } from '../../../lib/api-client';
import { programmeQueryOptions } from '../../../lib/reference';

export { programmeQueryOptions };

export function useProgramme() {
  return useQuery(programmeQueryOptions);
}

/** Every published cluster (the programme has a few dozen at most; the API allows 200 a page). */
export function fetchClusterMix(signal?: AbortSignal): Promise<Page<ClusterSummary>> {
  return api.get<Page<ClusterSummary>>('/clusters', { limit: 200, offset: 0 }, signal);
}

export const clusterMixQueryOptions = queryOptions({
  queryKey: ['clusters', 'list', { limit: 200, offset: 0 }],
  queryFn: ({ signal }) => fetchClusterMix(signal),
});

export function useClusterMix() {
  return useQuery(clusterMixQueryOptions);
}

export function fetchCriteriaTemplates(signal?: AbortSignal): Promise<{ items: CriteriaTemplateResponse[] }> {
  return api.get<{ items: CriteriaTemplateResponse[] }>('/criteria-templates', undefined, signal);
}

export const criteriaTemplatesQueryOptions = queryOptions({
  queryKey: ['criteria-templates'],
  queryFn: ({ signal }) => fetchCriteriaTemplates(signal),
  staleTime: 60 * 60_000,
});

export function useCriteriaTemplates() {
  return useQuery(criteriaTemplatesQueryOptions);
}
