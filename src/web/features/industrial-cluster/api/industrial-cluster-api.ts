/**
 * Industrial Cluster projects, committees and events: fetchers, query options and hooks, the
 * managers' writes (projects, members, links, METI funds, committees, meetings, events, guests) and
 * the pickers' sources (knowledge clusters, seeds).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClusterSummary } from '../../../../contracts/clusters';
import type { Page } from '../../../../contracts/common';
import type {
  AddMemberBody,
  CommitteeDetail,
  CommitteeListResponse,
  CreateCommitteeBody,
  CreateEventBody,
  CreateMeetingBody,
  CreateMetiFundBody,
  CreateProjectBody,
  EventDetail,
  EventListResponse,
  Meeting,
  MetiFund,
  ProjectClustersBody,
  ProjectDetail,
  ProjectListResponse,
  ProjectSeedsBody,
  RegisterBody,
  Registration,
  RegistrationListResponse,
  UpdateEventBody,
  UpdateMeetingBody,
  UpdateProjectBody,
} from '../../../../contracts/industrial-cluster';
import type { Seed } from '../../../../contracts/seeds-needs';
import { api } from '../../../lib/api-client';

const BASE = '/industrial-cluster';

export function projectsQueryOptions(bureau: string | null) {
  return queryOptions({
    queryKey: ['industrial-cluster', 'projects', bureau],
    queryFn: ({ signal }) => api.get<ProjectListResponse>(`${BASE}/projects`, { bureau }, signal),
  });
}

export function projectQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['industrial-cluster', 'project', key],
    queryFn: ({ signal }) =>
      api.get<ProjectDetail>(`${BASE}/projects/${encodeURIComponent(key)}`, undefined, signal),
  });
}

export function committeeQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['industrial-cluster', 'committee', id],
    queryFn: ({ signal }) => api.get<CommitteeDetail>(`${BASE}/committees/${id}`, undefined, signal),
  });
}

export const eventsQueryOptions = queryOptions({
  queryKey: ['industrial-cluster', 'events'],
  queryFn: ({ signal }) => api.get<EventListResponse>('/events', undefined, signal),
});

export function eventQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['industrial-cluster', 'event', id],
    queryFn: ({ signal }) => api.get<EventDetail>(`/events/${id}`, undefined, signal),
  });
}

export function registrationsQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['industrial-cluster', 'registrations', id],
    queryFn: ({ signal }) =>
      api.get<RegistrationListResponse>(`/events/${id}/registrations`, undefined, signal),
  });
}

export const committeesQueryOptions = queryOptions({
  queryKey: ['industrial-cluster', 'committees'],
  queryFn: ({ signal }) => api.get<CommitteeListResponse>(`${BASE}/committees`, undefined, signal),
});

/** Knowledge clusters a project or event may link to (the pickers' choices). */
export const clusterChoicesQueryOptions = queryOptions({
  queryKey: ['industrial-cluster', 'cluster-choices'],
  queryFn: ({ signal }) => api.get<Page<ClusterSummary>>('/clusters', { limit: 200 }, signal),
  staleTime: 5 * 60_000,
});

/** Seeds the reader may see (the first 200): titles for a project's seeds and the seeds picker. */
export const seedChoicesQueryOptions = queryOptions({
  queryKey: ['industrial-cluster', 'seed-choices'],
  queryFn: ({ signal }) => api.get<Page<Seed>>('/seeds', { limit: 200 }, signal),
  staleTime: 60_000,
});

export const useCommittees = () => useQuery(committeesQueryOptions);
export const useClusterChoices = (enabled = true) => useQuery({ ...clusterChoicesQueryOptions, enabled });
export const useSeedChoices = (enabled = true) => useQuery({ ...seedChoicesQueryOptions, enabled });
export const useProjects = (bureau: string | null) => useQuery(projectsQueryOptions(bureau));
export const useProject = (key: string) => useQuery(projectQueryOptions(key));
export const useCommittee = (id: number) => useQuery(committeeQueryOptions(id));
export const useEvents = () => useQuery(eventsQueryOptions);
export const useEvent = (id: number) => useQuery(eventQueryOptions(id));
export const useRegistrations = (id: number, enabled: boolean) =>
  useQuery({ ...registrationsQueryOptions(id), enabled });

function useRefreshEvent(id: number) {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ['industrial-cluster', 'event', id] });
    await client.invalidateQueries({ queryKey: ['industrial-cluster', 'registrations', id] });
    await client.invalidateQueries({ queryKey: eventsQueryOptions.queryKey });
  };
}

