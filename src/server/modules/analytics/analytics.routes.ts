import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnalyticsIndicatorQuery,
  AnalyticsIndicatorResponse,
  AnalyticsMapQuery,
  AnalyticsMapResponse,
} from '../../../contracts/analytics';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import { PublishedCache, sendPublished } from '../../http/published-cache';
import { ctxOf } from '../../http/request-context';
import { publishedDataVersion } from '../outcomes/outcome.service';
import { sendExportFile } from '../exports/export-reply';
import { exportIndicatorAnalytics, getAnalyticsMap, getIndicatorAnalytics } from './analytics.service';

export function registerAnalyticsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['analytics'];
  const cache = new PublishedCache();
  r.get(
    '/api/v1/analytics/indicator',
    {
      schema: {
        tags,
        summary: 'One indicator per cluster, key field or start cohort and reporting period, ranked',
        description:
          'Counts the current accepted reports of published clusters lying wholly within from–to. A multi-year ' +
          'report (the seed’s FY2002–FY2004) stays one period value and is never split into years. normalise=per100m ' +
          'divides by the MEXT subsidy recorded in the budget ledger for the same cluster and years; ' +
          'normalise=perResearcher by the report’s researcher count; figures without one are null and say so in notes. ' +
          'Equal figures share a rank (1, 2, 2, 4). Targets against actuals: GET /api/v1/targets/summary. ' +
          'format=csv (encoding=utf-8|shift_jis) or xlsx downloads the ranked table with headers in lang=ja|en.',
        querystring: AnalyticsIndicatorQuery,
        response: { 200: z.union([AnalyticsIndicatorResponse, z.string()]), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.query.format === 'json') {
        const ctx = ctxOf(request);
        return sendPublished(cache, request, reply, await publishedDataVersion(ctx), () =>
          getIndicatorAnalytics(ctx, request.query),
        );
      }
      return sendExportFile(reply, await exportIndicatorAnalytics(ctxOf(request), request.query));
    },
  );
  r.get(
    '/api/v1/analytics/map',
    {
      schema: {
        tags,
        summary: 'One indicator per published cluster and per prefecture, for the map of Japan',
        querystring: AnalyticsMapQuery,
        response: { 200: AnalyticsMapResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return sendPublished(cache, request, reply, await publishedDataVersion(ctx), () =>
        getAnalyticsMap(ctx, request.query),
      );
    },
  );
}
