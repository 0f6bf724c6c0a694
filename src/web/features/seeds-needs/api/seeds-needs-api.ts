/**
 * Seeds (a cluster's technology offers) and needs (a company's technology requests): lists, one
 * listing, create, edit, review actions, the ranked suggestions of the other side, and proposing a
 * match from a suggestion. Also the pickers' sources: clusters, coordinators, outcome items.
 */
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { ClusterSummary } from '../../../../contracts/clusters';
import type { Page } from '../../../../contracts/common';
import type {
  Match,
  NeedSuggestions,
  ProposeMatchBody,
  SeedSuggestions,
} from '../../../../contracts/matches';
import type { OpenOutcomeItem, OpenPage } from '../../../../contracts/open-data';
import type { OrganizationResponse } from '../../../../contracts/organizations';
import type {
  CoordinatorList,
  CreateNeedBody,
  CreateSeedBody,
  ListingActionBody,
  Need,
  NeedPage,
  Seed,
  SeedPage,
  UpdateNeedBody,
  UpdateSeedBody,
} from '../../../../contracts/seeds-needs';
import { api } from '../../../lib/api-client';

export type ExpiredFilter = 'include' | 'only' | 'exclude';

export interface SeedListParams {
  limit: number;
  offset: number;
  q?: string;
  cluster?: string;
  keyField?: string;
  stage?: string;
  status?: string;
  expired?: ExpiredFilter;
}

export interface NeedListParams {
  limit: number;
  offset: number;
  q?: string;
  keyField?: string;
  prefectureCode?: string;
  status?: string;
  organizationId?: number;
  expired?: ExpiredFilter;
}

export function seedsQueryOptions(params: SeedListParams) {
  return queryOptions({
    queryKey: ['seeds', 'list', params],
    queryFn: ({ signal }) => api.get<SeedPage>('/seeds', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSeeds(params: SeedListParams) {
  return useQuery(seedsQueryOptions(params));
}

export function seedQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['seeds', 'detail', id],
    queryFn: ({ signal }) => api.get<Seed>(`/seeds/${id}`, undefined, signal),
  });
}

export function useSeed(id: number) {
  return useQuery({ ...seedQueryOptions(id), enabled: id > 0 });
}

export function needsQueryOptions(params: NeedListParams) {
  return queryOptions({
    queryKey: ['needs', 'list', params],
    queryFn: ({ signal }) => api.get<NeedPage>('/needs', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useNeeds(params: NeedListParams) {
  return useQuery(needsQueryOptions(params));
}

export function needQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['needs', 'detail', id],
    queryFn: ({ signal }) => api.get<Need>(`/needs/${id}`, undefined, signal),
  });
}

export function useNeed(id: number) {
  return useQuery({ ...needQueryOptions(id), enabled: id > 0 });
}

/** The needs best answered by a seed, with their explanations (coordinators and the seed's owners). */
export function matchingNeedsQueryOptions(seedId: number, limit = 10) {
  return queryOptions({
    queryKey: ['seeds', 'matching-needs', seedId, limit],
    queryFn: ({ signal }) => api.get<NeedSuggestions>(`/seeds/${seedId}/matching-needs`, { limit }, signal),
  });
}

export function useMatchingNeeds(seedId: number, enabled: boolean, limit = 10) {
  return useQuery({ ...matchingNeedsQueryOptions(seedId, limit), enabled });
}

/** The seeds best answering a need, with their explanations (coordinators and the company). */
export function matchingSeedsQueryOptions(needId: number, limit = 10) {
  return queryOptions({
    queryKey: ['needs', 'matching-seeds', needId, limit],
    queryFn: ({ signal }) => api.get<SeedSuggestions>(`/needs/${needId}/matching-seeds`, { limit }, signal),
  });
}

export function useMatchingSeeds(needId: number, enabled: boolean, limit = 10) {
  return useQuery({ ...matchingSeedsQueryOptions(needId, limit), enabled });
}

/** The programme's S&T coordinators (a seed's responsible coordinator; the board's filter). */
export const coordinatorsQueryOptions = queryOptions({
  queryKey: ['coordinators'],
  queryFn: ({ signal }) => api.get<CoordinatorList>('/coordinators', undefined, signal),
  staleTime: 5 * 60_000,
});

export function useCoordinators(enabled = true) {
  return useQuery({ ...coordinatorsQueryOptions, enabled });
}

/** Every cluster the reader may see, for the cluster filter and the seed form's cluster select. */
export const listingClustersQueryOptions = queryOptions({
  queryKey: ['seeds', 'clusters'],
  queryFn: ({ signal }) => api.get<Page<ClusterSummary>>('/clusters', { limit: 200 }, signal),
  staleTime: 10 * 60_000,
});

export function useListingClusters() {
  return useQuery(listingClustersQueryOptions);
}

/** A cluster's outcome items of accepted reports (GET /open/outcome-items), to link patents and papers. */
export function clusterOutcomeItemsQueryOptions(clusterKey: string) {
  return queryOptions({
    queryKey: ['seeds', 'outcome-items', clusterKey],
    queryFn: ({ signal }) =>
      api.get<OpenPage<OpenOutcomeItem>>(
        '/open/outcome-items',
        { cluster: clusterKey, pageSize: 500 },
        signal,
      ),
    staleTime: 5 * 60_000,
  });
}

export function useClusterOutcomeItems(clusterKey: string | null) {
  return useQuery({ ...clusterOutcomeItemsQueryOptions(clusterKey ?? ''), enabled: !!clusterKey });
}

/** The organizations a partner company posts needs for (its grants' scope), by id. */
export function useOrganizationsById(ids: readonly number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['organizations', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<OrganizationResponse>(`/organizations/${id}`, undefined, signal),
      staleTime: 10 * 60_000,
    })),
  });
}

