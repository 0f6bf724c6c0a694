/** /api/v1/rounds: evaluation rounds, their members, evaluator assignments and conflicts. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  AddMemberBody,
  AssignEvaluatorsBody,
  CreateRoundBody,
  MemberParams,
  RoundCandidateList,
  RoundConflictBody,
  RoundDetail,
  RoundKeyParam,
  RoundListResponse,
  RoundTransitionBody,
  UpdateRoundBody,
} from '../../../contracts/evaluation-rounds';
import { ctxOf } from '../../http/request-context';
import {
  addMember,
  assignEvaluators,
  createRound,
  getRound,
  listRounds,
  removeMember,
  setRoundConflict,
  transitionRound,
  updateRound,
} from './round.service';
import { listRoundCandidates } from './round-candidates.service';

export function registerRoundRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];
  const detail = { 200: RoundDetail, ...errorResponses };

  r.get(
    '/api/v1/rounds',
    {
      schema: {
        tags,
        summary: 'Evaluation rounds, newest fiscal year first (drafts for officers only)',
        response: { 200: RoundListResponse, ...errorResponses },
      },
    },
    async (request) => listRounds(ctxOf(request)),
  );
  r.post(
    '/api/v1/rounds',
    {
      schema: {
        tags,
        summary: 'Open a round as a draft (officers)',
        description:
          'Target clusters by key or by start fiscal year; without `criteria` the tree is copied from ' +
          '`criteriaTemplateKey` (default intermediate-2004). Scale S=4, A=3, B=2, C=1 unless given.',
        body: CreateRoundBody,
        response: { 201: RoundDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createRound(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/rounds/:key',
    {
      schema: {
        tags,
        summary: 'A round: criteria, scale, bands, phases, clusters; members and assignments for officers',
        description: 'A member sees only their own membership and assignments; evaluators stay anonymous.',
        params: RoundKeyParam,
        response: detail,
      },
    },
    async (request) => getRound(ctxOf(request), request.params.key),
  );
  r.patch(
    '/api/v1/rounds/:key',
    {
      schema: {
        tags,
        summary: 'Edit a round at the version read (officers)',
        description:
          'Criteria, scale, bands, kind and fiscal year are frozen once the round opens (409 ROUND_FROZEN).',
        params: RoundKeyParam,
        body: UpdateRoundBody,
        response: detail,
      },
    },
    async (request) => updateRound(ctxOf(request), request.params.key, request.body),
  );
  r.post(
    '/api/v1/rounds/:key/status',
    {
      schema: {
        tags,
        summary: 'Move a round through its phases (officers)',
        description:
          'draft → self_evaluation → weighting → grading → scoring (→ back to grading), or closed. ' +
          'Grading needs a locked weight set (409 WEIGHTS_NOT_LOCKED).',
        params: RoundKeyParam,
        body: RoundTransitionBody,
        response: detail,
      },
    },
    async (request) => transitionRound(ctxOf(request), request.params.key, request.body),
  );
  r.get(
    '/api/v1/rounds/:key/candidates',
    {
      schema: {
        tags,
        summary: 'Accounts an officer may name as evaluators or weighting members, with their affiliation',
        params: RoundKeyParam,
        response: { 200: RoundCandidateList, ...errorResponses },
      },
    },
    async (request) => listRoundCandidates(ctxOf(request), request.params.key),
  );
  r.post(
    '/api/v1/rounds/:key/members',
    {
      schema: {
        tags,
        summary: 'Name an evaluator or weighting member (officers); one role per person per round',
        params: RoundKeyParam,
        body: AddMemberBody,
        response: detail,
      },
    },
    async (request) => addMember(ctxOf(request), request.params.key, request.body),
  );
  r.delete(
    '/api/v1/rounds/:key/members/:accountId',
    {
      schema: {
        tags,
        summary: 'Remove a member who has neither graded nor proposed weights (officers)',
        params: MemberParams,
        response: detail,
      },
    },
    async (request) => removeMember(ctxOf(request), request.params.key, request.params.accountId),
  );
  r.post(
    '/api/v1/rounds/:key/assignments',
    {
      schema: {
        tags,
        summary: 'Assign evaluators to clusters, detecting conflicts from affiliations (officers)',
        description: 'Without `pairs`, every evaluator to every target cluster. Existing pairs are kept.',
        params: RoundKeyParam,
        body: AssignEvaluatorsBody,
        response: detail,
      },
    },
    async (request) => assignEvaluators(ctxOf(request), request.params.key, request.body),
  );
  r.put(
    '/api/v1/rounds/:key/conflicts',
    {
      schema: {
        tags,
        summary: 'Record or clear a conflict of interest on an evaluator × cluster pair (officers)',
        params: RoundKeyParam,
        body: RoundConflictBody,
        response: detail,
      },
    },
    async (request) => setRoundConflict(ctxOf(request), request.params.key, request.body),
  );
}
