/** /api/v1/industrial-cluster: METI Industrial Cluster projects, METI funds, committees and meetings. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  AddMemberBody,
  CommitteeDetail,
  CommitteeIdParam,
  CommitteeListQuery,
  CommitteeListResponse,
  CreateCommitteeBody,
  CreateMeetingBody,
  CreateMetiFundBody,
  CreateProjectBody,
  Meeting,
  MeetingParams,
  MetiFund,
  ProjectClustersBody,
  ProjectDetail,
  ProjectKeyParam,
  ProjectListQuery,
  ProjectListResponse,
  ProjectMemberParams,
  ProjectSeedsBody,
  UpdateMeetingBody,
  UpdateProjectBody,
} from '../../../contracts/industrial-cluster';
import { ctxOf } from '../../http/request-context';
import {
  createCommittee,
  createMeeting,
  getCommittee,
  listCommittees,
  updateMeeting,
} from './committee.service';
import {
  addProjectMember,
  createMetiFund,
  createProject,
  getProject,
  listProjects,
  removeProjectMember,
  setProjectClusters,
  setProjectSeeds,
  updateProject,
} from './project.service';

export function registerIndustrialClusterRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['industrial-cluster'];
  const base = '/api/v1/industrial-cluster';

  r.get(
    `${base}/projects`,
    {
      schema: {
        tags,
        summary: 'Industrial Cluster projects (METI), optionally of one regional bureau',
        description: 'Everyone reads published projects; officers and coordinators also unpublished ones.',
        querystring: ProjectListQuery,
        response: { 200: ProjectListResponse, ...errorResponses },
      },
    },
    async (request) => listProjects(ctxOf(request), request.query),
  );
  r.post(
    `${base}/projects`,
    {
      schema: {
        tags,
        summary: 'Add an Industrial Cluster project (officers, coordinators)',
        description:
          '`bureau` is one of the nine METI regional bureaus (another value: 400 naming body.bureau). A key already used: 409.',
        body: CreateProjectBody,
        response: { 201: ProjectDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createProject(ctxOf(request), request.body)),
  );
  r.get(
    `${base}/projects/:key`,
    {
      schema: {
        tags,
        summary: 'A project with its members, linked clusters and seeds, METI funds and committees',
        params: ProjectKeyParam,
        response: { 200: ProjectDetail, ...errorResponses },
      },
    },
    async (request) => getProject(ctxOf(request), request.params.key),
  );
  r.patch(
    `${base}/projects/:key`,
    {
      schema: {
        tags,
        summary: 'Edit a project at the version read (officers, coordinators)',
        params: ProjectKeyParam,
        body: UpdateProjectBody,
        response: { 200: ProjectDetail, ...errorResponses },
      },
    },
    async (request) => updateProject(ctxOf(request), request.params.key, request.body),
  );
  r.post(
    `${base}/projects/:key/members`,
    {
      schema: {
        tags,
        summary: 'Add a member organization with its role (officers, coordinators)',
        params: ProjectKeyParam,
        body: AddMemberBody,
        response: { 201: ProjectDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addProjectMember(ctxOf(request), request.params.key, request.body)),
  );
  r.delete(
    `${base}/projects/:key/members/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a member organization (officers, coordinators; the audit log keeps it)',
        params: ProjectMemberParams,
        response: { 200: ProjectDetail, ...errorResponses },
      },
    },
    async (request) => removeProjectMember(ctxOf(request), request.params.key, request.params.id),
  );
  r.put(
    `${base}/projects/:key/clusters`,
    {
      schema: {
        tags,
        summary: 'Set the knowledge clusters the project works with, by key (officers, coordinators)',
        params: ProjectKeyParam,
        body: ProjectClustersBody,
        response: { 200: ProjectDetail, ...errorResponses },
      },
    },
    async (request) => setProjectClusters(ctxOf(request), request.params.key, request.body),
  );
  r.put(
    `${base}/projects/:key/seeds`,
    {
      schema: {
        tags,
        summary: 'Set the seeds the project takes up, by seed id (officers, coordinators)',
        params: ProjectKeyParam,
        body: ProjectSeedsBody,
        response: { 200: ProjectDetail, ...errorResponses },
      },
    },
    async (request) => setProjectSeeds(ctxOf(request), request.params.key, request.body),
  );
  r.post(
    `${base}/projects/:key/meti-funds`,
    {
      schema: {
        tags,
        summary: 'Record METI funds for the practical use of seeds (officers)',
        description:
          "Writes, in one transaction, the fund, a budget-ledger line of kind 'meti' (for the linked cluster " +
          'named, or the programme) and a funded project for the duplication check, each audited.',
        params: ProjectKeyParam,
        body: CreateMetiFundBody,
        response: { 201: MetiFund, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMetiFund(ctxOf(request), request.params.key, request.body)),
  );

  r.get(
    `${base}/committees`,
    {
      schema: {
        tags,
        summary: 'Committees: the national one and the regional ones with their bureau',
        querystring: CommitteeListQuery,
        response: { 200: CommitteeListResponse, ...errorResponses },
      },
    },
    async (request) => listCommittees(ctxOf(request), request.query),
  );
  r.post(
    `${base}/committees`,
    {
      schema: {
        tags,
        summary: 'Add a committee (officers, coordinators)',
        description:
          'A regional committee names its bureau; the national one has none (400 naming body.bureau).',
        body: CreateCommitteeBody,
        response: { 201: CommitteeDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createCommittee(ctxOf(request), request.body)),
  );
  r.get(
    `${base}/committees/:id`,
    {
      schema: {
        tags,
        summary: 'A committee with its meetings, newest first',
        description:
          "Everyone reads each meeting's date, place and agenda. Attendee lists and minutes name people and " +
          "carry companies' plans, so they are given (non-null) only to signed-in people who manage the " +
          'cooperation (administrators, programme officers, coordinators).',
        params: CommitteeIdParam,
        response: { 200: CommitteeDetail, ...errorResponses },
      },
    },
    async (request) => getCommittee(ctxOf(request), request.params.id),
  );
  r.post(
    `${base}/committees/:id/meetings`,
    {
      schema: {
        tags,
        summary: 'Record a meeting: date, place, agenda, attendees, minutes (officers, coordinators)',
        params: CommitteeIdParam,
        body: CreateMeetingBody,
        response: { 201: Meeting, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(ctxOf(request), request.params.id, request.body)),
  );
  r.patch(
    `${base}/committees/:id/meetings/:meetingId`,
    {
      schema: {
        tags,
        summary: 'Edit a meeting or write its minutes at the version read (officers, coordinators)',
        params: MeetingParams,
        body: UpdateMeetingBody,
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (request) =>
      updateMeeting(ctxOf(request), request.params.id, request.params.meetingId, request.body),
  );
}
