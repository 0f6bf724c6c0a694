/**
 * From grades to results (issue 5, "Scores, results"):
 *
 * - An evaluator's score for a cluster = Σ wᵢ × pointsᵢ / Σ wᵢ over the round's items. Every item
 *   must be graded (submission needs every item), so a partial grading is "incomplete", not a
 *   score over the items graded so far.
 * - The cluster's total score = the mean of the scores of its evaluators who SUBMITTED and are NOT
 *   conflicted (a conflict of interest excludes the evaluator's grades even if they were entered).
 *   No such evaluator → no score (null), never 0.
 * - The 100-point figure maps the scale's range linearly: worst grade's points → 0, best grade's
 *   points → 100, i.e. (score − min) / (max − min) × 100. With S=4…C=1: S 100, A 66.7, B 33.3,
 *   C 0. Chosen over score / max × 100 because that would give an all-C cluster 25 points for
 *   nothing and would change if every grade's points were shifted by a constant.
 * - Ranking: higher total first, equal totals (within the score tolerance of selection/numbers)
 *   share a rank and the next rank skips (1, 2, 2, 4); unscored clusters come last, unranked.
 * - Band: see bands.ts (nearest grade by default).
 * - Per item, the distribution of grades (counts per grade in scale order) over counted gradings.
 */
import { compareScores, sum } from '../selection/numbers';
import { bandOf, bandsFromScale, assertBands, type ScoreBand } from './bands';
import { type GradeScale, pointsOf } from './grades';
import { competitionRanks } from './ranks';
import { EvaluationRuleError, fieldPath, type RuleIssue, throwIfIssues } from './rule-error';
import { assertItems, weightIssues, type WeightSet } from './weights';

/** One evaluator's grades on one cluster: item key → grade label (null/absent = not graded yet). */
export type ItemGrades = Readonly<Record<string, string | null | undefined>>;

/** One evaluator's grading of one cluster, with what decides whether it counts. */
export interface EvaluatorGrading {
  evaluatorId: number;
  /** Submitted gradings count; drafts are ignored. */
  submitted: boolean;
  /** A conflict of interest (organization, prefecture, declared) excludes the grading. */
  conflicted: boolean;
  grades: ItemGrades;
}

/** A cluster with every grading assigned to it. */
export interface ClusterGrading {
  clusterId: number;
  gradings: readonly EvaluatorGrading[];
}

/** True when a grading counts towards the total: submitted and not conflicted. */
export function isCounted(grading: EvaluatorGrading): boolean {
  return grading.submitted && !grading.conflicted;
}

/** An evaluator's score, or the items still missing. */
export type EvaluatorScore = { complete: true; score: number } | { complete: false; missing: string[] };

function assertScoringWeights(items: readonly string[], weights: WeightSet): void {
  assertItems(items);
  throwIfIssues('invalid_weights', weightIssues(items, weights, 'weights'));
}

function gradeKeyIssues(items: readonly string[], grades: ItemGrades, field: string): RuleIssue[] {
  const known = new Set(items);
  return Object.keys(grades)
    .filter((k) => !known.has(k))
    .map((k) => ({ field: fieldPath(field, k), message: `There is no criterion item ${k}` }));
}

/** Σ wᵢ·pᵢ / Σ wᵢ when every item is graded; the caller has checked items and weights. */
function scoreOf(
  items: readonly string[],
  weights: WeightSet,
  scale: GradeScale,
  grades: ItemGrades,
  field: string,
): EvaluatorScore {
  const issues = gradeKeyIssues(items, grades, field);
  if (issues.length > 0) throw new EvaluationRuleError('unknown_item', issues);
  const missing: string[] = [];
  const products: number[] = [];
  const used: number[] = [];
  for (const item of items) {
    const grade = grades[item];
    if (grade === null || grade === undefined) {
      missing.push(item);
      continue;
    }
    const points = pointsOf(scale, grade, () => fieldPath(field, item));
    products.push(weights[item]! * points);
    used.push(weights[item]!);
  }
  if (missing.length > 0) return { complete: false, missing };
  return { complete: true, score: sum(products) / sum(used) };
}

/**
 * One evaluator's weighted score on one cluster: Σ wᵢ × pointsᵢ / Σ wᵢ, or incomplete with the
 * items not graded. Throws `unknown_grade` (field `grades.${item}`) for a grade outside the scale,
 * `unknown_item` for a key the round does not have, `invalid_weights` for bad weights.
 */
export function evaluatorScore(
  items: readonly string[],
  weights: WeightSet,
  scale: GradeScale,
  grades: ItemGrades,
  field = 'grades',
): EvaluatorScore {
  assertScoringWeights(items, weights);
  return scoreOf(items, weights, scale, grades, field);
}

/** A score on the 100-point scale: (score − min points) / (max points − min points) × 100. */
export function toHundredPoints(score: number, scale: GradeScale): number {
  return ((score - scale.minPoints) / (scale.maxPoints - scale.minPoints)) * 100;
}

/** A cluster's total and how it was reached. */
export interface ClusterScore {
  clusterId: number;
  /** Mean of the counted evaluators' scores; null when none counted. */
  score: number | null;
  /** The same on the 100-point scale; null with it. */
  score100: number | null;
  /** Each counted evaluator's score, in the order given. */
  evaluators: { evaluatorId: number; score: number }[];
  /** How many evaluators counted. */
  evaluatorCount: number;
  /** Evaluators excluded by a conflict of interest (whether or not they submitted). */
  conflicted: number[];
  /** Non-conflicted evaluators who have not submitted. */
  notSubmitted: number[];
}

