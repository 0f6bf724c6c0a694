import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthResponse } from '../../../contracts/reference';
import type { DatabaseEngine } from '../../config';
import { ctxOf } from '../../http/request-context';
import { checkHealth } from './health.service';

/** Liveness that also proves the database answers. */
export function registerHealthRoutes(app: FastifyInstance, engine: DatabaseEngine): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'The server and its database answer',
        response: { 200: HealthResponse },
      },
    },
    async (request) => {
      await checkHealth(ctxOf(request));
      return { status: 'ok' as const, database: engine };
    },
  );
}
