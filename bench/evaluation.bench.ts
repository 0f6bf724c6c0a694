/**
 * Evaluation benchmark (issue 5, Speed): scores and ranking, grade distribution, agreement
 * statistics, ranking stability under 1,000 weight perturbations and next year's allocation for a
 * round of 1,000 clusters × 30 evaluators × 12 items, each beside a baseline measured in the same
 * run: a plain loop over the same numbers doing only the arithmetic. Domain code only (no database,
 * no HTTP). Prints one JSON document on stdout; progress goes to stderr.
 *
 *   npm run -s bench:evaluation > bench/results/evaluation-$(date -u +%F).json
 *   npm run -s bench:evaluation -- --repetitions 5 --trials 200
 *   npm run -s bench:evaluation -- --clusters 100 --evaluators 8 --trials 100 --repetitions 3   # smoke run
 *
 * One untimed warm-up repetition of everything, then `--repetitions` timed ones; figures are the
 * median and the p95 (nearest rank) over them. In each repetition every stage runs its domain call
 * and its baseline back to back, the baseline first in even repetitions.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import {
  allocateSubsidies,
  type Allocation,
  type AllocationClusterInput,
  type ClusterGrading,
  DEFAULT_ALLOCATION_BANDS,
  DEFAULT_GRADE_STEPS,
  defineGradeScale,
  type EvaluatorGrading,
  evaluatorLeniency,
  type EvaluatorLeniency,
  gradeDistribution,
  type ItemDistribution,
  meanWeights,
  rankingStability,
  type RankedClusterScore,
  roundAgreement,
  type RoundAgreement,
  scoreRound,
  type StabilityResult,
  type WeightProposal,
  type WeightSet,
} from '../src/domain/evaluation';
import { seededRandom } from '../src/domain/selection';
import { percentile } from './lib/load';
import { round } from './lib/synthetic-data';

const { values: flags } = parseArgs({
  options: {
    clusters: { type: 'string', default: '1000' },
    evaluators: { type: 'string', default: '30' },
    items: { type: 'string', default: '12' },
    trials: { type: 'string', default: '1000' },
    repetitions: { type: 'string', default: '20' },
    'conflict-rate': { type: 'string', default: '0.03' },
    seed: { type: 'string', default: '20040401' },
  },
});

function numberFlag(name: string, raw: string, minimum: number): number {
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value < minimum) throw new Error(`--${name} must be a number ≥ ${minimum}`);
  return value;
}

const spec = {
  clusters: Math.floor(numberFlag('clusters', flags.clusters, 1)),
  /** Every evaluator grades every cluster (a full panel), so gradings = clusters × evaluators. */
  evaluators: Math.floor(numberFlag('evaluators', flags.evaluators, 1)),
  items: Math.floor(numberFlag('items', flags.items, 1)),
  trials: Math.floor(numberFlag('trials', flags.trials, 1)),
  conflictRate: numberFlag('conflict-rate', flags['conflict-rate'], 0),
  seed: Math.floor(numberFlag('seed', flags.seed, 0)),
};
const repetitions = Math.floor(numberFlag('repetitions', flags.repetitions, 1));

/** S=4, A=3, B=2, C=1, the 2004 intermediate evaluation's grades with the platform's points. */
const SCALE = defineGradeScale(DEFAULT_GRADE_STEPS);
/** Plain grade → points and grade → index look-ups for the baselines (no Map, no validation). */
const POINTS: Readonly<Record<string, number>> = Object.fromEntries(
  DEFAULT_GRADE_STEPS.map((s) => [s.grade, s.points]),
);
const GRADE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  DEFAULT_GRADE_STEPS.map((s, i) => [s.grade, i]),
);
const WEIGHTING_MEMBERS = 5;
const SPREAD = 0.2;
const UNIT = 1_000_000;
const FLOOR = 300_000_000;
const CEILING = 600_000_000;
const BANDS = DEFAULT_ALLOCATION_BANDS;

