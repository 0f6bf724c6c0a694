/** /api/v1/matches: matches coordinators propose, each side's answer, the pipeline's steps, the board. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  AnswerMatchBody,
  CloseMatchBody,
  CoordinatorSummary,
  CoordinatorSummaryQuery,
  Match,
  MatchBoard,
  MatchListQuery,
  MatchParams,
  ProposeMatchBody,
  RecordStepBody,
} from '../../../contracts/matches';
import { ctxOf } from '../../http/request-context';
import {
  answerMatch,
  closeMatch,
  coordinatorSummary,
  getMatch,
  matchBoard,
  proposeMatch,
  recordStep,
} from './match.service';

export function registerMatchRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['matching'];

  r.get(
    '/api/v1/matches',
    {
      schema: {
        tags,
        summary: 'The pipeline board: matches by stage',
        description:
          'Coordinators and officers see every match; headquarters those of their cluster’s seeds; partner ' +
          'companies those of their needs. A confidential company is named only to coordinators and itself.',
        querystring: MatchListQuery,
        response: { 200: MatchBoard, ...errorResponses },
      },
    },
    async (request) => matchBoard(ctxOf(request), request.query),
  );
  r.get(
    '/api/v1/matches/coordinator-summary',
    {
      schema: {
        tags,
        summary:
          'Each coordinator’s activity: matches proposed, answered, by stage; steps recorded; money that followed',
        querystring: CoordinatorSummaryQuery,
        response: { 200: CoordinatorSummary, ...errorResponses },
      },
    },
    async (request) => coordinatorSummary(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/matches',
    {
      schema: {
        tags,
        summary: 'Propose a match of a published seed and a published need (coordinators)',
        description:
          '409 DUPLICATE when the pair is already matched; 422 when either is unpublished or expired.',
        body: ProposeMatchBody,
        response: { 201: Match, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await proposeMatch(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/matches/:id',
    {
      schema: {
        tags,
        summary: 'A match with both answers and its steps',
        params: MatchParams,
        response: { 200: Match, ...errorResponses },
      },
    },
    async (request) => getMatch(ctxOf(request), request.params.id),
  );
  r.post(
    '/api/v1/matches/:id/answers',
    {
      schema: {
        tags,
        summary: 'A side’s expression of interest (what it offers, seeks, and what next) or decline',
        description:
          'The seed’s headquarters, the need’s company, or a coordinator on either’s behalf; until the first step.',
        params: MatchParams,
        body: AnswerMatchBody,
        response: { 200: Match, ...errorResponses },
      },
    },
    async (request) => answerMatch(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/matches/:id/steps',
    {
      schema: {
        tags,
        summary: 'Record the next dated pipeline step (coordinators)',
        description:
          'introduction → meeting → confidentiality agreement → joint research → patent / product → sales; ' +
          'a step needs its predecessor and may not be dated before it or after today. Joint research needs ' +
          'partners, budget, funder and theme (and is entered among the funded projects for the duplication check).',
        params: MatchParams,
        body: RecordStepBody,
        response: { 201: Match, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordStep(ctxOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/matches/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a match that goes no further, with the reason (coordinators)',
        params: MatchParams,
        body: CloseMatchBody,
        response: { 200: Match, ...errorResponses },
      },
    },
    async (request) => closeMatch(ctxOf(request), request.params.id, request.body),
  );
}
