/**
 * What the signed-in reader has to do in the evaluation rounds that are open now: headquarters
 * their cluster's self-evaluation, weighting members their weights, evaluators their gradings.
 * For the home page; each task links to its page.
 */
import { z } from 'zod';
import { LocalizedText } from './common';
import { RoundStatus } from './evaluation-rounds';

export const EvaluationTaskKind = z.enum(['self_evaluation', 'weights', 'grading']);
export type EvaluationTaskKind = z.infer<typeof EvaluationTaskKind>;

export const EvaluationTask = z.object({
  round: z.object({
    key: z.string(),
    title: LocalizedText,
    status: RoundStatus,
    fiscalYear: z.number().int(),
  }),
  kind: EvaluationTaskKind,
  /** The cluster the task is about (self-evaluation, grading); null for weights. */
  cluster: z.object({ key: z.string(), name: LocalizedText }).nullable(),
  /** to_do: nothing written yet; in_progress: a draft; done: submitted (or proposed, for weights). */
  state: z.enum(['to_do', 'in_progress', 'done']),
  /** Items written or graded of the round's items; null for weights. */
  progress: z.object({ done: z.number().int(), of: z.number().int() }).nullable(),
  /** The last day of the task's phase (YYYY-MM-DD), when the round set one. */
  dueOn: z.string().nullable(),
});
export type EvaluationTask = z.infer<typeof EvaluationTask>;

export const EvaluationTasksResponse = z.object({ items: z.array(EvaluationTask) });
export type EvaluationTasksResponse = z.infer<typeof EvaluationTasksResponse>;
