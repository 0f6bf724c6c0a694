import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  AssignmentsResponse,
  AutoAssignBody,
  AutoAssignResponse,
  CallItemParams,
  ManualAssignmentBody,
  ReviewCallParams,
} from '../../../contracts/selection-reviews';
import { ctxOf } from '../../http/request-context';
import { assignManually, autoAssign, listAssignments, unassign } from './assignment.service';

export function registerAssignmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection-review'];

  r.get(
    '/api/v1/calls/:key/assignments',
    {
      schema: {
        tags,
        summary:
          'Proposals × reviewers: assignments with declared/submitted state, blocked pairs, per-reviewer progress',
        params: ReviewCallParams,
        response: { 200: AssignmentsResponse, ...errorResponses },
      },
    },
    async (request) => listAssignments(ctxOf(request), request.params.key),
  );
  r.post(
    '/api/v1/calls/:key/assignments',
    {
      schema: {
        tags,
        summary: 'Assign a reviewer to a proposal by hand',
        description:
          '409 CONFLICT_OF_INTEREST on a blocking conflict, 409 OVER_CAPACITY at the cap, 409 DUPLICATE when assigned; ' +
          'only while the call is in review (or open after its deadline).',
        params: ReviewCallParams,
        body: ManualAssignmentBody,
        response: { 201: AssignmentsResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assignManually(ctxOf(request), request.params.key, request.body)),
  );
  r.delete(
    '/api/v1/calls/:key/assignments/:id',
    {
      schema: {
        tags,
        summary: 'Unassign (409 REVIEW_LOCKED when the review is submitted)',
        params: CallItemParams,
        response: { 200: AssignmentsResponse, ...errorResponses },
      },
    },
    async (request) => unassign(ctxOf(request), request.params.key, request.params.id),
  );
  r.post(
    '/api/v1/calls/:key/assignments/auto',
    {
      schema: {
        tags,
        summary: 'Automatic assignment: k reviewers per proposal, capped, balanced, expertise first, seeded',
        description:
          'commit=false previews (writes nothing); commit=true records the new assignments and conflict findings. ' +
          'Existing assignments are kept. Shortfalls name each proposal left short and why.',
        params: ReviewCallParams,
        body: AutoAssignBody,
        response: { 200: AutoAssignResponse, ...errorResponses },
      },
    },
    async (request) => autoAssign(ctxOf(request), request.params.key, request.body),
  );
}