function useSeedWritten() {
  const client = useQueryClient();
  return async (seed: Seed) => {
    client.setQueryData(seedQueryOptions(seed.id).queryKey, seed);
    await client.invalidateQueries({ queryKey: ['seeds', 'list'] });
    await client.invalidateQueries({ queryKey: ['seeds', 'matching-needs', seed.id] });
  };
}

function useNeedWritten() {
  const client = useQueryClient();
  return async (need: Need) => {
    client.setQueryData(needQueryOptions(need.id).queryKey, need);
    await client.invalidateQueries({ queryKey: ['needs', 'list'] });
    await client.invalidateQueries({ queryKey: ['needs', 'matching-seeds', need.id] });
  };
}

export function useCreateSeed() {
  const written = useSeedWritten();
  return useMutation({
    mutationFn: (body: CreateSeedBody) => api.post<Seed>('/seeds', body),
    onSuccess: written,
  });
}

export function useUpdateSeed(id: number) {
  const written = useSeedWritten();
  return useMutation({
    mutationFn: (body: UpdateSeedBody) => api.patch<Seed>(`/seeds/${id}`, body),
    onSuccess: written,
  });
}

export function useSeedAction(id: number) {
  const written = useSeedWritten();
  return useMutation({
    mutationFn: (body: ListingActionBody) => api.post<Seed>(`/seeds/${id}/actions`, body),
    onSuccess: written,
  });
}

export function useCreateNeed() {
  const written = useNeedWritten();
  return useMutation({
    mutationFn: (body: CreateNeedBody) => api.post<Need>('/needs', body),
    onSuccess: written,
  });
}

export function useUpdateNeed(id: number) {
  const written = useNeedWritten();
  return useMutation({
    mutationFn: (body: UpdateNeedBody) => api.patch<Need>(`/needs/${id}`, body),
    onSuccess: written,
  });
}

export function useNeedAction(id: number) {
  const written = useNeedWritten();
  return useMutation({
    mutationFn: (body: ListingActionBody) => api.post<Need>(`/needs/${id}/actions`, body),
    onSuccess: written,
  });
}

/** A coordinator proposes a seed × need match from a suggestion; the suggestion then links to it. */
export function useProposeMatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposeMatchBody) => api.post<Match>('/matches', body),
    onSuccess: async (match) => {
      await client.invalidateQueries({ queryKey: ['seeds', 'matching-needs', match.seed.id] });
      await client.invalidateQueries({ queryKey: ['needs', 'matching-seeds', match.need.id] });
      await client.invalidateQueries({ queryKey: ['matches'] });
    },
  });
}
