/**
 * How reviewers' scores become a proposal's score: the call's scale, the validation of each score,
 * the per-reviewer weighted score and the aggregation over reviewers (mean or median, chosen per
 * call), per criterion as well, so the ranked list can show how every figure was reached.
 */
import { mean, median, sameScore, sum } from './numbers';

/** A call's scoring scale: scores run from min to max in steps (1–5 integers = { min: 1, max: 5, step: 1 }). */
export interface ScoreScale {
  min: number;
  max: number;
  step: number;
}

/** The scale of the 2001 selection as most calls will use it: 1 to 5 whole points. */
export const FIVE_POINT_SCALE: ScoreScale = { min: 1, max: 5, step: 1 };

/** A criterion (item of the call's frozen criteria tree, e.g. `technical.competence`) and its weight. */
export interface WeightedCriterion {
  key: string;
  weight: number;
}

/** How a call turns several reviewers' figures into one. */
export const AGGREGATIONS = ['mean', 'median'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export type ScoreProblemCode =
  'not_a_number' | 'below_scale' | 'above_scale' | 'off_step' | 'unknown_criterion' | 'missing';

/** Why a score cannot be accepted, naming the criterion so the 4xx can point at `body.scores.<key>`. */
export interface ScoreProblem {
  criterion: string;
  code: ScoreProblemCode;
  message: string;
}

/** True when offset is a whole number of steps, within the score tolerance (0.3 / 0.1 is 2.9999999999999996). */
function isMultipleOfStep(offset: number, step: number): boolean {
  const n = offset / step;
  return sameScore(n, Math.round(n));
}

/**
 * Checks a scale when an officer opens a call: finite numbers, min below max, a positive step that
 * divides the range (else max itself could not be given). Returns the problem or null.
 */
export function validateScale(scale: ScoreScale): string | null {
  const { min, max, step } = scale;
  if (![min, max, step].every(Number.isFinite)) return 'The scale needs finite min, max and step';
  if (!(min < max)) return `The scale's min (${min}) must be below its max (${max})`;
  if (!(step > 0)) return `The scale's step must be positive; got ${step}`;
  if (!isMultipleOfStep(max - min, step))
    return `The scale's step (${step}) must divide the range ${min}–${max}`;
  return null;
}

/**
 * Checks one score against the call's scale: a number, within min…max, and on a step (2.5 on a
 * 1–5 integer scale is refused, not rounded: a reviewer's figure is never changed behind their back).
 */
export function validateScore(criterion: string, score: unknown, scale: ScoreScale): ScoreProblem | null {
  const range = `${scale.min}–${scale.max}`;
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    const got = typeof score === 'number' ? String(score) : typeof score;
    return {
      criterion,
      code: 'not_a_number',
      message: `Score for ${criterion} must be a number on ${range}; got ${got}`,
    };
  }
  if (score < scale.min && !sameScore(score, scale.min))
    return {
      criterion,
      code: 'below_scale',
      message: `Score for ${criterion} is ${score}, below the scale ${range}`,
    };
  if (score > scale.max && !sameScore(score, scale.max))
    return {
      criterion,
      code: 'above_scale',
      message: `Score for ${criterion} is ${score}, above the scale ${range}`,
    };
  if (!isMultipleOfStep(score - scale.min, scale.step))
    return {
      criterion,
      code: 'off_step',
      message: `Score for ${criterion} is ${score}, not on the scale's steps of ${scale.step} from ${scale.min}`,
    };
  return null;
}

/**
 * Checks a whole review: every score valid, no criterion the call does not have, and (when
 * `complete`, i.e. on submission rather than on saving a draft) every criterion scored, because
 * the call asks each reviewer to score every criterion.
 */
