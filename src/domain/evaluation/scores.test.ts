import { describe, expect, it } from 'vitest';

import { DEFAULT_GRADE_SCALE, defineGradeScale } from './grades';
import {
  type ClusterGrading,
  clusterScore,
  type EvaluatorGrading,
  evaluatorScore,
  gradeDistribution,
  isCounted,
  scoreRound,
  toHundredPoints,
} from './scores';
import { refusal } from './test-support';
import { meanWeights } from './weights';

const ITEMS = ['a', 'b', 'c'];
const WEIGHTS = { a: 50, b: 30, c: 20 };
const SCALE = DEFAULT_GRADE_SCALE;

/** A grading with grades for a, b, c in order ('-' = not graded). */
function grading(
  evaluatorId: number,
  grades: string,
  options: { submitted?: boolean; conflicted?: boolean } = {},
): EvaluatorGrading {
  const [a, b, c] = grades.split('');
  const g = (x: string | undefined) => (x === '-' || x === undefined ? null : x);
  return {
    evaluatorId,
    submitted: options.submitted ?? true,
    conflicted: options.conflicted ?? false,
    grades: { a: g(a), b: g(b), c: g(c) },
  };
}

describe('evaluatorScore', () => {
  it.each([
    { grades: 'SSS', weights: WEIGHTS, score: 4 },
    { grades: 'CCC', weights: WEIGHTS, score: 1 },
    { grades: 'SAB', weights: WEIGHTS, score: 3.3 }, // (50·4 + 30·3 + 20·2) / 100
    { grades: 'CSS', weights: WEIGHTS, score: 2.5 }, // (50 + 120 + 80) / 100
    { grades: 'BAS', weights: WEIGHTS, score: 2.7 }, // (100 + 90 + 80) / 100
    { grades: 'SSC', weights: { a: 1, b: 1, c: 2 }, score: 2.5 }, // weights need not sum to 100: (4 + 4 + 2) / 4
    { grades: 'SCB', weights: { a: 1, b: 0, c: 1 }, score: 3 }, // a zero weight is graded but does not move the score
  ])('$grades with $weights → $score', ({ grades, weights, score }) => {
    const got = evaluatorScore(ITEMS, weights, SCALE, grading(1, grades).grades);
    expect(got.complete).toBe(true);
    if (got.complete) expect(got.score).toBeCloseTo(score, 12);
  });

  it('uses the scale’s points (S=10, A=6, B=0: S,A,B → 6.8)', () => {
    const scale = defineGradeScale([
      { grade: 'S', points: 10 },
      { grade: 'A', points: 6 },
      { grade: 'B', points: 0 },
    ]);
    const got = evaluatorScore(ITEMS, WEIGHTS, scale, { a: 'S', b: 'A', c: 'B' });
    expect(got).toEqual({ complete: true, score: 6.8 });
  });

  it.each([
    { grades: 'S--', missing: ['b', 'c'] },
    { grades: '---', missing: ['a', 'b', 'c'] },
    { grades: 'SA-', missing: ['c'] },
  ])('$grades is incomplete, missing $missing', ({ grades, missing }) => {
    expect(evaluatorScore(ITEMS, WEIGHTS, SCALE, grading(1, grades).grades)).toEqual({
      complete: false,
      missing,
    });
  });

  it('needs a zero-weighted item graded too (submission needs every item)', () => {
    expect(evaluatorScore(ITEMS, { a: 1, b: 0, c: 1 }, SCALE, { a: 'S', c: 'B' })).toEqual({
      complete: false,
      missing: ['b'],
    });
  });

  it.each([
    {
      name: 'a grade outside the scale',
      grades: { a: 'S', b: 'D', c: 'A' },
      code: 'unknown_grade',
      fields: ['grades.b'],
    },
    {
      name: 'a lower-case grade',
      grades: { a: 's', b: 'A', c: 'A' },
      code: 'unknown_grade',
      fields: ['grades.a'],
    },
    {
      name: 'an item the round lacks',
      grades: { a: 'S', b: 'A', c: 'A', d: 'S' },
      code: 'unknown_item',
      fields: ['grades.d'],
    },
  ])('refuses $name', ({ grades, code, fields }) => {
    const r = refusal(() => evaluatorScore(ITEMS, WEIGHTS, SCALE, grades));
    expect(r.code).toBe(code);
    expect(r.fields).toEqual(fields);
  });

  it.each([
    { weights: { a: 50, b: 30 }, fields: ['weights.c'] },
    { weights: { a: 0, b: 0, c: 0 }, fields: ['weights'] },
    { weights: { a: 50, b: -30, c: 80 }, fields: ['weights.b'] },
  ])('refuses weights $weights', ({ weights, fields }) => {
    const r = refusal(() =>
      evaluatorScore(ITEMS, weights as Record<string, number>, SCALE, { a: 'S', b: 'S', c: 'S' }),
    );
    expect(r.code).toBe('invalid_weights');
    expect(r.fields).toEqual(fields);
  });
});

