import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import {
  OpenBudgetLine,
  OpenBudgetsQuery,
  OpenCluster,
  OpenClustersQuery,
  OpenOrganization,
  OpenOrganizationsQuery,
  OpenOutcome,
  OpenOutcomeItem,
  OpenOutcomeItemsQuery,
  OpenOutcomesQuery,
  openPageOf,
} from '../../../contracts/open-data';
import { ctxOf } from '../../http/request-context';
import { sendOpenPage } from './open-data.http';
import {
  listOpenBudgets,
  listOpenClusters,
  listOpenOrganizations,
  listOpenOutcomeItems,
  listOpenOutcomes,
} from './open-data.service';

const COMMON =
  'Public, no sign-in. Paginated with page (from 1) and pageSize (at most 500, default 100); Link headers ' +
  'name the first, prev, next and last pages and X-Total-Count the number of records. format=csv answers ' +
  'UTF-8 CSV with a BOM and field names as header. Every answer carries a strong ETag: send it back in ' +
  'If-None-Match to get 304 Not Modified. Cache-Control: public, max-age=60. Drafts, unpublished clusters ' +
  'and contact details never appear.';

/** A 304 has no body; CSV is a string. Declared so OpenAPI shows them. */
const notModified = z.null().describe('Not Modified: the ETag sent in If-None-Match still matches');

export function registerOpenDataRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['open-data'];
  r.get(
    '/api/v1/open/clusters',
    {
      schema: {
        tags,
        summary: 'Published clusters',
        description: `Filters: cluster (key), fy (clusters active that fiscal year). ${COMMON}`,
        querystring: OpenClustersQuery,
        response: {
          200: z.union([openPageOf(OpenCluster), z.string()]),
          304: notModified,
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      sendOpenPage(
        request,
        reply,
        await listOpenClusters(ctxOf(request), request.query),
        request.query.format,
      ),
  );
  r.get(
    '/api/v1/open/organizations',
    {
      schema: {
        tags,
        summary: 'Organizations and the published clusters they take part in',
        description: `Filters: cluster (members of that cluster), fy (members that fiscal year), kind. ${COMMON}`,
        querystring: OpenOrganizationsQuery,
        response: {
          200: z.union([openPageOf(OpenOrganization), z.string()]),
          304: notModified,
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      sendOpenPage(
        request,
        reply,
        await listOpenOrganizations(ctxOf(request), request.query),
        request.query.format,
      ),
  );
  r.get(
    '/api/v1/open/outcomes',
    {
      schema: {
        tags,
        summary: 'Accepted outcome values per cluster, reporting period and indicator',
        description:
          'Current versions of accepted reports only. A multi-year report keeps its period (fyFrom–fyTo) and ' +
          `matches fy for every year it covers. Filters: cluster, fy, indicator. Sales are in yen. ${COMMON}`,
        querystring: OpenOutcomesQuery,
        response: {
          200: z.union([openPageOf(OpenOutcome), z.string()]),
          304: notModified,
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      sendOpenPage(
        request,
        reply,
        await listOpenOutcomes(ctxOf(request), request.query),
        request.query.format,
      ),
  );
  r.get(
    '/api/v1/open/outcome-items',
    {
      schema: {
        tags,
        summary:
          'Items of evidence (papers, patents, awards, products, transfers, press) of accepted reports',
        description: `Current versions of accepted reports only. Filters: cluster, fy (the item's fiscal year), kind. ${COMMON}`,
        querystring: OpenOutcomeItemsQuery,
        response: {
          200: z.union([openPageOf(OpenOutcomeItem), z.string()]),
          304: notModified,
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      sendOpenPage(
        request,
        reply,
        await listOpenOutcomeItems(ctxOf(request), request.query),
        request.query.format,
      ),
  );
  r.get(
    '/api/v1/open/budgets',
    {
      schema: {
        tags,
        summary: 'Budget lines of the programme and of published clusters (integer yen)',
        description: `Filters: cluster (that cluster's lines), fy, kind. ${COMMON}`,
        querystring: OpenBudgetsQuery,
        response: {
          200: z.union([openPageOf(OpenBudgetLine), z.string()]),
          304: notModified,
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      sendOpenPage(
        request,
        reply,
        await listOpenBudgets(ctxOf(request), request.query),
        request.query.format,
      ),
  );
}