export function validateReviewScores(
  scores: Readonly<Record<string, unknown>>,
  criteria: readonly WeightedCriterion[],
  scale: ScoreScale,
  options: { complete: boolean },
): ScoreProblem[] {
  const known = new Set(criteria.map((c) => c.key));
  const problems: ScoreProblem[] = [];
  for (const [key, value] of Object.entries(scores)) {
    if (!known.has(key)) {
      problems.push({
        criterion: key,
        code: 'unknown_criterion',
        message: `The call has no criterion ${key}`,
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = validateScore(key, value, scale);
    if (problem) problems.push(problem);
  }
  if (options.complete) {
    for (const c of criteria) {
      const v = scores[c.key];
      if (v === null || v === undefined)
        problems.push({ criterion: c.key, code: 'missing', message: `Score for ${c.key} is missing` });
    }
  }
  return problems;
}

/**
 * Checks a call's weights: unique criteria, finite non-negative weights, at least one positive
 * (Σ w = 0 would make every weighted score 0/0). A zero weight is allowed: the criterion is scored
 * and shown, and may carry a threshold or break ties, but does not move the weighted score.
 */
export function validateWeights(criteria: readonly WeightedCriterion[]): string | null {
  const seen = new Set<string>();
  for (const c of criteria) {
    if (seen.has(c.key)) return `Criterion ${c.key} appears twice`;
    seen.add(c.key);
    if (!Number.isFinite(c.weight) || c.weight < 0)
      return `Weight of ${c.key} must be a finite number, 0 or more; got ${c.weight}`;
  }
  if (!criteria.some((c) => c.weight > 0)) return 'At least one criterion needs a positive weight';
  return null;
}

function assertWeights(criteria: readonly WeightedCriterion[]): void {
  const problem = validateWeights(criteria);
  if (problem) throw new RangeError(problem);
}

/**
 * One reviewer's weighted score: Σ wᵢ·sᵢ / Σ wᵢ over the criteria this reviewer scored. Dividing by
 * the weights actually used (not all weights) keeps the result on the call's scale when a draft
 * or a conflict-trimmed review leaves a criterion blank. Null when no positively weighted
 * criterion was scored (nothing to weigh is not a 0). Throws on invalid weights, which the call
 * refused when it was opened.
 */
export function weightedScore(
  scores: Readonly<Record<string, number | null | undefined>>,
  criteria: readonly WeightedCriterion[],
): number | null {
  assertWeights(criteria);
  const products: number[] = [];
  const weights: number[] = [];
  for (const c of criteria) {
    const s = scores[c.key];
    if (s === null || s === undefined || c.weight === 0) continue;
    products.push(c.weight * s);
    weights.push(c.weight);
  }
  return weights.length === 0 ? null : sum(products) / sum(weights);
}

/** Mean or median of the figures, as the call chose; null for none. */
export function aggregate(values: readonly number[], method: Aggregation): number | null {
  switch (method) {
    case 'mean':
      return mean(values);
    case 'median':
      return median(values);
  }
}

/** One reviewer's submitted scores on one proposal. */
export interface ReviewScores {
  reviewerId: number;
  scores: Readonly<Record<string, number | null | undefined>>;
}

/** A proposal's figures, each traceable to the reviews behind it. */
export interface ProposalScore {
  /** Each reviewer's weighted score, in the order given. */
  reviewers: { reviewerId: number; weighted: number | null }[];
  /** Per criterion: the mean/median over reviewers who scored it (or the consensus score); null when none did. */
  criteria: Record<string, number | null>;
  /** Criteria whose figure is the moderator's agreed score rather than the reviewers' aggregate. */
  consensusCriteria: string[];
  /** The mean/median of the reviewers' weighted scores; null when no reviewer has one. */
  score: number | null;
  /** Reviewers whose weighted score counted. */
  reviewCount: number;
}

/**
 * Aggregates a proposal's reviews. The proposal score is the mean (or median) of the reviewers'
 * weighted scores — each reviewer's overall judgement counts once, as in the 2004 evaluation's
 * "average over evaluators" — and each criterion's figure is the mean (or median) of that
 * criterion's scores, for thresholds, tie-breaks and display.
 *
 * `consensus` holds a moderator's agreed score per criterion (recorded where reviewers disagreed):
 * it replaces every reviewer's score on that criterion in the weighted scores and becomes the
 * criterion's figure, while the individual scores stay in the input for the record.
 */
export function scoreProposal(
  reviews: readonly ReviewScores[],
  criteria: readonly WeightedCriterion[],
  method: Aggregation,
  consensus: Readonly<Record<string, number>> = {},
): ProposalScore {
  assertWeights(criteria);
  const consensusCriteria = criteria.map((c) => c.key).filter((k) => consensus[k] !== undefined);
  const reviewers = reviews.map((r) => ({
    reviewerId: r.reviewerId,
    weighted: weightedScore({ ...r.scores, ...pick(consensus, consensusCriteria) }, criteria),
  }));
  const figures: Record<string, number | null> = {};
  for (const c of criteria) {
    const agreed = consensus[c.key];
    if (agreed !== undefined) {
      figures[c.key] = agreed;
      continue;
    }
    const values = reviews.map((r) => r.scores[c.key]).filter((v): v is number => typeof v === 'number');
    figures[c.key] = aggregate(values, method);
  }
  const weighted = reviewers.map((r) => r.weighted).filter((v): v is number => v !== null);
  return {
    reviewers,
    criteria: figures,
    consensusCriteria,
    score: aggregate(weighted, method),
    reviewCount: weighted.length,
  };
}

function pick(record: Readonly<Record<string, number>>, keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = record[k]!;
  return out;
}
