import { describe, expect, it } from 'vitest';

import { sum } from '../selection/numbers';
import { refusal } from './test-support';
import {
  adjustWeights,
  assertItems,
  assertNormalisedWeights,
  compareWeightSets,
  displayWeights,
  meanWeights,
  normaliseWeights,
  type WeightProposal,
} from './weights';

const ITEMS = ['a', 'b', 'c'];

/** The eight items of the 2004 intermediate evaluation (reference/criteria.json). */
const SEED_ITEMS = [
  'progress.technical',
  'progress.regional',
  'progress.promotion',
  'self-evaluation.quality',
  'plans.technical',
  'plans.regional',
  'plans.promotion',
  'future.possibility',
];

function member(memberId: number, weights: Record<string, number>): WeightProposal {
  return { memberId, weights };
}

describe('assertItems', () => {
  it.each([
    { items: [], fields: ['items'] },
    { items: ['a', 'a'], fields: ['items.1'] },
    { items: ['a', ''], fields: ['items.1'] },
  ])('refuses $items', ({ items, fields }) => {
    const r = refusal(() => assertItems(items));
    expect(r.code).toBe('invalid_items');
    expect(r.fields).toEqual(fields);
  });
});

describe('meanWeights', () => {
  it.each([
    {
      name: 'proposals already summing to 100',
      proposals: [member(1, { a: 50, b: 30, c: 20 }), member(2, { a: 30, b: 30, c: 40 })],
      weights: { a: 40, b: 30, c: 30 },
    },
    {
      name: 'each member counts equally whatever scale they use: 1,1,2 → 25,25,50 and 60,20,20 → 42.5,22.5,35',
      proposals: [member(1, { a: 1, b: 1, c: 2 }), member(2, { a: 60, b: 20, c: 20 })],
      weights: { a: 42.5, b: 22.5, c: 35 },
    },
    {
      name: 'proposals on any scale: 2,1,1 → 50,25,25 and 0,1,3 → 0,25,75; mean 25, 25, 50',
      proposals: [member(1, { a: 2, b: 1, c: 1 }), member(2, { a: 0, b: 1, c: 3 })],
      weights: { a: 25, b: 25, c: 50 },
    },
    {
      name: 'one member',
      proposals: [member(7, { a: 3, b: 1, c: 0 })],
      weights: { a: 75, b: 25, c: 0 },
    },
    {
      name: 'an item everyone weights 0 stays 0',
      proposals: [member(1, { a: 1, b: 0, c: 1 }), member(2, { a: 3, b: 0, c: 1 })],
      weights: { a: 62.5, b: 0, c: 37.5 }, // 50,0,50 and 75,0,25
    },
    {
      name: 'members who each back one item: thirds',
      proposals: [
        member(1, { a: 1, b: 0, c: 0 }),
        member(2, { a: 0, b: 1, c: 0 }),
        member(3, { a: 0, b: 0, c: 1 }),
      ],
      weights: { a: 100 / 3, b: 100 / 3, c: 100 / 3 },
    },
  ])('$name', ({ proposals, weights }) => {
    const got = meanWeights(ITEMS, proposals);
    for (const item of ITEMS) expect(got[item]).toBeCloseTo(weights[item as keyof typeof weights], 12);
    expect(sum(ITEMS.map((i) => got[i]!))).toBeCloseTo(100, 12);
  });

  it('keeps full precision (no rounding to tenths)', () => {
    const got = meanWeights(ITEMS, [member(1, { a: 1, b: 1, c: 1 })]);
    expect(got.a).toBe(100 / 3);
  });

  it('weights the seed’s eight items; the mean does not depend on the members’ order', () => {
    const p1 = Object.fromEntries(SEED_ITEMS.map((k, i) => [k, i + 1]));
    const p2 = Object.fromEntries(SEED_ITEMS.map((k, i) => [k, 8 - i]));
    const got = meanWeights(SEED_ITEMS, [member(1, p1), member(2, p2)]);
    for (const k of SEED_ITEMS) expect(got[k]).toBeCloseTo(12.5, 12);
    expect(meanWeights(SEED_ITEMS, [member(2, p2), member(1, p1)])).toEqual(got);
  });

  it.each<{ name: string; proposals: unknown[]; fields: string[] }>([
    { name: 'no member', proposals: [], fields: ['proposals'] },
    {
      name: 'a negative weight',
      proposals: [member(1, { a: 1, b: -1, c: 1 })],
      fields: ['proposals.0.weights.b'],
    },
    { name: 'NaN', proposals: [member(1, { a: Number.NaN, b: 1, c: 1 })], fields: ['proposals.0.weights.a'] },
    {
      name: 'Infinity',
      proposals: [member(1, { a: Infinity, b: 1, c: 1 })],
      fields: ['proposals.0.weights.a'],
    },
    {
      name: 'a weight as text',
      proposals: [{ memberId: 1, weights: { a: '3', b: 1, c: 1 } }],
      fields: ['proposals.0.weights.a'],
    },
    {
      name: 'a missing item',
      proposals: [member(1, { a: 1, b: 1, c: 1 }), member(2, { a: 1, b: 1 })],
      fields: ['proposals.1.weights.c'],
    },
    {
      name: 'an unknown item',
      proposals: [member(1, { a: 1, b: 1, c: 1, zzz: 1 })],
      fields: ['proposals.0.weights.zzz'],
    },
    {
      name: 'a member proposing all zeros',
      proposals: [member(1, { a: 1, b: 1, c: 1 }), member(2, { a: 0, b: 0, c: 0 })],
      fields: ['proposals.1.weights'],
    },
    {
      name: 'a member proposing twice',
      proposals: [member(1, { a: 1, b: 1, c: 1 }), member(1, { a: 2, b: 1, c: 1 })],
      fields: ['proposals.1.memberId'],
    },
    {
      name: 'several problems at once',
      proposals: [member(1, { a: -1, b: 1 }), member(2, { a: 1, b: 1, c: 1, d: 2 })],
      fields: ['proposals.0.weights.a', 'proposals.0.weights.c', 'proposals.1.weights.d'],
    },
  ])('refuses $name, naming $fields', ({ proposals, fields }) => {
    const r = refusal(() => meanWeights(ITEMS, proposals as WeightProposal[]));
    expect(r.code).toBe('invalid_weights');
    expect(r.fields).toEqual(fields);
  });
});

