import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BudgetExportQuery,
  BudgetLine,
  BudgetLineParam,
  BudgetListQuery,
  BudgetPage,
  BudgetSummaryQuery,
  BudgetSummaryResponse,
  CreateBudgetLineBody,
  DeleteBudgetLineQuery,
  MAX_BUDGET_EXPORT_LINES,
  UpdateBudgetLineBody,
} from '../../../contracts/budgets';
import { errorResponses, OkResponse } from '../../../contracts/common';
import { ctxOf } from '../../http/request-context';
import { sendExportFile } from '../exports/export-reply';
import {
  createBudgetLine,
  deleteBudgetLine,
  exportBudgetLines,
  exportBudgetSummary,
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
    '/api/v1/budgets/export',
    {
      schema: {
        tags,
        summary: 'Download every ledger line the filters match (same filters and visibility as GET /budgets)',
        description:
          'No paging: one row per line (fiscal year and its 和暦 label, cluster key and name or "programme", ' +
          'kind key and label, amount in yen, source, note) and a Total row of the amounts. format=csv (default) ' +
          'is UTF-8 with a BOM, or encoding=shift_jis (CP932) for older Excel; format=xlsx a formatted workbook; ' +
          'format=json an array of row objects, the Total flagged isTotal. Headers and labels in lang=ja (default) ' +
          `or en. More than ${MAX_BUDGET_EXPORT_LINES.toLocaleString('en')} matching lines answers 422 naming the fiscal-year filter to narrow.`,
        querystring: BudgetExportQuery,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => sendExportFile(reply, await exportBudgetLines(ctxOf(request), request.query)),
  );
  r.get(
    '/api/v1/budgets/summary',
    {
      schema: {
        tags,
        summary: 'Ledger totals per fiscal year by kind, the programme-level budget, and per cluster',
        description:
          'format=json (default) answers the totals. format=csv (encoding=utf-8 with a BOM, or shift_jis) or ' +
          'xlsx downloads the per-cluster table: the programme-level budget, one row per cluster with its money ' +
          'per fiscal year and per kind in yen, and a Total row of the clusters; labels in lang=ja (default) or en.',
        querystring: BudgetSummaryQuery,
        response: { 200: z.union([BudgetSummaryResponse, z.string()]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      if (format === 'json') return getBudgetSummary(ctxOf(request), request.query);
      return sendExportFile(reply, await exportBudgetSummary(ctxOf(request), { ...request.query, format }));
    },
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
