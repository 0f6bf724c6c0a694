import { describe, expect, it } from 'vitest';

import { competitionRanks, rankInto } from './ranks';

describe('competitionRanks', () => {
  it.each<{ name: string; scores: (number | null)[]; ranks: (number | null)[] }>([
    { name: 'nothing', scores: [], ranks: [] },
    { name: 'one', scores: [3], ranks: [1] },
    { name: 'strict order', scores: [2, 3.5, 3], ranks: [3, 1, 2] },
    { name: 'a shared rank skips the next (1, 2, 2, 4)', scores: [4, 3, 3, 2], ranks: [1, 2, 2, 4] },
    { name: 'the same, given worst first', scores: [2, 3, 3, 4], ranks: [4, 2, 2, 1] },
    { name: 'a tie at the top (1, 1, 3)', scores: [3.5, 3.5, 3.1], ranks: [1, 1, 3] },
    { name: 'all equal', scores: [3, 3, 3], ranks: [1, 1, 1] },
    { name: 'unscored entries are unranked', scores: [null, 2, Number.NaN, 3], ranks: [null, 2, null, 1] },
    {
      name: 'summation noise is a tie',
      scores: [3.3333333333333335, 3.333333333333333, 10 / 3],
      ranks: [1, 1, 1],
    },
    { name: 'a real difference of 1e-7 is not', scores: [3.3333333, 3.3333334], ranks: [2, 1] },
    {
      name: 'ties do not chain across tolerance steps',
      scores: [1, 1 + 0.6e-9, 1 + 1.2e-9],
      ranks: [3, 1, 1],
    },
    { name: 'negative totals', scores: [-1, 0, -1], ranks: [2, 1, 2] },
  ])('$name: $scores → $ranks', ({ scores, ranks }) => {
    expect(competitionRanks(scores)).toEqual(ranks);
  });
});

describe('rankInto', () => {
  it('writes ranks for the listed indices only and orders them best first', () => {
    const scores = new Float64Array([1, 5, 3, 5]);
    const order = [0, 1, 3];
    const ranks = new Int32Array(4);
    rankInto(scores, order, ranks);
    expect([...ranks]).toEqual([3, 1, 0, 1]);
    expect(order).toEqual([1, 3, 0]);
  });
});
