/**
 * How stable the ranking is when the weights move: in each of N trials every weight is multiplied
 * by (1 + u), u uniform on [−p, +p] (default p = 0.2, "perturbed by up to ±20 %"), the set is
 * renormalised to 100, every cluster's total is recomputed and the clusters re-ranked (same
 * competition ranking and tolerance as the published ranking). Per cluster: the share of trials in
 * which it keeps its baseline rank, the lowest and highest rank seen, and the mean rank.
 *
 * Reproducible: the random source is seededRandom(seed) from selection/random, drawn once per item
 * per trial in the round's item order, so a seed recorded with the result reproduces it exactly.
 *
 * Fast: a cluster's total is (1/E) Σₑ Σᵢ wᵢ pₑᵢ / Σw = Σᵢ wᵢ Sᵢ / (E Σw) with Sᵢ = Σₑ pₑᵢ, so the
 * per-item points sums over the counted evaluators are computed once and a trial costs
 * O(clusters × items) plus a sort, not O(clusters × evaluators × items).
 */
import { seededRandom } from '../selection/random';
import type { GradeScale } from './grades';
import { rankInto } from './ranks';
import { EvaluationRuleError, type RuleIssue } from './rule-error';
import { type ClusterGrading, isCounted, scoreRound } from './scores';
import type { WeightSet } from './weights';

export interface StabilityOptions {
  /** The seed of the random source; record it with the result. */
  seed: number;
  /** Number of trials; default 1,000. */
  trials?: number;
  /** Largest relative change of a weight, p in [0, 1); default 0.2 (±20 %). */
  spread?: number;
}

/** One cluster's behaviour over the trials; all null for a cluster without a score. */
export interface ClusterStability {
  clusterId: number;
  baselineScore: number | null;
  baselineRank: number | null;
  /** Share of trials (0–1) in which the cluster had exactly its baseline rank. */
  keptRankShare: number | null;
  minRank: number | null;
  maxRank: number | null;
  meanRank: number | null;
}

export interface StabilityResult {
  seed: number;
  trials: number;
  spread: number;
  /** In the input's cluster order. */
  clusters: ClusterStability[];
}

function optionIssues(trials: number, spread: number, seed: number): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!Number.isSafeInteger(seed))
    issues.push({ field: 'seed', message: `The seed must be a whole number; got ${seed}` });
  if (!Number.isInteger(trials) || trials < 1 || trials > 1_000_000)
    issues.push({
      field: 'trials',
      message: `Trials must be a whole number from 1 to 1,000,000; got ${trials}`,
    });
  // p = 1 could zero every weight; p < 0 or NaN means nothing.
  if (typeof spread !== 'number' || !(spread >= 0 && spread < 1))
    issues.push({ field: 'spread', message: `The spread must be at least 0 and below 1; got ${spread}` });
  return issues;
}

/**
 * Ranking stability under weight perturbation. Validates the grades as {@link scoreRound} does
 * (same errors and fields) and the options (fields `seed`, `trials`, `spread`).
 */
export function rankingStability(
  input: {
    items: readonly string[];
    weights: WeightSet;
    scale: GradeScale;
    clusters: readonly ClusterGrading[];
  },
  options: StabilityOptions,
): StabilityResult {
  const trials = options.trials ?? 1000;
  const spread = options.spread ?? 0.2;
  const issues = optionIssues(trials, spread, options.seed);
  if (issues.length > 0) throw new EvaluationRuleError('invalid_options', issues);
  const { items, weights, scale, clusters } = input;
  scoreRound({ items, weights, scale, clusters }); // validates grades, conflicts and weights

  const itemCount = items.length;
  const clusterCount = clusters.length;
  // pointSums[c * itemCount + i] = Σ over counted evaluators of cluster c of their points on item i.
  const pointSums = new Float64Array(clusterCount * itemCount);
  const evaluatorCounts = new Float64Array(clusterCount);
  clusters.forEach((cluster, c) => {
    for (const g of cluster.gradings) {
      if (!isCounted(g)) continue;
      evaluatorCounts[c]! += 1;
      for (let i = 0; i < itemCount; i++)
        pointSums[c * itemCount + i]! += scale.pointsByGrade.get(g.grades[items[i]!]!)!;
    }
  });
  const scoredClusters: number[] = [];
  for (let c = 0; c < clusterCount; c++) if (evaluatorCounts[c]! > 0) scoredClusters.push(c);

  const baseWeights = Float64Array.from(items, (item) => weights[item]!);
  const scores = new Float64Array(clusterCount);
  const order: number[] = [];
  const computeScores = (w: Float64Array): void => {
    let total = 0;
    for (let i = 0; i < itemCount; i++) total += w[i]!;
    for (const c of scoredClusters) {
      let s = 0;
      const base = c * itemCount;
      for (let i = 0; i < itemCount; i++) s += w[i]! * pointSums[base + i]!;
      scores[c] = s / (evaluatorCounts[c]! * total);
    }
    order.length = 0;
    for (const c of scoredClusters) order.push(c);
  };

  computeScores(baseWeights);
  const baselineRanks = new Int32Array(clusterCount);
  rankInto(scores, order, baselineRanks);
  const baselineScores = Float64Array.from(scores);

  const ranks = new Int32Array(clusterCount);
  const kept = new Float64Array(clusterCount);
  const minRanks = new Int32Array(clusterCount).fill(2 ** 30);
  const maxRanks = new Int32Array(clusterCount);
  const rankSums = new Float64Array(clusterCount);
  const random = seededRandom(options.seed);
  const perturbed = new Float64Array(itemCount);
  for (let t = 0; t < trials; t++) {
    let total = 0;
    for (let i = 0; i < itemCount; i++) {
      const w = baseWeights[i]! * (1 + (2 * random() - 1) * spread);
      perturbed[i] = w;
      total += w;
    }
    for (let i = 0; i < itemCount; i++) perturbed[i] = (perturbed[i]! * 100) / total;
    computeScores(perturbed);
    rankInto(scores, order, ranks);
    for (const c of scoredClusters) {
      const r = ranks[c]!;
      if (r === baselineRanks[c]) kept[c]! += 1;
      if (r < minRanks[c]!) minRanks[c] = r;
      if (r > maxRanks[c]!) maxRanks[c] = r;
      rankSums[c]! += r;
    }
  }

  return {
    seed: options.seed,
    trials,
    spread,
    clusters: clusters.map((cluster, c) =>
      evaluatorCounts[c]! === 0
        ? {
            clusterId: cluster.clusterId,
            baselineScore: null,
            baselineRank: null,
            keptRankShare: null,
            minRank: null,
            maxRank: null,
            meanRank: null,
          }
        : {
            clusterId: cluster.clusterId,
            baselineScore: baselineScores[c]!,
            baselineRank: baselineRanks[c]!,
            keptRankShare: kept[c]! / trials,
            minRank: minRanks[c]!,
            maxRank: maxRanks[c]!,
            meanRank: rankSums[c]! / trials,
          },
    ),
  };
}
