import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, OkResponse } from '../../../contracts/common';
import {
  AddCallReviewerBody,
  CallReviewerParams,
  CallReviewersResponse,
  ReviewCallParams,
  ReviewerAccountParams,
  ReviewerProfile,
  ReviewerCandidatesResponse,
  ReviewerProfileBody,
} from '../../../contracts/selection-reviews';
import { ctxOf } from '../../http/request-context';
import {
  addCallReviewer,
  getReviewerProfile,
  listCallReviewers,
  listReviewerCandidates,
  putReviewerProfile,
  removeCallReviewer,
} from './reviewer-pool.service';

export function registerReviewerPoolRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection-review'];

  r.get(
    '/api/v1/calls/:key/reviewers',
    {
      schema: {
        tags,
        summary: "The call's reviewer pool with expertise, cap and current load (officers)",
        params: ReviewCallParams,
        response: { 200: CallReviewersResponse, ...errorResponses },
      },
    },
    async (request) => listCallReviewers(ctxOf(request), request.params.key),
  );
  r.get(
    '/api/v1/calls/:key/reviewers/candidates',
    {
      schema: {
        tags,
        summary: 'Active evaluators (programme-wide or for this call) not yet in the pool (officers)',
        params: ReviewCallParams,
        response: { 200: ReviewerCandidatesResponse, ...errorResponses },
      },
    },
    async (request) => listReviewerCandidates(ctxOf(request), request.params.key),
  );
  r.post(
    '/api/v1/calls/:key/reviewers',
    {
      schema: {
        tags,
        summary: 'Add an evaluator to the pool (or change their cap); runs conflict detection for them',
        description:
          'The account must hold an active evaluator grant for the programme or this call (422 naming body.accountId). ' +
          'maxLoad caps their assignments below the call cap; null = the call cap.',
        params: ReviewCallParams,
        body: AddCallReviewerBody,
        response: { 201: CallReviewersResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await addCallReviewer(ctxOf(request), request.params.key, request.body);
      return reply.status(201).send(result);
    },
  );
  r.delete(
    '/api/v1/calls/:key/reviewers/:accountId',
    {
      schema: {
        tags,
        summary: 'Remove a reviewer from the pool (409 while they hold assignments)',
        params: CallReviewerParams,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await removeCallReviewer(ctxOf(request), request.params.key, request.params.accountId);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/v1/reviewers/:accountId/profile',
    {
      schema: {
        tags,
        summary:
          "A reviewer's profile: expertise (key fields), recent collaborator organizations, prefecture",
        description: 'Officers read any profile; a reviewer reads only their own (404 for anyone else).',
        params: ReviewerAccountParams,
        response: { 200: ReviewerProfile, ...errorResponses },
      },
    },
    async (request) => getReviewerProfile(ctxOf(request), request.params.accountId),
  );
  r.put(
    '/api/v1/reviewers/:accountId/profile',
    {
      schema: {
        tags,
        summary: "Set a reviewer's profile (officers, or the reviewer themself)",
        description: 'Unknown key fields, organizations or prefectures are 422 naming the entry.',
        params: ReviewerAccountParams,
        body: ReviewerProfileBody,
        response: { 200: ReviewerProfile, ...errorResponses },
      },
    },
    async (request) => putReviewerProfile(ctxOf(request), request.params.accountId, request.body),
  );
}
