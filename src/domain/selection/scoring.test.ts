import { describe, expect, it } from 'vitest';

import {
  FIVE_POINT_SCALE,
  aggregate,
  scoreProposal,
  validateReviewScores,
  validateScale,
  validateScore,
  validateWeights,
  weightedScore,
  type WeightedCriterion,
} from './scoring';

const CRITERIA: WeightedCriterion[] = [
  { key: 'basic.focus', weight: 1 },
  { key: 'technical.competence', weight: 2 },
  { key: 'regional.leadership', weight: 1 },
];

describe('validateScale', () => {
  it.each([
    { scale: FIVE_POINT_SCALE, problem: null },
    { scale: { min: 0, max: 10, step: 0.5 }, problem: null },
    { scale: { min: 1, max: 4, step: 0.1 }, problem: null },
    { scale: { min: 5, max: 1, step: 1 }, problem: 'below its max' },
    { scale: { min: 1, max: 1, step: 1 }, problem: 'below its max' },
    { scale: { min: 1, max: 5, step: 0 }, problem: 'positive' },
    { scale: { min: 1, max: 5, step: -1 }, problem: 'positive' },
    { scale: { min: 1, max: 5, step: 3 }, problem: 'divide the range' },
    { scale: { min: 1, max: Number.NaN, step: 1 }, problem: 'finite' },
    { scale: { min: 1, max: Infinity, step: 1 }, problem: 'finite' },
  ])('$scale', ({ scale, problem }) => {
    const got = validateScale(scale);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
});

describe('validateScore', () => {
  it.each([
    { score: 1, scale: FIVE_POINT_SCALE, code: null },
    { score: 5, scale: FIVE_POINT_SCALE, code: null },
    { score: 3, scale: FIVE_POINT_SCALE, code: null },
    { score: 0, scale: FIVE_POINT_SCALE, code: 'below_scale' },
    { score: 6, scale: FIVE_POINT_SCALE, code: 'above_scale' },
    { score: 2.5, scale: FIVE_POINT_SCALE, code: 'off_step' },
    { score: 2.5, scale: { min: 0, max: 10, step: 0.5 }, code: null },
    { score: 0.3, scale: { min: 0, max: 1, step: 0.1 }, code: null },
    { score: 0.35, scale: { min: 0, max: 1, step: 0.1 }, code: 'off_step' },
    { score: 4.999999999999999, scale: FIVE_POINT_SCALE, code: null },
    { score: '3', scale: FIVE_POINT_SCALE, code: 'not_a_number' },
    { score: null, scale: FIVE_POINT_SCALE, code: 'not_a_number' },
    { score: Number.NaN, scale: FIVE_POINT_SCALE, code: 'not_a_number' },
    { score: Infinity, scale: FIVE_POINT_SCALE, code: 'not_a_number' },
  ])('$score on $scale.min–$scale.max step $scale.step → $code', ({ score, scale, code }) => {
    const problem = validateScore('technical.competence', score, scale);
    if (code === null) return expect(problem).toBeNull();
    expect(problem?.code).toBe(code);
    expect(problem?.criterion).toBe('technical.competence');
    expect(problem?.message).toContain('technical.competence');
  });
});

describe('validateReviewScores', () => {
  it.each([
    {
      name: 'complete and valid',
      scores: { 'basic.focus': 3, 'technical.competence': 4, 'regional.leadership': 5 },
      complete: true,
      codes: [],
    },
    {
      name: 'draft with blanks',
      scores: { 'basic.focus': 3, 'technical.competence': null },
      complete: false,
      codes: [],
    },
    {
      name: 'submission with blanks',
      scores: { 'basic.focus': 3 },
      complete: true,
      codes: ['missing:technical.competence', 'missing:regional.leadership'],
    },
    {
      name: 'unknown criterion and out of scale',
      scores: { 'basic.focus': 7, 'nope.x': 3, 'technical.competence': 4, 'regional.leadership': 1 },
      complete: true,
      codes: ['above_scale:basic.focus', 'unknown_criterion:nope.x'],
    },
    {
      name: 'empty draft',
      scores: {},
      complete: false,
      codes: [],
    },
  ])('$name', ({ scores, complete, codes }) => {
    const problems = validateReviewScores(scores, CRITERIA, FIVE_POINT_SCALE, { complete });
    expect(problems.map((p) => `${p.code}:${p.criterion}`)).toEqual(codes);
  });
});

describe('validateWeights', () => {
  it.each([
    { criteria: CRITERIA, problem: null },
    {
      criteria: [
        { key: 'a', weight: 0 },
        { key: 'b', weight: 1 },
      ],
      problem: null,
    },
    {
      criteria: [
        { key: 'a', weight: 0 },
        { key: 'b', weight: 0 },
      ],
      problem: 'positive weight',
    },
    { criteria: [], problem: 'positive weight' },
    {
      criteria: [
        { key: 'a', weight: -1 },
        { key: 'b', weight: 2 },
      ],
      problem: '0 or more',
    },
    { criteria: [{ key: 'a', weight: Number.NaN }], problem: '0 or more' },
    {
      criteria: [
        { key: 'a', weight: 1 },
        { key: 'a', weight: 2 },
      ],
      problem: 'twice',
    },
  ])('$criteria', ({ criteria, problem }) => {
    const got = validateWeights(criteria);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
});

describe('weightedScore', () => {
  it.each([
    {
      name: 'all scored',
      scores: { 'basic.focus': 3, 'technical.competence': 5, 'regional.leadership': 1 },
      expected: 3.5,
    },
    {
      name: 'all equal',
      scores: { 'basic.focus': 4, 'technical.competence': 4, 'regional.leadership': 4 },
      expected: 4,
    },
    {
      name: 'one blank: divides by the weights used',
      scores: { 'basic.focus': 2, 'technical.competence': 5 },
      expected: 4,
    },
    {
      name: 'null counts as blank',
      scores: { 'basic.focus': 2, 'technical.competence': 5, 'regional.leadership': null },
      expected: 4,
    },
    { name: 'nothing scored', scores: {}, expected: null },
    { name: 'unknown criteria ignored', scores: { other: 5, 'basic.focus': 1 }, expected: 1 },
  ])('$name', ({ scores, expected }) => {
    const got = weightedScore(scores, CRITERIA);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 12);
  });

  it.each([
    {
      name: 'zero weight does not move the score',
      criteria: [
        { key: 'a', weight: 0 },
        { key: 'b', weight: 1 },
      ],
      scores: { a: 1, b: 5 },
      expected: 5,
    },
    {
      name: 'only a zero-weight criterion scored',
      criteria: [
        { key: 'a', weight: 0 },
        { key: 'b', weight: 1 },
      ],
      scores: { a: 1 },
      expected: null,
    },
    {
      name: 'fractional weights',
      criteria: [
        { key: 'a', weight: 0.25 },
        { key: 'b', weight: 0.75 },
      ],
      scores: { a: 1, b: 5 },
      expected: 4,
    },
    { name: 'single criterion', criteria: [{ key: 'a', weight: 3 }], scores: { a: 2 }, expected: 2 },
  ])('$name', ({ criteria, scores, expected }) => {
    expect(weightedScore(scores, criteria)).toBe(expected);
  });

  it('throws on weights the call should have refused', () => {
    expect(() => weightedScore({ a: 1 }, [{ key: 'a', weight: 0 }])).toThrow(RangeError);
    expect(() =>
      weightedScore({ a: 1 }, [
        { key: 'a', weight: -1 },
        { key: 'b', weight: 1 },
      ]),
    ).toThrow(/0 or more/);
  });
});

describe('aggregate', () => {
  it.each([
    { values: [], method: 'mean' as const, expected: null },
    { values: [], method: 'median' as const, expected: null },
    { values: [4], method: 'mean' as const, expected: 4 },
    { values: [4], method: 'median' as const, expected: 4 },
    { values: [1, 2, 6], method: 'mean' as const, expected: 3 },
    { values: [1, 2, 6], method: 'median' as const, expected: 2 },
    { values: [1, 2, 4, 6], method: 'median' as const, expected: 3 },
    { values: [5, 1, 5, 1], method: 'median' as const, expected: 3 },
    { values: [3, 3, 3, 3], method: 'median' as const, expected: 3 },
  ])('$method of $values', ({ values, method, expected }) => {
    expect(aggregate(values, method)).toBe(expected);
  });
});

describe('scoreProposal', () => {
  const reviews = [
    { reviewerId: 1, scores: { 'basic.focus': 3, 'technical.competence': 5, 'regional.leadership': 1 } }, // 3.5
    { reviewerId: 2, scores: { 'basic.focus': 4, 'technical.competence': 4, 'regional.leadership': 4 } }, // 4
    { reviewerId: 3, scores: { 'basic.focus': 1, 'technical.competence': 2, 'regional.leadership': 1 } }, // 1.5
    { reviewerId: 4, scores: { 'basic.focus': 5, 'technical.competence': 5, 'regional.leadership': 5 } }, // 5
  ];

  it.each([
    {
      name: 'mean over four reviewers',
      reviews,
      method: 'mean' as const,
      consensus: {},
      score: 3.5,
      criteria: { 'basic.focus': 3.25, 'technical.competence': 4, 'regional.leadership': 2.75 },
      count: 4,
    },
    {
      name: 'median of an even count averages the middle two',
      reviews,
      method: 'median' as const,
      consensus: {},
      score: 3.75,
      criteria: { 'basic.focus': 3.5, 'technical.competence': 4.5, 'regional.leadership': 2.5 },
      count: 4,
    },
    {
      name: 'single reviewer',
      reviews: reviews.slice(0, 1),
      method: 'median' as const,
      consensus: {},
      score: 3.5,
      criteria: { 'basic.focus': 3, 'technical.competence': 5, 'regional.leadership': 1 },
      count: 1,
    },
    {
      name: 'no reviews',
      reviews: [],
      method: 'mean' as const,
      consensus: {},
      score: null,
      criteria: { 'basic.focus': null, 'technical.competence': null, 'regional.leadership': null },
      count: 0,
    },
    {
      name: 'a reviewer with no scores does not count',
      reviews: [...reviews.slice(0, 1), { reviewerId: 9, scores: {} }],
      method: 'mean' as const,
      consensus: {},
      score: 3.5,
      criteria: { 'basic.focus': 3, 'technical.competence': 5, 'regional.leadership': 1 },
      count: 1,
    },
    {
      name: 'consensus replaces every reviewer’s score on its criterion',
      reviews: reviews.slice(0, 2),
      method: 'mean' as const,
      consensus: { 'regional.leadership': 3 },
      // reviewer 1: (3 + 10 + 3) / 4 = 4; reviewer 2: (4 + 8 + 3) / 4 = 3.75
      score: 3.875,
      criteria: { 'basic.focus': 3.5, 'technical.competence': 4.5, 'regional.leadership': 3 },
      count: 2,
    },
  ])('$name', ({ reviews: rs, method, consensus, score, criteria, count }) => {
    const result = scoreProposal(rs, CRITERIA, method, consensus as Record<string, number>);
    expect(result.score).toBe(score);
    expect(result.criteria).toEqual(criteria);
    expect(result.reviewCount).toBe(count);
    expect(result.reviewers.map((r) => r.reviewerId)).toEqual(rs.map((r) => r.reviewerId));
    expect(result.consensusCriteria).toEqual(Object.keys(consensus));
  });

  it('gives the same score whatever the order of reviews', () => {
    const a = scoreProposal(reviews, CRITERIA, 'mean').score;
    const b = scoreProposal([...reviews].reverse(), CRITERIA, 'mean').score;
    expect(a).toBe(b);
  });
});
