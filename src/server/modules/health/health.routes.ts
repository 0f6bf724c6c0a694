import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthResponse } from '../../../contracts/reference';
import type { DatabaseEngine } from '../../config';
import { pingDatabase } from './health.repo';

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
    async () => {
      await pingDatabase(app.db);
      return { status: 'ok' as const, database: engine };
    },
  );
}
