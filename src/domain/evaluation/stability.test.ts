import { describe, expect, it } from 'vitest';

import { seededRandom } from '../selection/random';
import { DEFAULT_GRADE_SCALE } from './grades';
import type { ClusterGrading, EvaluatorGrading } from './scores';
import { scoreRound } from './scores';
import { rankingStability } from './stability';
import { refusal } from './test-support';

const SCALE = DEFAULT_GRADE_SCALE;
const GRADES = ['S', 'A', 'B', 'C'];

function grading(
  evaluatorId: number,
  grades: Record<string, string>,
  options: Partial<EvaluatorGrading> = {},
): EvaluatorGrading {
  return { evaluatorId, submitted: true, conflicted: false, grades, ...options };
}

/** A synthetic round: every evaluator grades every cluster at random; some conflicts and drafts. */
function syntheticRound(seed: number, clusterCount: number, evaluatorCount: number, itemCount: number) {
  const random = seededRandom(seed);
  const items = Array.from({ length: itemCount }, (_, i) => `item-${i}`);
  const raw = items.map(() => 1 + random() * 9);
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = Object.fromEntries(items.map((item, i) => [item, (raw[i]! * 100) / total]));
  const clusters: ClusterGrading[] = Array.from({ length: clusterCount }, (_, c) => ({
    clusterId: c + 1,
    gradings: Array.from({ length: evaluatorCount }, (_, e) => {
      // Each cluster has a quality; evaluators scatter around it.
      const grades = Object.fromEntries(
        items.map((item) => [item, GRADES[Math.min(3, Math.floor(((c % 4) + random() * 2) / 1.25))]!]),
      );
      const roll = random();
      return grading(e + 1, grades, { conflicted: roll < 0.03, submitted: roll > 0.01 });
    }),
  }));
  return { items, weights, scale: SCALE, clusters };
}

