import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClusterKeyParam } from '../../../contracts/clusters';
import { errorResponses, OkResponse } from '../../../contracts/common';
import { z } from 'zod';
import {
  ClusterTargetsQuery,
  ClusterTargetsResponse,
  DeleteTargetQuery,
  PutTargetsBody,
  TargetParams,
  TargetSummaryQuery,
  TargetSummaryResponse,
} from '../../../contracts/targets';
import { ctxOf } from '../../http/request-context';
import { sendExportFile } from '../exports/export-reply';
import {
  deleteClusterTarget,
  exportClusterTargets,
  getClusterTargets,
  getTargetSummary,
  putClusterTargets,
} from './target.service';

export function registerTargetRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['targets'];

  r.get(
    '/api/v1/clusters/:key/targets',
    {
      schema: {
        tags,
        summary: "A cluster's numerical targets with the actuals of accepted reports and progress",
        description:
          'format=json (default) answers the targets. format=csv (encoding=utf-8 with a BOM, or shift_jis) or ' +
          'xlsx downloads one row per indicator and fiscal year: indicator key and label, unit, fiscal year and ' +
          'its 和暦 label, baseline, target, actual, progress in percent and note (sales in yen); labels in ' +
          'lang=ja (default) or en. No Total row: counts and yen do not add up.',
        params: ClusterKeyParam,
        querystring: ClusterTargetsQuery,
        response: { 200: z.union([ClusterTargetsResponse, z.string()]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      if (format === 'json') return getClusterTargets(ctxOf(request), request.params.key);
      return sendExportFile(
        reply,
        await exportClusterTargets(ctxOf(request), request.params.key, { ...request.query, format }),
      );
    },
  );
  r.put(
    '/api/v1/clusters/:key/targets',
    {
      schema: {
        tags,
        summary:
          'Set targets (headquarters of the cluster for the remaining fiscal years, officers for any year of the funded period); existing targets need the version read, 409 when stale',
        params: ClusterKeyParam,
        body: PutTargetsBody,
        response: { 200: ClusterTargetsResponse, ...errorResponses },
      },
    },
    async (request) => putClusterTargets(ctxOf(request), request.params.key, request.body),
  );
  r.delete(
    '/api/v1/clusters/:key/targets/:id',
    {
      schema: {
        tags,
        summary: 'Remove a target at the version read',
        params: TargetParams,
        querystring: DeleteTargetQuery,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deleteClusterTarget(ctxOf(request), request.params.key, request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/v1/targets/summary',
    {
      schema: {
        tags,
        summary:
          'Programme view of a fiscal year: targets against actuals per indicator, targets met per cluster',
        querystring: TargetSummaryQuery,
        response: { 200: TargetSummaryResponse, ...errorResponses },
      },
    },
    async (request) => getTargetSummary(ctxOf(request), request.query.fy),
  );
}
