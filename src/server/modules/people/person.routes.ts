import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, IdParam, VersionBody } from '../../../contracts/common';
import {
  CreatePersonBody,
  PersonListQuery,
  PersonPage,
  PersonResponse,
  UpdatePersonBody,
} from '../../../contracts/people';
import { ctxOf } from '../../http/request-context';
import { createPerson, getPerson, listPeoplePage, updatePerson, withdrawPerson } from './person.service';

export function registerPersonRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  r.get(
    '/api/v1/people',
    { schema: { tags, querystring: PersonListQuery, response: { 200: PersonPage, ...errorResponses } } },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listPeoplePage(ctxOf(request), filter, { limit, offset });
    },
  );
  r.post(
    '/api/v1/people',
    { schema: { tags, body: CreatePersonBody, response: { 201: PersonResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createPerson(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/people/:id',
    { schema: { tags, params: IdParam, response: { 200: PersonResponse, ...errorResponses } } },
    async (request) => getPerson(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        params: IdParam,
        body: UpdatePersonBody,
        response: { 200: PersonResponse, ...errorResponses },
      },
    },
    async (request) => updatePerson(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/people/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a person (kept, marked withdrawn)',
        params: IdParam,
        body: VersionBody,
        response: { 200: PersonResponse, ...errorResponses },
      },
    },
    async (request) => withdrawPerson(ctxOf(request), request.params.id, request.body.version),
  );
}
