import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddMemberBody,
  AddStaffBody,
  ClusterDetail,
  ClusterKeyParam,
  ClusterListQuery,
  ClusterMemberResponse,
  ClusterPage,
  ClusterStaffResponse,
  CreateClusterBody,
  MemberParams,
  UpdateClusterBody,
  UpdateMemberBody,
  UpdateStaffBody,
} from '../../../contracts/clusters';
import { errorResponses, VersionBody } from '../../../contracts/common';
import { ctxOf } from '../../http/request-context';
import {
  addMember,
  addStaff,
  updateMember,
  updateStaff,
  withdrawMember,
  withdrawStaff,
} from './cluster-network.service';
import { createCluster, getCluster, listClustersPage, updateCluster } from './cluster.service';

export function registerClusterRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['clusters'];

  r.get(
    '/api/v1/clusters',
    {
      schema: {
        tags,
        summary: 'Clusters (published ones for the public)',
        querystring: ClusterListQuery,
        response: { 200: ClusterPage, ...errorResponses },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listClustersPage(ctxOf(request), filter, { limit, offset });
    },
  );
  r.post(
    '/api/v1/clusters',
    {
      schema: {
        tags,
        summary: 'Create a cluster (programme officers)',
        body: CreateClusterBody,
        response: { 201: ClusterDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createCluster(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/clusters/:key',
    { schema: { tags, params: ClusterKeyParam, response: { 200: ClusterDetail, ...errorResponses } } },
    async (request) => getCluster(ctxOf(request), request.params.key),
  );
  r.patch(
    '/api/v1/clusters/:key',
    {
      schema: {
        tags,
        summary: 'Edit the profile (headquarters of the cluster, officers); 409 on a stale version',
        params: ClusterKeyParam,
        body: UpdateClusterBody,
        response: { 200: ClusterDetail, ...errorResponses },
      },
    },
    async (request) => updateCluster(ctxOf(request), request.params.key, request.body),
  );

  r.post(
    '/api/v1/clusters/:key/members',
    {
      schema: {
        tags,
        summary: 'Add a member organization',
        params: ClusterKeyParam,
        body: AddMemberBody,
        response: { 201: ClusterMemberResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(ctxOf(request), request.params.key, request.body)),
  );
  r.patch(
    '/api/v1/clusters/:key/members/:id',
    {
      schema: {
        tags,
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: ClusterMemberResponse, ...errorResponses },
      },
    },
    async (request) => updateMember(ctxOf(request), request.params.key, request.params.id, request.body),
  );
  r.post(
    '/api/v1/clusters/:key/members/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a member (kept in history)',
        params: MemberParams,
        body: VersionBody,
        response: { 200: ClusterMemberResponse, ...errorResponses },
      },
    },
    async (request) =>
      withdrawMember(ctxOf(request), request.params.key, request.params.id, request.body.version),
  );

  r.post(
    '/api/v1/clusters/:key/staff',
    {
      schema: {
        tags,
        summary: 'Add a person with a role',
        params: ClusterKeyParam,
        body: AddStaffBody,
        response: { 201: ClusterStaffResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addStaff(ctxOf(request), request.params.key, request.body)),
  );
  r.patch(
    '/api/v1/clusters/:key/staff/:id',
    {
      schema: {
        tags,
        params: MemberParams,
        body: UpdateStaffBody,
        response: { 200: ClusterStaffResponse, ...errorResponses },
      },
    },
    async (request) => updateStaff(ctxOf(request), request.params.key, request.params.id, request.body),
  );
  r.post(
    '/api/v1/clusters/:key/staff/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a person (kept in history)',
        params: MemberParams,
        body: VersionBody,
        response: { 200: ClusterStaffResponse, ...errorResponses },
      },
    },
    async (request) =>
      withdrawStaff(ctxOf(request), request.params.key, request.params.id, request.body.version),
  );
}
