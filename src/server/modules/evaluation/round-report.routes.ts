/** /api/v1/rounds/:key/report: a round's result report as XLSX or PDF, in Japanese or English. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import { RoundReportParams, RoundReportQuery } from '../../../contracts/evaluation-reports';
import { ctxOf } from '../../http/request-context';
import { sendExportFile } from '../exports/export-reply';
import { roundReport } from './round-report.service';

const FORMATS =
  'format=pdf (default): A4 landscape, Japanese text in an embedded subset of BIZ UDPGothic; ' +
  'format=xlsx: the sheets 評価結果/Results, 重み/Weights and 評点分布/Grade distribution, and for officers ' +
  '評価者別評点/Scores by evaluator and 評価者の傾向/Leniency. lang=ja (default) or en.';

export function registerRoundReportRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/rounds/:key/report',
    {
      schema: {
        tags: ['evaluation'],
        summary: "Download a round's result report: weights, ranked results and grade distribution",
        description:
          'Round title, kind, fiscal year and announcement date; the locked weight set; the ranked results ' +
          '(rank with ties as =n, cluster, band, total, score on 100, consolidated comment); the grades per item. ' +
          "Officers also get each evaluator's weighted score by name, agreement (Krippendorff's α) and leniency. " +
          'Who may read it and when follows GET /api/v1/rounds/:key/scores: officers from the scoring phase on ' +
          '(409 before), everyone once published and without evaluators; 401/403 before publication. ' +
          FORMATS,
        params: RoundReportParams,
        querystring: RoundReportQuery,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendExportFile(reply, await roundReport(ctxOf(request), request.params.key, request.query)),
  );
}
