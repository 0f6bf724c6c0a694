/** Calls for proposals for officers: list, detail, create, status moves, the call's proposals and reopening. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CriteriaTemplateResponse } from '../../../../contracts/criteria';
import type {
  CallDetail,
  CallListResponse,
  CallTransitionBody,
  CreateCallBody,
} from '../../../../contracts/selection-calls';
import type { ProposalDetail, ProposalListResponse } from '../../../../contracts/selection-proposals';
import { api } from '../../../lib/api-client';

const callPath = (key: string) => `/calls/${encodeURIComponent(key)}`;

export function useCalls() {
  return useQuery({
    queryKey: ['calls', 'list'],
    queryFn: ({ signal }) => api.get<CallListResponse>('/calls', undefined, signal),
  });
}

export function callQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['calls', 'detail', key],
    queryFn: ({ signal }) => api.get<CallDetail>(callPath(key), undefined, signal),
  });
}

export function useCall(key: string) {
  return useQuery({ ...callQueryOptions(key), enabled: key !== '' });
}

/** The criteria template a new call copies (the 2001 selection criteria by default). */
export function useCriteriaTemplate(key = 'selection-2001') {
  return useQuery({
    queryKey: ['criteria-templates', key],
    queryFn: ({ signal }) =>
      api.get<CriteriaTemplateResponse>(`/criteria-templates/${encodeURIComponent(key)}`, undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export function useCreateCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCallBody) => api.post<CallDetail>('/calls', body),
    onSuccess: async (call) => {
      queryClient.setQueryData(['calls', 'detail', call.key], call);
      await queryClient.invalidateQueries({ queryKey: ['calls', 'list'] });
    },
  });
}

export function useTransitionCall(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CallTransitionBody) => api.post<CallDetail>(`${callPath(key)}/status`, body),
    onSuccess: async (call) => {
      queryClient.setQueryData(['calls', 'detail', key], call);
      await queryClient.invalidateQueries({ queryKey: ['calls', 'list'] });
    },
  });
}

export function useCallProposals(key: string) {
  return useQuery({
    queryKey: ['calls', 'proposals', key],
    queryFn: ({ signal }) => api.get<ProposalListResponse>(`${callPath(key)}/proposals`, undefined, signal),
  });
}

export function useReopenProposal(callKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: number; version: number; reason: string }) =>
      api.post<ProposalDetail>(`/proposals/${id}/reopen`, { version, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['calls', 'proposals', callKey] });
    },
  });
}

/** Where an officer downloads one attachment. */
export const attachmentUrl = (proposalId: number, attachmentId: number) =>
  `/api/v1/proposals/${proposalId}/attachments/${attachmentId}`;
