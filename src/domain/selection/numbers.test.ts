import { describe, expect, it } from 'vitest';

import { compareScores, mean, median, populationSd, reaches, sameScore, sampleSd, sum } from './numbers';

describe('sameScore / compareScores / reaches', () => {
  it.each([
    { a: 3.3333333333333335, b: 3.333333333333333, same: true, cmp: 0, reaches: true },
    { a: 10 / 3, b: (1 + 2 + 3 + 4) / 3, same: true, cmp: 0, reaches: true },
    { a: 0.1 + 0.2, b: 0.3, same: true, cmp: 0, reaches: true },
    { a: 3.3333333, b: 3.3333334, same: false, cmp: -1, reaches: false },
    { a: 3, b: 3.001, same: false, cmp: -1, reaches: false },
    { a: 4, b: 3, same: false, cmp: 1, reaches: true },
    { a: 2.9999999999999996, b: 3, same: true, cmp: 0, reaches: true },
    { a: 0, b: 0, same: true, cmp: 0, reaches: true },
    { a: -1, b: 1, same: false, cmp: -1, reaches: false },
    { a: 1e12 + 1e-3, b: 1e12, same: true, cmp: 0, reaches: true },
  ])('$a vs $b', ({ a, b, same, cmp, reaches: r }) => {
    expect(sameScore(a, b)).toBe(same);
    expect(compareScores(a, b)).toBe(cmp);
    expect(compareScores(b, a)).toBe(-cmp || 0);
    expect(reaches(a, b)).toBe(r);
  });
});

describe('sum', () => {
  it.each([
    { values: [], expected: 0 },
    { values: [1, 2, 3], expected: 6 },
    { values: [0.1, 0.2, 0.3], expected: 0.6 },
    { values: [1e16, 1, -1e16], expected: 1 },
  ])('sums $values', ({ values, expected }) => {
    expect(sum(values)).toBe(expected);
  });

  it('does not depend on the order of the values', () => {
    const values = [0.1, 0.7, 0.3, 0.9, 0.2, 0.6];
    expect(sum(values)).toBe(sum([...values].reverse()));
  });
});

describe('mean / median / standard deviations', () => {
  it.each([
    { values: [], mean: null, median: null, pop: null, sample: null },
    { values: [4], mean: 4, median: 4, pop: 0, sample: null },
    { values: [3, 3, 3], mean: 3, median: 3, pop: 0, sample: 0 },
    { values: [1, 5], mean: 3, median: 3, pop: 2, sample: Math.SQRT2 * 2 },
    { values: [1, 2, 4, 5], mean: 3, median: 3, pop: Math.sqrt(2.5), sample: Math.sqrt(10 / 3) },
    { values: [5, 1, 2], mean: 8 / 3, median: 2, pop: Math.sqrt(26 / 9), sample: Math.sqrt(13 / 3) },
    { values: [2, 4, 4, 4, 5, 5, 7, 9], mean: 5, median: 4.5, pop: 2, sample: Math.sqrt(32 / 7) },
    { values: [1, 1, 5, 5], mean: 3, median: 3, pop: 2, sample: Math.sqrt(16 / 3) },
  ])('$values', ({ values, mean: m, median: md, pop, sample }) => {
    const close = (got: number | null, want: number | null) =>
      want === null ? expect(got).toBeNull() : expect(got).toBeCloseTo(want, 12);
    close(mean(values), m);
    close(median(values), md);
    close(populationSd(values), pop);
    close(sampleSd(values), sample);
  });

  it('median does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