describe('toHundredPoints', () => {
  it.each([
    { score: 4, points: 100 },
    { score: 1, points: 0 },
    { score: 3, points: 200 / 3 },
    { score: 2, points: 100 / 3 },
    { score: 2.5, points: 50 },
    { score: 3.3, points: 230 / 3 },
    { score: 3.15, points: 215 / 3 },
  ])('$score on S=4…C=1 → $points (linear from C=0 to S=100)', ({ score, points }) => {
    expect(toHundredPoints(score, SCALE)).toBeCloseTo(points, 12);
  });

  it('maps any scale’s range: S=10…B=0, 5 → 50; S=5…C=−1, 2 → 50', () => {
    const ten = defineGradeScale([
      { grade: 'S', points: 10 },
      { grade: 'B', points: 0 },
    ]);
    const shifted = defineGradeScale([
      { grade: 'S', points: 5 },
      { grade: 'C', points: -1 },
    ]);
    expect(toHundredPoints(5, ten)).toBe(50);
    expect(toHundredPoints(2, shifted)).toBe(50);
  });
});

describe('isCounted', () => {
  it.each([
    { submitted: true, conflicted: false, counted: true },
    { submitted: false, conflicted: false, counted: false },
    { submitted: true, conflicted: true, counted: false },
    { submitted: false, conflicted: true, counted: false },
  ])('submitted $submitted, conflicted $conflicted → $counted', ({ submitted, conflicted, counted }) => {
    expect(isCounted(grading(1, 'SSS', { submitted, conflicted }))).toBe(counted);
  });
});

describe('clusterScore', () => {
  it('is the mean over non-conflicted evaluators who submitted', () => {
    const cluster: ClusterGrading = {
      clusterId: 7,
      gradings: [
        grading(1, 'SSS'), // 4
        grading(2, 'ABC'), // (150 + 60 + 20) / 100 = 2.3
        grading(3, 'CCC', { conflicted: true }), // excluded although submitted
        grading(4, 'C--', { submitted: false }), // a draft: ignored
        grading(5, '---', { submitted: false, conflicted: true }),
      ],
    };
    const got = clusterScore(ITEMS, WEIGHTS, SCALE, cluster);
    expect(got.score).toBeCloseTo(3.15, 12);
    expect(got.score100).toBeCloseTo(215 / 3, 12);
    expect(got.evaluators.map((e) => e.evaluatorId)).toEqual([1, 2]);
    expect(got.evaluators[1]!.score).toBeCloseTo(2.3, 12);
    expect(got.evaluatorCount).toBe(2);
    expect(got.conflicted).toEqual([3, 5]);
    expect(got.notSubmitted).toEqual([4]);
  });

  it.each([
    { name: 'no grading', gradings: [] },
    { name: 'only drafts', gradings: [grading(1, 'SSS', { submitted: false })] },
    { name: 'only conflicted', gradings: [grading(1, 'SSS', { conflicted: true })] },
  ])('has no score (null, not 0) with $name', ({ gradings }) => {
    const got = clusterScore(ITEMS, WEIGHTS, SCALE, { clusterId: 1, gradings });
    expect(got.score).toBeNull();
    expect(got.score100).toBeNull();
    expect(got.evaluatorCount).toBe(0);
  });

  it('does not read a conflicted or unsubmitted grading (its grades may be anything)', () => {
    const got = clusterScore(ITEMS, WEIGHTS, SCALE, {
      clusterId: 1,
      gradings: [
        grading(1, 'AAA'),
        { evaluatorId: 2, submitted: true, conflicted: true, grades: { a: 'X' } },
        { evaluatorId: 3, submitted: false, conflicted: false, grades: { a: 'S', zzz: 'Q' } },
      ],
    });
    expect(got.score).toBe(3);
  });

  it.each([
    {
      name: 'a submitted grading missing an item',
      gradings: [grading(1, 'SSS'), grading(2, 'SA-')],
      code: 'incomplete_grading',
      fields: ['gradings.1.grades.c'],
    },
    {
      name: 'an evaluator listed twice',
      gradings: [grading(1, 'SSS'), grading(1, 'AAA')],
      code: 'invalid_grading',
      fields: ['gradings.1.evaluatorId'],
    },
    {
      name: 'a grade outside the scale',
      gradings: [grading(1, 'SSS'), grading(2, 'SDA')],
      code: 'unknown_grade',
      fields: ['gradings.1.grades.b'],
    },
  ])('refuses $name', ({ gradings, code, fields }) => {
    const r = refusal(() => clusterScore(ITEMS, WEIGHTS, SCALE, { clusterId: 9, gradings }));
    expect(r.code).toBe(code);
    expect(r.fields).toEqual(fields);
  });
});

