/** Import jobs: upload (multipart), the job polled while it runs, commit and cancel, the list, templates. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportJobDetail } from '../../../../contracts/imports';
import type { Page } from '../../../../contracts/common';
import type { ImportKind } from '../../../../domain/import/kinds';
import { api, ApiError, apiUrl } from '../../../lib/api-client';

/** Statuses after which a job no longer changes by itself. */
export const FINAL_STATUSES: readonly ImportJob['status'][] = [
  'validated',
  'invalid',
  'committed',
  'failed',
  'cancelled',
];

export function isRunning(job: Pick<ImportJob, 'status'>): boolean {
  return !FINAL_STATUSES.includes(job.status);
}

/** How often a running job is asked for its progress. */
const POLL_MS = 700;

export function importJobQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api.get<ImportJobDetail>(`/imports/${id}`, { problemsLimit: 1000 }, signal),
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data) ? false : POLL_MS),
  });
}

export function useImportJob(id: number) {
  return useQuery(importJobQueryOptions(id));
}

export function useImportJobs(offset: number, limit = 20) {
  return useQuery({
    queryKey: ['imports', 'list', offset, limit],
    queryFn: ({ signal }) => api.get<Page<ImportJob>>('/imports', { offset, limit }, signal),
    refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? POLL_MS * 2 : false),
  });
}

async function csrfToken(): Promise<string | null> {
  const session = await api.get<{ csrfToken?: string }>('/auth/session');
  return session.csrfToken ?? null;
}

/** Sends the file as multipart/form-data, `kind` before `file` as the server asks. */
export async function uploadImportFile(kind: ImportKind, file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  const token = await csrfToken();
  let response: Response;
  try {
    response = await fetch(apiUrl('/imports'), {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    });
  } catch (error) {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', title: 'Network error', detail: String(error) });
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      code: typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`,
      title: typeof body?.title === 'string' ? body.title : response.statusText,
      detail: typeof body?.detail === 'string' ? body.detail : '',
      fieldErrors: Array.isArray(body?.errors) ? (body.errors as { field: string; message: string }[]) : [],
      requestId: typeof body?.requestId === 'string' ? body.requestId : null,
    });
  }
  return body as unknown as ImportJob;
}

export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => uploadImportFile(kind, file),
    onSuccess: () => client.invalidateQueries({ queryKey: ['imports', 'list'] }),
  });
}

export function useCommitImport(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<ImportJob>(`/imports/${id}/commit`, { version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['imports'] }),
  });
}

export function useCancelImport(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ImportJob>(`/imports/${id}/cancel`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['imports'] }),
  });
}

export function templateUrl(kind: ImportKind): string {
  return apiUrl(`/imports/templates/${kind}`);
}