function log(message: string): void {
  process.stderr.write(`[bench:evaluation] ${message}\n`);
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

/**
 * The seeded round: items, the weighting members' proposals, clusters with a hidden quality,
 * evaluators with a hidden leniency, every grade (quality + leniency + item offset + noise, rounded
 * and clipped to 1–4 points), ~3 % conflicted pairs (their grades exist and must be ignored) and
 * this year's subsidy per cluster.
 */
function buildWorkload() {
  const random = seededRandom(spec.seed);
  const items = [...Array(spec.items).keys()].map((i) => `i${String(i + 1).padStart(2, '0')}`);
  // Each item has an importance; each member proposes whole weights 0–10 around it.
  const importance = items.map(() => 1 + Math.floor(random() * 5));
  const proposals: WeightProposal[] = [...Array(WEIGHTING_MEMBERS).keys()].map((m) => ({
    memberId: 900 + m,
    weights: Object.fromEntries(
      items.map((item, i) => [
        item,
        Math.min(10, Math.max(0, Math.round(importance[i]! * 2 + (random() - 0.5) * 4))),
      ]),
    ),
  }));
  const itemOffset = items.map(() => (random() - 0.5) * 0.6);
  const evaluators = [...Array(spec.evaluators).keys()].map((e) => ({
    evaluatorId: 100 + e + 1,
    leniency: (random() - 0.5) * 0.8,
  }));
  const quality: number[] = [];
  const current: number[] = [];
  let conflictedPairs = 0;
  const clusters: ClusterGrading[] = [...Array(spec.clusters).keys()].map((c) => {
    const q = 1.5 + random() * 2.4;
    quality.push(q);
    // This year's subsidy: ¥300M–¥600M recorded to the thousand yen, so nothing sits on the ¥1M grid.
    current.push(300_000_000 + Math.floor(random() * 300_000) * 1_000);
    const gradings: EvaluatorGrading[] = evaluators.map((e) => {
      const grades: Record<string, string> = {};
      items.forEach((item, i) => {
        const points = Math.round(q + e.leniency + itemOffset[i]! + (random() - 0.5) * 1.6);
        grades[item] = DEFAULT_GRADE_STEPS[4 - Math.min(4, Math.max(1, points))]!.grade;
      });
      const conflicted = random() < spec.conflictRate;
      if (conflicted) conflictedPairs++;
      return { evaluatorId: e.evaluatorId, submitted: true, conflicted, grades };
    });
    return { clusterId: c + 1, gradings };
  });
  // A flat programme budget: next year's total is this year's, on the ¥1M grid.
  const total = Math.floor(current.reduce((a, b) => a + b, 0) / UNIT) * UNIT;
  return { items, proposals, evaluators, clusters, quality, current, conflictedPairs, total };
}

type Workload = ReturnType<typeof buildWorkload>;

// ---------------------------------------------------------------------------------------------
// Baselines: the same numbers, plain loops, nothing else (no validation, no traceability).
// ---------------------------------------------------------------------------------------------

/** Σ w·p / Σ w per counted evaluator, the plain mean of those per cluster. */
function baselineScores(w: Workload, weights: Float64Array): Float64Array {
  const out = new Float64Array(w.clusters.length);
  const items = w.items;
  for (let c = 0; c < w.clusters.length; c++) {
    const gradings = w.clusters[c]!.gradings;
    let total = 0;
    let counted = 0;
    for (const g of gradings) {
      if (g.conflicted || !g.submitted) continue;
      let num = 0;
      let den = 0;
      for (let i = 0; i < items.length; i++) {
        num += weights[i]! * POINTS[g.grades[items[i]!]!]!;
        den += weights[i]!;
      }
      total += num / den;
      counted++;
    }
    out[c] = counted === 0 ? NaN : total / counted;
  }
  return out;
}

/** Counts per item × grade for the round and for each cluster, over counted gradings. */
function baselineDistribution(w: Workload): { round: Int32Array; perCluster: Int32Array } {
  const items = w.items;
  const grades = DEFAULT_GRADE_STEPS.length;
  const roundCounts = new Int32Array(items.length * grades);
  const perCluster = new Int32Array(w.clusters.length * items.length * grades);
  for (let c = 0; c < w.clusters.length; c++) {
    const base = c * items.length * grades;
    for (const g of w.clusters[c]!.gradings) {
      if (g.conflicted || !g.submitted) continue;
      for (let i = 0; i < items.length; i++) {
        const k = i * grades + GRADE_INDEX[g.grades[items[i]!]!]!;
        roundCounts[k]! += 1;
        perCluster[base + k]! += 1;
      }
    }
  }
  return { round: roundCounts, perCluster };
}

/**
 * A plain pairwise-disagreement loop per cluster × item unit: Σ (pₐ − p_b)² over pairs of counted
 * evaluators (which is the INTERVAL alpha's observed disagreement), Σp and Σp² (its expected one),
 * overall and per item; plus each evaluator's offset from the others' mean on the unit (leniency).
 */
function baselineAgreement(w: Workload) {
  const items = w.items;
  const perItem = items.map(() => ({ pairSum: 0, n: 0, sum: 0, sumSquares: 0 }));
  const offsetSum = new Float64Array(w.evaluators.length);
  const offsetCount = new Int32Array(w.evaluators.length);
  const values = new Float64Array(w.evaluators.length);
  const who = new Int32Array(w.evaluators.length);
  for (const cluster of w.clusters) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      let m = 0;
      let total = 0;
      let squares = 0;
      for (let e = 0; e < cluster.gradings.length; e++) {
        const g = cluster.gradings[e]!;
        if (g.conflicted || !g.submitted) continue;
        const p = POINTS[g.grades[item]!]!;
        values[m] = p;
        who[m] = e;
        m++;
        total += p;
        squares += p * p;
      }
      if (m < 2) continue;
      let pairs = 0;
      for (let a = 0; a < m; a++)
        for (let b = a + 1; b < m; b++) {
          const d = values[a]! - values[b]!;
          pairs += d * d;
        }
      const acc = perItem[i]!;
      // Ordered pairs, each weighted 1 / (m − 1), as in the coincidence matrix.
      acc.pairSum += (2 * pairs) / (m - 1);
      acc.n += m;
      acc.sum += total;
      acc.sumSquares += squares;
      for (let a = 0; a < m; a++) {
        offsetSum[who[a]!]! += values[a]! - (total - values[a]!) / (m - 1);
        offsetCount[who[a]!]! += 1;
      }
    }
  }
  return { perItem, offsetSum, offsetCount };
}

