/** /api/v1/evaluation-tasks: the signed-in reader's tasks in the open evaluation rounds. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import { EvaluationTasksResponse } from '../../../contracts/evaluation-tasks';
import { ctxOf } from '../../http/request-context';
import { listEvaluationTasks } from './tasks.service';

export function registerEvaluationTaskRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/evaluation-tasks',
    {
      schema: {
        tags: ['evaluation'],
        summary: 'My tasks in the open evaluation rounds',
        description:
          "Headquarters: their cluster's self-evaluation in rounds taking reports; weighting members: " +
          'their weights until a set is locked; evaluators: each assignment without a conflict while the ' +
          'round is grading. State, progress (items written or graded) and the phase’s last day; ' +
          'what is left first, soonest due first. 401 for the public.',
        response: { 200: EvaluationTasksResponse, ...errorResponses },
      },
    },
    async (request) => listEvaluationTasks(ctxOf(request)),
  );
}
