/**
 * Selection benchmark (issue 4, Speed): automatic assignment and aggregation for 2,000 proposals ×
 * 400 reviewers × 10 criteria, beside a baseline measured in the same run: a plain loop computing
 * only the weighted mean per reviewer and the mean per proposal over the same numbers. Domain code
 * only (no database, no HTTP). Prints one JSON document on stdout; progress goes to stderr.
 *
 *   npm run -s bench:selection > bench/results/selection-$(date -u +%F).json
 *   npm run -s bench:selection -- --repetitions 5 --no-k10
 *   npm run -s bench:selection -- --proposals 200 --reviewers 40 --repetitions 3   # smoke run
 *
 * Each scenario (k = 3 and k = 10 reviewers per proposal) runs one untimed warm-up repetition, then
 * `--repetitions` timed ones; figures are the median and the p95 (nearest rank) over them.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import {
  type AssignmentRequest,
  type AssignmentResult,
  checkThresholds,
  type DisagreementLimits,
  measureDisagreement,
  type RankInput,
  rankProposals,
  type ReviewScores,
  type ScoreScale,
  scoreProposal,
  seededRandom,
  selectWithinLimits,
  type SelectionLimits,
  type Thresholds,
  type TieBreakRule,
  type WeightedCriterion,
  assignReviewers,
} from '../src/domain/selection';
import { round } from './lib/synthetic-data';

const { values: flags } = parseArgs({
  options: {
    proposals: { type: 'string', default: '2000' },
    reviewers: { type: 'string', default: '400' },
    criteria: { type: 'string', default: '10' },
    k: { type: 'string', default: '3' },
    'no-k10': { type: 'boolean', default: false },
    repetitions: { type: 'string', default: '7' },
    'conflict-rate': { type: 'string', default: '0.02' },
    'consensus-every': { type: 'string', default: '50' },
    seed: { type: 'string', default: '20020401' },
  },
});

function numberFlag(name: string, raw: string, minimum: number): number {
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value < minimum) throw new Error(`--${name} must be a number ≥ ${minimum}`);
  return value;
}

const spec = {
  proposals: Math.floor(numberFlag('proposals', flags.proposals, 1)),
  reviewers: Math.floor(numberFlag('reviewers', flags.reviewers, 1)),
  criteria: Math.floor(numberFlag('criteria', flags.criteria, 1)),
  conflictRate: numberFlag('conflict-rate', flags['conflict-rate'], 0),
  /** Every n-th proposal gets a moderator's consensus on two criteria. */
  consensusEvery: Math.floor(numberFlag('consensus-every', flags['consensus-every'], 1)),
  seed: Math.floor(numberFlag('seed', flags.seed, 0)),
};
const repetitions = Math.floor(numberFlag('repetitions', flags.repetitions, 1));
const kValues = [Math.floor(numberFlag('k', flags.k, 1)), ...(flags['no-k10'] ? [] : [10])].filter(
  (k, i, all) => all.indexOf(k) === i,
);

const KEY_FIELDS = [
  'life-sciences',
  'it',
  'nanotechnology-materials',
  'environment',
  'energy',
  'manufacturing',
  'biotechnology',
  'medical-devices',
] as const;
const SCALE: ScoreScale = { min: 1, max: 5, step: 1 };
const AGGREGATION = 'mean' as const;
const LIMITS: DisagreementLimits = { range: 3, sd: 1.2 };
const SELECTION: SelectionLimits = {
  slots: 12,
  budgetPerProposalYen: 500_000_000,
  totalBudgetYen: 6_000_000_000,
};

