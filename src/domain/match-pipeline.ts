/**
 * The coordinators' pipeline from a proposed match to sales (seeds to business): which step may be
 * recorded when, and where a match stands. Pure rules; the matching service enforces them.
 *
 * A coordinator proposes a seed × need match; the seed's side (its cluster) and the need's side
 * (the company) each answer with an expression of interest or decline. Once both are interested
 * the steps follow in order, each dated:
 *
 *   introduction → meeting (one or more) → confidentiality agreement → joint research
 *     → patent (optional) → product → sales
 *
 * A step needs the step before it (a product needs joint research, not a patent: many products
 * carry no new patent), and may not be dated before the step it follows.
 */

export const PIPELINE_STEPS = [
  'introduction',
  'meeting',
  'confidentiality_agreement',
  'joint_research',
  'patent',
  'product',
  'sales',
] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/** Board columns: awaiting both answers, then the furthest step reached; declined and closed aside. */
export const MATCH_STAGES = ['proposed', ...PIPELINE_STEPS, 'declined', 'closed'] as const;
export type MatchStage = (typeof MATCH_STAGES)[number];

export const ANSWERS = ['pending', 'interested', 'declined'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The step each step follows (introduction follows both sides' interest). */
export const REQUIRES: Readonly<Record<PipelineStep, PipelineStep | null>> = {
  introduction: null,
  meeting: 'introduction',
  confidentiality_agreement: 'meeting',
  joint_research: 'confidentiality_agreement',
  patent: 'joint_research',
  product: 'joint_research',
  sales: 'product',
};

/** Steps that happen once per match (one agreement per pairing); meetings, patents, products and sales may repeat. */
export const ONCE: ReadonlySet<PipelineStep> = new Set([
  'introduction',
  'confidentiality_agreement',
  'joint_research',
]);

export interface RecordedStep {
  step: PipelineStep;
  /** ISO date, yyyy-mm-dd. */
  occurredOn: string;
}

export interface MatchState {
  seedAnswer: Answer;
  needAnswer: Answer;
  closed: boolean;
  steps: readonly RecordedStep[];
}

export type StepRefusal =
  | { reason: 'closed' }
  | { reason: 'declined' }
  | { reason: 'awaiting_answers' }
  | { reason: 'missing_prerequisite'; requires: PipelineStep }
  | { reason: 'already_recorded' }
  | { reason: 'before_prerequisite'; requires: PipelineStep; earliest: string }
  | { reason: 'in_future'; today: string };

/** Whether either side declined. */
export function isDeclined(state: Pick<MatchState, 'seedAnswer' | 'needAnswer'>): boolean {
  return state.seedAnswer === 'declined' || state.needAnswer === 'declined';
}

/** The furthest point of the match, the column it sits in on the board. */
export function stageOf(state: MatchState): MatchStage {
  if (isDeclined(state)) return 'declined';
  if (state.closed) return 'closed';
  let furthest = -1;
  for (const s of state.steps) furthest = Math.max(furthest, PIPELINE_STEPS.indexOf(s.step));
  return furthest < 0 ? 'proposed' : PIPELINE_STEPS[furthest]!;
}

/** Why the step cannot be recorded on that date (today in Japan), or null when it can. */
export function refuseStep(
  state: MatchState,
  step: PipelineStep,
  occurredOn: string,
  today: string,
): StepRefusal | null {
  if (isDeclined(state)) return { reason: 'declined' };
  if (state.closed) return { reason: 'closed' };
  if (state.seedAnswer !== 'interested' || state.needAnswer !== 'interested')
    return { reason: 'awaiting_answers' };
  if (occurredOn > today) return { reason: 'in_future', today };
  if (ONCE.has(step) && state.steps.some((s) => s.step === step)) return { reason: 'already_recorded' };
  const requires = REQUIRES[step];
  if (requires === null) return null;
  const before = state.steps.filter((s) => s.step === requires).map((s) => s.occurredOn);
  if (before.length === 0) return { reason: 'missing_prerequisite', requires };
  const earliest = before.reduce((a, b) => (a < b ? a : b));
  if (occurredOn < earliest) return { reason: 'before_prerequisite', requires, earliest };
  return null;
}

/** The steps a coordinator may record next (for the form's choices). */
export function nextSteps(state: MatchState, today: string): PipelineStep[] {
  return PIPELINE_STEPS.filter((step) => refuseStep(state, step, today, today) === null);
}
