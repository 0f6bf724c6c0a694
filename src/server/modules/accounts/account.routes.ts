import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AccountListQuery,
  AccountPage,
  AccountResponse,
  CreateAccountBody,
  CreatedAccountResponse,
  GrantInput,
  GrantParams,
  ResetPasswordResponse,
  UpdateAccountBody,
} from '../../../contracts/accounts';
import { errorResponses, IdParam } from '../../../contracts/common';
import { ctxOf } from '../../http/request-context';
import {
  addGrant,
  createAccount,
  getAccount,
  listAccountsPage,
  resetPassword,
  revokeAccountGrant,
  updateAccount,
} from './account.service';

export function registerAccountRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  r.get(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        summary: 'List accounts (administrators)',
        querystring: AccountListQuery,
        response: { 200: AccountPage, ...errorResponses },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listAccountsPage(ctxOf(request), filter, { limit, offset });
    },
  );

  r.post(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        summary: 'Create an account with role grants',
        body: CreateAccountBody,
        response: { 201: CreatedAccountResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await createAccount(ctxOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api/v1/accounts/:id',
    { schema: { tags, params: IdParam, response: { 200: AccountResponse, ...errorResponses } } },
    async (request) => getAccount(ctxOf(request), request.params.id),
  );

  r.patch(
    '/api/v1/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Rename, change language, disable or enable',
        params: IdParam,
        body: UpdateAccountBody,
        response: { 200: AccountResponse, ...errorResponses },
      },
    },
    async (request) => updateAccount(ctxOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/accounts/:id/grants',
    {
      schema: {
        tags,
        summary: 'Grant a role',
        params: IdParam,
        body: GrantInput,
        response: { 200: AccountResponse, ...errorResponses },
      },
    },
    async (request) => addGrant(ctxOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/accounts/:id/grants/:grantId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a role grant',
        params: GrantParams,
        response: { 200: AccountResponse, ...errorResponses },
      },
    },
    async (request) => revokeAccountGrant(ctxOf(request), request.params.id, request.params.grantId),
  );

  r.post(
    '/api/v1/accounts/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a generated password, shown once',
        params: IdParam,
        response: { 200: ResetPasswordResponse, ...errorResponses },
      },
    },
    async (request) => resetPassword(ctxOf(request), request.params.id),
  );
}
