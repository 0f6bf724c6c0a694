import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  AcceptReportBody,
  CorrectReportBody,
  CreateReportBody,
  DeleteItemQuery,
  ItemBody,
  OutcomeReport,
  ReportIdParam,
  ReportItemParam,
  ReportListQuery,
  ReportListResponse,
  ReportVersionsResponse,
  ReturnReportBody,
  SubmitReportBody,
  UpdateItemBody,
  UpdateReportBody,
} from '../../../contracts/reports';
import { ctxOf } from '../../http/request-context';
import { registerReportingRoutes } from './reporting.routes';
import { addItem, deleteItem, updateItem } from './report-item.service';
import { acceptReport, correctReport, returnReport, submitReport } from './report-workflow.service';
import { createReport, getReport, listReportsPage, listReportVersions, updateReport } from './report.service';

/** Yearly outcome reports, their items and workflow; deadlines and reporting status too. */
export function registerReportRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const report = { 200: OutcomeReport, ...errorResponses };

  r.get(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: 'The reports workspace (headquarters: their clusters; officers: all)',
        querystring: ReportListQuery,
        response: { 200: ReportListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { limit, offset, cluster, fy, status } = request.query;
      return listReportsPage(ctxOf(request), { clusterKey: cluster, fy, status }, { limit, offset });
    },
  );
  r.post(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: 'Start the yearly report of a cluster as a draft; 409 if one exists for that year',
        body: CreateReportBody,
        response: { 201: OutcomeReport, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createReport(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/reports/:id',
    {
      schema: {
        tags,
        summary: 'One report: public once accepted for a published cluster, otherwise 404 to outsiders',
        params: ReportIdParam,
        response: report,
      },
    },
    async (request) => getReport(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/reports/:id',
    {
      schema: {
        tags,
        summary: 'Researcher count and values of indicators without items (draft or returned reports)',
        params: ReportIdParam,
        body: UpdateReportBody,
        response: report,
      },
    },
    async (request) => updateReport(ctxOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/reports/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of the report (corrections included), oldest first',
        params: ReportIdParam,
        response: { 200: ReportVersionsResponse, ...errorResponses },
      },
    },
    async (request) => listReportVersions(ctxOf(request), request.params.id),
  );

  r.post(
    '/api/v1/reports/:id/items',
    {
      schema: {
        tags,
        summary: 'Add an item of evidence; answers the whole report',
        params: ReportIdParam,
        body: ItemBody,
        response: { 201: OutcomeReport, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addItem(ctxOf(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/v1/reports/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Replace an item at its version; answers the whole report',
        params: ReportItemParam,
        body: UpdateItemBody,
        response: report,
      },
    },
    async (request) => updateItem(ctxOf(request), request.params.id, request.params.itemId, request.body),
  );
  r.delete(
    '/api/v1/reports/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove an item from a draft at its version (?version=N); answers the whole report',
        params: ReportItemParam,
        querystring: DeleteItemQuery,
        response: report,
      },
    },
    async (request) =>
      deleteItem(ctxOf(request), request.params.id, request.params.itemId, request.query.version),
  );

  r.post(
    '/api/v1/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit for review; 422 listing every error of the checks (warnings do not block)',
        params: ReportIdParam,
        body: SubmitReportBody,
        response: report,
      },
    },
    async (request) => submitReport(ctxOf(request), request.params.id, request.body.version),
  );
  r.post(
    '/api/v1/reports/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a submitted report to headquarters with a comment (officers)',
        params: ReportIdParam,
        body: ReturnReportBody,
        response: report,
      },
    },
    async (request) => returnReport(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/reports/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept a submitted report (officers); it is locked from then on',
        params: ReportIdParam,
        body: AcceptReportBody,
        response: report,
      },
    },
    async (request) => acceptReport(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/reports/:id/correct',
    {
      schema: {
        tags,
        summary: 'Open a correction of an accepted report: a new draft version with a reason',
        params: ReportIdParam,
        body: CorrectReportBody,
        response: { 201: OutcomeReport, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await correctReport(ctxOf(request), request.params.id, request.body)),
  );

  registerReportingRoutes(app);
}
