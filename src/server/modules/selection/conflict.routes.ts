import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  CallItemParams,
  ConflictItem,
  ConflictRulingBody,
  ConflictsResponse,
  DetectConflictsResponse,
  ReviewCallParams,
} from '../../../contracts/selection-reviews';
import { ctxOf } from '../../http/request-context';
import { detectCallConflicts, listConflicts, ruleConflict } from './conflict.service';

export function registerConflictRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection-review'];

  r.get(
    '/api/v1/calls/:key/conflicts',
    {
      schema: {
        tags,
        summary: 'The conflicts-of-interest queue of a call: detected and declared, pending first (officers)',
        params: ReviewCallParams,
        response: { 200: ConflictsResponse, ...errorResponses },
      },
    },
    async (request) => listConflicts(ctxOf(request), request.params.key),
  );
  r.post(
    '/api/v1/calls/:key/conflicts/detect',
    {
      schema: {
        tags,
        summary: "Detect conflicts between the pool and the call's submitted proposals from affiliations",
        description:
          'Same organization (proposer, core, participants), same prefecture (the region and those organizations), ' +
          'recent collaborator organizations. New findings are recorded as pending; active assignments they block are removed.',
        params: ReviewCallParams,
        response: { 200: DetectConflictsResponse, ...errorResponses },
      },
    },
    async (request) => detectCallConflicts(ctxOf(request), request.params.key),
  );
  r.post(
    '/api/v1/calls/:key/conflicts/:id/ruling',
    {
      schema: {
        tags,
        summary: 'Confirm or dismiss a conflict with a note (officers; audited)',
        description:
          'Confirming removes an assignment still active on the pair. Dismissing does not reassign.',
        params: CallItemParams,
        body: ConflictRulingBody,
        response: { 200: ConflictItem, ...errorResponses },
      },
    },
    async (request) => ruleConflict(ctxOf(request), request.params.key, request.params.id, request.body),
  );
}