describe('normaliseWeights', () => {
  it.each([
    { weights: { a: 1, b: 1, c: 2 }, expected: { a: 25, b: 25, c: 50 } },
    { weights: { a: 40, b: 30, c: 30 }, expected: { a: 40, b: 30, c: 30 } },
    { weights: { a: 0.1, b: 0.2, c: 0.7 }, expected: { a: 10, b: 20, c: 70 } },
    { weights: { a: 0, b: 0, c: 5 }, expected: { a: 0, b: 0, c: 100 } },
  ])('$weights → $expected', ({ weights, expected }) => {
    const got = normaliseWeights(ITEMS, weights);
    for (const item of ITEMS) expect(got[item]).toBeCloseTo(expected[item as keyof typeof expected], 12);
  });

  it.each([
    { weights: { a: 0, b: 0, c: 0 }, fields: ['weights'] },
    { weights: { a: 1, b: 1 }, fields: ['weights.c'] },
    { weights: { a: 1, b: 1, c: -0.5 }, fields: ['weights.c'] },
  ])('refuses $weights', ({ weights, fields }) => {
    const r = refusal(() => normaliseWeights(ITEMS, weights as Record<string, number>));
    expect(r.code).toBe('invalid_weights');
    expect(r.fields).toEqual(fields);
  });
});

describe('assertNormalisedWeights', () => {
  it.each([
    { weights: { a: 40, b: 30, c: 30 } },
    { weights: { a: 100 / 3, b: 100 / 3, c: 100 / 3 } },
    { weights: { a: 33.333333333333336, b: 33.33333333333333, c: 33.33333333333333 } },
  ])('accepts $weights', ({ weights }) => {
    expect(() => assertNormalisedWeights(ITEMS, weights)).not.toThrow();
  });

  it.each([
    { weights: { a: 40, b: 30, c: 31 }, fields: ['weights'] },
    { weights: { a: 0.4, b: 0.3, c: 0.3 }, fields: ['weights'] },
    { weights: { a: 130, b: -30, c: 0 }, fields: ['weights.b'] },
  ])('refuses $weights (does not sum to 100, or invalid)', ({ weights, fields }) => {
    const r = refusal(() => assertNormalisedWeights(ITEMS, weights));
    expect(r.code).toBe('invalid_weights');
    expect(r.fields).toEqual(fields);
  });
});

