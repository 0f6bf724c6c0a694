import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BudgetLine,
  BudgetLineParam,
  BudgetListQuery,
  BudgetPage,
  BudgetSummaryQuery,
  BudgetSummaryResponse,
  CreateBudgetLineBody,
  DeleteBudgetLineQuery,
  UpdateBudgetLineBody,
} from '../../../contracts/budgets';
import { errorResponses, OkResponse } from '../../../contracts/common';
import { ctxOf } from '../../http/request-context';
import {
  createBudgetLine,
  deleteBudgetLine,
  getBudgetSummary,
  listBudgetLinesPage,
  updateBudgetLine,
} from './budget.service';

export function registerBudgetRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['budgets'];

  r.get(
    '/api/v1/budgets',
    {
      schema: {
        tags,
        summary:
          'The budget ledger (programme lines and published clusters for the public), filtered by cluster, fiscal year and kind',
        querystring: BudgetListQuery,
        response: { 200: BudgetPage, ...errorResponses },
      },
    },
    async (request) => listBudgetLinesPage(ctxOf(request), request.query),
  );
  r.get(
    '/api/v1/budgets/summary',
    {
      schema: {
        tags,
        summary: 'Ledger totals per fiscal year by kind, the programme-level budget, and per cluster',
        querystring: BudgetSummaryQuery,
        response: { 200: BudgetSummaryResponse, ...errorResponses },
      },
    },
    async (request) => getBudgetSummary(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/budgets',
    {
      schema: {
        tags,
        summary: 'Add a ledger line (officers); 409 when the same scope, year, kind and source exists',
        body: CreateBudgetLineBody,
        response: { 201: BudgetLine, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createBudgetLine(ctxOf(request), request.body)),
  );
  r.patch(
    '/api/v1/budgets/:id',
    {
      schema: {
        tags,
        summary: 'Change a ledger line at the version read (officers)',
        params: BudgetLineParam,
        body: UpdateBudgetLineBody,
        response: { 200: BudgetLine, ...errorResponses },
      },
    },
    async (request) => updateBudgetLine(ctxOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/budgets/:id',
    {
      schema: {
        tags,
        summary: 'Remove a ledger line at the version read (officers); the audit log keeps it',
        params: BudgetLineParam,
        querystring: DeleteBudgetLineQuery,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deleteBudgetLine(ctxOf(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
}
