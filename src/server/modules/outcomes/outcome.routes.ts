import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClusterKeyParam } from '../../../contracts/clusters';
import { errorResponses } from '../../../contracts/common';
import {
  ClusterOutcomesResponse,
  OutcomeTableQuery,
  OutcomeTableResponse,
} from '../../../contracts/outcomes';
import { z } from 'zod';
import { ctxOf } from '../../http/request-context';
import { getClusterOutcomes, getOutcomeTable, outcomeTableCsv } from './outcome.service';

export function registerOutcomeRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['outcomes'];
  r.get(
    '/api/v1/outcome-table',
    {
      schema: {
        tags,
        summary:
          'Outcomes of every published cluster over a fiscal-year range, with totals (format=csv downloads CSV)',
        querystring: OutcomeTableQuery,
        response: { 200: z.union([OutcomeTableResponse, z.string()]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const table = await getOutcomeTable(ctxOf(request), request.query.from, request.query.to);
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="outcomes-fy${table.period.from}-fy${table.period.to}.csv"`,
          )
          .serializer((payload: unknown) => payload as string)
          .send(outcomeTableCsv(table));
      }
      return table;
    },
  );
  r.get(
    '/api/v1/clusters/:key/outcomes',
    {
      schema: {
        tags,
        params: ClusterKeyParam,
        response: { 200: ClusterOutcomesResponse, ...errorResponses },
      },
    },
    async (request) => getClusterOutcomes(ctxOf(request), request.params.key),
  );
}