describe('displayWeights', () => {
  it.each([
    {
      name: 'thirds',
      weights: { a: 100 / 3, b: 100 / 3, c: 100 / 3 },
      decimals: 1,
      texts: ['33.4', '33.3', '33.3'],
    },
    {
      name: 'thirds, whole numbers',
      weights: { a: 100 / 3, b: 100 / 3, c: 100 / 3 },
      decimals: 0,
      texts: ['34', '33', '33'],
    },
    { name: 'exact tenths', weights: { a: 40, b: 30, c: 30 }, decimals: 1, texts: ['40.0', '30.0', '30.0'] },
    {
      name: 'sixths: two tied remainders go to the earlier items',
      weights: { a: 100 / 6, b: 100 / 6, c: 400 / 6 },
      decimals: 1,
      texts: ['16.7', '16.7', '66.6'],
    },
    {
      name: 'the largest remainder wins over the order',
      weights: { a: 10.04, b: 10.06, c: 79.9 },
      decimals: 1,
      texts: ['10.0', '10.1', '79.9'],
    },
    {
      name: 'a zero weight stays 0',
      weights: { a: 0, b: 50, c: 50 },
      decimals: 1,
      texts: ['0.0', '50.0', '50.0'],
    },
  ])('$name → $texts', ({ weights, decimals, texts }) => {
    const shown = displayWeights(ITEMS, weights, decimals);
    expect(shown.map((w) => w.text)).toEqual(texts);
    expect(shown.map((w) => w.value)).toEqual(texts.map(Number));
    expect(sum(shown.map((w) => w.units))).toBe(100 * 10 ** decimals);
  });

  it('sevenths to hundredths: the first four of seven get 14.29, and the units add to 10,000', () => {
    const items = ['p', 'q', 'r', 's', 't', 'u', 'v'];
    const weights = Object.fromEntries(items.map((i) => [i, 100 / 7]));
    const shown = displayWeights(items, weights, 2);
    expect(shown.map((w) => w.text)).toEqual(['14.29', '14.29', '14.29', '14.29', '14.28', '14.28', '14.28']);
    expect(sum(shown.map((w) => w.units))).toBe(10_000);
  });

  it('a tie blurred by binary noise (12.35 / 87.65) still goes to the earlier item', () => {
    const shown = displayWeights(['a', 'b'], { a: 12.35, b: 87.65 }, 1);
    expect(shown.map((w) => w.text)).toEqual(['12.4', '87.6']);
  });

  it.each([{ decimals: -1 }, { decimals: 1.5 }, { decimals: 7 }])(
    'refuses $decimals decimals',
    ({ decimals }) => {
      const r = refusal(() => displayWeights(ITEMS, { a: 40, b: 30, c: 30 }, decimals));
      expect(r.code).toBe('invalid_options');
      expect(r.fields).toEqual(['decimals']);
    },
  );

  it('refuses weights that are not normalised', () => {
    expect(refusal(() => displayWeights(ITEMS, { a: 1, b: 1, c: 1 })).code).toBe('invalid_weights');
  });
});

