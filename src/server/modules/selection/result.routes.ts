/**
 * Routes of a call's results: the officers' ranked list, the proposer's own result after
 * publication and the public list of selected regions. Registers the decision routes too, so
 * app.ts needs one line for this slice.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, IdParam } from '../../../contracts/common';
import { CallKeyParams } from '../../../contracts/selection-decisions';
import {
  CallResults,
  ProposalResult,
  PublicCallSelection,
  PublicSelectionList,
} from '../../../contracts/selection-results';
import { ctxOf } from '../../http/request-context';
import { registerDecisionRoutes } from './decision.routes';
import { getCallResults, getProposalResult, getPublicSelection, listPublicSelection } from './result.service';

export function registerSelectionResultRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection'];

  r.get(
    '/api/v1/calls/:key/results',
    {
      schema: {
        tags,
        summary: "A call's ranked results with every figure traceable (officers)",
        description:
          'Submitted proposals ranked by score (mean or median of reviewers’ weighted scores, Σ w·s / Σ w each), ' +
          'eligible first, then those under a threshold, then unscored; ties share a rank ("=2") after the call’s ' +
          'tie-break rules. Counts only submitted reviews of active assignments without a blocking conflict of ' +
          'interest; consensus scores replace reviewers’ ones on their criterion. Shows where slots and budget run ' +
          'out (the suggested selection) and the current decisions. Needs call:read-unpublished.',
        params: CallKeyParams,
        response: { 200: CallResults, ...errorResponses },
      },
    },
    async (request) => getCallResults(ctxOf(request), request.params.key, { audience: 'officer' }),
  );

  r.get(
    '/api/v1/proposals/:id/result',
    {
      schema: {
        tags,
        summary: "The proposer's published result of its own proposal",
        description:
          'After the call is published: aggregated scores per criterion, rank, decision with reason and ' +
          'consolidated comment, and reviewers’ comments as "Reviewer 1/2/3" (never names). 404 for another ' +
          "organization's proposal or before publication.",
        params: IdParam,
        response: { 200: ProposalResult, ...errorResponses },
      },
    },
    async (request) => getProposalResult(ctxOf(request), request.params.id),
  );

  r.get(
    '/api/v1/selection',
    {
      schema: {
        tags,
        summary: 'Published calls with their selected and trial regions (public)',
        description:
          'Region, title, core organization, key field and prefectures; never scores. Demo calls are left out.',
        response: { 200: PublicSelectionList, ...errorResponses },
      },
    },
    async (request) => listPublicSelection(ctxOf(request)),
  );

  r.get(
    '/api/v1/selection/:key',
    {
      schema: {
        tags,
        summary: "One published call's selected and trial regions (public); 404 before publication",
        params: CallKeyParams,
        response: { 200: PublicCallSelection, ...errorResponses },
      },
    },
    async (request) => getPublicSelection(ctxOf(request), request.params.key),
  );

  registerDecisionRoutes(app);
}
