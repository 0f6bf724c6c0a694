/** /api/v1/rounds/:key/weights… and …/gradings…: the weighting group and the evaluating group. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  AdjustWeightsBody,
  GradingParams,
  GradingProgressResponse,
  GradingView,
  MyGradingsResponse,
  ProposeWeightsBody,
  SaveGradesBody,
  WeightSetVersionParams,
  WeightsResponse,
} from '../../../contracts/evaluation-grading';
import { RoundKeyParam } from '../../../contracts/evaluation-rounds';
import { ctxOf } from '../../http/request-context';
import { getGrading, gradingProgress, myGradings, saveGrades, submitGrades } from './grading.service';
import {
  adjustWeightSet,
  computeWeightSet,
  getWeights,
  lockWeightSet,
  proposeWeights,
} from './weights.service';

export function registerGradingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];
  const weights = { 200: WeightsResponse, ...errorResponses };
  const grading = { 200: GradingView, ...errorResponses };

  r.get(
    '/api/v1/rounds/:key/weights',
    {
      schema: {
        tags,
        summary: "The round's weights: proposals, versions and the locked set",
        description:
          'Officers see every proposal with names; weighting members see their own and the others as A, B…; ' +
          'everyone else sees only the locked set, once the results are published.',
        params: RoundKeyParam,
        response: weights,
      },
    },
    async (request) => getWeights(ctxOf(request), request.params.key),
  );
  r.put(
    '/api/v1/rounds/:key/weights/mine',
    {
      schema: {
        tags,
        summary: "A weighting member's proposed weight for every item (replaces the previous one)",
        description:
          'During self-evaluation or weighting, before the weights are locked; weights ≥ 0, one above 0.',
        params: RoundKeyParam,
        body: ProposeWeightsBody,
        response: weights,
      },
    },
    async (request) => proposeWeights(ctxOf(request), request.params.key, request.body),
  );
  r.post(
    '/api/v1/rounds/:key/weight-sets',
    {
      schema: {
        tags,
        summary: "A new version: the mean of every member's proposal, normalised to 100 (chair or officers)",
        params: RoundKeyParam,
        response: weights,
      },
    },
    async (request) => computeWeightSet(ctxOf(request), request.params.key),
  );
  r.post(
    '/api/v1/rounds/:key/weight-sets/adjust',
    {
      schema: {
        tags,
        summary: "The chair's adjustment of the latest version, with a reason (a new version)",
        params: RoundKeyParam,
        body: AdjustWeightsBody,
        response: weights,
      },
    },
    async (request) => adjustWeightSet(ctxOf(request), request.params.key, request.body),
  );
  r.post(
    '/api/v1/rounds/:key/weight-sets/:version/lock',
    {
      schema: {
        tags,
        summary: 'Lock one version as the round’s weights (officers); grading may then open',
        params: WeightSetVersionParams,
        response: weights,
      },
    },
    async (request) => lockWeightSet(ctxOf(request), request.params.key, request.params.version),
  );
  r.get(
    '/api/v1/rounds/:key/gradings',
    {
      schema: {
        tags,
        summary: "The evaluator's clusters in the round and how far each grading has come",
        params: RoundKeyParam,
        response: { 200: MyGradingsResponse, ...errorResponses },
      },
    },
    async (request) => myGradings(ctxOf(request), request.params.key),
  );
  r.get(
    '/api/v1/rounds/:key/grading-progress',
    {
      schema: {
        tags,
        summary: "Every evaluator × cluster pair's progress (officers; counts, not grades)",
        params: RoundKeyParam,
        response: { 200: GradingProgressResponse, ...errorResponses },
      },
    },
    async (request) => gradingProgress(ctxOf(request), request.params.key),
  );
  r.get(
    '/api/v1/rounds/:key/gradings/:clusterKey',
    {
      schema: {
        tags,
        summary:
          "The evaluator's grades of one cluster; the others' (anonymised) after submitting, from scoring on",
        description: 'A conflicted evaluator gets 409 CONFLICT_OF_INTEREST and nothing of the cluster.',
        params: GradingParams,
        response: grading,
      },
    },
    async (request) => getGrading(ctxOf(request), request.params.key, request.params.clusterKey),
  );
  r.put(
    '/api/v1/rounds/:key/gradings/:clusterKey',
    {
      schema: {
        tags,
        summary: 'Save grades and comments for some items (a draft) while the round is grading',
        params: GradingParams,
        body: SaveGradesBody,
        response: grading,
      },
    },
    async (request) =>
      saveGrades(ctxOf(request), request.params.key, request.params.clusterKey, request.body),
  );
  r.post(
    '/api/v1/rounds/:key/gradings/:clusterKey/submit',
    {
      schema: {
        tags,
        summary: "Submit the cluster's grades: every item graded; final",
        params: GradingParams,
        response: grading,
      },
    },
    async (request) => submitGrades(ctxOf(request), request.params.key, request.params.clusterKey),
  );
}
