import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import {
  SelectionReportCallParams,
  SelectionReportProposalParams,
  SelectionReportQuery,
} from '../../../contracts/selection-reports';
import { ctxOf } from '../../http/request-context';
import { sendExportFile } from '../exports/export-reply';
import { callSelectionReport, proposalSelectionReport } from './selection-report.service';

const FORMATS =
  'format=pdf (default): A4 landscape, Japanese text in an embedded subset of BIZ UDPGothic; ' +
  'format=xlsx: the sheets 順位/Ranking and 審査員別評点/Scores by reviewer. lang=ja (default) or en.';

export function registerSelectionReportRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection-results'];

  r.get(
    '/api/v1/calls/:key/report',
    {
      schema: {
        tags,
        summary:
          "Download the call's selection report: ranked results and scores per criterion and reviewer (officers)",
        description:
          'Ranked results (rank with ties as =n, region, proposer, key field, score, per-criterion figures, ' +
          'requested amount, place against the slots and budget, decision, flags) under the slots and budget ' +
          `line, then every review's scores per criterion with the reviewer's name. Any call status. ${FORMATS}`,
        params: SelectionReportCallParams,
        querystring: SelectionReportQuery,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendExportFile(reply, await callSelectionReport(ctxOf(request), request.params.key, request.query)),
  );
  r.get(
    '/api/v1/proposals/:id/report',
    {
      schema: {
        tags,
        summary: "Download one's own proposal's selection report after publication (proposer)",
        description:
          "The proposal's rank, score, per-criterion figures, decision with reason and consolidated comment, and " +
          'its reviewers’ scores per criterion and comments as Reviewer 1, 2, … (never a name). 404 for ' +
          `another organization's proposal or before the call is published. ${FORMATS}`,
        params: SelectionReportProposalParams,
        querystring: SelectionReportQuery,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendExportFile(reply, await proposalSelectionReport(ctxOf(request), request.params.id, request.query)),
  );
}
