import { describe, expect, it } from 'vitest';

import { type AlphaUnit, evaluatorLeniency, krippendorffAlpha, roundAgreement } from './agreement';
import { seededRandom } from '../selection/random';
import { DEFAULT_GRADE_SCALE } from './grades';
import type { ClusterGrading, EvaluatorGrading } from './scores';
import { refusal } from './test-support';

const SCALE = DEFAULT_GRADE_SCALE;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers × 12
 * units with missing values. Published: nominal α = 0.743, ordinal 0.815, interval 0.849.
 */
const OBSERVERS: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const KRIPPENDORFF_UNITS: AlphaUnit[] = OBSERVERS[0]!.map((_, u) => OBSERVERS.map((o) => o[u]));

/**
 * An independent reference: alpha from its pairwise definition, not the coincidence matrix.
 * D_o = (1/n) Σ_u Σ_{i≠j in u} δ²(vᵢ, vⱼ) / (m_u − 1); D_e = Σ_{i≠j over all pairable values} δ² / (n(n − 1)).
 */
function pairwiseAlpha(
  units: (number | null)[][],
  metric: 'nominal' | 'ordinal' | 'interval',
): number | null {
  const pairable = units.map((u) => u.filter((v): v is number => v !== null)).filter((u) => u.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  if (n < 2) return null;
  const frequency = (v: number) => all.filter((x) => x === v).length;
  const delta = (c: number, k: number): number => {
    if (metric === 'nominal') return c === k ? 0 : 1;
    if (metric === 'interval') return (c - k) ** 2;
    const [lo, hi] = c <= k ? [c, k] : [k, c];
    const between = [...new Set(all)].filter((g) => g >= lo && g <= hi).reduce((a, g) => a + frequency(g), 0);
    return (between - (frequency(c) + frequency(k)) / 2) ** 2;
  };
  let observed = 0;
  for (const u of pairable)
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) observed += delta(u[i]!, u[j]!) / (u.length - 1);
  let expected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += delta(all[i]!, all[j]!);
  const dO = observed / n;
  const dE = expected / (n * (n - 1));
  return dE === 0 ? null : 1 - dO / dE;
}

