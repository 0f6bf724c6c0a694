/** Findings: /api/v1/rounds/:key/findings, /api/v1/findings/:id and /api/v1/clusters/:key/findings. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClusterKeyParam } from '../../../contracts/clusters';
import { errorResponses } from '../../../contracts/common';
import {
  ClusterFindingListQuery,
  CreateFindingBody,
  Finding,
  FindingIdParam,
  FindingListQuery,
  FindingListResponse,
  RespondFindingBody,
  UpdateFindingBody,
} from '../../../contracts/evaluation-findings';
import { RoundKeyParam } from '../../../contracts/evaluation-rounds';
import { ctxOf } from '../../http/request-context';
import {
  createFinding,
  listClusterFindings,
  listRoundFindings,
  respondToFinding,
  updateFinding,
} from './finding.service';

export function registerFindingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];
  const one = { 200: Finding, ...errorResponses };

  r.get(
    '/api/v1/rounds/:key/findings',
    {
      schema: {
        tags,
        summary: "A round's findings per cluster (public once the results are published)",
        description:
          'Officers see every finding; before publication headquarters see their own cluster’s and others none.',
        params: RoundKeyParam,
        querystring: FindingListQuery,
        response: { 200: FindingListResponse, ...errorResponses },
      },
    },
    async (request) => listRoundFindings(ctxOf(request), request.params.key, request.query),
  );
  r.post(
    '/api/v1/rounds/:key/findings',
    {
      schema: {
        tags,
        summary: 'Record a tagged finding (issue to be solved) on a target cluster (officers)',
        params: RoundKeyParam,
        body: CreateFindingBody,
        response: { 201: Finding, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createFinding(ctxOf(request), request.params.key, request.body)),
  );
  r.patch(
    '/api/v1/findings/:id',
    {
      schema: {
        tags,
        summary: 'Edit a finding, set its follow-up status or carry it into a later round (officers)',
        description:
          '`followUpRoundKey` must name a later round that evaluates the cluster (422 naming ' +
          'body.followUpRoundKey otherwise); null removes the carry-over.',
        params: FindingIdParam,
        body: UpdateFindingBody,
        response: one,
      },
    },
    async (request) => updateFinding(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/findings/:id/response',
    {
      schema: {
        tags,
        summary: "Respond to a finding and move its follow-up forward (the cluster's headquarters)",
        description:
          'An open finding becomes responded unless `followUpStatus` says further; never backwards.',
        params: FindingIdParam,
        body: RespondFindingBody,
        response: one,
      },
    },
    async (request) => respondToFinding(ctxOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/clusters/:key/findings',
    {
      schema: {
        tags,
        summary: "A cluster's findings across rounds with their follow-up, newest round first",
        description:
          'Officers see every round’s, the cluster’s headquarters every opened round’s, everyone else ' +
          'published rounds’ only.',
        params: ClusterKeyParam,
        querystring: ClusterFindingListQuery,
        response: { 200: FindingListResponse, ...errorResponses },
      },
    },
    async (request) => listClusterFindings(ctxOf(request), request.params.key, request.query),
  );
}