/** An organizer registers a guest without an account (name, organization, e-mail). */
export function useRegisterGuest(id: number) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (guest: NonNullable<RegisterBody['guest']>) =>
      api.post<Registration>(`/events/${id}/registrations`, { guest } satisfies RegisterBody),
    onSuccess: refresh,
  });
}

export function useCreateEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEventBody) => api.post<EventDetail>('/events', body),
    onSuccess: async (event) => {
      client.setQueryData(eventQueryOptions(event.id).queryKey, event);
      await client.invalidateQueries({ queryKey: eventsQueryOptions.queryKey });
    },
  });
}

export function useUpdateEvent(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEventBody) => api.patch<EventDetail>(`/events/${id}`, body),
    onSuccess: async (event) => {
      client.setQueryData(eventQueryOptions(id).queryKey, event);
      await client.invalidateQueries({ queryKey: eventsQueryOptions.queryKey });
    },
  });
}

export function useRegister(id: number) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (organization: string) =>
      api.post<Registration>(`/events/${id}/registrations`, { organization }),
    onSuccess: refresh,
  });
}

export function useCancelRegistration(id: number) {
  const refresh = useRefreshEvent(id);
  return useMutation({
    mutationFn: (registrationId: number) =>
      api.post<Registration>(`/events/${id}/registrations/${registrationId}/cancel`),
    onSuccess: refresh,
  });
}

export function useUpdateMeeting(committeeId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateMeetingBody }) =>
      api.patch<Meeting>(`${BASE}/committees/${committeeId}/meetings/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: committeeQueryOptions(committeeId).queryKey }),
  });
}

export function useCreateMeeting(committeeId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeetingBody) =>
      api.post<Meeting>(`${BASE}/committees/${committeeId}/meetings`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: committeeQueryOptions(committeeId).queryKey });
      await client.invalidateQueries({ queryKey: committeesQueryOptions.queryKey });
    },
  });
}

export function useCreateCommittee() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommitteeBody) => api.post<CommitteeDetail>(`${BASE}/committees`, body),
    onSuccess: async (committee) => {
      client.setQueryData(committeeQueryOptions(committee.id).queryKey, committee);
      // A project's page lists its committees.
      await client.invalidateQueries({ queryKey: ['industrial-cluster', 'committees'] });
      await client.invalidateQueries({ queryKey: ['industrial-cluster', 'project'] });
    },
  });
}

/** A project written: show the answer at once, and refresh the lists that count its members and clusters. */
function useProjectWritten() {
  const client = useQueryClient();
  return async (project: ProjectDetail) => {
    client.setQueryData(projectQueryOptions(project.key).queryKey, project);
    await client.invalidateQueries({ queryKey: ['industrial-cluster', 'projects'] });
  };
}

const projectPath = (key: string) => `${BASE}/projects/${encodeURIComponent(key)}`;

export function useCreateProject() {
  const written = useProjectWritten();
  return useMutation({
    mutationFn: (body: CreateProjectBody) => api.post<ProjectDetail>(`${BASE}/projects`, body),
    onSuccess: written,
  });
}

export function useUpdateProject(key: string) {
  const written = useProjectWritten();
  return useMutation({
    mutationFn: (body: UpdateProjectBody) => api.patch<ProjectDetail>(projectPath(key), body),
    onSuccess: written,
  });
}

export function useAddMember(key: string) {
  const written = useProjectWritten();
  return useMutation({
    mutationFn: (body: AddMemberBody) => api.post<ProjectDetail>(`${projectPath(key)}/members`, body),
    onSuccess: written,
  });
}

export function useRemoveMember(key: string) {
  const written = useProjectWritten();
  return useMutation({
    mutationFn: (memberId: number) => api.delete<ProjectDetail>(`${projectPath(key)}/members/${memberId}`),
    onSuccess: written,
  });
}

export function useSetProjectClusters(key: string) {
  const written = useProjectWritten();
  return useMutation({
    mutationFn: (body: ProjectClustersBody) => api.put<ProjectDetail>(`${projectPath(key)}/clusters`, body),
    onSuccess: written,
  });
}

export function useSetProjectSeeds(key: string) {
  const written = useProjectWritten();
  return useMutation({
    mutationFn: (body: ProjectSeedsBody) => api.put<ProjectDetail>(`${projectPath(key)}/seeds`, body),
    onSuccess: written,
  });
}

export function useCreateMetiFund(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMetiFundBody) => api.post<MetiFund>(`${projectPath(key)}/meti-funds`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: projectQueryOptions(key).queryKey });
      // The fund is also a budget-ledger line and a funded project for the duplication check.
      await client.invalidateQueries({ queryKey: ['budgets'] });
      await client.invalidateQueries({ queryKey: ['funding'] });
    },
  });
}
