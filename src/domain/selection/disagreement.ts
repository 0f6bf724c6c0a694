/**
 * Disagreement: how far reviewers' scores spread, per criterion and overall (on the reviewers'
 * weighted scores), and flags where the spread reaches the call's limits, so a moderator knows
 * where a consensus step is needed before the ranking is trusted.
 */
import { populationSd, reaches, sampleSd } from './numbers';
import { type ReviewScores, type WeightedCriterion, weightedScore } from './scoring';

export interface Spread {
  count: number;
  min: number;
  max: number;
  /** max − min: the measure a panel reads at a glance ("one said 1, another 5"). */
  range: number;
  /** Divide by n: the spread of exactly these reviewers. */
  populationSd: number;
  /** Divide by n − 1; null for a single reviewer. */
  sampleSd: number | null;
}

/**
 * The call's limits. A limit left null is not checked. Both are "reaches": a range limit of 2 on a
 * 5-point scale flags 2 vs 4. The SD limit applies to the population SD by default — it is
 * defined for any number of reviewers, and the sample SD of two reviewers 1 point apart (0.71)
 * would flag sooner than the same panel's population SD (0.5) for no reason in the scores.
 */
export interface DisagreementLimits {
  range?: number | null;
  sd?: number | null;
  sdKind?: 'population' | 'sample';
}

export interface DisagreementFlag {
  scope: 'overall' | 'criterion';
  criterion: string | null;
  measure: 'range' | 'sd';
  value: number;
  limit: number;
  message: string;
}

export interface Disagreement {
  overall: Spread | null;
  criteria: Record<string, Spread | null>;
  flags: DisagreementFlag[];
  /** True when any flag is raised. */
  flagged: boolean;
}

/** The spread of some figures; null for none (nothing to disagree about). */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return {
    count: values.length,
    min,
    max,
    range: max - min,
    populationSd: populationSd(values)!,
    sampleSd: sampleSd(values),
  };
}

/** Flags one spread against the limits (range first, then SD). */
export function flagSpread(
  spread: Spread | null,
  limits: DisagreementLimits,
  criterion: string | null,
): DisagreementFlag[] {
  if (spread === null) return [];
  const flags: DisagreementFlag[] = [];
  const where = criterion === null ? 'overall' : `on ${criterion}`;
  const scope = criterion === null ? 'overall' : 'criterion';
  if (limits.range !== null && limits.range !== undefined && reaches(spread.range, limits.range))
    flags.push({
      scope,
      criterion,
      measure: 'range',
      value: spread.range,
      limit: limits.range,
      message: `Scores ${where} range from ${spread.min} to ${spread.max} (spread ${fmt(spread.range)} ≥ ${limits.range})`,
    });
  const kind = limits.sdKind ?? 'population';
  const sd = kind === 'population' ? spread.populationSd : spread.sampleSd;
  if (limits.sd !== null && limits.sd !== undefined && sd !== null && reaches(sd, limits.sd))
    flags.push({
      scope,
      criterion,
      measure: 'sd',
      value: sd,
      limit: limits.sd,
      message: `Scores ${where} have a ${kind} standard deviation of ${fmt(sd)} (≥ ${limits.sd})`,
    });
  return flags;
}

/**
 * A proposal's disagreement: overall on the reviewers' weighted scores, then per criterion in the
 * call's order on the scores given. Reviewers who left a criterion blank are not counted there.
 */
export function measureDisagreement(
  reviews: readonly ReviewScores[],
  criteria: readonly WeightedCriterion[],
  limits: DisagreementLimits,
): Disagreement {
  const weighted = reviews
    .map((r) => weightedScore(r.scores, criteria))
    .filter((v): v is number => v !== null);
  const overall = spreadOf(weighted);
  const flags = flagSpread(overall, limits, null);
  const perCriterion: Record<string, Spread | null> = {};
  for (const c of criteria) {
    const values = reviews.map((r) => r.scores[c.key]).filter((v): v is number => typeof v === 'number');
    const spread = spreadOf(values);
    perCriterion[c.key] = spread;
    flags.push(...flagSpread(spread, limits, c.key));
  }
  return { overall, criteria: perCriterion, flags, flagged: flags.length > 0 };
}

function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}
