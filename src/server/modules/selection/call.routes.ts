/** /api/v1/calls: calls for proposals (list, detail, create, edit, status) and their proposals. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  CallDetail,
  CallKeyParam,
  CallListQuery,
  CallListResponse,
  CallTransitionBody,
  CreateCallBody,
  UpdateCallBody,
} from '../../../contracts/selection-calls';
import {
  CreateProposalBody,
  ProposalDetail,
  ProposalListResponse,
} from '../../../contracts/selection-proposals';
import { ctxOf } from '../../http/request-context';
import { createCall, getCall, listCalls, transitionCall, updateCall } from './call.service';
import { createProposal, listCallProposals } from './proposal.service';
import { registerProposalRoutes, type ProposalRouteOptions } from './proposal.routes';

export function registerSelectionCallRoutes(app: FastifyInstance, options: ProposalRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection'];

  r.get(
    '/api/v1/calls',
    {
      schema: {
        tags,
        summary: 'Calls for proposals, newest fiscal year first',
        description:
          'Everyone sees calls from the moment they open; officers also see drafts and the number of proposals per status.',
        querystring: CallListQuery,
        response: { 200: CallListResponse, ...errorResponses },
      },
    },
    async (request) => listCalls(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/calls',
    {
      schema: {
        tags,
        summary: 'Create a call as a draft (officers)',
        description:
          'Without `criteria` the criteria are copied from `criteriaTemplateKey` (default selection-2001): groups are the ' +
          'template items without a parent, each child item weight 1 and no threshold. Scale and weights are checked ' +
          '(validateScale, validateWeights); thresholds must lie on the scale; tie-break criteria must exist.',
        body: CreateCallBody,
        response: { 201: CallDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createCall(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/calls/:key',
    {
      schema: {
        tags,
        summary: 'A call: deadlines, criteria with weights and thresholds, required documents',
        description: 'A draft is visible to officers only (404 for everyone else).',
        params: CallKeyParam,
        response: { 200: CallDetail, ...errorResponses },
      },
    },
    async (request) => getCall(ctxOf(request), request.params.key),
  );
  r.patch(
    '/api/v1/calls/:key',
    {
      schema: {
        tags,
        summary: 'Edit a call at the version read (officers)',
        description:
          'Criteria, scale, weights, thresholds, aggregation, tie-breaks, disagreement rule and fiscal year are frozen ' +
          'once the call is open (409 CALL_FROZEN); a stale version answers 409 VERSION_CONFLICT.',
        params: CallKeyParam,
        body: UpdateCallBody,
        response: { 200: CallDetail, ...errorResponses },
      },
    },
    async (request) => updateCall(ctxOf(request), request.params.key, request.body),
  );
  r.post(
    '/api/v1/calls/:key/status',
    {
      schema: {
        tags,
        summary: 'Move a call: draft → open → review → decision, or to closed (officers)',
        description: 'Audited; 409 INVALID_TRANSITION for any other move, 409 VERSION_CONFLICT when stale.',
        params: CallKeyParam,
        body: CallTransitionBody,
        response: { 200: CallDetail, ...errorResponses },
      },
    },
    async (request) => transitionCall(ctxOf(request), request.params.key, request.body),
  );
  r.get(
    '/api/v1/calls/:key/proposals',
    {
      schema: {
        tags,
        summary: 'Every proposal of a call (officers)',
        params: CallKeyParam,
        response: { 200: ProposalListResponse, ...errorResponses },
      },
    },
    async (request) => listCallProposals(ctxOf(request), request.params.key),
  );
  r.post(
    '/api/v1/calls/:key/proposals',
    {
      schema: {
        tags,
        summary: 'Start a draft proposal for an open call (proposers, for their organization)',
        description:
          'A second-stage call accepts organizations whose first-stage proposal is shortlisted, selected or a trial region.',
        params: CallKeyParam,
        body: CreateProposalBody,
        response: { 201: ProposalDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createProposal(ctxOf(request), request.params.key, request.body)),
  );
  registerProposalRoutes(app, options);
}
