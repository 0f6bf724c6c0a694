/**
 * Self-evaluation reports of a round: the status list, one cluster's report, saving the draft,
 * submitting, an officer's reopening, and the report's files (upload with progress, removal).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ReopenSelfEvaluationBody,
  SaveSelfEvaluationBody,
  SelfEvaluationAttachment,
  SelfEvaluationDetail,
  SelfEvaluationListResponse,
} from '../../../../contracts/evaluation-self-evaluations';
import { api, ApiError, apiUrl } from '../../../lib/api-client';

const listPath = (roundKey: string) => `/rounds/${encodeURIComponent(roundKey)}/self-evaluations`;
const reportPath = (roundKey: string, clusterKey: string) =>
  `${listPath(roundKey)}/${encodeURIComponent(clusterKey)}`;

export const selfEvaluationKeys = {
  list: (roundKey: string) => ['evaluation-self', 'list', roundKey] as const,
  detail: (roundKey: string, clusterKey: string) =>
    ['evaluation-self', 'detail', roundKey, clusterKey] as const,
};

export function selfEvaluationsQueryOptions(roundKey: string) {
  return queryOptions({
    queryKey: selfEvaluationKeys.list(roundKey),
    queryFn: ({ signal }) => api.get<SelfEvaluationListResponse>(listPath(roundKey), undefined, signal),
  });
}

export function useSelfEvaluations(roundKey: string) {
  return useQuery({ ...selfEvaluationsQueryOptions(roundKey), enabled: roundKey !== '' });
}

export function selfEvaluationQueryOptions(roundKey: string, clusterKey: string) {
  return queryOptions({
    queryKey: selfEvaluationKeys.detail(roundKey, clusterKey),
    queryFn: ({ signal }) =>
      api.get<SelfEvaluationDetail>(reportPath(roundKey, clusterKey), undefined, signal),
  });
}

export function useSelfEvaluation(roundKey: string, clusterKey: string) {
  return useQuery({
    ...selfEvaluationQueryOptions(roundKey, clusterKey),
    enabled: roundKey !== '' && clusterKey !== '',
  });
}

/** After a write: the answer is the new report; the list's counts changed with it. */
function useReportSettled(roundKey: string, clusterKey: string) {
  const queryClient = useQueryClient();
  return async (report: SelfEvaluationDetail) => {
    queryClient.setQueryData(selfEvaluationKeys.detail(roundKey, clusterKey), report);
    await queryClient.invalidateQueries({ queryKey: selfEvaluationKeys.list(roundKey) });
  };
}

export function useSaveSelfEvaluation(roundKey: string, clusterKey: string) {
  const settled = useReportSettled(roundKey, clusterKey);
  return useMutation({
    mutationFn: (body: SaveSelfEvaluationBody) =>
      api.put<SelfEvaluationDetail>(reportPath(roundKey, clusterKey), body),
    onSuccess: settled,
  });
}

export function useSubmitSelfEvaluation(roundKey: string, clusterKey: string) {
  const settled = useReportSettled(roundKey, clusterKey);
  return useMutation({
    mutationFn: (version: number) =>
      api.post<SelfEvaluationDetail>(`${reportPath(roundKey, clusterKey)}/submit`, { version }),
    onSuccess: settled,
  });
}

export function useReopenSelfEvaluation(roundKey: string, clusterKey: string) {
  const settled = useReportSettled(roundKey, clusterKey);
  return useMutation({
    mutationFn: (body: ReopenSelfEvaluationBody) =>
      api.post<SelfEvaluationDetail>(`${reportPath(roundKey, clusterKey)}/reopen`, body),
    onSuccess: settled,
  });
}

export const selfEvaluationAttachmentUrl = (roundKey: string, clusterKey: string, attachmentId: number) =>
  apiUrl(`${reportPath(roundKey, clusterKey)}/attachments/${attachmentId}`);

/**
 * After a file is added or removed, refetch the report and the list. The page keeps the typed
 * narratives in its own state, apart from the query, so this refetch never replaces unsaved text.
 */
function useFilesSettled(roundKey: string, clusterKey: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: selfEvaluationKeys.detail(roundKey, clusterKey) }),
      queryClient.invalidateQueries({ queryKey: selfEvaluationKeys.list(roundKey) }),
    ]);
}

export function useRemoveSelfEvaluationAttachment(roundKey: string, clusterKey: string) {
  const settled = useFilesSettled(roundKey, clusterKey);
  return useMutation({
    mutationFn: (attachmentId: number) =>
      api.delete<{ ok: true }>(`${reportPath(roundKey, clusterKey)}/attachments/${attachmentId}`),
    onSuccess: settled,
  });
}

async function csrfToken(): Promise<string | null> {
  const session = await api.get<{ csrfToken?: string }>('/auth/session');
  return session.csrfToken ?? null;
}

function problemOf(xhr: XMLHttpRequest): ApiError {
  let body: Record<string, unknown> | null;
  try {
    body = JSON.parse(xhr.responseText) as Record<string, unknown>;
  } catch {
    body = null;
  }
  const errors = Array.isArray(body?.errors) ? (body.errors as unknown[]) : [];
  return new ApiError({
    status: xhr.status,
    code: typeof body?.code === 'string' ? body.code : `HTTP_${xhr.status}`,
    title: typeof body?.title === 'string' ? body.title : xhr.statusText,
    detail: typeof body?.detail === 'string' ? body.detail : '',
    fieldErrors: errors.filter(
      (e): e is { field: string; message: string } =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as { field?: unknown }).field === 'string' &&
        typeof (e as { message?: unknown }).message === 'string',
    ),
    requestId: typeof body?.requestId === 'string' ? body.requestId : null,
  });
}

/**
 * Uploads one file (the optional `itemKey` field before `file`, as the server reads them) with
 * XMLHttpRequest, which unlike fetch reports upload progress (0–1) as it goes.
 */
export async function uploadSelfEvaluationAttachment(
  roundKey: string,
  clusterKey: string,
  itemKey: string | null,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<SelfEvaluationAttachment> {
  const token = await csrfToken();
  const form = new FormData();
  if (itemKey !== null) form.append('itemKey', itemKey);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(`${reportPath(roundKey, clusterKey)}/attachments`));
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
      if (xhr.status >= 200 && xhr.status < 300)
        resolve(JSON.parse(xhr.responseText) as SelfEvaluationAttachment);
      else reject(problemOf(xhr));
    };
    xhr.send(form);
  });
}

export function useUploadSelfEvaluationAttachment(roundKey: string, clusterKey: string) {
  const settled = useFilesSettled(roundKey, clusterKey);
  return useMutation({
    mutationFn: (input: { itemKey: string | null; file: File; onProgress: (fraction: number) => void }) =>
      uploadSelfEvaluationAttachment(roundKey, clusterKey, input.itemKey, input.file, input.onProgress),
    onSuccess: settled,
  });
}
