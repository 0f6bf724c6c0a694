/** Where one evaluator × cluster grading stands, as the list and the officers' board show it. */
export type GradingState = 'submitted' | 'in_progress' | 'not_started' | 'conflict';

export const GRADING_STATE_COLOR: Record<GradingState, string> = {
  submitted: 'teal',
  in_progress: 'blue',
  not_started: 'gray',
  conflict: 'red',
};

export function gradingState(pair: {
  conflicted: boolean;
  graded: number;
  submittedAt: string | null;
}): GradingState {
  if (pair.conflicted) return 'conflict';
  if (pair.submittedAt) return 'submitted';
  return pair.graded > 0 ? 'in_progress' : 'not_started';
}