describe('rankingStability', () => {
  // a and b weighted equally: 1 = (S, C) and 2 = (C, S) tie at 2.5; 3 = (B, B) is 2 and, with
  // weights within ±20 %, 1 and 2 never fall below 1 + 3·0.4 = 2.2, so 3 stays third.
  const CROSSING = {
    items: ['a', 'b'],
    weights: { a: 50, b: 50 },
    scale: SCALE,
    clusters: [
      { clusterId: 1, gradings: [grading(1, { a: 'S', b: 'C' })] },
      { clusterId: 2, gradings: [grading(1, { a: 'C', b: 'S' })] },
      { clusterId: 3, gradings: [grading(1, { a: 'B', b: 'B' })] },
    ],
  };

  it('draws one u per item per trial, in item order, from seededRandom(seed)', () => {
    const trials = 7;
    const random = seededRandom(7);
    let firstWins = 0;
    for (let t = 0; t < trials; t++) {
      const wa = 50 * (1 + (2 * random() - 1) * 0.2);
      const wb = 50 * (1 + (2 * random() - 1) * 0.2);
      if (wa > wb) firstWins += 1;
    }
    const got = rankingStability(CROSSING, { seed: 7, trials });
    const [one, two, three] = got.clusters;
    expect(one).toMatchObject({
      clusterId: 1,
      baselineScore: 2.5,
      baselineRank: 1,
      keptRankShare: firstWins / trials,
      minRank: firstWins > 0 ? 1 : 2,
      maxRank: firstWins < trials ? 2 : 1,
    });
    expect(one!.meanRank).toBeCloseTo(1 + (trials - firstWins) / trials, 12);
    expect(two!.keptRankShare).toBe((trials - firstWins) / trials);
    expect(three).toEqual({
      clusterId: 3,
      baselineScore: 2,
      baselineRank: 3,
      keptRankShare: 1,
      minRank: 3,
      maxRank: 3,
      meanRank: 3,
    });
    expect(got).toMatchObject({ seed: 7, trials, spread: 0.2 });
  });

  it('splits a tie about evenly over 1,000 trials, and the two shares add up to 1', () => {
    const got = rankingStability(CROSSING, { seed: 42 });
    const [one, two] = got.clusters;
    expect(got.trials).toBe(1000);
    expect(one!.keptRankShare! + two!.keptRankShare!).toBeCloseTo(1, 12);
    expect(one!.keptRankShare).toBeGreaterThan(0.4);
    expect(one!.keptRankShare).toBeLessThan(0.6);
    expect(one!.meanRank).toBeCloseTo(2 - one!.keptRankShare!, 12);
    expect([one!.minRank, one!.maxRank]).toEqual([1, 2]);
  });

  it('is the same for the same seed and differs for another', () => {
    const round = syntheticRound(17, 30, 4, 5);
    const a = rankingStability(round, { seed: 5, trials: 200 });
    expect(rankingStability(round, { seed: 5, trials: 200 })).toEqual(a);
    const b = rankingStability(round, { seed: 6, trials: 200 });
    expect(b.clusters.map((c) => c.meanRank)).not.toEqual(a.clusters.map((c) => c.meanRank));
  });

  it('keeps every rank with a spread of 0', () => {
    const round = syntheticRound(11, 40, 5, 8);
    const got = rankingStability(round, { seed: 1, trials: 20, spread: 0 });
    for (const c of got.clusters) {
      expect(c.keptRankShare).toBe(1);
      expect(c.minRank).toBe(c.baselineRank);
      expect(c.maxRank).toBe(c.baselineRank);
      expect(c.meanRank).toBe(c.baselineRank);
    }
  });

  it('never moves a cluster that dominates on every item', () => {
    const items = ['a', 'b', 'c'];
    const all = (g: string) => ({ a: g, b: g, c: g });
    const got = rankingStability(
      {
        items,
        weights: { a: 20, b: 30, c: 50 },
        scale: SCALE,
        clusters: [
          { clusterId: 1, gradings: [grading(1, all('S')), grading(2, all('A'))] },
          { clusterId: 2, gradings: [grading(1, all('B'))] },
          { clusterId: 3, gradings: [grading(1, all('C'))] },
        ],
      },
      { seed: 3, trials: 300, spread: 0.9 },
    );
    expect(got.clusters.map((c) => [c.baselineRank, c.keptRankShare])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  it('starts from the published ranking (same totals and ranks as scoreRound, conflicts and drafts excluded)', () => {
    const round = syntheticRound(99, 60, 7, 6);
    const published = scoreRound(round);
    const got = rankingStability(round, { seed: 1, trials: 50 });
    for (const c of got.clusters) {
      const p = published.find((r) => r.clusterId === c.clusterId)!;
      expect(c.baselineRank).toBe(p.rank);
      if (p.score === null) expect(c.baselineScore).toBeNull();
      else expect(c.baselineScore).toBeCloseTo(p.score, 12);
      if (c.keptRankShare !== null) {
        expect(c.keptRankShare).toBeGreaterThanOrEqual(0);
        expect(c.keptRankShare).toBeLessThanOrEqual(1);
        expect(c.minRank!).toBeLessThanOrEqual(c.meanRank!);
        expect(c.meanRank!).toBeLessThanOrEqual(c.maxRank!);
      }
    }
  });

  it('reports nulls for a cluster with no counted grading and keeps it out of the ranks', () => {
    const got = rankingStability(
      {
        ...CROSSING,
        clusters: [
          ...CROSSING.clusters,
          { clusterId: 4, gradings: [grading(1, { a: 'S', b: 'S' }, { conflicted: true })] },
        ],
      },
      { seed: 1, trials: 10 },
    );
    expect(got.clusters[3]).toEqual({
      clusterId: 4,
      baselineScore: null,
      baselineRank: null,
      keptRankShare: null,
      minRank: null,
      maxRank: null,
      meanRank: null,
    });
    expect(got.clusters[2]!.maxRank).toBe(3);
  });

  it('handles an empty round', () => {
    expect(rankingStability({ ...CROSSING, clusters: [] }, { seed: 1 }).clusters).toEqual([]);
  });

  it.each([
    { options: { seed: 1.5 }, fields: ['seed'] },
    { options: { seed: 1, trials: 0 }, fields: ['trials'] },
    { options: { seed: 1, trials: 2.5 }, fields: ['trials'] },
    { options: { seed: 1, trials: 2_000_000 }, fields: ['trials'] },
    { options: { seed: 1, spread: -0.1 }, fields: ['spread'] },
    { options: { seed: 1, spread: 1 }, fields: ['spread'] },
    { options: { seed: 1, spread: Number.NaN }, fields: ['spread'] },
    { options: { seed: Number.NaN, trials: -1, spread: 2 }, fields: ['seed', 'trials', 'spread'] },
  ])('refuses options $options', ({ options, fields }) => {
    const r = refusal(() => rankingStability(CROSSING, options));
    expect(r.code).toBe('invalid_options');
    expect(r.fields).toEqual(fields);
  });

  it('refuses grades the way scoreRound does', () => {
    const r = refusal(() =>
      rankingStability(
        { ...CROSSING, clusters: [{ clusterId: 1, gradings: [grading(1, { a: 'S', b: 'X' })] }] },
        { seed: 1 },
      ),
    );
    expect(r.code).toBe('unknown_grade');
    expect(r.fields).toEqual(['clusters.0.gradings.0.grades.b']);
  });

  it('runs national scale (1,000 clusters × 30 evaluators × 12 items × 1,000 trials) in one pass per trial', () => {
    const round = syntheticRound(2005, 1000, 30, 12);
    const got = rankingStability(round, { seed: 2005, trials: 1000 });
    expect(got.clusters).toHaveLength(1000);
    const again = rankingStability(round, { seed: 2005, trials: 1000 });
    expect(again.clusters[500]).toEqual(got.clusters[500]);
  }, 60_000);
});
