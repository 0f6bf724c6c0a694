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
import { PublishedCache, sendPublished } from '../../http/published-cache';
import { ctxOf } from '../../http/request-context';
import { sendExportFile } from '../exports/export-reply';
import {
  exportOutcomeTable,
  getClusterOutcomes,
  getOutcomeTable,
  publishedDataVersion,
} from './outcome.service';

export function registerOutcomeRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['outcomes'];
  const cache = new PublishedCache();
  r.get(
    '/api/v1/outcome-table',
    {
      schema: {
        tags,
        summary: 'Outcomes of every published cluster over a fiscal-year range, with totals',
        description:
          'format=json (default) answers the table as JSON. format=csv downloads CSV: UTF-8 with a BOM, or ' +
          'encoding=shift_jis for older Excel (CP932; characters it cannot hold are replaced by look-alikes or "?"). ' +
          'Headers carry keys with Japanese and English labels unless lang=ja|en. format=xlsx downloads the seed ' +
          "deck's layout: title, grouped headers, units (件, sales in 千円), one row per cluster and a bold Total row.",
        querystring: OutcomeTableQuery,
        response: { 200: z.union([OutcomeTableResponse, z.string()]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      if (format === 'json') {
        const ctx = ctxOf(request);
        return sendPublished(cache, request, reply, await publishedDataVersion(ctx), () =>
          getOutcomeTable(ctx, query.from, query.to),
        );
      }
      const file = await exportOutcomeTable(ctxOf(request), { ...query, format });
      return sendExportFile(reply, file);
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