describe('adjustWeights', () => {
  const BASE = { a: 40, b: 30, c: 30 };

  it.each([
    {
      name: 'scale_all: b to 50 then all renormalised (40, 50, 30 over 120)',
      changes: { b: 50 },
      mode: 'scale_all' as const,
      expected: { a: 100 / 3, b: 125 / 3, c: 25 },
    },
    {
      name: 'scale_all: a change to the same value changes nothing',
      changes: { a: 40 },
      mode: 'scale_all' as const,
      expected: BASE,
    },
    {
      name: 'scale_all: an item to 0',
      changes: { c: 0 },
      mode: 'scale_all' as const,
      expected: { a: 400 / 7, b: 300 / 7, c: 0 },
    },
    {
      name: 'keep_changed: b stays 50, a and c share the other 50 as 40 : 30',
      changes: { b: 50 },
      mode: 'keep_changed' as const,
      expected: { a: 200 / 7, b: 50, c: 150 / 7 },
    },
    {
      name: 'keep_changed: a to 100 leaves the others 0',
      changes: { a: 100 },
      mode: 'keep_changed' as const,
      expected: { a: 100, b: 0, c: 0 },
    },
    {
      name: 'keep_changed: every item set, summing to 100',
      changes: { a: 20, b: 30, c: 50 },
      mode: 'keep_changed' as const,
      expected: { a: 20, b: 30, c: 50 },
    },
  ])('$name', ({ changes, mode, expected }) => {
    const got = adjustWeights(
      ITEMS,
      BASE,
      changes as Record<string, number>,
      '  Plans matter more in the 2nd half  ',
      mode,
    );
    for (const item of ITEMS)
      expect(got.weights[item]).toBeCloseTo(expected[item as keyof typeof expected], 12);
    expect(sum(ITEMS.map((i) => got.weights[i]!))).toBeCloseTo(100, 12);
    expect(got.reason).toBe('Plans matter more in the 2nd half');
    expect(got.changedItems).toEqual(ITEMS.filter((i) => i in changes));
  });

  it('defaults to scale_all', () => {
    expect(adjustWeights(ITEMS, BASE, { b: 50 }, 'r').weights.b).toBeCloseTo(125 / 3, 12);
  });

  it.each<{
    name: string;
    base?: Record<string, number>;
    changes: Record<string, unknown>;
    reason: string;
    mode?: 'scale_all' | 'keep_changed';
    fields: string[];
  }>([
    { name: 'no reason', changes: { a: 10 }, reason: '', fields: ['reason'] },
    { name: 'a blank reason', changes: { a: 10 }, reason: '   ', fields: ['reason'] },
    { name: 'no change', changes: {}, reason: 'r', fields: ['changes'] },
    { name: 'an unknown item', changes: { zzz: 10 }, reason: 'r', fields: ['changes.zzz'] },
    { name: 'a negative weight', changes: { b: -1 }, reason: 'r', fields: ['changes.b'] },
    { name: 'NaN', changes: { b: Number.NaN }, reason: 'r', fields: ['changes.b'] },
    { name: 'reason and weight both bad', changes: { b: -1 }, reason: '', fields: ['reason', 'changes.b'] },
    {
      name: 'scale_all leaving every weight 0',
      base: { a: 100, b: 0, c: 0 },
      changes: { a: 0 },
      reason: 'r',
      fields: ['changes'],
    },
    {
      name: 'keep_changed over 100',
      changes: { b: 60, c: 50 },
      reason: 'r',
      mode: 'keep_changed',
      fields: ['changes'],
    },
    {
      name: 'keep_changed: every item set, summing to 90',
      changes: { a: 20, b: 30, c: 40 },
      reason: 'r',
      mode: 'keep_changed',
      fields: ['changes'],
    },
    {
      name: 'keep_changed with nothing left to scale',
      base: { a: 100, b: 0, c: 0 },
      changes: { a: 50 },
      reason: 'r',
      mode: 'keep_changed',
      fields: ['changes'],
    },
    {
      name: 'an invalid base set',
      base: { a: 100, b: -1, c: 1 },
      changes: { a: 50 },
      reason: 'r',
      fields: ['weights.b'],
    },
  ])('refuses $name', ({ base, changes, reason, mode, fields }) => {
    const r = refusal(() =>
      adjustWeights(ITEMS, base ?? BASE, changes as Record<string, number>, reason, mode),
    );
    expect(r.code).toBe('invalid_weights');
    expect(r.fields).toEqual(fields);
  });
});

describe('compareWeightSets', () => {
  it.each([
    { name: 'the same set', before: { a: 40, b: 30, c: 30 }, after: { a: 40, b: 30, c: 30 }, changes: [] },
    {
      name: 'summation noise is no change',
      before: { a: 33.333333333333336, b: 33.33333333333333 },
      after: { a: 100 / 3, b: 100 / 3 },
      changes: [],
    },
    {
      name: 'two items moved, in the first set’s order',
      before: { a: 40, b: 30, c: 30 },
      after: { a: 40, c: 20, b: 40 },
      changes: [
        { item: 'b', before: 30, after: 40, delta: 10 },
        { item: 'c', before: 30, after: 20, delta: -10 },
      ],
    },
    {
      name: 'an item removed and one added (a template edit)',
      before: { a: 50, b: 50 },
      after: { a: 50, c: 50 },
      changes: [
        { item: 'b', before: 50, after: null, delta: null },
        { item: 'c', before: null, after: 50, delta: null },
      ],
    },
  ])('$name', ({ before, after, changes }) => {
    expect(compareWeightSets(before as Record<string, number>, after as Record<string, number>)).toEqual(
      changes,
    );
  });
});
