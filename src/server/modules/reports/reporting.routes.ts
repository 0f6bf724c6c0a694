import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import {
  Deadline,
  DeadlineListResponse,
  DeadlineParam,
  MyReportingResponse,
  PutDeadlineBody,
  ReportingStatusQuery,
  ReportingStatusResponse,
} from '../../../contracts/reports';
import { ctxOf } from '../../http/request-context';
import { sendExportFile } from '../exports/export-reply';
import { listDeadlines, putDeadline } from './report-deadline.service';
import { exportReportingStatus, getMyReporting, getReportingStatus } from './reporting-status.service';

/** Deadlines, the office's reporting status of a fiscal year, and a headquarters' reports due. */
export function registerReportingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  r.get(
    '/api/v1/reporting-status',
    {
      schema: {
        tags,
        summary: 'Which clusters have reported for a fiscal year, which are missing or overdue (officers)',
        description:
          'format=json (default) answers the status. format=csv (encoding=utf-8 with a BOM, or shift_jis) or ' +
          'xlsx downloads one row per cluster funded in the year (key, name, status key and label, overdue, ' +
          'deadline, submitted at, report id) and a Total row counting clusters per status; labels in lang=ja ' +
          '(default) or en. Officers only, like the JSON.',
        querystring: ReportingStatusQuery,
        response: { 200: z.union([ReportingStatusResponse, z.string()]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      if (format === 'json') return getReportingStatus(ctxOf(request), request.query.fy);
      return sendExportFile(reply, await exportReportingStatus(ctxOf(request), { ...request.query, format }));
    },
  );
  r.get(
    '/api/v1/report-deadlines',
    {
      schema: {
        tags,
        summary: 'Reporting deadlines per fiscal year (public)',
        response: { 200: DeadlineListResponse, ...errorResponses },
      },
    },
    async (request) => listDeadlines(ctxOf(request)),
  );
  r.put(
    '/api/v1/report-deadlines/:fy',
    {
      schema: {
        tags,
        summary: 'Set the deadline of a fiscal year (create, or change at its version)',
        params: DeadlineParam,
        body: PutDeadlineBody,
        response: { 200: Deadline, ...errorResponses },
      },
    },
    async (request) => putDeadline(ctxOf(request), request.params.fy, request.body),
  );
  r.get(
    '/api/v1/me/reporting',
    {
      schema: {
        tags,
        summary: "The signed-in headquarters' reports due, with deadlines (empty for other roles)",
        response: { 200: MyReportingResponse, ...errorResponses },
      },
    },
    async (request) => getMyReporting(ctxOf(request)),
  );
}