/** Interval alpha from the baseline's sums: 1 − (Σ pairs / n) / ((2nΣp² − 2(Σp)²) / (n(n − 1))). */
function intervalAlpha(acc: { pairSum: number; n: number; sum: number; sumSquares: number }): number | null {
  const { pairSum, n, sum, sumSquares } = acc;
  if (n < 2) return null;
  const expected = (2 * n * sumSquares - 2 * sum * sum) / (n * (n - 1));
  return expected === 0 ? null : 1 - pairSum / n / expected;
}

/**
 * The same trials with plain arithmetic: per-item point sums per cluster, then per trial the same
 * draws from seededRandom(seed) in the same order, Σ wᵢ Sᵢ / (E Σw) per cluster and a sort; the
 * position after the sort is added up per cluster (so the mean position can be compared).
 */
function baselineStability(w: Workload, weights: Float64Array, seed: number, trials: number): Float64Array {
  const items = w.items;
  const itemCount = items.length;
  const clusterCount = w.clusters.length;
  const sums = new Float64Array(clusterCount * itemCount);
  const counts = new Float64Array(clusterCount);
  for (let c = 0; c < clusterCount; c++)
    for (const g of w.clusters[c]!.gradings) {
      if (g.conflicted || !g.submitted) continue;
      counts[c]! += 1;
      for (let i = 0; i < itemCount; i++) sums[c * itemCount + i]! += POINTS[g.grades[items[i]!]!]!;
    }
  const scored: number[] = [];
  for (let c = 0; c < clusterCount; c++) if (counts[c]! > 0) scored.push(c);
  const random = seededRandom(seed);
  const perturbed = new Float64Array(itemCount);
  const scores = new Float64Array(clusterCount);
  const positionSums = new Float64Array(clusterCount);
  const order = [...scored];
  for (let t = 0; t < trials; t++) {
    let total = 0;
    for (let i = 0; i < itemCount; i++) {
      perturbed[i] = weights[i]! * (1 + (2 * random() - 1) * SPREAD);
      total += perturbed[i]!;
    }
    for (const c of scored) {
      let s = 0;
      for (let i = 0; i < itemCount; i++) s += perturbed[i]! * sums[c * itemCount + i]!;
      scores[c] = s / (counts[c]! * total);
    }
    order.sort((a, b) => scores[b]! - scores[a]!);
    for (let p = 0; p < order.length; p++) positionSums[order[p]!]! += p + 1;
  }
  for (const c of scored) positionSums[c] = positionSums[c]! / trials;
  return positionSums;
}

/** Plain proportional scaling: current × (1 + band's adjustment), × total / Σ, Math.round to ¥1M. */
function baselineAllocation(current: readonly number[], scores: readonly (number | null)[], total: number) {
  const proposed = new Float64Array(current.length);
  let proposedTotal = 0;
  for (let c = 0; c < current.length; c++) {
    const s = scores[c];
    const adjustment = s === null || s === undefined ? 0 : s >= 3.5 ? 0.1 : s >= 2.5 ? 0 : -0.1;
    proposed[c] = current[c]! * (1 + adjustment);
    proposedTotal += proposed[c]!;
  }
  const factor = total / proposedTotal;
  const final = new Float64Array(current.length);
  for (let c = 0; c < current.length; c++) final[c] = Math.round((proposed[c]! * factor) / UNIT) * UNIT;
  return final;
}

// ---------------------------------------------------------------------------------------------
// The domain calls, as the results and allocation services make them.
// ---------------------------------------------------------------------------------------------

function domainScores(w: Workload, weights: WeightSet): RankedClusterScore[] {
  return scoreRound({ items: w.items, weights, scale: SCALE, clusters: w.clusters });
}

