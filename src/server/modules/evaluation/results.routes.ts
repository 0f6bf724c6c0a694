/** /api/v1/rounds/:key/{scores,results,publish}: a round's scores, consolidated comments and published results. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import { ClusterKeyParam } from '../../../contracts/clusters';
import {
  ClusterEvaluationsResponse,
  PublishRoundBody,
  ResultClusterParams,
  ResultCommentBody,
  ResultCommentResponse,
  RoundResultsResponse,
  RoundScoresQuery,
  RoundScoresResponse,
} from '../../../contracts/evaluation-results';
import { RoundKeyParam } from '../../../contracts/evaluation-rounds';
import { ctxOf } from '../../http/request-context';
import {
  getClusterEvaluations,
  getRoundResults,
  getRoundScores,
  publishRound,
  putResultComment,
} from './results.service';

export function registerResultRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];

  r.get(
    '/api/v1/rounds/:key/scores',
    {
      schema: {
        tags,
        summary: 'A round’s scores, ranking, grade distributions, agreement and ranking stability',
        description:
          'Officers from the scoring phase on (409 WRONG_PHASE before: no one sees totals while grading runs); ' +
          'an evaluator of the round in the scoring phase once every grading assigned to them is submitted; ' +
          'everyone once published (the round_results snapshot). Evaluators are "Evaluator A, B…" to all but ' +
          'officers; leniency is for officers only. `trials`, `perturbation` (0 < p ≤ 0.5) and `seed` drive ' +
          'the ranking-stability trials.',
        params: RoundKeyParam,
        querystring: RoundScoresQuery,
        response: { 200: RoundScoresResponse, ...errorResponses },
      },
    },
    async (request) => getRoundScores(ctxOf(request), request.params.key, request.query),
  );
  r.put(
    '/api/v1/rounds/:key/results/:clusterKey/comment',
    {
      schema: {
        tags,
        summary: 'Write a cluster’s consolidated comment (ja/en) before publication (officers)',
        description: 'At the version read once the comment exists (409 VERSION_CONFLICT when stale).',
        params: ResultClusterParams,
        body: ResultCommentBody,
        response: { 200: ResultCommentResponse, ...errorResponses },
      },
    },
    async (request) =>
      putResultComment(ctxOf(request), request.params.key, request.params.clusterKey, request.body),
  );
  r.post(
    '/api/v1/rounds/:key/publish',
    {
      schema: {
        tags,
        summary: 'Publish a scored round’s results (officers); once only',
        description:
          'From the scoring phase, at the round’s version. Every non-conflicted assignment must be submitted ' +
          'unless `allowIncomplete: true` with a `reason`. Writes a result per cluster (weight set, total, ' +
          'score on 100, rank, band, evaluator count, consolidated comments) and sets the round published.',
        params: RoundKeyParam,
        body: PublishRoundBody,
        response: { 200: RoundResultsResponse, ...errorResponses },
      },
    },
    async (request) => publishRound(ctxOf(request), request.params.key, request.body),
  );
  r.get(
    '/api/v1/rounds/:key/results',
    {
      schema: {
        tags,
        summary: 'A published round’s results: band, total, rank and comments per cluster (public)',
        description:
          'With the weight set used; never an evaluator’s name. 409 WRONG_PHASE before publication.',
        params: RoundKeyParam,
        response: { 200: RoundResultsResponse, ...errorResponses },
      },
    },
    async (request) => getRoundResults(ctxOf(request), request.params.key),
  );
  r.get(
    '/api/v1/clusters/:key/evaluations',
    {
      schema: {
        tags,
        summary: 'A cluster’s published evaluation results across rounds (public)',
        params: ClusterKeyParam,
        response: { 200: ClusterEvaluationsResponse, ...errorResponses },
      },
    },
    async (request) => getClusterEvaluations(ctxOf(request), request.params.key),
  );
}
