/** The open data endpoints as the portal page shows them: example links and a live preview. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { OpenPage } from '../../../../contracts/open-data';
import { api, apiUrl } from '../../../lib/api-client';

export const OPEN_DATASETS = ['clusters', 'organizations', 'outcomes', 'outcome-items', 'budgets'] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];

/** Example queries that return something with the bundled reference data. */
export const EXAMPLE_QUERIES: Record<OpenDataset, Record<string, string | number>> = {
  clusters: { fy: 2004 },
  organizations: { pageSize: 20 },
  outcomes: { cluster: 'kyoto', fy: 2004 },
  'outcome-items': { kind: 'paper' },
  budgets: { fy: 2004 },
};

export function openDataUrl(
  dataset: OpenDataset,
  query: Record<string, string | number | undefined> = {},
): string {
  return apiUrl(`/open/${dataset}`, query);
}

export const PREVIEW_SIZE = 5;

export function openPreviewQueryOptions(dataset: OpenDataset, cluster: string | null) {
  const query = { pageSize: PREVIEW_SIZE, cluster: cluster ?? undefined };
  return queryOptions({
    queryKey: ['open-data', dataset, query],
    queryFn: ({ signal }) => api.get<OpenPage<Record<string, unknown>>>(`/open/${dataset}`, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOpenPreview(dataset: OpenDataset, cluster: string | null) {
  return useQuery(openPreviewQueryOptions(dataset, cluster));
}

/** Every published cluster's key and names, for the preview's cluster filter. */
export function usePublishedClusterOptions() {
  return useQuery(
    queryOptions({
      queryKey: ['open-data', 'clusters', 'options'],
      queryFn: ({ signal }) =>
        api.get<OpenPage<{ key: string; name: { ja: string; en: string } }>>(
          '/open/clusters',
          { pageSize: 500 },
          signal,
        ),
      staleTime: 5 * 60_000,
    }),
  );
}
