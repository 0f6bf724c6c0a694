import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  ConsensusCriterionParams,
  ConsensusListResponse,
  ConsensusParams,
  ConsensusProposalResponse,
  ConsensusScoreBody,
  ReviewCallParams,
} from '../../../contracts/selection-reviews';
import { ctxOf } from '../../http/request-context';
import { deleteConsensusScore, getConsensus, listConsensus, putConsensusScore } from './consensus.service';

export function registerConsensusRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection-review'];

  r.get(
    '/api/v1/calls/:key/consensus',
    {
      schema: {
        tags,
        summary: "The call's proposals with review counts and disagreement flags (officers as moderators)",
        params: ReviewCallParams,
        response: { 200: ConsensusListResponse, ...errorResponses },
      },
    },
    async (request) => listConsensus(ctxOf(request), request.params.key),
  );
  r.get(
    '/api/v1/calls/:key/consensus/:proposalId',
    {
      schema: {
        tags,
        summary: "A proposal's scores per criterion and reviewer, the disagreement, and agreed scores",
        params: ConsensusParams,
        response: { 200: ConsensusProposalResponse, ...errorResponses },
      },
    },
    async (request) => getConsensus(ctxOf(request), request.params.key, request.params.proposalId),
  );
  r.put(
    '/api/v1/calls/:key/consensus/:proposalId/:criterion',
    {
      schema: {
        tags,
        summary: 'Record or replace the agreed score and comment of a criterion (within the scale; audited)',
        params: ConsensusCriterionParams,
        body: ConsensusScoreBody,
        response: { 200: ConsensusProposalResponse, ...errorResponses },
      },
    },
    async (request) =>
      putConsensusScore(
        ctxOf(request),
        request.params.key,
        request.params.proposalId,
        request.params.criterion,
        request.body,
      ),
  );
  r.delete(
    '/api/v1/calls/:key/consensus/:proposalId/:criterion',
    {
      schema: {
        tags,
        summary: 'Remove an agreed score (the reviewers’ aggregate counts again)',
        params: ConsensusCriterionParams,
        response: { 200: ConsensusProposalResponse, ...errorResponses },
      },
    },
    async (request) =>
      deleteConsensusScore(
        ctxOf(request),
        request.params.key,
        request.params.proposalId,
        request.params.criterion,
      ),
  );
}
