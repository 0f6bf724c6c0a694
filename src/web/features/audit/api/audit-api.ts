/** The audit log (administrators): GET /audit and GET /audit/verify. */
import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditEntryResponse, AuditVerifyResponse } from '../../../../contracts/audit';
import type { Page } from '../../../../contracts/common';
import { api } from '../../../lib/api-client';

export interface AuditListParams {
  limit: number;
  offset: number;
  entityType?: string;
  entityId?: string;
  actorId?: number;
}

export function fetchAuditEntries(params: AuditListParams, signal?: AbortSignal) {
  return api.get<Page<AuditEntryResponse>>('/audit', { ...params }, signal);
}

export function auditQueryOptions(params: AuditListParams) {
  return queryOptions({
    queryKey: ['audit', 'list', params],
    queryFn: ({ signal }) => fetchAuditEntries(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAuditEntries(params: AuditListParams) {
  return useQuery(auditQueryOptions(params));
}

/** Re-computes the hash chain over the whole log on the server. */
export function verifyAuditChain() {
  return api.get<AuditVerifyResponse>('/audit/verify');
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: verifyAuditChain });
}