/** The round's distribution (every counted grading) and each cluster's, as the results page shows them. */
function domainDistribution(w: Workload, all: readonly EvaluatorGrading[]) {
  const roundDistribution = gradeDistribution(w.items, SCALE, all);
  const perCluster = w.clusters.map((c) => gradeDistribution(w.items, SCALE, c.gradings));
  return { roundDistribution, perCluster };
}

function domainStability(w: Workload, weights: WeightSet): StabilityResult {
  return rankingStability(
    { items: w.items, weights, scale: SCALE, clusters: w.clusters },
    { seed: spec.seed, trials: spec.trials, spread: SPREAD },
  );
}

function allocationInput(w: Workload, ranked: readonly RankedClusterScore[]): AllocationClusterInput[] {
  const scoreById = new Map(ranked.map((r) => [r.clusterId, r.score]));
  return w.clusters.map((c, i) => {
    const score = scoreById.get(c.clusterId) ?? null;
    // A cluster nobody could grade (possible only in tiny smoke runs) keeps its subsidy's band.
    return { clusterId: c.clusterId, current: w.current[i]!, score, band: score === null ? 'keep' : null };
  });
}

function domainAllocation(w: Workload, clusters: readonly AllocationClusterInput[]): Allocation {
  return allocateSubsidies({
    clusters,
    bands: BANDS,
    total: w.total,
    unit: UNIT,
    floor: FLOOR,
    ceiling: CEILING,
  });
}

// ---------------------------------------------------------------------------------------------
// Timing and statistics
// ---------------------------------------------------------------------------------------------

function stats(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianMs: round(percentile(sorted, 50), 3),
    p95Ms: round(percentile(sorted, 95), 3),
    minMs: round(sorted[0]!, 3),
    maxMs: round(sorted[sorted.length - 1]!, 3),
  };
}

function ratio(a: number, b: number): number | null {
  return b > 0 ? Number((a / b).toPrecision(3)) : null;
}

function time<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** Runs the domain call and its baseline back to back, the baseline first when `baselineFirst`. */
function pair<D, B>(baselineFirst: boolean, domain: () => D, baseline: () => B) {
  if (baselineFirst) {
    const b = time(baseline);
    const d = time(domain);
    return { domain: d, baseline: b };
  }
  const d = time(domain);
  const b = time(baseline);
  return { domain: d, baseline: b };
}

function maxAbs(pairs: Iterable<[number, number]>): { max: number; compared: number } {
  let max = 0;
  let compared = 0;
  for (const [a, b] of pairs) {
    max = Math.max(max, Math.abs(a - b));
    compared++;
  }
  return { max, compared };
}

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

const STAGES = ['scores', 'distribution', 'agreement', 'stability', 'allocation'] as const;
type Stage = (typeof STAGES)[number];