function scoreCluster(
  items: readonly string[],
  weights: WeightSet,
  scale: GradeScale,
  cluster: ClusterGrading,
  field: string,
): ClusterScore {
  const seen = new Set<number>();
  const evaluators: { evaluatorId: number; score: number }[] = [];
  const conflicted: number[] = [];
  const notSubmitted: number[] = [];
  cluster.gradings.forEach((g, j) => {
    const where = fieldPath(field, 'gradings', j);
    if (seen.has(g.evaluatorId))
      throw new EvaluationRuleError('invalid_grading', [
        {
          field: fieldPath(where, 'evaluatorId'),
          message: `Evaluator ${g.evaluatorId} grades cluster ${cluster.clusterId} twice`,
        },
      ]);
    seen.add(g.evaluatorId);
    if (g.conflicted) {
      conflicted.push(g.evaluatorId);
      return;
    }
    if (!g.submitted) {
      notSubmitted.push(g.evaluatorId);
      return;
    }
    const result = scoreOf(items, weights, scale, g.grades, fieldPath(where, 'grades'));
    if (!result.complete)
      throw new EvaluationRuleError(
        'incomplete_grading',
        result.missing.map((item) => ({
          field: fieldPath(where, 'grades', item),
          message: `Evaluator ${g.evaluatorId} submitted cluster ${cluster.clusterId} without grading ${item}`,
        })),
      );
    evaluators.push({ evaluatorId: g.evaluatorId, score: result.score });
  });
  const score = evaluators.length === 0 ? null : sum(evaluators.map((e) => e.score)) / evaluators.length;
  return {
    clusterId: cluster.clusterId,
    score,
    score100: score === null ? null : toHundredPoints(score, scale),
    evaluators,
    evaluatorCount: evaluators.length,
    conflicted,
    notSubmitted,
  };
}

/**
 * A cluster's total score: the mean over its non-conflicted evaluators who submitted. Throws
 * `incomplete_grading` when a counted (submitted) grading misses an item — submission needs every
 * item graded, so such data is corrupt, not partial — and `invalid_grading` for an evaluator listed
 * twice. Fields are relative to `field` (e.g. `gradings.2.grades.plans.technical`).
 */
export function clusterScore(
  items: readonly string[],
  weights: WeightSet,
  scale: GradeScale,
  cluster: ClusterGrading,
  field = '',
): ClusterScore {
  assertScoringWeights(items, weights);
  return scoreCluster(items, weights, scale, cluster, field);
}

/** A cluster's published figures. */
export interface RankedClusterScore extends ClusterScore {
  rank: number | null;
  /** Other clusters sharing the rank. */
  tiedWith: number[];
  band: string | null;
}

/**
 * Scores a whole round: every cluster's total, 100-point figure, rank and band. Returned in rank
 * order (ties and unscored clusters by cluster id). `bands` default to the nearest-grade bands of
 * the scale. Fields in errors are `clusters.${i}.gradings.${j}…`.
 */
export function scoreRound(input: {
  items: readonly string[];
  weights: WeightSet;
  scale: GradeScale;
  clusters: readonly ClusterGrading[];
  bands?: readonly ScoreBand[];
}): RankedClusterScore[] {
  const { items, weights, scale, clusters } = input;
  assertScoringWeights(items, weights);
  const bands = input.bands ?? bandsFromScale(scale);
  assertBands(bands);
  const ids = new Set<number>();
  clusters.forEach((c, i) => {
    if (ids.has(c.clusterId))
      throw new EvaluationRuleError('invalid_grading', [
        { field: fieldPath('clusters', i, 'clusterId'), message: `Cluster ${c.clusterId} is listed twice` },
      ]);
    ids.add(c.clusterId);
  });
  const scored = clusters.map((c, i) => scoreCluster(items, weights, scale, c, fieldPath('clusters', i)));
  const ranks = competitionRanks(scored.map((s) => s.score));
  const out = scored.map((s, i) => ({
    ...s,
    rank: ranks[i]!,
    tiedWith: [] as number[],
    band: bandOf(s.score, bands),
  }));
  for (const a of out)
    if (a.rank !== null)
      a.tiedWith = out
        .filter((b) => b !== a && b.rank === a.rank)
        .map((b) => b.clusterId)
        .sort((x, y) => x - y);
  return out.sort(
    (a, b) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      (a.score !== null && b.score !== null ? compareScores(b.score, a.score) : 0) ||
      a.clusterId - b.clusterId,
  );
}

/** The grades given on one item: count per grade in scale order (best first). */
export interface ItemDistribution {
  item: string;
  counts: { grade: string; count: number }[];
  /** How many counted gradings graded the item. */
  graded: number;
  /** Mean points of those grades; null when none. */
  meanPoints: number | null;
}

/**
 * Per item, the distribution of grades over the gradings that count (submitted, not conflicted);
 * pass one cluster's gradings or every cluster's for the round. Ungraded items are not counted;
 * a grade outside the scale throws `unknown_grade`.
 */
export function gradeDistribution(
  items: readonly string[],
  scale: GradeScale,
  gradings: readonly EvaluatorGrading[],
): ItemDistribution[] {
  assertItems(items);
  return items.map((item) => {
    const counts = new Map(scale.steps.map((s) => [s.grade, 0]));
    const points: number[] = [];
    gradings.forEach((g, j) => {
      if (!isCounted(g)) return;
      const grade = g.grades[item];
      if (grade === null || grade === undefined) return;
      points.push(pointsOf(scale, grade, () => fieldPath('gradings', j, 'grades', item)));
      counts.set(grade, counts.get(grade)! + 1);
    });
    return {
      item,
      counts: scale.steps.map((s) => ({ grade: s.grade, count: counts.get(s.grade)! })),
      graded: points.length,
      meanPoints: points.length === 0 ? null : sum(points) / points.length,
    };
  });
}