describe('krippendorffAlpha', () => {
  it.each([
    { metric: 'nominal' as const, alpha: 0.743, exact: 113 / 152 },
    { metric: 'ordinal' as const, alpha: 0.815, exact: 1 - (47.275 * 13) / 3329 },
    { metric: 'interval' as const, alpha: 0.849, exact: 2853 / 3360 },
  ])('reproduces Krippendorff’s worked example: $metric α = $alpha', ({ metric, alpha, exact }) => {
    const got = krippendorffAlpha(KRIPPENDORFF_UNITS, metric);
    expect(got.alpha).toBeCloseTo(alpha, 3);
    expect(got.alpha).toBeCloseTo(exact, 12);
    expect(got.pairableValues).toBe(40); // unit 12 has a single value and drops out
    expect(got.pairableUnits).toBe(11);
  });

  it('defaults to the ordinal metric', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_UNITS).alpha).toBeCloseTo(0.815, 3);
  });

  it('does not depend on which coder gave which value, nor on the order of units', () => {
    const shuffled = [...KRIPPENDORFF_UNITS].reverse().map((u) => [...u].reverse());
    expect(krippendorffAlpha(shuffled, 'ordinal').alpha).toBeCloseTo(
      krippendorffAlpha(KRIPPENDORFF_UNITS).alpha!,
      12,
    );
  });

  // Hand-computed from the coincidence matrix (see the comments for o, n and δ²).
  it.each<{
    name: string;
    units: AlphaUnit[];
    nominal: number | null;
    ordinal: number | null;
    interval: number | null;
  }>([
    {
      // o11 = 2, o12 = o21 = 1, o22 = 2; n1 = n2 = 3, n = 6; D_o = 2δ/6, D_e = 18δ/30 → 1 − 5/9 for any δ.
      name: 'two values: every metric gives 4/9',
      units: [
        [1, 1],
        [1, 2],
        [2, 2],
      ],
      nominal: 4 / 9,
      ordinal: 4 / 9,
      interval: 4 / 9,
    },
    {
      // n1 = 3, n2 = 2, n3 = 5, n = 10; o12 = o21 = o23 = o32 = 1.
      // nominal: D_o = 0.4, D_e = 2(6 + 15 + 10)/90 → 13/31.
      // interval: δ²12 = δ²23 = 1, δ²13 = 4: D_e = 2(6 + 60 + 10)/90 → 29/38.
      // ordinal: δ²12 = 2.5² = 6.25, δ²23 = 3.5² = 12.25, δ²13 = (10 − 4)² = 36:
      //   D_o = (12.5 + 24.5)/10 = 3.7, D_e = 2(37.5 + 540 + 122.5)/90 = 1400/90 → 1067/1400.
      name: 'three values, unevenly used',
      units: [
        [1, 2],
        [2, 3],
        [1, 1],
        [3, 3],
        [3, 3],
      ],
      nominal: 13 / 31,
      ordinal: 1067 / 1400,
      interval: 29 / 38,
    },
    {
      name: 'perfect agreement with variation: 1',
      units: [
        [1, 1, 1],
        [4, 4, null],
      ],
      nominal: 1,
      ordinal: 1,
      interval: 1,
    },
    {
      // o12 = o21 = 2; n1 = n2 = 2, n = 4: D_o = 1, D_e = 8/12 → 1 − 1.5.
      name: 'systematic disagreement: below 0',
      units: [
        [1, 2],
        [2, 1],
      ],
      nominal: -0.5,
      ordinal: -0.5,
      interval: -0.5,
    },
    {
      name: 'no variation at all: undefined',
      units: [
        [3, 3],
        [3, 3, 3],
      ],
      nominal: null,
      ordinal: null,
      interval: null,
    },
    {
      name: 'no unit with two values: undefined',
      units: [[1, null], [2], [null, null, 3]],
      nominal: null,
      ordinal: null,
      interval: null,
    },
    { name: 'no units: undefined', units: [], nominal: null, ordinal: null, interval: null },
  ])('$name', ({ units, nominal, ordinal, interval }) => {
    for (const [metric, expected] of [
      ['nominal', nominal],
      ['ordinal', ordinal],
      ['interval', interval],
    ] as const) {
      const got = krippendorffAlpha(units, metric).alpha;
      if (expected === null) expect(got, metric).toBeNull();
      else expect(got, metric).toBeCloseTo(expected, 12);
    }
  });

  it('ordinal alpha depends only on the order of values (1, 2, 3 → 1, 10, 100 gives the same)', () => {
    const units = [
      [1, 2],
      [2, 3],
      [1, 1],
      [3, 3],
      [3, 3],
    ];
    const stretched = units.map((u) => u.map((v) => 10 ** (v - 1)));
    expect(krippendorffAlpha(stretched, 'ordinal').alpha).toBeCloseTo(1067 / 1400, 12);
    expect(krippendorffAlpha(stretched, 'interval').alpha).not.toBeCloseTo(29 / 38, 3);
  });

  it('reports the disagreements behind alpha', () => {
    const got = krippendorffAlpha(
      [
        [1, 1],
        [1, 2],
        [2, 2],
      ],
      'nominal',
    );
    expect(got.observedDisagreement).toBeCloseTo(1 / 3, 12);
    expect(got.expectedDisagreement).toBeCloseTo(0.6, 12);
    expect(got.pairableValues).toBe(6);
  });

  it('counts pairable values exactly when units hold unequal numbers of values (sums of thirds and sevenths)', () => {
    // 840 grades as in the demo round: clusters graded by 4 or 8 evaluators. The coincidence sums
    // 1/(m − 1) add up to 839.999… in floating point; the count must still be the integer 840.
    const units: (number | null)[][] = [];
    for (let u = 0; u < 70; u++) units.push([1 + (u % 4), 2, 3, 1 + ((u * 3) % 4), null]);
    for (let u = 0; u < 70; u++) units.push([1, 2, 3, 4, 1 + (u % 4), 2, 3, 1 + ((u * 5) % 4)]);
    const got = krippendorffAlpha(units);
    expect(got.pairableValues).toBe(70 * 4 + 70 * 8);
    expect(Number.isInteger(got.pairableValues)).toBe(true);
    expect(got.pairableUnits).toBe(140);
  });

  it('agrees with the pairwise definition on 60 seeded random data sets (up to 6 coders, missing values)', () => {
    const random = seededRandom(2004);
    for (let run = 0; run < 60; run++) {
      const coders = 2 + Math.floor(random() * 5);
      const units: (number | null)[][] = Array.from({ length: 3 + Math.floor(random() * 20) }, () =>
        Array.from({ length: coders }, () => (random() < 0.2 ? null : 1 + Math.floor(random() * 4))),
      );
      for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
        const got = krippendorffAlpha(units, metric).alpha;
        const expected = pairwiseAlpha(units, metric);
        if (expected === null) expect(got).toBeNull();
        else expect(got).toBeCloseTo(expected, 10);
      }
    }
  });

  it.each([
    { units: [[1, Number.NaN]], field: 'units.0.1' },
    {
      units: [
        [1, 2],
        [Infinity, 2],
      ],
      field: 'units.1.0',
    },
  ])('refuses a value that is not a finite number ($field)', ({ units, field }) => {
    const r = refusal(() => krippendorffAlpha(units));
    expect(r.code).toBe('invalid_grading');
    expect(r.fields).toEqual([field]);
  });
});

