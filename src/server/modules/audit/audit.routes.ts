import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditListQuery, AuditPage, AuditVerifyResponse } from '../../../contracts/audit';
import { errorResponses } from '../../../contracts/common';
import { ctxOf } from '../../http/request-context';
import { listAudit, verifyAudit } from './audit.service';

export function registerAuditRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  r.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first (administrators)',
        querystring: AuditListQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listAudit(ctxOf(request), filter, { limit, offset });
    },
  );
  r.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags,
        summary: 'Check the hash chain end to end',
        response: { 200: AuditVerifyResponse, ...errorResponses },
      },
    },
    async (request) => verifyAudit(ctxOf(request)),
  );
}
