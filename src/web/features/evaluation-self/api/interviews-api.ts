/** Interviews of a round: the list the reader may see, and the officer's schedule, edits and deletion. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateInterviewBody,
  Interview,
  InterviewListResponse,
  UpdateInterviewBody,
} from '../../../../contracts/evaluation-interviews';
import { api } from '../../../lib/api-client';

const interviewsPath = (roundKey: string) => `/rounds/${encodeURIComponent(roundKey)}/interviews`;

export const interviewKeys = {
  list: (roundKey: string) => ['evaluation-interviews', 'list', roundKey] as const,
};

export function interviewsQueryOptions(roundKey: string) {
  return queryOptions({
    queryKey: interviewKeys.list(roundKey),
    queryFn: ({ signal }) => api.get<InterviewListResponse>(interviewsPath(roundKey), undefined, signal),
  });
}

export function useInterviews(roundKey: string) {
  return useQuery({ ...interviewsQueryOptions(roundKey), enabled: roundKey !== '' });
}

function useInterviewsSettled(roundKey: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: interviewKeys.list(roundKey) });
}

export function useCreateInterview(roundKey: string) {
  const settled = useInterviewsSettled(roundKey);
  return useMutation({
    mutationFn: (body: CreateInterviewBody) => api.post<Interview>(interviewsPath(roundKey), body),
    onSuccess: settled,
  });
}

export function useUpdateInterview(roundKey: string) {
  const settled = useInterviewsSettled(roundKey);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateInterviewBody }) =>
      api.patch<Interview>(`${interviewsPath(roundKey)}/${id}`, body),
    onSuccess: settled,
  });
}

export function useDeleteInterview(roundKey: string) {
  const settled = useInterviewsSettled(roundKey);
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.delete<{ ok: true }>(`${interviewsPath(roundKey)}/${id}?version=${version}`),
    onSuccess: settled,
  });
}