function log(message: string): void {
  process.stderr.write(`[bench:selection] ${message}\n`);
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

/** The workload's fixed part: criteria, proposals with a key field and a hidden quality, reviewers, conflicts. */
function buildWorkload() {
  const random = seededRandom(spec.seed);
  const criteria: WeightedCriterion[] = [...Array(spec.criteria).keys()].map((i) => ({
    key: `c${String(i + 1).padStart(2, '0')}`,
    // Weights 1, 2, 1, 3, …: uneven, so a weighted mean differs from the plain one.
    weight: [1, 2, 1, 3][i % 4]!,
  }));
  const proposals = [...Array(spec.proposals).keys()].map((i) => ({
    proposalId: i + 1,
    keyField: KEY_FIELDS[Math.floor(random() * KEY_FIELDS.length)]!,
    quality: 1.5 + random() * 3,
  }));
  const reviewers = [...Array(spec.reviewers).keys()].map((i) => {
    const first = KEY_FIELDS[Math.floor(random() * KEY_FIELDS.length)]!;
    const second = KEY_FIELDS[Math.floor(random() * KEY_FIELDS.length)]!;
    return {
      reviewerId: 10_000 + i,
      expertise: first === second ? [first] : [first, second],
      severity: (random() - 0.5) * 0.8,
    };
  });
  const conflicts: { reviewerId: number; proposalId: number }[] = [];
  for (const p of proposals)
    for (const r of reviewers)
      if (random() < spec.conflictRate)
        conflicts.push({ reviewerId: r.reviewerId, proposalId: p.proposalId });
  const thresholds: Thresholds = { overall: 2, criteria: { [criteria[0]!.key]: 2 } };
  const tieBreak: TieBreakRule[] = [
    { kind: 'criterion', criterion: criteria[Math.min(3, criteria.length - 1)]!.key },
  ];
  return { criteria, proposals, reviewers, conflicts, thresholds, tieBreak };
}

type Workload = ReturnType<typeof buildWorkload>;

/**
 * Seeded integer scores on the scale for every assignment: the proposal's quality plus the
 * reviewer's severity plus noise, rounded and clipped. Generated once, outside the timing.
 */
function buildReviews(w: Workload, assignment: AssignmentResult, seed: number) {
  const random = seededRandom(seed);
  const proposalIndex = new Map(w.proposals.map((p, i) => [p.proposalId, i]));
  const reviewerById = new Map(w.reviewers.map((r) => [r.reviewerId, r]));
  const reviews: ReviewScores[][] = w.proposals.map(() => []);
  for (const a of assignment.assignments) {
    const pi = proposalIndex.get(a.proposalId)!;
    const base = w.proposals[pi]!.quality + reviewerById.get(a.reviewerId)!.severity;
    const scores: Record<string, number> = {};
    for (const c of w.criteria) {
      const raw = Math.round(base + (random() - 0.5) * 2.4);
      scores[c.key] = Math.min(SCALE.max, Math.max(SCALE.min, raw));
    }
    reviews[pi]!.push({ reviewerId: a.reviewerId, scores });
  }
  const consensus: (Record<string, number> | undefined)[] = w.proposals.map((_, pi) =>
    pi % spec.consensusEvery === 0
      ? { [w.criteria[0]!.key]: 3, [w.criteria[Math.min(1, w.criteria.length - 1)]!.key]: 4 }
      : undefined,
  );
  return { reviews, consensus };
}

/** The baseline: Σ w·s / Σ w per reviewer, the plain mean of those per proposal (consensus applied alike). */
function baselineMeans(
  w: Workload,
  reviews: readonly ReviewScores[][],
  consensus: readonly (Record<string, number> | undefined)[],
): Float64Array {
  const out = new Float64Array(reviews.length);
  const keys = w.criteria.map((c) => c.key);
  const weights = w.criteria.map((c) => c.weight);
  for (let pi = 0; pi < reviews.length; pi++) {
    const list = reviews[pi]!;
    const agreed = consensus[pi];
    let total = 0;
    for (const r of list) {
      let num = 0;
      let den = 0;
      for (let ci = 0; ci < keys.length; ci++) {
        const key = keys[ci]!;
        const s = agreed?.[key] ?? r.scores[key]!;
        num += weights[ci]! * s;
        den += weights[ci]!;
      }
      total += num / den;
    }
    out[pi] = list.length === 0 ? NaN : total / list.length;
  }
  return out;
}

/** Everything an officer's ranked list needs, for every proposal, with the domain functions. */
function aggregateAll(
  w: Workload,
  reviews: readonly ReviewScores[][],
  consensus: readonly (Record<string, number> | undefined)[],
) {
  const inputs: RankInput[] = [];
  const scores: (number | null)[] = [];
  let flagged = 0;
  for (let pi = 0; pi < reviews.length; pi++) {
    const list = reviews[pi]!;
    const score = scoreProposal(list, w.criteria, AGGREGATION, consensus[pi]);
    const eligibility = checkThresholds(score, w.thresholds);
    const disagreement = measureDisagreement(list, w.criteria, LIMITS);
    if (disagreement.flagged) flagged++;
    scores.push(score.score);
    inputs.push({
      proposalId: w.proposals[pi]!.proposalId,
      score: score.score,
      criteria: score.criteria,
      eligible: eligibility.eligible,
    });
  }
  const ranked = rankProposals(inputs, w.tieBreak);
  const selection = selectWithinLimits(ranked, SELECTION);
  return {
    scores,
    flagged,
    eligible: inputs.filter((i) => i.eligible).length,
    ranked,
    selection,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

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

function runScenario(w: Workload, k: number) {
  const request: AssignmentRequest = {
    proposals: w.proposals.map((p) => ({ proposalId: p.proposalId, keyField: p.keyField })),
    reviewers: w.reviewers.map((r) => ({ reviewerId: r.reviewerId, expertise: r.expertise })),
    perProposal: k,
    // A cap a little above the even share, as an officer would set it.
    defaultCap: Math.ceil((w.proposals.length * k) / w.reviewers.length) + 2,
    conflicts: w.conflicts,
    existing: [],
    seed: spec.seed + k,
  };
  log(`k = ${k}: warm-up`);
  const first = assignReviewers(request);
  const { reviews, consensus } = buildReviews(w, first, spec.seed * 31 + k);
  const reference = JSON.stringify(first.assignments);
  aggregateAll(w, reviews, consensus);
  baselineMeans(w, reviews, consensus);

  const samples = {
    assignment: [] as number[],
    aggregation: [] as number[],
    total: [] as number[],
    baseline: [] as number[],
  };
  let deterministic = true;
  let last: ReturnType<typeof aggregateAll> | null = null;
  let baseline: Float64Array | null = null;
  for (let rep = 1; rep <= repetitions; rep++) {
    // Alternate the order so neither side always runs on a warmer cache or right after a GC.
    const baselineFirst = rep % 2 === 0;
    if (baselineFirst) {
      const b = time(() => baselineMeans(w, reviews, consensus));
      samples.baseline.push(b.ms);
      baseline = b.value;
    }
    const assigned = time(() => assignReviewers(request));
    const aggregated = time(() => aggregateAll(w, reviews, consensus));
    if (!baselineFirst) {
      const b = time(() => baselineMeans(w, reviews, consensus));
      samples.baseline.push(b.ms);
      baseline = b.value;
    }
    if (JSON.stringify(assigned.value.assignments) !== reference) deterministic = false;
    samples.assignment.push(assigned.ms);
    samples.aggregation.push(aggregated.ms);
    samples.total.push(assigned.ms + aggregated.ms);
    last = aggregated.value;
    log(
      `k = ${k}: repetition ${rep}/${repetitions}: assignment ${round(assigned.ms)} ms, aggregation ${round(aggregated.ms)} ms, baseline ${round(samples.baseline.at(-1)!, 2)} ms`,
    );
  }

  // Sanity: the plain loop's means and scoreProposal's scores are the same numbers.
  let maxAbsDifference = 0;
  let compared = 0;
  for (let pi = 0; pi < w.proposals.length; pi++) {
    const s = last!.scores[pi];
    const b = baseline![pi]!;
    if (s === null || s === undefined || Number.isNaN(b)) continue;
    maxAbsDifference = Math.max(maxAbsDifference, Math.abs(s - b));
    compared++;
  }
  const conflictSet = new Set(w.conflicts.map((c) => `${c.reviewerId}:${c.proposalId}`));
  const conflictedAssigned = first.assignments.filter((a) =>
    conflictSet.has(`${a.reviewerId}:${a.proposalId}`),
  ).length;
  const matched = first.assignments.filter((a) => a.expertiseMatch).length;

  const figures = {
    assignment: stats(samples.assignment),
    aggregation: stats(samples.aggregation),
    total: stats(samples.total),
    baseline: stats(samples.baseline),
  };
  const base = figures.baseline.medianMs;
  return {
    k,
    reviewerCap: request.defaultCap,
    reviews: first.assignments.length,
    scoresAggregated: first.assignments.length * w.criteria.length,
    figures,
    ratioToBaseline: {
      note: 'medians ÷ the baseline median from this run',
      assignment: ratio(figures.assignment.medianMs, base),
      aggregation: ratio(figures.aggregation.medianMs, base),
      total: ratio(figures.total.medianMs, base),
    },
    assignmentQuality: {
      deterministicAcrossRepetitions: deterministic,
      shortfalls: first.shortfalls.length,
      minLoad: first.minLoad,
      maxLoad: first.maxLoad,
      balanced: first.balanced,
      expertiseMatchShare: round(matched / Math.max(1, first.assignments.length), 3),
      conflictedPairsAssigned: conflictedAssigned,
    },
    aggregationOutcome: {
      proposalsWithConsensus: consensus.filter((c) => c !== undefined).length,
      disagreementFlagged: last!.flagged,
      eligible: last!.eligible,
      selected: last!.selection.selected.length,
      decisionNeeded: last!.selection.decisionNeeded,
    },
    sanity: {
      comparedProposals: compared,
      maxAbsDifferenceBaselineVsScoreProposal: maxAbsDifference,
      tolerance: 1e-9,
      agrees: compared === w.proposals.length && maxAbsDifference <= 1e-9,
    },
  };
}

function main(): void {
  const started = performance.now();
  const loadAtStart = os.loadavg().map((l) => round(l, 2));
  log(
    `workload: ${spec.proposals} proposals × ${spec.reviewers} reviewers × ${spec.criteria} criteria, conflicts ${spec.conflictRate * 100} % of pairs`,
  );
  const built = time(buildWorkload);
  const w = built.value;
  const scenarios = kValues.map((k) => runScenario(w, k));
  const notes: string[] = [];
  for (const s of scenarios) {
    if (!s.sanity.agrees)
      notes.push(
        `k = ${s.k}: baseline means and scoreProposal scores differ by up to ${s.sanity.maxAbsDifferenceBaselineVsScoreProposal} over ${s.sanity.comparedProposals} proposals`,
      );
    if (s.assignmentQuality.conflictedPairsAssigned > 0)
      notes.push(`k = ${s.k}: ${s.assignmentQuality.conflictedPairsAssigned} conflicted pairs were assigned`);
    if (!s.assignmentQuality.deterministicAcrossRepetitions)
      notes.push(`k = ${s.k}: the assignment differed between repetitions with the same seed`);
  }
  const cpus = os.cpus();
  const loadAtEnd = os.loadavg().map((l) => round(l, 2));
  if (Math.max(loadAtStart[0] ?? 0, loadAtEnd[0] ?? 0) > cpus.length / 2)
    notes.push(
      `other processes were busy during the run (1-minute load average ${loadAtStart[0]} at start, ${loadAtEnd[0]} at end, on ${cpus.length} cores): compare figures with their baselines from this run, not with other runs`,
    );
  const report = {
    benchmark: 'selection: automatic assignment and aggregation (issue 4, Speed)',
    date: new Date().toISOString(),
    gitCommit: gitCommit(),
    node: process.version,
    cpus: { count: cpus.length, model: cpus[0]?.model ?? null },
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage1m5m15m: { atStart: loadAtStart, atEnd: loadAtEnd },
    workload: {
      ...spec,
      conflictPairs: w.conflicts.length,
      keyFields: KEY_FIELDS.length,
      weights: w.criteria.map((c) => c.weight),
      scale: SCALE,
      aggregation: AGGREGATION,
      thresholds: w.thresholds,
      disagreementLimits: LIMITS,
      selectionLimits: SELECTION,
      buildMs: round(built.ms, 2),
    },
    method: {
      process: 'one Node process, domain functions only (no database, no HTTP)',
      repetitions,
      warmUp: 'one untimed repetition of everything per scenario',
      statistics: 'median and p95 (nearest rank) over the repetitions',
      assignment:
        'assignReviewers: k rounds, expertise preferred, per-reviewer cap, conflicts excluded, two repair passes',
      aggregation:
        'for every proposal scoreProposal (consensus on every n-th), checkThresholds and measureDisagreement; then rankProposals with a criterion tie-break and selectWithinLimits (12 slots, ¥500M each, ¥6,000M)',
      total: 'assignment + aggregation of the same repetition',
      baseline:
        'a plain loop over the same review objects: Σ w·s / Σ w per reviewer and the plain mean per proposal, consensus scores applied alike; timed in the same repetitions, alternating order',
    },
    scenarios,
    notes,
    runSeconds: 0,
  };
  report.runSeconds = round((performance.now() - started) / 1000);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main();
