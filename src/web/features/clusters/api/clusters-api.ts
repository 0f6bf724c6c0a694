/** Clusters: list, profile, outcomes, and the writes of the edit page (profile, members, staff). */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddMemberBody,
  AddStaffBody,
  ClusterDetail,
  ClusterMemberResponse,
  ClusterStaffResponse,
  ClusterSummary,
  CreateClusterBody,
  UpdateClusterBody,
  UpdateMemberBody,
  UpdateStaffBody,
} from '../../../../contracts/clusters';
import type { Page } from '../../../../contracts/common';
import type { ClusterOutcomesResponse } from '../../../../contracts/outcomes';
import { api } from '../../../lib/api-client';

export interface ClusterListParams {
  limit: number;
  offset: number;
  keyField?: string;
  startFy?: number;
  status?: string;
  q?: string;
}

export function fetchClusters(
  params: ClusterListParams,
  signal?: AbortSignal,
): Promise<Page<ClusterSummary>> {
  return api.get<Page<ClusterSummary>>('/clusters', { ...params }, signal);
}

export function clustersQueryOptions(params: ClusterListParams) {
  return queryOptions({
    queryKey: ['clusters', 'list', params],
    queryFn: ({ signal }) => fetchClusters(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClusters(params: ClusterListParams) {
  return useQuery(clustersQueryOptions(params));
}

const clusterPath = (key: string) => `/clusters/${encodeURIComponent(key)}`;

export function fetchCluster(key: string, signal?: AbortSignal): Promise<ClusterDetail> {
  return api.get<ClusterDetail>(clusterPath(key), undefined, signal);
}

export function clusterQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['clusters', 'detail', key],
    queryFn: ({ signal }) => fetchCluster(key, signal),
  });
}

export function useCluster(key: string) {
  return useQuery(clusterQueryOptions(key));
}

export function fetchClusterOutcomes(key: string, signal?: AbortSignal): Promise<ClusterOutcomesResponse> {
  return api.get<ClusterOutcomesResponse>(`${clusterPath(key)}/outcomes`, undefined, signal);
}

export function clusterOutcomesQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['clusters', 'outcomes', key],
    queryFn: ({ signal }) => fetchClusterOutcomes(key, signal),
  });
}

export function useClusterOutcomes(key: string) {
  return useQuery(clusterOutcomesQueryOptions(key));
}

export function updateCluster(key: string, body: UpdateClusterBody): Promise<ClusterDetail> {
  return api.patch<ClusterDetail>(clusterPath(key), body);
}

export function createCluster(body: CreateClusterBody): Promise<ClusterDetail> {
  return api.post<ClusterDetail>('/clusters', body);
}

/** After any write: the lists, the programme's counts and this cluster's profile are stale. */
function useInvalidateCluster() {
  const queryClient = useQueryClient();
  return async (key: string) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['clusters', 'detail', key] }),
      queryClient.invalidateQueries({ queryKey: ['clusters', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['programme'] }),
      queryClient.invalidateQueries({ queryKey: ['outcome-table'] }),
    ]);
  };
}

export function useUpdateCluster(key: string) {
  const invalidate = useInvalidateCluster();
  return useMutation({
    mutationFn: (body: UpdateClusterBody) => updateCluster(key, body),
    onSuccess: () => invalidate(key),
  });
}

export function useCreateCluster() {
  const invalidate = useInvalidateCluster();
  return useMutation({
    mutationFn: createCluster,
    onSuccess: (cluster) => invalidate(cluster.key),
  });
}

export function addMember(key: string, body: AddMemberBody): Promise<ClusterMemberResponse> {
  return api.post<ClusterMemberResponse>(`${clusterPath(key)}/members`, body);
}
export function updateMember(
  key: string,
  id: number,
  body: UpdateMemberBody,
): Promise<ClusterMemberResponse> {
  return api.patch<ClusterMemberResponse>(`${clusterPath(key)}/members/${id}`, body);
}
export function withdrawMember(key: string, id: number, version: number): Promise<ClusterMemberResponse> {
  return api.post<ClusterMemberResponse>(`${clusterPath(key)}/members/${id}/withdraw`, { version });
}
export function addStaff(key: string, body: AddStaffBody): Promise<ClusterStaffResponse> {
  return api.post<ClusterStaffResponse>(`${clusterPath(key)}/staff`, body);
}
export function updateStaff(key: string, id: number, body: UpdateStaffBody): Promise<ClusterStaffResponse> {
  return api.patch<ClusterStaffResponse>(`${clusterPath(key)}/staff/${id}`, body);
}
export function withdrawStaff(key: string, id: number, version: number): Promise<ClusterStaffResponse> {
  return api.post<ClusterStaffResponse>(`${clusterPath(key)}/staff/${id}/withdraw`, { version });
}

export function useMemberMutations(key: string) {
  const invalidate = useInvalidateCluster();
  const onSuccess = () => invalidate(key);
  return {
    add: useMutation({ mutationFn: (body: AddMemberBody) => addMember(key, body), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: UpdateMemberBody }) => updateMember(key, id, body),
      onSuccess,
    }),
    withdraw: useMutation({
      mutationFn: ({ id, version }: { id: number; version: number }) => withdrawMember(key, id, version),
      onSuccess,
    }),
  };
}

export function useStaffMutations(key: string) {
  const invalidate = useInvalidateCluster();
  const onSuccess = () => invalidate(key);
  return {
    add: useMutation({ mutationFn: (body: AddStaffBody) => addStaff(key, body), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: UpdateStaffBody }) => updateStaff(key, id, body),
      onSuccess,
    }),
    withdraw: useMutation({
      mutationFn: ({ id, version }: { id: number; version: number }) => withdrawStaff(key, id, version),
      onSuccess,
    }),
  };
}
