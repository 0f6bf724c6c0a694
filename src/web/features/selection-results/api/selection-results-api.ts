/** The results of calls: the officers' ranked list and its decisions, the public selection and the proposer's result. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplySuggestedBody,
  ApplySuggestedResponse,
  ClusterCreationResponse,
  DecisionBody,
  DecisionResponse,
  PublicationResponse,
} from '../../../../contracts/selection-decisions';
import type {
  CallResults,
  ProposalResult,
  PublicCallSelection,
  PublicSelectionList,
} from '../../../../contracts/selection-results';
import { api } from '../../../lib/api-client';

const callPath = (key: string) => `/calls/${encodeURIComponent(key)}`;

export function callResultsQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['selection-results', 'call', key],
    queryFn: ({ signal }) => api.get<CallResults>(`${callPath(key)}/results`, undefined, signal),
  });
}

export function useCallResults(key: string) {
  return useQuery(callResultsQueryOptions(key));
}

/** Every write of the decision step changes the ranked list's decisions and the public views. */
function useInvalidateResults(key: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['selection-results', 'call', key] }),
      client.invalidateQueries({ queryKey: ['selection-results', 'public'] }),
    ]);
}

export function useDecide(key: string) {
  const invalidate = useInvalidateResults(key);
  return useMutation({
    mutationFn: ({ proposalId, body }: { proposalId: number; body: DecisionBody }) =>
      api.put<DecisionResponse>(`${callPath(key)}/decisions/${proposalId}`, body),
    onSuccess: invalidate,
  });
}

export function useApplySuggested(key: string) {
  const invalidate = useInvalidateResults(key);
  return useMutation({
    mutationFn: (body: ApplySuggestedBody) =>
      api.post<ApplySuggestedResponse>(`${callPath(key)}/decisions/apply-suggested`, body),
    onSuccess: invalidate,
  });
}

export function useSetPublishOn(key: string) {
  const invalidate = useInvalidateResults(key);
  return useMutation({
    mutationFn: (publishOn: string) =>
      api.put<PublicationResponse>(`${callPath(key)}/publication`, { publishOn }),
    onSuccess: invalidate,
  });
}

export function usePublish(key: string) {
  const invalidate = useInvalidateResults(key);
  return useMutation({
    mutationFn: (publishOn: string | null) =>
      api.post<PublicationResponse>(`${callPath(key)}/publish`, publishOn ? { publishOn } : {}),
    onSuccess: invalidate,
  });
}

export function useCreateCluster(key: string) {
  const invalidate = useInvalidateResults(key);
  return useMutation({
    mutationFn: (proposalId: number) =>
      api.post<ClusterCreationResponse>(`${callPath(key)}/proposals/${proposalId}/cluster`),
    onSuccess: invalidate,
  });
}

export function usePublicSelection() {
  return useQuery({
    queryKey: ['selection-results', 'public', 'list'],
    queryFn: ({ signal }) => api.get<PublicSelectionList>('/selection', undefined, signal),
  });
}

export function usePublicCallSelection(key: string) {
  return useQuery({
    queryKey: ['selection-results', 'public', 'call', key],
    queryFn: ({ signal }) =>
      api.get<PublicCallSelection>(`/selection/${encodeURIComponent(key)}`, undefined, signal),
  });
}

export function useProposalResult(id: number) {
  return useQuery({
    queryKey: ['selection-results', 'proposal', id],
    queryFn: ({ signal }) => api.get<ProposalResult>(`/proposals/${id}/result`, undefined, signal),
    retry: false,
  });
}

/** Download links of a selection report in the UI's language; the PDF and the XLSX hold the same tables. */
export function reportLinks(base: string, lang: 'ja' | 'en') {
  return { pdf: `${base}?format=pdf&lang=${lang}`, xlsx: `${base}?format=xlsx&lang=${lang}` };
}
