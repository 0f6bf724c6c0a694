/** Organizations and people: GET/POST/PATCH /organizations and /people. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../../contracts/common';
import type {
  CreateOrganizationBody,
  OrganizationResponse,
  UpdateOrganizationBody,
} from '../../../../contracts/organizations';
import type { CreatePersonBody, PersonResponse, UpdatePersonBody } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';

export interface OrganizationListParams {
  limit: number;
  offset: number;
  q?: string;
  kind?: string;
}

export function fetchOrganizations(params: OrganizationListParams, signal?: AbortSignal) {
  return api.get<Page<OrganizationResponse>>('/organizations', { ...params }, signal);
}

export function organizationsQueryOptions(params: OrganizationListParams) {
  return queryOptions({
    queryKey: ['organizations', 'list', params],
    queryFn: ({ signal }) => fetchOrganizations(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrganizations(params: OrganizationListParams) {
  return useQuery(organizationsQueryOptions(params));
}

export function createOrganization(body: CreateOrganizationBody) {
  return api.post<OrganizationResponse>('/organizations', body);
}

export function updateOrganization(id: number, body: UpdateOrganizationBody) {
  return api.patch<OrganizationResponse>(`/organizations/${id}`, body);
}

function useInvalidate(prefix: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: [prefix] });
    // Cluster pages show organization and people names.
    await queryClient.invalidateQueries({ queryKey: ['clusters'] });
  };
}

export function useCreateOrganization() {
  const invalidate = useInvalidate('organizations');
  return useMutation({ mutationFn: createOrganization, onSuccess: invalidate });
}

export function useUpdateOrganization() {
  const invalidate = useInvalidate('organizations');
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateOrganizationBody }) => updateOrganization(id, body),
    onSuccess: invalidate,
  });
}

export interface PersonListParams {
  limit: number;
  offset: number;
  q?: string;
  organizationId?: number;
}

export function fetchPeople(params: PersonListParams, signal?: AbortSignal) {
  return api.get<Page<PersonResponse>>('/people', { ...params }, signal);
}

export function peopleQueryOptions(params: PersonListParams) {
  return queryOptions({
    queryKey: ['people', 'list', params],
    queryFn: ({ signal }) => fetchPeople(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePeople(params: PersonListParams) {
  return useQuery(peopleQueryOptions(params));
}

export function createPerson(body: CreatePersonBody) {
  return api.post<PersonResponse>('/people', body);
}

export function updatePerson(id: number, body: UpdatePersonBody) {
  return api.patch<PersonResponse>(`/people/${id}`, body);
}

export function useCreatePerson() {
  const invalidate = useInvalidate('people');
  return useMutation({ mutationFn: createPerson, onSuccess: invalidate });
}

export function useUpdatePerson() {
  const invalidate = useInvalidate('people');
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdatePersonBody }) => updatePerson(id, body),
    onSuccess: invalidate,
  });
}
