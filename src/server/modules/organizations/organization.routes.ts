import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, IdParam, VersionBody } from '../../../contracts/common';
import {
  CreateOrganizationBody,
  OrganizationListQuery,
  OrganizationPage,
  OrganizationResponse,
  UpdateOrganizationBody,
} from '../../../contracts/organizations';
import { ctxOf } from '../../http/request-context';
import {
  createOrganization,
  getOrganization,
  listOrganizationsPage,
  updateOrganization,
  withdrawOrganization,
} from './organization.service';

export function registerOrganizationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organizations'];
  r.get(
    '/api/v1/organizations',
    {
      schema: {
        tags,
        querystring: OrganizationListQuery,
        response: { 200: OrganizationPage, ...errorResponses },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listOrganizationsPage(ctxOf(request), filter, { limit, offset });
    },
  );
  r.post(
    '/api/v1/organizations',
    {
      schema: {
        tags,
        body: CreateOrganizationBody,
        response: { 201: OrganizationResponse, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrganization(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/organizations/:id',
    { schema: { tags, params: IdParam, response: { 200: OrganizationResponse, ...errorResponses } } },
    async (request) => getOrganization(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/organizations/:id',
    {
      schema: {
        tags,
        params: IdParam,
        body: UpdateOrganizationBody,
        response: { 200: OrganizationResponse, ...errorResponses },
      },
    },
    async (request) => updateOrganization(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/organizations/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw an organization (kept, marked withdrawn)',
        params: IdParam,
        body: VersionBody,
        response: { 200: OrganizationResponse, ...errorResponses },
      },
    },
    async (request) => withdrawOrganization(ctxOf(request), request.params.id, request.body.version),
  );
}
