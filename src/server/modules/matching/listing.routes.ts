/** /api/v1/seeds and /api/v1/needs: technology offers and requests, their review, and their best matches. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import { NeedSuggestions, SeedSuggestions, SuggestionQuery } from '../../../contracts/matches';
import {
  CoordinatorList,
  CreateNeedBody,
  CreateSeedBody,
  ListingActionBody,
  ListingParams,
  Need,
  NeedListQuery,
  NeedPage,
  Seed,
  SeedListQuery,
  SeedPage,
  UpdateNeedBody,
  UpdateSeedBody,
} from '../../../contracts/seeds-needs';
import { ctxOf } from '../../http/request-context';
import { suggestNeeds, suggestSeeds } from './matching-index.service';
import { actOnNeed, createNeed, getNeed, listNeedsFor, updateNeed } from './need.service';
import { actOnSeed, createSeed, getSeed, listCoordinators, listSeedsFor, updateSeed } from './seed.service';

const ACTIONS =
  'submit (owner or coordinator: draft/returned → in review), publish (coordinator: in review → published, ' +
  '`expiresOn` optional, default one year, at most two), return (coordinator, `note` required), renew ' +
  '(published: extends the expiry), withdraw. 409 INVALID_TRANSITION when the action is not open from the status.';

export function registerListingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['seeds and needs'];

  r.get(
    '/api/v1/seeds',
    {
      schema: {
        tags,
        summary: 'Seeds the asker may read, newest change first',
        description:
          'The public reads published, unexpired seeds; headquarters also their own cluster’s in any status; ' +
          'coordinators and officers all (with `expired` to include expired ones).',
        querystring: SeedListQuery,
        response: { 200: SeedPage, ...errorResponses },
      },
    },
    async (request) => listSeedsFor(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/seeds',
    {
      schema: {
        tags,
        summary:
          'Offer a seed of a cluster (headquarters of that cluster, coordinators, officers), as a draft',
        description:
          'Title and summary each need Japanese or English; linked outcome items must be the cluster’s.',
        body: CreateSeedBody,
        response: { 201: Seed, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createSeed(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/seeds/:id',
    {
      schema: {
        tags,
        summary: 'A seed (404 when the asker may not read it)',
        params: ListingParams,
        response: { 200: Seed, ...errorResponses },
      },
    },
    async (request) => getSeed(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/seeds/:id',
    {
      schema: {
        tags,
        summary: 'Edit a seed at the version read (owner or coordinator); a published seed is re-indexed',
        params: ListingParams,
        body: UpdateSeedBody,
        response: { 200: Seed, ...errorResponses },
      },
    },
    async (request) => updateSeed(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/seeds/:id/actions',
    {
      schema: {
        tags,
        summary: 'Review or lifecycle action on a seed',
        description: ACTIONS,
        params: ListingParams,
        body: ListingActionBody,
        response: { 200: Seed, ...errorResponses },
      },
    },
    async (request) => actOnSeed(ctxOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/seeds/:id/matching-needs',
    {
      schema: {
        tags,
        summary: 'The published, unexpired needs the seed best answers, ranked, with explanations',
        description:
          'Coordinators and the seed’s headquarters. Confidential companies stay hidden from headquarters.',
        params: ListingParams,
        querystring: SuggestionQuery,
        response: { 200: NeedSuggestions, ...errorResponses },
      },
    },
    async (request) => suggestNeeds(ctxOf(request), request.params.id, request.query),
  );

  r.get(
    '/api/v1/needs',
    {
      schema: {
        tags,
        summary: 'Needs the asker may read, newest change first',
        description:
          'The public reads published, unexpired needs (a confidential one without its company); a partner ' +
          'company also its own in any status; coordinators and officers all, with every company’s name.',
        querystring: NeedListQuery,
        response: { 200: NeedPage, ...errorResponses },
      },
    },
    async (request) => listNeedsFor(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/needs',
    {
      schema: {
        tags,
        summary: 'Post a need for a company (the company’s own account, coordinators, officers), as a draft',
        body: CreateNeedBody,
        response: { 201: Need, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createNeed(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/needs/:id',
    {
      schema: {
        tags,
        summary: 'A need (404 when the asker may not read it)',
        params: ListingParams,
        response: { 200: Need, ...errorResponses },
      },
    },
    async (request) => getNeed(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/needs/:id',
    {
      schema: {
        tags,
        summary:
          'Edit a need at the version read; `confidential: false` records consent to disclose the company',
        params: ListingParams,
        body: UpdateNeedBody,
        response: { 200: Need, ...errorResponses },
      },
    },
    async (request) => updateNeed(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/needs/:id/actions',
    {
      schema: {
        tags,
        summary: 'Review or lifecycle action on a need',
        description: ACTIONS,
        params: ListingParams,
        body: ListingActionBody,
        response: { 200: Need, ...errorResponses },
      },
    },
    async (request) => actOnNeed(ctxOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/needs/:id/matching-seeds',
    {
      schema: {
        tags,
        summary: 'The published, unexpired seeds best answering the need, ranked, with explanations',
        description: 'Coordinators and the need’s own company.',
        params: ListingParams,
        querystring: SuggestionQuery,
        response: { 200: SeedSuggestions, ...errorResponses },
      },
    },
    async (request) => suggestSeeds(ctxOf(request), request.params.id, request.query),
  );

  r.get(
    '/api/v1/coordinators',
    {
      schema: {
        tags,
        summary: 'The programme’s S&T coordinators (for a seed’s responsible coordinator)',
        description: 'Holders of seed:edit or need:edit.',
        response: { 200: CoordinatorList, ...errorResponses },
      },
    },
    async (request) => listCoordinators(ctxOf(request)),
  );
}
