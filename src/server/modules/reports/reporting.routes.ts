import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { listDeadlines, putDeadline } from './report-deadline.service';
import { getMyReporting, getReportingStatus } from './reporting-status.service';

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
        querystring: ReportingStatusQuery,
        response: { 200: ReportingStatusResponse, ...errorResponses },
      },
    },
    async (request) => getReportingStatus(ctxOf(request), request.query.fy),
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