describe('scoreRound', () => {
  // Hand-computed with weights a 50, b 30, c 20:
  //   10: SSS 4, AAA 3                      → 3.5   rank 1 (tied), band S (3.5 reaches S)
  //   20: AAA 3, SSS 4, CCC conflicted      → 3.5   rank 1 (tied), band S
  //   25: ASB (150 + 120 + 40) / 100 = 3.1  → 3.1   rank 3, band A
  //   30: BBB 2, ABC 2.3                    → 2.15  rank 4, band B
  //   40: a draft only                      → null  unranked, no band
  const CLUSTERS: ClusterGrading[] = [
    { clusterId: 40, gradings: [grading(1, 'SSS', { submitted: false })] },
    { clusterId: 30, gradings: [grading(1, 'BBB'), grading(2, 'ABC')] },
    {
      clusterId: 20,
      gradings: [grading(1, 'AAA'), grading(2, 'SSS'), grading(3, 'CCC', { conflicted: true })],
    },
    { clusterId: 10, gradings: [grading(1, 'SSS'), grading(2, 'AAA')] },
    { clusterId: 25, gradings: [grading(4, 'ASB')] },
  ];

  it('scores, ranks (ties share a rank) and bands every cluster, in rank order', () => {
    const got = scoreRound({ items: ITEMS, weights: WEIGHTS, scale: SCALE, clusters: CLUSTERS });
    expect(
      got.map((r) => ({
        id: r.clusterId,
        rank: r.rank,
        band: r.band,
        tiedWith: r.tiedWith,
        n: r.evaluatorCount,
      })),
    ).toEqual([
      { id: 10, rank: 1, band: 'S', tiedWith: [20], n: 2 },
      { id: 20, rank: 1, band: 'S', tiedWith: [10], n: 2 },
      { id: 25, rank: 3, band: 'A', tiedWith: [], n: 1 },
      { id: 30, rank: 4, band: 'B', tiedWith: [], n: 2 },
      { id: 40, rank: null, band: null, tiedWith: [], n: 0 },
    ]);
    const score = (id: number) => got.find((r) => r.clusterId === id)!;
    expect(score(10).score).toBe(3.5);
    expect(score(20).score).toBe(3.5);
    expect(score(25).score).toBeCloseTo(3.1, 12);
    expect(score(30).score).toBeCloseTo(2.15, 12);
    expect(score(10).score100).toBeCloseTo(250 / 3, 12);
    expect(score(25).score100).toBeCloseTo(70, 12);
    expect(score(20).conflicted).toEqual([3]);
  });

  it('uses the officer’s bands when given', () => {
    const got = scoreRound({
      items: ITEMS,
      weights: WEIGHTS,
      scale: SCALE,
      clusters: CLUSTERS,
      bands: [
        { band: 'S', minScore: 3.6 },
        { band: 'A', minScore: 3 },
        { band: 'B', minScore: 2.2 },
      ],
    });
    expect(got.map((r) => [r.clusterId, r.band])).toEqual([
      [10, 'A'],
      [20, 'A'],
      [25, 'A'],
      [30, null],
      [40, null],
    ]);
  });

  it('ties totals that differ only by summation order (weights in thirds)', () => {
    const weights = meanWeights(ITEMS, [{ memberId: 1, weights: { a: 1, b: 1, c: 1 } }]);
    const got = scoreRound({
      items: ITEMS,
      weights,
      scale: SCALE,
      clusters: [
        { clusterId: 1, gradings: [grading(1, 'SAB')] },
        { clusterId: 2, gradings: [grading(1, 'BAS')] },
        { clusterId: 3, gradings: [grading(1, 'ABS'), grading(2, 'BSA'), grading(3, 'SBA')] },
      ],
    });
    expect(got.map((r) => r.rank)).toEqual([1, 1, 1]);
    for (const r of got) expect(r.score).toBeCloseTo(3, 12);
  });

  it('gives every cluster rank 1 when all totals are equal, and an empty round nothing', () => {
    const all = scoreRound({
      items: ITEMS,
      weights: WEIGHTS,
      scale: SCALE,
      clusters: [1, 2, 3].map((id) => ({ clusterId: id, gradings: [grading(1, 'BBB')] })),
    });
    expect(all.map((r) => r.rank)).toEqual([1, 1, 1]);
    expect(scoreRound({ items: ITEMS, weights: WEIGHTS, scale: SCALE, clusters: [] })).toEqual([]);
  });

  it.each([
    {
      name: 'a repeated cluster',
      clusters: [
        { clusterId: 1, gradings: [] },
        { clusterId: 1, gradings: [] },
      ],
      code: 'invalid_grading',
      fields: ['clusters.1.clusterId'],
    },
    {
      name: 'a grade outside the scale deep in the round',
      clusters: [
        { clusterId: 1, gradings: [grading(1, 'SSS')] },
        { clusterId: 2, gradings: [grading(1, 'SSS'), grading(2, 'SSX')] },
      ],
      code: 'unknown_grade',
      fields: ['clusters.1.gradings.1.grades.c'],
    },
    {
      name: 'an incomplete submission',
      clusters: [{ clusterId: 1, gradings: [grading(1, '-SS')] }],
      code: 'incomplete_grading',
      fields: ['clusters.0.gradings.0.grades.a'],
    },
  ])('refuses $name', ({ clusters, code, fields }) => {
    const r = refusal(() => scoreRound({ items: ITEMS, weights: WEIGHTS, scale: SCALE, clusters }));
    expect(r.code).toBe(code);
    expect(r.fields).toEqual(fields);
  });

  it('refuses bad bands', () => {
    const r = refusal(() =>
      scoreRound({ items: ITEMS, weights: WEIGHTS, scale: SCALE, clusters: [], bands: [] }),
    );
    expect(r.code).toBe('invalid_bands');
  });
});

