/** The review step: the officer's pool, assignments, conflicts and consensus; the reviewer's work. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignmentsResponse,
  AutoAssignBody,
  AutoAssignResponse,
  CallReviewersResponse,
  ConflictItem,
  ConflictRulingBody,
  ConflictsResponse,
  ConsensusListResponse,
  ConsensusProposalResponse,
  DeclareBody,
  DeclareResponse,
  DetectConflictsResponse,
  MyAssignmentsResponse,
  MyReviewResponse,
  RemindersResponse,
  ReviewerCandidatesResponse,
  ReviewerProfile,
  ReviewerProfileBody,
  ReviewDraftBody,
  ReviewProposalResponse,
} from '../../../../contracts/selection-reviews';
import { api } from '../../../lib/api-client';

const callPath = (key: string) => `/calls/${encodeURIComponent(key)}`;
const mine = (id: number) => `/reviews/assignments/${id}`;

export const reviewKeys = {
  call: (key: string) => ['selection-review', 'call', key] as const,
  mine: ['selection-review', 'mine'] as const,
};

export function useCallReviewers(key: string) {
  return useQuery(
    queryOptions({
      queryKey: [...reviewKeys.call(key), 'reviewers'],
      queryFn: ({ signal }) =>
        api.get<CallReviewersResponse>(`${callPath(key)}/reviewers`, undefined, signal),
    }),
  );
}

export function useReviewerCandidates(key: string) {
  return useQuery({
    queryKey: [...reviewKeys.call(key), 'candidates'],
    queryFn: ({ signal }) =>
      api.get<ReviewerCandidatesResponse>(`${callPath(key)}/reviewers/candidates`, undefined, signal),
  });
}

export function useAssignments(key: string) {
  return useQuery({
    queryKey: [...reviewKeys.call(key), 'assignments'],
    queryFn: ({ signal }) => api.get<AssignmentsResponse>(`${callPath(key)}/assignments`, undefined, signal),
  });
}

export function useConflicts(key: string) {
  return useQuery({
    queryKey: [...reviewKeys.call(key), 'conflicts'],
    queryFn: ({ signal }) => api.get<ConflictsResponse>(`${callPath(key)}/conflicts`, undefined, signal),
  });
}

export function useConsensusList(key: string) {
  return useQuery({
    queryKey: [...reviewKeys.call(key), 'consensus'],
    queryFn: ({ signal }) => api.get<ConsensusListResponse>(`${callPath(key)}/consensus`, undefined, signal),
  });
}

export function useConsensus(key: string, proposalId: number | null) {
  return useQuery({
    queryKey: [...reviewKeys.call(key), 'consensus', proposalId],
    enabled: proposalId !== null,
    queryFn: ({ signal }) =>
      api.get<ConsensusProposalResponse>(`${callPath(key)}/consensus/${proposalId}`, undefined, signal),
  });
}

/** Any officer write of the review step may change every view of the call's review. */
function useCallMutation<TVars, TResult>(key: string, fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKeys.call(key) }),
  });
}

export const useAddReviewer = (key: string) =>
  useCallMutation(key, (body: { accountId: number; maxLoad: number | null }) =>
    api.post<CallReviewersResponse>(`${callPath(key)}/reviewers`, body),
  );
export const useRemoveReviewer = (key: string) =>
  useCallMutation(key, (accountId: number) => api.delete(`${callPath(key)}/reviewers/${accountId}`));
export const useAssign = (key: string) =>
  useCallMutation(key, (body: { proposalId: number; reviewerAccountId: number }) =>
    api.post<AssignmentsResponse>(`${callPath(key)}/assignments`, body),
  );
export const useUnassign = (key: string) =>
  useCallMutation(key, (id: number) => api.delete<AssignmentsResponse>(`${callPath(key)}/assignments/${id}`));
export const useAutoAssign = (key: string) =>
  useCallMutation(key, (body: AutoAssignBody) =>
    api.post<AutoAssignResponse>(`${callPath(key)}/assignments/auto`, body),
  );
export const useReveal = (key: string) =>
  useCallMutation(key, () => api.post<{ reviewsRevealedAt: string }>(`${callPath(key)}/reveal`));
export const useDetectConflicts = (key: string) =>
  useCallMutation(key, () => api.post<DetectConflictsResponse>(`${callPath(key)}/conflicts/detect`));
export const useRuleConflict = (key: string) =>
  useCallMutation(key, ({ id, body }: { id: number; body: ConflictRulingBody }) =>
    api.post<ConflictItem>(`${callPath(key)}/conflicts/${id}/ruling`, body),
  );
export const useSetConsensus = (key: string, proposalId: number) =>
  useCallMutation(
    key,
    ({ criterion, score, comment }: { criterion: string; score: number; comment: string | null }) =>
      api.put<ConsensusProposalResponse>(
        `${callPath(key)}/consensus/${proposalId}/${encodeURIComponent(criterion)}`,
        { score, comment },
      ),
  );
export const useClearConsensus = (key: string, proposalId: number) =>
  useCallMutation(key, (criterion: string) =>
    api.delete<ConsensusProposalResponse>(
      `${callPath(key)}/consensus/${proposalId}/${encodeURIComponent(criterion)}`,
    ),
  );

// ---------------------------------------------------------------------------------------------
// The reviewer's side

export function useMyAssignments() {
  return useQuery({
    queryKey: [...reviewKeys.mine, 'list'],
    queryFn: ({ signal }) => api.get<MyAssignmentsResponse>('/reviews/assignments', undefined, signal),
  });
}

export function useReminders() {
  return useQuery({
    queryKey: [...reviewKeys.mine, 'reminders'],
    queryFn: ({ signal }) => api.get<RemindersResponse>('/reviews/reminders', undefined, signal),
  });
}

export function useReviewProposal(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...reviewKeys.mine, id, 'proposal'],
    enabled,
    queryFn: ({ signal }) => api.get<ReviewProposalResponse>(`${mine(id)}/proposal`, undefined, signal),
  });
}

export function useMyReview(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...reviewKeys.mine, id, 'review'],
    enabled,
    queryFn: ({ signal }) => api.get<MyReviewResponse>(`${mine(id)}/review`, undefined, signal),
  });
}

export function attachmentUrl(id: number, attachmentId: number): string {
  return `/api/v1${mine(id)}/attachments/${attachmentId}`;
}

function useMineMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKeys.mine }),
  });
}

export const useDeclare = (id: number) =>
  useMineMutation((body: DeclareBody) => api.post<DeclareResponse>(`${mine(id)}/declare`, body));
export const useSaveDraft = (id: number) =>
  useMineMutation((body: ReviewDraftBody) => api.put<MyReviewResponse>(`${mine(id)}/review`, body));
export const useSubmitReview = (id: number) =>
  useMineMutation((body: ReviewDraftBody) => api.post<MyReviewResponse>(`${mine(id)}/submit`, body));

export function useReviewerProfile(accountId: number | null) {
  return useQuery({
    queryKey: ['selection-review', 'profile', accountId],
    enabled: accountId !== null,
    queryFn: ({ signal }) => api.get<ReviewerProfile>(`/reviewers/${accountId}/profile`, undefined, signal),
  });
}

export function useSaveProfile(accountId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewerProfileBody) =>
      api.put<ReviewerProfile>(`/reviewers/${accountId}/profile`, body),
    onSuccess: (profile) => client.setQueryData(['selection-review', 'profile', accountId], profile),
  });
}