function grading(
  evaluatorId: number,
  grades: string,
  options: { conflicted?: boolean; submitted?: boolean } = {},
): EvaluatorGrading {
  const [a, b] = grades.split('');
  const g = (x: string | undefined) => (x === '-' || x === undefined ? null : x);
  return {
    evaluatorId,
    submitted: options.submitted ?? true,
    conflicted: options.conflicted ?? false,
    grades: { a: g(a), b: g(b) },
  };
}

describe('roundAgreement', () => {
  // Counted units: 1×a [4, 4], 1×b [3, 2], 2×a [2, 3], 2×b [2, 2] (evaluator 3 is conflicted on 1).
  const CLUSTERS: ClusterGrading[] = [
    { clusterId: 1, gradings: [grading(1, 'SA'), grading(2, 'SB'), grading(3, 'CC', { conflicted: true })] },
    { clusterId: 2, gradings: [grading(1, 'BB'), grading(2, 'AB'), grading(4, 'SS', { submitted: false })] },
  ];

  it('computes ordinal alpha overall and per item over counted gradings', () => {
    const got = roundAgreement(['a', 'b'], SCALE, CLUSTERS);
    expect(got.metric).toBe('ordinal');
    // Overall: n2 = 4, n3 = 2, n4 = 2, n = 8; o23 = o32 = 2; δ²23 = 9, δ²34 = 4, δ²24 = 25:
    // D_o = 36/8 = 4.5, D_e = 2(72 + 200 + 16)/56 = 72/7 → α = 1 − 4.5·7/72 = 9/16.
    expect(got.overall.alpha).toBeCloseTo(9 / 16, 12);
    expect(got.overall.pairableValues).toBe(8);
    // Item a: n2 = n3 = 1, n4 = 2; δ²23 = 1, δ²34 = 2.25, δ²24 = 6.25: D_o = 0.5, D_e = 3 → 5/6.
    // Item b: n2 = 3, n3 = 1; δ²23 = 4: D_o = 2, D_e = 2 → 0.
    expect(got.items.map((i) => i.item)).toEqual(['a', 'b']);
    expect(got.items[0]!.agreement.alpha).toBeCloseTo(5 / 6, 12);
    expect(got.items[1]!.agreement.alpha).toBeCloseTo(0, 12);
  });

  it('computes the nominal metric when asked (item a: D_o = 0.5, D_e = 10/12 → 0.4)', () => {
    const got = roundAgreement(['a', 'b'], SCALE, CLUSTERS, 'nominal');
    expect(got.items[0]!.agreement.alpha).toBeCloseTo(0.4, 12);
  });

  it('would differ if the conflicted evaluator counted (the exclusion is real)', () => {
    const unconflicted = CLUSTERS.map((c) => ({
      ...c,
      gradings: c.gradings.map((g) => ({ ...g, conflicted: false })),
    }));
    expect(roundAgreement(['a', 'b'], SCALE, unconflicted).overall.alpha).not.toBeCloseTo(9 / 16, 3);
  });

  it('is undefined for a round with one evaluator per cluster', () => {
    const got = roundAgreement(['a'], SCALE, [{ clusterId: 1, gradings: [grading(1, 'SS')] }]);
    expect(got.overall.alpha).toBeNull();
    expect(got.items[0]!.agreement.pairableUnits).toBe(0);
  });

  it('refuses a grade outside the scale, naming it', () => {
    const r = refusal(() =>
      roundAgreement(['a', 'b'], SCALE, [{ clusterId: 1, gradings: [grading(1, 'SS'), grading(2, 'SZ')] }]),
    );
    expect(r.code).toBe('unknown_grade');
    expect(r.fields).toEqual(['clusters.0.gradings.1.grades.b']);
  });
});

