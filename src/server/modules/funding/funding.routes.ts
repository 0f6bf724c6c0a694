/** /api/v1/funding: funded projects and the e-Rad-style duplication check (officers). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  CreateFundedProjectBody,
  DuplicatesQuery,
  DuplicatesResponse,
  DuplicationFlagResponse,
  FundedProject,
  FundedProjectListQuery,
  FundedProjectListResponse,
  ReviewDuplicateBody,
} from '../../../contracts/funding';
import { ctxOf } from '../../http/request-context';
import {
  createFundedProject,
  listDuplicates,
  listFundedProjectsFor,
  reviewDuplicate,
} from './funding.service';

export function registerFundingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['funding'];

  r.get(
    '/api/v1/funding/projects',
    {
      schema: {
        tags,
        summary: 'Funded projects of every programme, newest fiscal year first (officers)',
        querystring: FundedProjectListQuery,
        response: { 200: FundedProjectListResponse, ...errorResponses },
      },
    },
    async (request) => listFundedProjectsFor(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/funding/projects',
    {
      schema: {
        tags,
        summary: 'Record a funded project (officers)',
        description:
          'The principal researcher is a person id, a name, or both (neither: 400 naming body.researcherName). ' +
          'Unknown person, organization or cluster: 422 naming the field.',
        body: CreateFundedProjectBody,
        response: { 201: FundedProject, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createFundedProject(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/funding/duplicates',
    {
      schema: {
        tags,
        summary: 'Possible duplicate funding: pairs of one fiscal year under two programmes (officers)',
        description:
          'A pair is flagged for the same principal researcher (person id, or the same name NFKC-normalised ' +
          'without spaces) or a theme whose term-set Jaccard similarity reaches `threshold`. Each reason is ' +
          'named; `status` open (default) hides reviewed pairs.',
        querystring: DuplicatesQuery,
        response: { 200: DuplicatesResponse, ...errorResponses },
      },
    },
    async (request) => listDuplicates(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/funding/duplicates/reviews',
    {
      schema: {
        tags,
        summary: 'Mark a flagged pair reviewed, with a note (officers; audited)',
        description: 'A pair that is not flagged: 422; reviewed already: 409.',
        body: ReviewDuplicateBody,
        response: { 201: DuplicationFlagResponse, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await reviewDuplicate(ctxOf(request), request.body)),
  );
}