describe('gradeDistribution', () => {
  const GRADINGS = [
    grading(1, 'SAB'),
    grading(2, 'SBB'),
    grading(3, 'CCC', { conflicted: true }),
    grading(4, 'CCC', { submitted: false }),
    grading(5, 'AAC'),
    grading(6, 'S-A'),
  ];

  it('counts each item’s grades in scale order over counted gradings', () => {
    expect(gradeDistribution(ITEMS, SCALE, GRADINGS)).toEqual([
      {
        item: 'a',
        counts: [
          { grade: 'S', count: 3 },
          { grade: 'A', count: 1 },
          { grade: 'B', count: 0 },
          { grade: 'C', count: 0 },
        ],
        graded: 4,
        meanPoints: 15 / 4,
      },
      {
        item: 'b',
        counts: [
          { grade: 'S', count: 0 },
          { grade: 'A', count: 2 },
          { grade: 'B', count: 1 },
          { grade: 'C', count: 0 },
        ],
        graded: 3,
        meanPoints: 8 / 3,
      },
      {
        item: 'c',
        counts: [
          { grade: 'S', count: 0 },
          { grade: 'A', count: 1 },
          { grade: 'B', count: 2 },
          { grade: 'C', count: 1 },
        ],
        graded: 4,
        meanPoints: 2,
      },
    ]);
  });

  it('shows zero counts and no mean when nothing counted', () => {
    const got = gradeDistribution(['a'], SCALE, [grading(1, 'SSS', { conflicted: true })]);
    expect(got).toEqual([
      {
        item: 'a',
        counts: ['S', 'A', 'B', 'C'].map((grade) => ({ grade, count: 0 })),
        graded: 0,
        meanPoints: null,
      },
    ]);
  });

  it('follows a custom scale’s order', () => {
    const scale = defineGradeScale([
      { grade: '優', points: 3 },
      { grade: '良', points: 2 },
      { grade: '可', points: 1 },
    ]);
    const got = gradeDistribution(['a'], scale, [
      { evaluatorId: 1, submitted: true, conflicted: false, grades: { a: '可' } },
      { evaluatorId: 2, submitted: true, conflicted: false, grades: { a: '優' } },
    ]);
    expect(got[0]!.counts).toEqual([
      { grade: '優', count: 1 },
      { grade: '良', count: 0 },
      { grade: '可', count: 1 },
    ]);
  });

  it('refuses a grade outside the scale, naming it', () => {
    const r = refusal(() => gradeDistribution(ITEMS, SCALE, [grading(1, 'SSS'), grading(2, 'SQS')]));
    expect(r.code).toBe('unknown_grade');
    expect(r.fields).toEqual(['gradings.1.grades.b']);
  });
});