describe('evaluatorLeniency', () => {
  it('is each evaluator’s mean offset from the others on shared units', () => {
    // Cluster 1: a [e1 4, e2 4, e3 3] → +0.5, +0.5, −1;  b [3, 2, 1] → +1.5, 0, −1.5.
    // Cluster 2: e2 conflicted; a [e1 2, e4 3] → −1, +1;  b the same.
    // Cluster 3: e5 alone → nothing to compare.
    const clusters: ClusterGrading[] = [
      { clusterId: 1, gradings: [grading(1, 'SA'), grading(2, 'SB'), grading(3, 'AC')] },
      {
        clusterId: 2,
        gradings: [grading(1, 'BB'), grading(2, 'SS', { conflicted: true }), grading(4, 'AA')],
      },
      { clusterId: 3, gradings: [grading(5, 'SS'), grading(6, 'CC', { submitted: false })] },
    ];
    expect(evaluatorLeniency(['a', 'b'], SCALE, clusters)).toEqual([
      { evaluatorId: 1, leniency: 0, units: 4 }, // (0.5 + 1.5 − 1 − 1) / 4
      { evaluatorId: 2, leniency: 0.25, units: 2 }, // (0.5 + 0) / 2
      { evaluatorId: 3, leniency: -1.25, units: 2 }, // (−1 − 1.5) / 2
      { evaluatorId: 4, leniency: 1, units: 2 },
      { evaluatorId: 5, leniency: null, units: 0 },
    ]);
  });

  it('skips units where only one evaluator graded', () => {
    // a: [4, 4] → 0, 0; b: only e2 graded → skipped.
    const got = evaluatorLeniency(['a', 'b'], SCALE, [
      { clusterId: 1, gradings: [grading(1, 'S-'), grading(2, 'SA')] },
    ]);
    expect(got).toEqual([
      { evaluatorId: 1, leniency: 0, units: 1 },
      { evaluatorId: 2, leniency: 0, units: 1 },
    ]);
  });

  it('sums to zero when every unit has the same evaluators (offsets cancel)', () => {
    const got = evaluatorLeniency(['a', 'b'], SCALE, [
      { clusterId: 1, gradings: [grading(1, 'SA'), grading(2, 'BC'), grading(3, 'AA')] },
      { clusterId: 2, gradings: [grading(1, 'CC'), grading(2, 'SS'), grading(3, 'BA')] },
    ]);
    expect(got.reduce((a, l) => a + l.leniency!, 0)).toBeCloseTo(0, 12);
    // e1: c1 a 4 − 2.5 = 1.5, b 3 − 2 = 1; c2 a 1 − 3 = −2, b 1 − 3.5 = −2.5 → −0.5.
    expect(got[0]).toEqual({ evaluatorId: 1, leniency: -0.5, units: 4 });
  });

  it('is empty for no clusters', () => {
    expect(evaluatorLeniency(['a'], SCALE, [])).toEqual([]);
  });
});