function main(): void {
  const started = performance.now();
  const loadAtStart = os.loadavg().map((l) => round(l, 2));
  log(
    `workload: ${spec.clusters} clusters × ${spec.evaluators} evaluators × ${spec.items} items, ${spec.trials} trials, conflicts ${spec.conflictRate * 100} % of pairs, ${repetitions} repetitions`,
  );
  const built = time(buildWorkload);
  const w = built.value;
  const weighted = time(() => meanWeights(w.items, w.proposals));
  const weights = weighted.value;
  const weightArray = Float64Array.from(w.items, (item) => weights[item]!);
  const allGradings = w.clusters.flatMap((c) => c.gradings);

  // Warm-up: everything once, untimed; its results are the references for determinism and stand
  // in as "the last result" until the first timed repetition replaces them.
  log('warm-up');
  let ranked = domainScores(w, weights);
  const allocationClusters = allocationInput(w, ranked);
  const scoresForBaseline = allocationClusters.map((c) => c.score);
  let distribution = domainDistribution(w, allGradings);
  let agreement: RoundAgreement = roundAgreement(w.items, SCALE, w.clusters, 'ordinal');
  let leniency: EvaluatorLeniency[] = evaluatorLeniency(w.items, SCALE, w.clusters);
  let stability = domainStability(w, weights);
  let allocation = domainAllocation(w, allocationClusters);
  let scoresBase: Float64Array = baselineScores(w, weightArray);
  let distributionBase = baselineDistribution(w);
  let agreementBase = baselineAgreement(w);
  let stabilityBase: Float64Array = baselineStability(w, weightArray, spec.seed, spec.trials);
  let allocationBase: Float64Array = baselineAllocation(w.current, scoresForBaseline, w.total);
  const stabilityReference = JSON.stringify(stability);
  const allocationReference = JSON.stringify(allocation.lines);

  const domainSamples = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  const baselineSamples = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<
    Stage,
    number[]
  >;
  const agreementParts = { roundAgreement: [] as number[], evaluatorLeniency: [] as number[] };
  const wholeRound: number[] = [];
  const wholeBaseline: number[] = [];
  let stabilityDeterministic = true;
  let allocationDeterministic = true;

  for (let rep = 1; rep <= repetitions; rep++) {
    // Alternate the order so neither side always runs on a warmer cache or right after a GC.
    const baselineFirst = rep % 2 === 0;
    const s = pair(
      baselineFirst,
      () => domainScores(w, weights),
      () => baselineScores(w, weightArray),
    );
    ranked = s.domain.value;
    scoresBase = s.baseline.value;

    const d = pair(
      baselineFirst,
      () => domainDistribution(w, allGradings),
      () => baselineDistribution(w),
    );
    distribution = d.domain.value;
    distributionBase = d.baseline.value;

    const a = pair(
      baselineFirst,
      () => {
        const alpha = time(() => roundAgreement(w.items, SCALE, w.clusters, 'ordinal'));
        const lenient = time(() => evaluatorLeniency(w.items, SCALE, w.clusters));
        agreementParts.roundAgreement.push(alpha.ms);
        agreementParts.evaluatorLeniency.push(lenient.ms);
        return { alpha: alpha.value, lenient: lenient.value };
      },
      () => baselineAgreement(w),
    );
    agreement = a.domain.value.alpha;
    leniency = a.domain.value.lenient;
    agreementBase = a.baseline.value;

    const t = pair(
      baselineFirst,
      () => domainStability(w, weights),
      () => baselineStability(w, weightArray, spec.seed, spec.trials),
    );
    stability = t.domain.value;
    stabilityBase = t.baseline.value;
    if (JSON.stringify(stability) !== stabilityReference) stabilityDeterministic = false;

    const l = pair(
      baselineFirst,
      () => domainAllocation(w, allocationClusters),
      () => baselineAllocation(w.current, scoresForBaseline, w.total),
    );
    allocation = l.domain.value;
    allocationBase = l.baseline.value;
    if (JSON.stringify(allocation.lines) !== allocationReference) allocationDeterministic = false;

    const timed = { scores: s, distribution: d, agreement: a, stability: t, allocation: l };
    for (const stage of STAGES) {
      domainSamples[stage].push(timed[stage].domain.ms);
      baselineSamples[stage].push(timed[stage].baseline.ms);
    }
    wholeRound.push(STAGES.reduce((sum, stage) => sum + timed[stage].domain.ms, 0));
    wholeBaseline.push(STAGES.reduce((sum, stage) => sum + timed[stage].baseline.ms, 0));
    log(
      `repetition ${rep}/${repetitions}: ${STAGES.map((stage) => `${stage} ${round(timed[stage].domain.ms)} ms (baseline ${round(timed[stage].baseline.ms, 2)})`).join(', ')}`,
    );
  }

  // ---- Sanity: the baselines and the domain functions are the same numbers. ----
  const rankedById = new Map(ranked.map((r) => [r.clusterId, r]));
  const scoreCheck = maxAbs(
    w.clusters.flatMap((c, i): [number, number][] => {
      const score = rankedById.get(c.clusterId)!.score;
      return score === null || Number.isNaN(scoresBase[i]) ? [] : [[score, scoresBase[i]!]];
    }),
  );
  const scoredClusters = ranked.filter((r) => r.score !== null).length;

  const grades = DEFAULT_GRADE_STEPS.length;
  const distributionMatches =
    distribution.roundDistribution.every((item: ItemDistribution, i) =>
      item.counts.every((g, k) => g.count === distributionBase.round[i * grades + k]),
    ) &&
    distribution.perCluster.every((items, c) =>
      items.every((item, i) =>
        item.counts.every(
          (g, k) => g.count === distributionBase.perCluster[(c * w.items.length + i) * grades + k],
        ),
      ),
    );

  // The baseline's interval alpha against the domain's interval alpha (one untimed call).
  const intervalDomain = roundAgreement(w.items, SCALE, w.clusters, 'interval');
  const overallBase = agreementBase.perItem.reduce(
    (acc, x) => ({
      pairSum: acc.pairSum + x.pairSum,
      n: acc.n + x.n,
      sum: acc.sum + x.sum,
      sumSquares: acc.sumSquares + x.sumSquares,
    }),
    { pairSum: 0, n: 0, sum: 0, sumSquares: 0 },
  );
  // Alpha is undefined (null) without two values in a unit or without variation: both sides must say so.
  const alphaPairs: [number, number][] = [];
  let alphaNullMismatches = 0;
  const compareAlpha = (domain: number | null, baseline: number | null): void => {
    if (domain !== null && baseline !== null) alphaPairs.push([domain, baseline]);
    else if ((domain === null) !== (baseline === null)) alphaNullMismatches++;
  };
  compareAlpha(intervalDomain.overall.alpha, intervalAlpha(overallBase));
  intervalDomain.items.forEach((x, i) =>
    compareAlpha(x.agreement.alpha, intervalAlpha(agreementBase.perItem[i]!)),
  );
  const alphaCheck = maxAbs(alphaPairs);
  const leniencyPairs: [number, number][] = [];
  for (const l of leniency) {
    const e = l.evaluatorId - 101;
    if (l.leniency !== null && agreementBase.offsetCount[e]! > 0)
      leniencyPairs.push([l.leniency, agreementBase.offsetSum[e]! / agreementBase.offsetCount[e]!]);
  }
  const leniencyCheck = maxAbs(leniencyPairs);
  const hiddenVsEstimated = pearson(
    leniency.filter((l) => l.leniency !== null).map((l) => w.evaluators[l.evaluatorId - 101]!.leniency),
    leniency.filter((l) => l.leniency !== null).map((l) => l.leniency!),
  );

  // Stability: mean rank (competition ranks) against the baseline's mean position (a plain sort);
  // they are equal unless two clusters tie in some trial.
  const meanRankCheck = maxAbs(
    stability.clusters.flatMap((c, i): [number, number][] =>
      c.meanRank === null ? [] : [[c.meanRank, stabilityBase[i]!]],
    ),
  );
  const meanRankDiffering = stability.clusters.filter(
    (c, i) => c.meanRank !== null && Math.abs(c.meanRank - stabilityBase[i]!) > 1e-9,
  ).length;
  const kept = stability.clusters.filter((c) => c.keptRankShare !== null).map((c) => c.keptRankShare!);
  const spans = stability.clusters
    .filter((c) => c.minRank !== null)
    .map((c) => c.maxRank! - c.minRank!)
    .sort((a, b) => a - b);

  // Allocation: the exact total, whole units, within floor and ceiling.
  const allocatedTotal = allocation.lines.reduce((sum, line) => sum + line.final, 0);
  const offGrid = allocation.lines.filter((line) => line.final % UNIT !== 0).length;
  const outOfBounds = allocation.lines.filter((line) => line.final < FLOOR || line.final > CEILING).length;
  const baselineTotal = allocationBase.reduce((sum, v) => sum + v, 0);
  const baselineOutOfBounds = allocationBase.filter((v) => v < FLOOR || v > CEILING).length;
  const byBand = Object.fromEntries(
    BANDS.map((b) => [b.band, allocation.lines.filter((line) => line.band === b.band).length]),
  );

  const figures = {
    scores: { domain: stats(domainSamples.scores), baseline: stats(baselineSamples.scores) },
    distribution: {
      domain: stats(domainSamples.distribution),
      baseline: stats(baselineSamples.distribution),
    },
    agreement: {
      domain: stats(domainSamples.agreement),
      roundAgreement: stats(agreementParts.roundAgreement),
      evaluatorLeniency: stats(agreementParts.evaluatorLeniency),
      baseline: stats(baselineSamples.agreement),
    },
    stability: { domain: stats(domainSamples.stability), baseline: stats(baselineSamples.stability) },
    allocation: { domain: stats(domainSamples.allocation), baseline: stats(baselineSamples.allocation) },
    wholeRound: { domain: stats(wholeRound), baseline: stats(wholeBaseline) },
  };
  const ratioToBaseline = {
    note: 'medians ÷ the baseline median of the same stage from this run',
    scores: ratio(figures.scores.domain.medianMs, figures.scores.baseline.medianMs),
    distribution: ratio(figures.distribution.domain.medianMs, figures.distribution.baseline.medianMs),
    agreement: ratio(figures.agreement.domain.medianMs, figures.agreement.baseline.medianMs),
    stability: ratio(figures.stability.domain.medianMs, figures.stability.baseline.medianMs),
    allocation: ratio(figures.allocation.domain.medianMs, figures.allocation.baseline.medianMs),
    wholeRound: ratio(figures.wholeRound.domain.medianMs, figures.wholeRound.baseline.medianMs),
  };

  const sanity = {
    scores: {
      comparedClusters: scoreCheck.compared,
      maxAbsDifferenceBaselineVsScoreRound: scoreCheck.max,
      tolerance: 1e-9,
      agrees: scoreCheck.compared === scoredClusters && scoreCheck.max <= 1e-9,
    },
    distribution: {
      comparedCounts: (1 + w.clusters.length) * w.items.length * grades,
      agrees: distributionMatches,
    },
    agreement: {
      note: "the baseline's interval alpha (from its pairwise loop) against roundAgreement(…, 'interval'), called once untimed; its leniency against evaluatorLeniency",
      comparedAlphas: alphaCheck.compared,
      maxAbsDifferenceIntervalAlpha: alphaCheck.max,
      comparedEvaluators: leniencyCheck.compared,
      maxAbsDifferenceLeniency: leniencyCheck.max,
      tolerance: 1e-9,
      alphaUndefinedOnOneSideOnly: alphaNullMismatches,
      agrees:
        alphaNullMismatches === 0 &&
        alphaCheck.max <= 1e-9 &&
        leniencyCheck.max <= 1e-9 &&
        leniencyCheck.compared === leniency.filter((l) => l.leniency !== null).length,
    },
    stability: {
      deterministicAcrossRepetitions: stabilityDeterministic,
      comparedClusters: meanRankCheck.compared,
      maxAbsDifferenceMeanRankVsBaselinePosition: meanRankCheck.max,
      clustersDiffering: meanRankDiffering,
      note: 'competition ranks and plain sort positions differ only when clusters tie in a trial',
    },
    allocation: {
      deterministicAcrossRepetitions: allocationDeterministic,
      total: w.total,
      allocatedTotal,
      sumsExactly: allocatedTotal === w.total,
      linesOffTheUnitGrid: offGrid,
      linesOutsideFloorOrCeiling: outOfBounds,
      agrees: allocatedTotal === w.total && offGrid === 0 && outOfBounds === 0,
    },
  };

  const alphaPerItem = agreement.items.map((x) => x.agreement.alpha).filter((x): x is number => x !== null);
  const leniencyValues = leniency.filter((l) => l.leniency !== null).map((l) => l.leniency!);
  const outcome = {
    scores: {
      scoredClusters,
      clustersSharingARank: ranked.filter((r) => r.tiedWith.length > 0).length,
      bands: Object.fromEntries(
        SCALE.steps.map((s) => [s.grade, ranked.filter((r) => r.band === s.grade).length]),
      ),
      topScore: ranked[0]?.score ?? null,
      bottomScore: ranked.filter((r) => r.score !== null).at(-1)?.score ?? null,
    },
    distribution: {
      gradesCounted: distribution.roundDistribution.reduce((sum, item) => sum + item.graded, 0),
      roundShare: Object.fromEntries(
        SCALE.steps.map((s) => {
          const count = distribution.roundDistribution.reduce(
            (sum, item) => sum + item.counts.find((g) => g.grade === s.grade)!.count,
            0,
          );
          const graded = distribution.roundDistribution.reduce((sum, item) => sum + item.graded, 0);
          return [s.grade, round(count / Math.max(1, graded), 3)];
        }),
      ),
    },
    agreement: {
      ordinalAlphaOverall: agreement.overall.alpha === null ? null : round(agreement.overall.alpha, 4),
      ordinalAlphaPerItemMin: alphaPerItem.length ? round(Math.min(...alphaPerItem), 4) : null,
      ordinalAlphaPerItemMax: alphaPerItem.length ? round(Math.max(...alphaPerItem), 4) : null,
      pairableUnits: agreement.overall.pairableUnits,
      pairableValues: agreement.overall.pairableValues,
      leniencyMin: leniencyValues.length ? round(Math.min(...leniencyValues), 3) : null,
      leniencyMax: leniencyValues.length ? round(Math.max(...leniencyValues), 3) : null,
      leniencyCorrelationWithHidden: hiddenVsEstimated === null ? null : round(hiddenVsEstimated, 3),
    },
    stability: {
      trials: stability.trials,
      spread: stability.spread,
      seed: stability.seed,
      meanKeptRankShare: kept.length ? round(kept.reduce((a, b) => a + b, 0) / kept.length, 3) : null,
      clustersAlwaysKeepingRank: kept.filter((k) => k === 1).length,
      medianRankSpan: spans.length ? spans[Math.floor(spans.length / 2)]! : null,
      maxRankSpan: spans.length ? spans[spans.length - 1]! : null,
    },
    allocation: {
      currentTotal: allocation.currentTotal,
      proposedTotal: allocation.proposedTotal,
      total: allocation.total,
      scale: allocation.scale,
      byBand,
      clampedAtFloor: allocation.lines.filter((line) => line.clamped === 'floor').length,
      clampedAtCeiling: allocation.lines.filter((line) => line.clamped === 'ceiling').length,
      baselineTotal,
      baselineMissesTotalBy: baselineTotal - w.total,
      baselineOutsideFloorOrCeiling: baselineOutOfBounds,
    },
  };

  const notes: string[] = [];
  if (!sanity.scores.agrees)
    notes.push(
      `baseline means and scoreRound totals differ by up to ${scoreCheck.max} over ${scoreCheck.compared} clusters`,
    );
  if (!sanity.distribution.agrees) notes.push('baseline grade counts and gradeDistribution differ');
  if (!sanity.agreement.agrees)
    notes.push(
      `baseline interval alpha / leniency and the domain's differ (alpha by up to ${alphaCheck.max}, undefined on one side only ${alphaNullMismatches} times; leniency by up to ${leniencyCheck.max})`,
    );
  if (!stabilityDeterministic) notes.push('rankingStability differed between repetitions with the same seed');
  if (meanRankDiffering > 0)
    notes.push(
      `stability: ${meanRankDiffering} clusters' mean rank differs from the baseline's mean sort position by up to ${round(meanRankCheck.max, 6)}: they tied in some trials, where competition ranks share a rank and a plain sort does not (expected, not an error)`,
    );
  if (!sanity.allocation.agrees)
    notes.push(
      `allocation: total ${allocatedTotal} vs ${w.total}, ${offGrid} off the ¥1M grid, ${outOfBounds} outside floor/ceiling`,
    );
  if (!allocationDeterministic) notes.push('allocateSubsidies differed between repetitions');
  const cpus = os.cpus();
  const loadAtEnd = os.loadavg().map((l) => round(l, 2));
  if (Math.max(loadAtStart[0] ?? 0, loadAtEnd[0] ?? 0) > cpus.length / 2)
    notes.push(
      `other processes were busy during the run (1-minute load average ${loadAtStart[0]} at start, ${loadAtEnd[0]} at end, on ${cpus.length} cores): compare figures with their baselines from this run, not with other runs`,
    );

  const report = {
    benchmark: 'evaluation: scores, ranking, agreement, stability and allocation (issue 5, Speed)',
    date: new Date().toISOString(),
    gitCommit: gitCommit(),
    node: process.version,
    cpus: { count: cpus.length, model: cpus[0]?.model ?? null },
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage1m5m15m: { atStart: loadAtStart, atEnd: loadAtEnd },
    workload: {
      ...spec,
      gradings: w.clusters.length * w.evaluators.length,
      grades: w.clusters.length * w.evaluators.length * w.items.length,
      conflictedPairs: w.conflictedPairs,
      scale: SCALE.steps,
      weightingMembers: WEIGHTING_MEMBERS,
      weights: Object.fromEntries(w.items.map((item) => [item, round(weights[item]!, 3)])),
      stabilitySpread: SPREAD,
      allocation: {
        // JSON has no −Infinity (it would print null): the catch-all band's minimum is written as text.
        bands: BANDS.map((b) => ({
          ...b,
          minScore: Number.isFinite(b.minScore) ? b.minScore : String(b.minScore),
        })),
        fixedTotal: w.total,
        currentTotal: w.current.reduce((a, b) => a + b, 0),
        unit: UNIT,
        floor: FLOOR,
        ceiling: CEILING,
      },
      buildMs: round(built.ms, 2),
      meanWeightsMs: round(weighted.ms, 3),
    },
    method: {
      process: 'one Node process, domain functions only (no database, no HTTP)',
      repetitions,
      warmUp: 'one untimed repetition of everything',
      statistics: 'median and p95 (nearest rank) over the repetitions',
      order:
        'per repetition the five stages in turn; in each, the domain call and its baseline back to back, the baseline first in even repetitions',
      scores:
        'scoreRound: every cluster’s evaluators (conflicts excluded), totals, 100-point figures, ranks with ties, bands',
      distribution:
        'gradeDistribution over every grading of the round, then once per cluster (as the results page does)',
      agreement:
        "roundAgreement(…, 'ordinal'): Krippendorff's alpha over every cluster × item unit and per item; then evaluatorLeniency",
      stability: `rankingStability: ${spec.trials} trials, weights × (1 ± up to ${SPREAD * 100} %), renormalised, re-ranked (includes its validating scoreRound)`,
      allocation:
        'allocateSubsidies: bands raise +10 % (≥ 3.5) / keep (≥ 2.5) / cut −10 %, fixed total = this year’s total on the ¥1M grid, floor ¥300M, ceiling ¥600M, ¥1M unit (largest remainder)',
      baselines: {
        scores:
          'Σ w·p / Σ w per counted evaluator and the plain mean per cluster, over the same grading objects',
        distribution: 'one loop counting grades per item (round) and per cluster × item into typed arrays',
        agreement:
          "a plain pairwise-disagreement loop per cluster × item unit (Σ (pₐ − p_b)², Σp, Σp²: the interval alpha's figures) and each evaluator's offset from the others' mean",
        stability:
          'per-item point sums per cluster, then the same trials (same seeded draws): plain weighted sums and a sort per trial',
        allocation:
          'current × (1 + adjustment), scaled by total ÷ Σ, Math.round to ¥1M; no floors or ceilings',
      },
    },
    figures,
    ratioToBaseline,
    outcome,
    sanity,
    notes,
    runSeconds: 0,
  };
  report.runSeconds = round((performance.now() - started) / 1000);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main();
