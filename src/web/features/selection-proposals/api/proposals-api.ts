/** The proposer's proposals: list, open calls, one proposal, edits, submit/withdraw, attachments with progress. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallListResponse } from '../../../../contracts/selection-calls';
import type {
  CreateProposalBody,
  ProposalAttachment,
  ProposalDetail,
  ProposalListResponse,
  UpdateProposalBody,
} from '../../../../contracts/selection-proposals';
import { api, ApiError, apiUrl } from '../../../lib/api-client';

export function useMyProposals() {
  return useQuery({
    queryKey: ['proposals', 'mine'],
    queryFn: ({ signal }) => api.get<ProposalListResponse>('/proposals', undefined, signal),
  });
}

/** Calls open for proposals now. */
export function useOpenCalls() {
  return useQuery({
    queryKey: ['calls', 'list', 'open'],
    queryFn: ({ signal }) => api.get<CallListResponse>('/calls', { status: 'open' }, signal),
  });
}

export function useProposal(id: number) {
  return useQuery({
    queryKey: ['proposals', 'detail', id],
    queryFn: ({ signal }) => api.get<ProposalDetail>(`/proposals/${id}`, undefined, signal),
    enabled: id > 0,
  });
}

function useProposalSettled() {
  const queryClient = useQueryClient();
  return async (p: ProposalDetail) => {
    queryClient.setQueryData(['proposals', 'detail', p.id], p);
    await queryClient.invalidateQueries({ queryKey: ['proposals', 'mine'] });
  };
}

export function useCreateProposal() {
  const settled = useProposalSettled();
  return useMutation({
    mutationFn: ({ callKey, body }: { callKey: string; body: CreateProposalBody }) =>
      api.post<ProposalDetail>(`/calls/${encodeURIComponent(callKey)}/proposals`, body),
    onSuccess: settled,
  });
}

export function useUpdateProposal(id: number) {
  const settled = useProposalSettled();
  return useMutation({
    mutationFn: (body: UpdateProposalBody) => api.patch<ProposalDetail>(`/proposals/${id}`, body),
    onSuccess: settled,
  });
}

export function useProposalAction(id: number, action: 'submit' | 'withdraw') {
  const settled = useProposalSettled();
  return useMutation({
    mutationFn: (version: number) => api.post<ProposalDetail>(`/proposals/${id}/${action}`, { version }),
    onSuccess: settled,
  });
}

export function useRemoveAttachment(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) =>
      api.delete<{ ok: true }>(`/proposals/${id}/attachments/${attachmentId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['proposals'] }),
  });
}

export const attachmentUrl = (proposalId: number, attachmentId: number) =>
  apiUrl(`/proposals/${proposalId}/attachments/${attachmentId}`);

async function csrfToken(): Promise<string | null> {
  const session = await api.get<{ csrfToken?: string }>('/auth/session');
  return session.csrfToken ?? null;
}

/**
 * Uploads one file (documentKey before file, as the server asks) with XMLHttpRequest, which unlike
 * fetch reports upload progress (0–1) as it goes.
 */
export async function uploadAttachment(
  proposalId: number,
  documentKey: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ProposalAttachment> {
  const token = await csrfToken();
  const form = new FormData();
  form.append('documentKey', documentKey);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(`/proposals/${proposalId}/attachments`));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError({ status: 0, code: 'NETWORK_ERROR', title: 'Network error', detail: 'upload failed' }),
      );
    xhr.onload = () => {
      let body: Record<string, unknown> | null;
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as unknown as ProposalAttachment);
      else
        reject(
          new ApiError({
            status: xhr.status,
            code: typeof body?.code === 'string' ? body.code : `HTTP_${xhr.status}`,
            title: typeof body?.title === 'string' ? body.title : xhr.statusText,
            detail: typeof body?.detail === 'string' ? body.detail : '',
            fieldErrors: Array.isArray(body?.errors)
              ? (body.errors as { field: string; message: string }[])
              : [],
            requestId: typeof body?.requestId === 'string' ? body.requestId : null,
          }),
        );
    };
    xhr.send(form);
  });
}

export function useUploadAttachment(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { documentKey: string; file: File; onProgress: (f: number) => void }) =>
      uploadAttachment(id, input.documentKey, input.file, input.onProgress),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['proposals'] }),
  });
}
