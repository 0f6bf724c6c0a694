import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import { CriteriaTemplateList, CriteriaTemplateResponse } from '../../../contracts/criteria';
import { ProgrammeResponse, ReferenceResponse } from '../../../contracts/reference';
import { z } from 'zod';
import { ctxOf } from '../../http/request-context';
import { getTemplate, listTemplates } from '../criteria/criteria.service';
import { getProgrammeOverview, getReference } from './programme.service';

export function registerProgrammeRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/programme',
    {
      schema: {
        tags: ['programme'],
        summary: 'The programme and its clusters in figures',
        response: { 200: ProgrammeResponse, ...errorResponses },
      },
    },
    async (request) => getProgrammeOverview(ctxOf(request)),
  );
  r.get(
    '/api/v1/reference',
    {
      schema: {
        tags: ['programme'],
        summary: 'Key fields, prefectures, indicators and the codes the UI labels',
        response: { 200: ReferenceResponse },
      },
    },
    async (request) => getReference(ctxOf(request)),
  );
  r.get(
    '/api/v1/criteria-templates',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Selection and evaluation criteria trees',
        response: { 200: CriteriaTemplateList },
      },
    },
    async (request) => ({
      items: await listTemplates(ctxOf(request)),
    }),
  );
  r.get(
    '/api/v1/criteria-templates/:key',
    {
      schema: {
        tags: ['criteria'],
        params: z.strictObject({ key: z.string().max(60) }),
        response: { 200: CriteriaTemplateResponse, ...errorResponses },
      },
    },
    async (request) => getTemplate(ctxOf(request), request.params.key),
  );
}
