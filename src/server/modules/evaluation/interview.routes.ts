/** /api/v1/rounds/:key/interviews: the evaluating group's interviews of each cluster, with minutes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, OkResponse } from '../../../contracts/common';
import {
  CreateInterviewBody,
  DeleteInterviewQuery,
  Interview,
  InterviewListQuery,
  InterviewListResponse,
  InterviewParams,
  UpdateInterviewBody,
} from '../../../contracts/evaluation-interviews';
import { RoundKeyParam } from '../../../contracts/evaluation-rounds';
import { ctxOf } from '../../http/request-context';
import { createInterview, deleteInterview, listInterviews, updateInterview } from './interview.service';

export function registerInterviewRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];

  r.get(
    '/api/v1/rounds/:key/interviews',
    {
      schema: {
        tags,
        summary: "A round's interviews the asker may read, soonest first (optionally of one cluster)",
        description:
          'Officers see all; evaluators those of clusters assigned to them without a conflict, with the ' +
          "minutes but not the other evaluators' names; a cluster's headquarters see when, where and their " +
          'own attendees, without minutes. Other roles 403.',
        params: RoundKeyParam,
        querystring: InterviewListQuery,
        response: { 200: InterviewListResponse, ...errorResponses },
      },
    },
    async (request) => listInterviews(ctxOf(request), request.params.key, request.query),
  );
  r.post(
    '/api/v1/rounds/:key/interviews',
    {
      schema: {
        tags,
        summary: 'Schedule an interview of a target cluster: when, where, attendees, minutes (officers)',
        description:
          'Minutes are keyed by the round’s criterion items (another key: 400 naming body.minutes.<key>). ' +
          '409 WRONG_PHASE once grading has ended.',
        params: RoundKeyParam,
        body: CreateInterviewBody,
        response: { 201: Interview, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInterview(ctxOf(request), request.params.key, request.body)),
  );
  r.patch(
    '/api/v1/rounds/:key/interviews/:id',
    {
      schema: {
        tags,
        summary: 'Edit an interview or record its minutes at the version read (officers)',
        description: '`attendees` and `minutes` replace the whole list or map.',
        params: InterviewParams,
        body: UpdateInterviewBody,
        response: { 200: Interview, ...errorResponses },
      },
    },
    async (request) => updateInterview(ctxOf(request), request.params.key, request.params.id, request.body),
  );
  r.delete(
    '/api/v1/rounds/:key/interviews/:id',
    {
      schema: {
        tags,
        summary:
          'Delete an interview at the version read, before grading ends (officers; the audit log keeps it)',
        params: InterviewParams,
        querystring: DeleteInterviewQuery,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deleteInterview(ctxOf(request), request.params.key, request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
}
