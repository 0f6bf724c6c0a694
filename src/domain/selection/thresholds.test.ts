import { describe, expect, it } from 'vitest';

import { checkThresholds, type Thresholds } from './thresholds';

const figures = (score: number | null, criteria: Record<string, number | null>) => ({ score, criteria });

describe('checkThresholds', () => {
  it.each([
    { name: 'no thresholds', figures: figures(1, { a: 1 }), thresholds: {}, reasons: [] },
    { name: 'no thresholds, no score', figures: figures(null, { a: null }), thresholds: {}, reasons: [] },
    {
      name: 'null overall is none',
      figures: figures(1, { a: 1 }),
      thresholds: { overall: null },
      reasons: [],
    },
    { name: 'overall met exactly', figures: figures(3, {}), thresholds: { overall: 3 }, reasons: [] },
    {
      name: 'overall met within tolerance',
      figures: figures(2.9999999999999996, {}),
      thresholds: { overall: 3 },
      reasons: [],
    },
    { name: 'overall under', figures: figures(2.99, {}), thresholds: { overall: 3 }, reasons: ['overall'] },
    {
      name: 'no score under an overall threshold',
      figures: figures(null, {}),
      thresholds: { overall: 3 },
      reasons: ['overall'],
    },
    {
      name: 'criterion under, overall fine: ineligible whatever the rank',
      figures: figures(4.8, { 'basic.core-org': 1.5, 'technical.competence': 5 }),
      thresholds: { overall: 3, criteria: { 'basic.core-org': 2, 'technical.competence': 3 } },
      reasons: ['basic.core-org'],
    },
    {
      name: 'every reason listed, overall first',
      figures: figures(2, { a: 1, b: 2 }),
      thresholds: { overall: 3, criteria: { a: 2, b: 3 } },
      reasons: ['overall', 'a', 'b'],
    },
    {
      name: 'criterion nobody scored',
      figures: figures(4, { a: null }),
      thresholds: { criteria: { a: 2 } },
      reasons: ['a'],
    },
    {
      name: 'threshold on a criterion absent from the figures',
      figures: figures(4, {}),
      thresholds: { criteria: { ghost: 1 } },
      reasons: ['ghost'],
    },
    {
      name: 'threshold 0 always met by a score',
      figures: figures(0, { a: 0 }),
      thresholds: { overall: 0, criteria: { a: 0 } },
      reasons: [],
    },
  ])('$name', ({ figures: f, thresholds, reasons }) => {
    const result = checkThresholds(f, thresholds as Thresholds);
    expect(result.eligible).toBe(reasons.length === 0);
    expect(result.reasons.map((r) => r.criterion ?? 'overall')).toEqual(reasons);
  });

  it('explains each reason with the figure and the threshold', () => {
    const result = checkThresholds(figures(10 / 3, { a: null, b: 1 }), {
      overall: 3.5,
      criteria: { a: 2, b: 2 },
    });
    expect(result.reasons.map((r) => r.message)).toEqual([
      'Overall score 3.333 is under the threshold 3.5',
      'No score for a; its threshold is 2',
      'b scored 1, under its threshold 2',
    ]);
    expect(result.reasons[0]).toMatchObject({ scope: 'overall', score: 10 / 3, threshold: 3.5 });
  });
});
