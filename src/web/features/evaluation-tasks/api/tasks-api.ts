import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EvaluationTasksResponse } from '../../../../contracts/evaluation-tasks';
import { api } from '../../../lib/api-client';

export const evaluationTasksQueryOptions = queryOptions({
  queryKey: ['evaluation-tasks'],
  queryFn: ({ signal }) => api.get<EvaluationTasksResponse>('/evaluation-tasks', undefined, signal),
});

/** The signed-in reader's tasks in the open rounds; not asked for the public. */
export function useEvaluationTasks(enabled: boolean) {
  return useQuery({ ...evaluationTasksQueryOptions, enabled });
}
