/** Routes of the decision step: decisions, the suggested selection, publication and cluster creation. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  ApplySuggestedBody,
  ApplySuggestedResponse,
  CallKeyParams,
  ClusterCreationParams,
  ClusterCreationResponse,
  DecisionBody,
  DecisionParams,
  DecisionResponse,
  PublicationBody,
  PublicationResponse,
  PublishBody,
} from '../../../contracts/selection-decisions';
import { ctxOf } from '../../http/request-context';
import { createClusterFromProposal } from './cluster-creation.service';
import { applySuggestedSelection, decideProposal } from './decision.service';
import { publishResults, setPublishOn } from './publication.service';

export function registerDecisionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection'];

  r.put(
    '/api/v1/calls/:key/decisions/:proposalId',
    {
      schema: {
        tags,
        summary: 'Decide on a proposal: selected, trial, shortlisted or rejected, with a reason (officers)',
        description:
          'Only in the decision step. A proposal under a threshold cannot be selected or made a trial region ' +
          '(422 BELOW_THRESHOLD). Selecting beyond the slots or the total budget needs overrideReason (else 409 ' +
          'OVER_SLOTS / OVER_BUDGET). A changed decision supersedes the previous one; the same decision again ' +
          'changes nothing.',
        params: DecisionParams,
        body: DecisionBody,
        response: { 200: DecisionResponse, ...errorResponses },
      },
    },
    async (request) =>
      decideProposal(ctxOf(request), request.params.key, request.params.proposalId, request.body),
  );

  r.post(
    '/api/v1/calls/:key/decisions/apply-suggested',
    {
      schema: {
        tags,
        summary: 'Select every proposal the slots and budget suggest that has no decision yet (officers)',
        description:
          'A tie at the cut-off is left for the officer; proposals already decided keep their decision.',
        params: CallKeyParams,
        body: ApplySuggestedBody,
        response: { 200: ApplySuggestedResponse, ...errorResponses },
      },
    },
    async (request) => applySuggestedSelection(ctxOf(request), request.params.key, request.body),
  );

  r.put(
    '/api/v1/calls/:key/publication',
    {
      schema: {
        tags,
        summary: 'Set the announcement date of the results (officers, decision step)',
        params: CallKeyParams,
        body: PublicationBody,
        response: { 200: PublicationResponse, ...errorResponses },
      },
    },
    async (request) => setPublishOn(ctxOf(request), request.params.key, request.body.publishOn),
  );

  r.post(
    '/api/v1/calls/:key/publish',
    {
      schema: {
        tags,
        summary: 'Publish the results (officers): every submitted proposal needs a decision',
        description:
          'From the decision step only; status becomes published. Afterwards the public sees the selected and ' +
          'trial regions and each proposer its own result.',
        params: CallKeyParams,
        body: PublishBody,
        response: { 200: PublicationResponse, ...errorResponses },
      },
    },
    async (request) => publishResults(ctxOf(request), request.params.key, request.body),
  );

  r.post(
    '/api/v1/calls/:key/proposals/:proposalId/cluster',
    {
      schema: {
        tags,
        summary: 'Create (or update) the cluster of a selected or trial proposal (officers)',
        description:
          'Cluster from the region and title, prefectures, core organization and members from the participants, ' +
          'budget lines per fiscal year from the 5-year plan and targets; links the proposal. Idempotent. Demo ' +
          'calls answer 409 DEMO_DATA.',
        params: ClusterCreationParams,
        response: { 200: ClusterCreationResponse, ...errorResponses },
      },
    },
    async (request) =>
      createClusterFromProposal(ctxOf(request), request.params.key, request.params.proposalId),
  );
}
