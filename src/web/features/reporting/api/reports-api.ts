/** Yearly outcome reports: the workspace lists, one report with its items and workflow, deadlines. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClusterSummary } from '../../../../contracts/clusters';
import type { Page } from '../../../../contracts/common';
import type {
  DeadlineListResponse,
  MyReportingResponse,
  OutcomeItemInput,
  OutcomeReport,
  ReportingStatusResponse,
  ReportListResponse,
  ReportStatus,
  ReportSummary,
  UpdateReportBody,
} from '../../../../contracts/reports';
import { api, apiUrl } from '../../../lib/api-client';

export type ReportList = z.infer<typeof ReportListResponse>;
export type ReportingStatus = z.infer<typeof ReportingStatusResponse>;
export type ReportingStatusRow = ReportingStatus['clusters'][number];
export type DeadlineList = z.infer<typeof DeadlineListResponse>;
export type Deadline = DeadlineList['items'][number];
export type MyReporting = z.infer<typeof MyReportingResponse>;
export type MyReportingItem = MyReporting['items'][number];
export type UpdateReportInput = z.input<typeof UpdateReportBody>;

export interface ReportListParams {
  limit: number;
  offset: number;
  cluster?: string;
  fy?: number;
  status?: ReportStatus;
}

const reportPath = (id: number) => `/reports/${id}`;

export function reportsQueryOptions(params: ReportListParams) {
  return queryOptions({
    queryKey: ['reports', 'list', params],
    queryFn: ({ signal }) => api.get<ReportList>('/reports', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReports(params: ReportListParams) {
  return useQuery(reportsQueryOptions(params));
}

export function reportQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['reports', 'detail', id],
    queryFn: ({ signal }) => api.get<OutcomeReport>(reportPath(id), undefined, signal),
  });
}

export function useReport(id: number) {
  return useQuery({ ...reportQueryOptions(id), enabled: id > 0 });
}

export function useReportVersions(id: number) {
  return useQuery({
    queryKey: ['reports', 'versions', id],
    queryFn: ({ signal }) => api.get<ReportSummary[]>(`${reportPath(id)}/versions`, undefined, signal),
  });
}

/** The status of a fiscal year as files: CSV (UTF-8 or Shift_JIS for older Excel), XLSX, JSON. */
export function reportingStatusDownloadUrls(fy: number, locale: 'ja' | 'en') {
  return {
    csvUtf8: apiUrl('/reporting-status', { fy, format: 'csv', lang: locale }),
    csvSjis: apiUrl('/reporting-status', { fy, format: 'csv', encoding: 'shift_jis', lang: 'ja' }),
    xlsx: apiUrl('/reporting-status', { fy, format: 'xlsx', lang: locale }),
    json: apiUrl('/reporting-status', { fy }),
  };
}

export function useReportingStatus(fy: number, enabled = true) {
  return useQuery({
    queryKey: ['reports', 'status', fy],
    queryFn: ({ signal }) => api.get<ReportingStatus>('/reporting-status', { fy }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDeadlines(enabled = true) {
  return useQuery({
    queryKey: ['reports', 'deadlines'],
    queryFn: ({ signal }) => api.get<DeadlineList>('/report-deadlines', undefined, signal),
    enabled,
  });
}

export function useMyReporting(enabled = true) {
  return useQuery({
    queryKey: ['reports', 'me'],
    queryFn: ({ signal }) => api.get<MyReporting>('/me/reporting', undefined, signal),
    enabled,
  });
}

/** Every cluster an officer may pick in the filters (the API caps a page at 200, more than the programme has). */
export function useClusterChoices(enabled = true) {
  return useQuery({
    queryKey: ['clusters', 'list', { limit: 200, offset: 0 }],
    queryFn: ({ signal }) => api.get<Page<ClusterSummary>>('/clusters', { limit: 200, offset: 0 }, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/**
 * After a write: the report itself takes the server's answer at once; lists, the status overview, the
 * home card and — once accepted — the published outcome figures are refetched.
 */
function useReportWriteSettled() {
  const queryClient = useQueryClient();
  return async (report: OutcomeReport) => {
    queryClient.setQueryData(['reports', 'detail', report.id], report);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['reports', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['reports', 'status'] }),
      queryClient.invalidateQueries({ queryKey: ['reports', 'me'] }),
      queryClient.invalidateQueries({ queryKey: ['reports', 'versions'] }),
      queryClient.invalidateQueries({ queryKey: ['outcome-table'] }),
      queryClient.invalidateQueries({ queryKey: ['clusters', 'outcomes'] }),
    ]);
  };
}

export function useCreateReport() {
  const settled = useReportWriteSettled();
  return useMutation({
    mutationFn: (body: { cluster: string; fiscalYear: number }) => api.post<OutcomeReport>('/reports', body),
    onSuccess: settled,
  });
}

export function useUpdateReport(id: number) {
  const settled = useReportWriteSettled();
  return useMutation({
    mutationFn: (body: UpdateReportInput) => api.patch<OutcomeReport>(reportPath(id), body),
    onSuccess: settled,
  });
}

export type ItemBodyInput = z.input<typeof OutcomeItemInput>;

export function useItemMutations(reportId: number) {
  const settled = useReportWriteSettled();
  return {
    add: useMutation({
      mutationFn: (body: ItemBodyInput) => api.post<OutcomeReport>(`${reportPath(reportId)}/items`, body),
      onSuccess: settled,
    }),
    update: useMutation({
      mutationFn: ({ itemId, body }: { itemId: number; body: ItemBodyInput & { version: number } }) =>
        api.patch<OutcomeReport>(`${reportPath(reportId)}/items/${itemId}`, body),
      onSuccess: settled,
    }),
    remove: useMutation({
      mutationFn: ({ itemId, version }: { itemId: number; version: number }) =>
        api.delete<OutcomeReport>(`${reportPath(reportId)}/items/${itemId}?version=${version}`),
      onSuccess: settled,
    }),
  };
}

export function useWorkflowMutations(reportId: number) {
  const settled = useReportWriteSettled();
  const queryClient = useQueryClient();
  const path = reportPath(reportId);
  return {
    submit: useMutation({
      mutationFn: (version: number) => api.post<OutcomeReport>(`${path}/submit`, { version }),
      onSuccess: settled,
      // A refused submission (422) means the checks found something: show the report's current issues.
      onError: () => queryClient.invalidateQueries({ queryKey: ['reports', 'detail', reportId] }),
    }),
    accept: useMutation({
      mutationFn: (body: { version: number; comment?: string | null }) =>
        api.post<OutcomeReport>(`${path}/accept`, body),
      onSuccess: settled,
    }),
    returnToHeadquarters: useMutation({
      mutationFn: (body: { version: number; comment: string }) =>
        api.post<OutcomeReport>(`${path}/return`, body),
      onSuccess: settled,
    }),
    correct: useMutation({
      mutationFn: (body: { version: number; reason: string }) =>
        api.post<OutcomeReport>(`${path}/correct`, body),
      onSuccess: settled,
    }),
  };
}

export function usePutDeadline() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      fy,
      body,
    }: {
      fy: number;
      body: { dueOn: string; note: string | null; version?: number };
    }) => api.put<Deadline>(`/report-deadlines/${fy}`, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['reports', 'deadlines'] }),
        queryClient.invalidateQueries({ queryKey: ['reports', 'status'] }),
        queryClient.invalidateQueries({ queryKey: ['reports', 'me'] }),
      ]);
    },
  });
}
