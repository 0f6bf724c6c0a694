/** /api/v1/rounds/:key/allocation: next fiscal year's subsidy from a round's scores. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  AllocationCommitBody,
  AllocationPlanResponse,
  AllocationPreviewBody,
  AllocationPreviewResponse,
} from '../../../contracts/evaluation-allocation';
import { RoundKeyParam } from '../../../contracts/evaluation-rounds';
import { ctxOf } from '../../http/request-context';
import { commitAllocation, getAllocationPlan, previewAllocation } from './allocation.service';

const RULE_DESCRIPTION =
  'Bands of the total score (best first; `adjustment` 0.1 = +10 %) set each cluster’s proposal from its ' +
  'current MEXT subsidy (its ledger lines in `baseFiscalYear`, default the round’s year). With ' +
  '`fixedTotalYen` the proposals are rescaled by one factor to that total; `floorYen`/`ceilingYen` hold ' +
  'each cluster; figures are rounded to `unitYen` (default ¥1,000,000) by the largest remainder so they ' +
  'add up exactly. Bad rules (an infeasible total, a negative floor, a total off the unit) get 400 naming ' +
  'the field.';

export function registerAllocationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];

  r.post(
    '/api/v1/rounds/:key/allocation/preview',
    {
      schema: {
        tags,
        summary: 'Preview next fiscal year’s subsidy under a rule; writes nothing (officers)',
        description: `From the scoring phase (live scores) or a published round (its results). ${RULE_DESCRIPTION}`,
        params: RoundKeyParam,
        body: AllocationPreviewBody,
        response: { 200: AllocationPreviewResponse, ...errorResponses },
      },
    },
    async (request) => previewAllocation(ctxOf(request), request.params.key, request.body),
  );
  r.post(
    '/api/v1/rounds/:key/allocation/commit',
    {
      schema: {
        tags,
        summary: 'Commit the allocation: keep the plan and write next year’s ledger lines (officers)',
        description:
          'The round must be published. Writes one mext_subsidy line per cluster in the round’s allocation ' +
          'fiscal year, sourced to the round, in one audited transaction. A second commit for the same round ' +
          'and year is 409 DUPLICATE unless `replace: true` with a `reason`; the earlier plan is kept as ' +
          `superseded. ${RULE_DESCRIPTION}`,
        params: RoundKeyParam,
        body: AllocationCommitBody,
        response: { 201: AllocationPlanResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await commitAllocation(ctxOf(request), request.params.key, request.body)),
  );
  r.get(
    '/api/v1/rounds/:key/allocation',
    {
      schema: {
        tags,
        summary:
          'The round’s committed allocation (public, as the ledger: unpublished clusters’ lines hidden)',
        description: '404 until an allocation is committed. Superseded plans are listed in `history`.',
        params: RoundKeyParam,
        response: { 200: AllocationPlanResponse, ...errorResponses },
      },
    },
    async (request) => getAllocationPlan(ctxOf(request), request.params.key),
  );
}
