import { describe, expect, it } from 'vitest';

import { seededRandom, shuffled } from '../selection/random';
import {
  type AllocationBand,
  type AllocationClusterInput,
  type AllocationInput,
  allocateSubsidies,
  DEFAULT_ALLOCATION_BANDS,
} from './allocation';
import { refusal } from './test-support';

const M = 1_000_000;

function cluster(
  clusterId: number,
  currentMillions: number,
  score: number | null,
  extra: Partial<AllocationClusterInput> = {},
): AllocationClusterInput {
  return { clusterId, current: Math.round(currentMillions * M), score, ...extra };
}

/** Final figures in millions of yen, by cluster id. */
function finals(input: AllocationInput): Record<number, number> {
  return Object.fromEntries(allocateSubsidies(input).lines.map((l) => [l.clusterId, l.final / M]));
}

describe('allocateSubsidies: the band rule', () => {
  it('raises, keeps and cuts by band without a fixed total (+10 %, 0, −10 %)', () => {
    const got = allocateSubsidies({
      clusters: [cluster(1, 500, 3.8), cluster(2, 500, 3.0), cluster(3, 500, 2.0)],
    });
    expect(got.lines).toEqual([
      {
        clusterId: 1,
        score: 3.8,
        band: 'raise',
        adjustment: 0.1,
        current: 500 * M,
        proposed: 550 * M,
        final: 550 * M,
        change: 50 * M,
        changePercent: 10,
        floor: 0,
        ceiling: null,
        clamped: null,
      },
      {
        clusterId: 2,
        score: 3,
        band: 'keep',
        adjustment: 0,
        current: 500 * M,
        proposed: 500 * M,
        final: 500 * M,
        change: 0,
        changePercent: 0,
        floor: 0,
        ceiling: null,
        clamped: null,
      },
      {
        clusterId: 3,
        score: 2,
        band: 'cut',
        adjustment: -0.1,
        current: 500 * M,
        proposed: 450 * M,
        final: 450 * M,
        change: -50 * M,
        changePercent: -10,
        floor: 0,
        ceiling: null,
        clamped: null,
      },
    ]);
    expect(got).toMatchObject({
      total: 1500 * M,
      currentTotal: 1500 * M,
      proposedTotal: 1500 * M,
      unit: M,
      fixedTotal: false,
      scale: 1,
    });
  });

  it.each([
    { score: 4, band: 'raise' },
    { score: 3.5, band: 'raise' },
    { score: 3.4999999999999996, band: 'raise' },
    { score: 3.49, band: 'keep' },
    { score: 2.5, band: 'keep' },
    { score: 2.49, band: 'cut' },
    { score: 1, band: 'cut' },
  ])('score $score falls in band $band', ({ score, band }) => {
    expect(allocateSubsidies({ clusters: [cluster(1, 100, score)] }).lines[0]!.band).toBe(band);
  });

  it('takes a band instead of a score, and accepts both when they agree', () => {
    const got = allocateSubsidies({
      clusters: [cluster(1, 100, null, { band: 'raise' }), cluster(2, 100, 3, { band: 'keep' })],
    });
    expect(got.lines.map((l) => [l.band, l.final / M])).toEqual([
      ['raise', 110],
      ['keep', 100],
    ]);
  });

  it('rounds the proposal to the nearest yen and keeps every amount an integer', () => {
    const got = allocateSubsidies({ clusters: [cluster(1, 333.333333, 3.8)] });
    expect(got.lines[0]!.proposed).toBe(366_666_666); // 333,333,333 × 1.1 = 366,666,666.3
    expect(got.lines[0]!.final).toBe(367 * M);
    expect(Number.isSafeInteger(got.lines[0]!.change)).toBe(true);
  });

  it('lets a −100 % band cut a cluster to its floor', () => {
    const bands: AllocationBand[] = [
      { band: 'continue', minScore: 2, adjustment: 0 },
      { band: 'stop', minScore: -Infinity, adjustment: -1 },
    ];
    expect(finals({ clusters: [cluster(1, 100, 3), cluster(2, 100, 1.5)], bands })).toEqual({ 1: 100, 2: 0 });
    expect(
      finals({ clusters: [cluster(1, 100, 3), cluster(2, 100, 1.5, { floor: 20 * M })], bands }),
    ).toEqual({
      1: 100,
      2: 20,
    });
  });
});

describe('allocateSubsidies: a fixed programme total', () => {
  it('rescales so one cluster’s raise is another’s cut, and the figures sum exactly to the total', () => {
    // Proposed 550 + 550 + 450 = 1,550 for a total of 1,500: λ = 1500/1550.
    // Exact 532.258…, 532.258…, 435.484…; rounded down 532 + 532 + 435 = 1,499; the one unit left
    // goes to the largest remainder (.484, cluster 3).
    const got = allocateSubsidies({
      clusters: [cluster(1, 500, 3.8), cluster(2, 500, 3.6), cluster(3, 500, 2.0)],
      total: 1500 * M,
    });
    expect(got.lines.map((l) => l.final / M)).toEqual([532, 532, 436]);
    expect(got.lines.map((l) => l.change / M)).toEqual([32, 32, -64]);
    expect(got.lines.map((l) => l.changePercent)).toEqual([6.4, 6.4, -12.8]);
    expect(got.lines.map((l) => l.proposed / M)).toEqual([550, 550, 450]);
    expect(got.scale).toBeCloseTo(1500 / 1550, 12);
    expect(got.total).toBe(1500 * M);
    expect(got.fixedTotal).toBe(true);
    expect(got.lines.reduce((a, l) => a + l.final, 0)).toBe(1500 * M);
  });

  it('gives every cluster its current subsidy back when all scores are equal and the total is unchanged', () => {
    const clusters = [cluster(1, 300, 3), cluster(2, 250, 3), cluster(3, 200, 3), cluster(4, 150, 3)];
    expect(finals({ clusters, total: 900 * M })).toEqual({ 1: 300, 2: 250, 3: 200, 4: 150 });
    // All raised alike: +10 % of the total is +10 % each, exactly.
    expect(finals({ clusters: clusters.map((c) => ({ ...c, score: 3.9 })), total: 990 * M })).toEqual({
      1: 330,
      2: 275,
      3: 220,
      4: 165,
    });
    // ×10/9: 333.33, 277.78, 222.22, 166.67 → 333 + 277 + 222 + 166 = 998; +1 to .78 and .67.
    expect(finals({ clusters, total: 1000 * M })).toEqual({ 1: 333, 2: 278, 3: 222, 4: 167 });
  });

  it('gives one cluster the whole total', () => {
    const got = allocateSubsidies({ clusters: [cluster(1, 500, 4)], total: 700 * M });
    expect(got.lines[0]).toMatchObject({
      final: 700 * M,
      change: 200 * M,
      changePercent: 40,
      proposed: 550 * M,
    });
    expect(got.scale).toBeCloseTo(700 / 550, 12);
  });

  it('allocates nothing to no clusters', () => {
    expect(allocateSubsidies({ clusters: [] })).toEqual({
      lines: [],
      total: 0,
      currentTotal: 0,
      proposedTotal: 0,
      unit: M,
      fixedTotal: false,
      scale: 1,
    });
    expect(allocateSubsidies({ clusters: [], total: 0 }).lines).toEqual([]);
  });

  it('rounds to another unit (¥1,000) and still sums exactly', () => {
    // λ = 2,001,000 / 2,000,000: 1,100,550 and 900,450 → 1,100 and 900 thousands + 1 to the larger remainder.
    const got = allocateSubsidies({
      clusters: [
        { clusterId: 1, current: 1_000_000, score: 3.8 },
        { clusterId: 2, current: 1_000_000, score: 2 },
      ],
      total: 2_001_000,
      unit: 1000,
    });
    expect(got.lines.map((l) => l.final)).toEqual([1_101_000, 900_000]);
  });
});

describe('allocateSubsidies: rounding remainders and their ties', () => {
  it.each([
    {
      name: 'equal remainders go to the higher score',
      clusters: [cluster(1, 100, 3.6), cluster(2, 100, 3.9), cluster(3, 100, 3.6)],
      total: 301,
      expected: { 1: 100, 2: 101, 3: 100 },
    },
    {
      name: 'then, at equal scores, to the lower cluster id',
      clusters: [cluster(1, 100, 3.6), cluster(2, 100, 3.9), cluster(3, 100, 3.6)],
      total: 302,
      expected: { 1: 101, 2: 101, 3: 100 },
    },
    {
      name: 'all equal: by cluster id whatever the input order',
      clusters: [cluster(5, 100, 3), cluster(3, 100, 3), cluster(9, 100, 3)],
      total: 301,
      expected: { 3: 101, 5: 100, 9: 100 },
    },
    {
      name: 'scores within the tolerance are equal scores',
      clusters: [cluster(2, 100, 3.0000000000000004), cluster(1, 100, 3)],
      total: 201,
      expected: { 1: 101, 2: 100 },
    },
    {
      name: 'a cluster with only a band comes after scored ones',
      clusters: [cluster(1, 100, null, { band: 'keep' }), cluster(2, 100, 3)],
      total: 201,
      expected: { 1: 100, 2: 101 },
    },
    {
      name: 'the largest remainder wins over a higher score',
      clusters: [cluster(1, 100.2, 3.9), cluster(2, 100.7, 2.6)],
      total: 201,
      expected: { 1: 100, 2: 101 },
    },
  ])('$name', ({ clusters, total, expected }) => {
    expect(
      finals({ clusters, total: total * M, bands: [{ band: 'keep', minScore: -Infinity, adjustment: 0 }] }),
    ).toEqual(expected);
  });

  it('without a fixed total, keeps the sum of the proposals to the nearest unit (not n independent roundings)', () => {
    // 100.4 × 3 = 301.2 → 301 in all: three independent roundings would give 300.
    const got = allocateSubsidies({
      clusters: [cluster(1, 100.4, 3), cluster(2, 100.4, 3), cluster(3, 100.4, 3)],
    });
    expect(got.lines.map((l) => l.final / M)).toEqual([101, 100, 100]);
    expect(got.total).toBe(301 * M);
  });

  it.each([
    // 123.456789 + 234.56789 = 358.024679 → 358; 123 + 234 = 357; the unit goes to .568.
    { currents: [123.456789, 234.56789], expected: [123, 235], total: 358 },
    // 100.5 + 100 = 200.5: half a unit rounds the total up.
    { currents: [100.5, 100], expected: [101, 100], total: 201 },
    { currents: [100.49, 100], expected: [100, 100], total: 200 },
  ])('rounds $currents (kept) to $expected', ({ currents, expected, total }) => {
    const got = allocateSubsidies({ clusters: currents.map((c, i) => cluster(i + 1, c, 3)) });
    expect(got.lines.map((l) => l.final / M)).toEqual(expected);
    expect(got.total).toBe(total * M);
  });
});

describe('allocateSubsidies: floors and ceilings', () => {
  // Proposed: 1 → 638 (+10 %), 2 → 500, 3 → 378 (−10 %); floor 400, ceiling 600.
  const CLAMPED = [cluster(1, 580, 3.9), cluster(2, 500, 3.0), cluster(3, 420, 2.0)];
  const LIMITS = { floor: 400 * M, ceiling: 600 * M };

  it('clamps without a fixed total', () => {
    const got = allocateSubsidies({ clusters: CLAMPED, ...LIMITS });
    expect(got.lines.map((l) => [l.final / M, l.clamped])).toEqual([
      [600, 'ceiling'],
      [500, null],
      [400, 'floor'],
    ]);
    expect(got.total).toBe(1500 * M);
  });

  it('water-fills a fixed total: a clamped cluster is fixed and the rest rescaled', () => {
    // Total 1,450: 3 stays at its floor, 1 is under its ceiling: 638λ + 500λ + 400 = 1450 →
    // λ = 1050/1138; 588.664 and 461.336 → 588 + 461 + 400 = 1,449; +1 to .664.
    const got = allocateSubsidies({ clusters: CLAMPED, ...LIMITS, total: 1450 * M });
    expect(got.lines.map((l) => [l.final / M, l.clamped])).toEqual([
      [589, null],
      [461, null],
      [400, 'floor'],
    ]);
    expect(got.scale).toBeCloseTo(1050 / 1138, 12);
  });

  it('releases a cluster from its floor when the rescaling lifts it (one-shot clamping would not)', () => {
    // Total 1,600. At λ = 1600/1516 cluster 3 (398.9) looks floored and 1 capped; fixing both at
    // once would leave 600 for cluster 2 alone (600, 600, 400). The exact water level: 1 capped at
    // 600, 500λ + 378λ = 1000 → λ = 1000/878: 569.476 and 430.524 → 569 + 430 + 600 = 1,599; +1 to .524.
    const got = allocateSubsidies({ clusters: CLAMPED, ...LIMITS, total: 1600 * M });
    expect(got.lines.map((l) => [l.final / M, l.clamped])).toEqual([
      [600, 'ceiling'],
      [569, null],
      [431, null],
    ]);
    expect(got.scale).toBeCloseTo(1000 / 878, 12);
  });

  it('puts every cluster at its floor when the total is the floors’ sum, and at its ceiling at the ceilings’ sum', () => {
    expect(finals({ clusters: CLAMPED, ...LIMITS, total: 1200 * M })).toEqual({ 1: 400, 2: 400, 3: 400 });
    expect(finals({ clusters: CLAMPED, ...LIMITS, total: 1800 * M })).toEqual({ 1: 600, 2: 600, 3: 600 });
  });

  it('lets a cluster’s own floor and ceiling override the global ones', () => {
    const got = allocateSubsidies({
      clusters: [
        cluster(1, 580, 3.9, { ceiling: 700 * M }),
        cluster(2, 500, 3.0),
        cluster(3, 420, 2.0, { floor: 300 * M }),
      ],
      ...LIMITS,
    });
    expect(got.lines.map((l) => [l.final / M, l.floor / M, l.ceiling! / M, l.clamped])).toEqual([
      [638, 400, 700, null],
      [500, 400, 600, null],
      [378, 300, 600, null],
    ]);
  });

  it('keeps a cluster proposed ¥0 at its floor while the others absorb the total', () => {
    const got = allocateSubsidies({
      clusters: [cluster(1, 0, 3.9), cluster(2, 100, 3.0)],
      floor: 10 * M,
      total: 200 * M,
    });
    expect(got.lines.map((l) => [l.final / M, l.changePercent, l.clamped])).toEqual([
      [10, null, 'floor'],
      [190, 90, null],
    ]);
  });
});

describe('allocateSubsidies: refusals', () => {
  const OK = [cluster(1, 500, 3.8), cluster(2, 500, 3.0), cluster(3, 500, 2.0)];

  it.each<{ name: string; input: AllocationInput; code: string; fields: string[] }>([
    {
      name: 'a total below the floors’ sum',
      input: { clusters: OK, floor: 400 * M, total: 1100 * M },
      code: 'infeasible_allocation',
      fields: ['total'],
    },
    {
      name: 'a total above the ceilings’ sum',
      input: { clusters: OK, ceiling: 600 * M, total: 1900 * M },
      code: 'infeasible_allocation',
      fields: ['total'],
    },
    {
      name: 'a total only clusters proposed ¥0 could reach',
      input: { clusters: [cluster(1, 0, 3), cluster(2, 100, 3, { ceiling: 150 * M })], total: 200 * M },
      code: 'infeasible_allocation',
      fields: ['total'],
    },
    {
      name: 'a total for no clusters',
      input: { clusters: [], total: 100 * M },
      code: 'infeasible_allocation',
      fields: ['total'],
    },
    {
      name: 'a total that is not a whole unit',
      input: { clusters: OK, total: 1500.5 * M },
      code: 'invalid_allocation',
      fields: ['total'],
    },
    {
      name: 'a negative total',
      input: { clusters: OK, total: -M },
      code: 'invalid_allocation',
      fields: ['total'],
    },
    {
      name: 'a floor that is not a whole unit',
      input: { clusters: OK, floor: 400_500_000 },
      code: 'invalid_allocation',
      fields: ['floor'],
    },
    {
      name: 'a ceiling below the floor',
      input: { clusters: OK, floor: 400 * M, ceiling: 300 * M },
      code: 'invalid_allocation',
      fields: ['ceiling'],
    },
    {
      name: 'a cluster’s ceiling below the global floor',
      input: { clusters: [cluster(1, 500, 3, { ceiling: 300 * M })], floor: 400 * M },
      code: 'invalid_allocation',
      fields: ['clusters.0.ceiling'],
    },
    {
      name: 'a cluster’s floor above the global ceiling',
      input: { clusters: [cluster(1, 500, 3, { floor: 700 * M })], ceiling: 600 * M },
      code: 'invalid_allocation',
      fields: ['clusters.0.floor'],
    },
    {
      name: 'a cluster’s floor off the unit grid',
      input: { clusters: [cluster(1, 500, 3, { floor: 1 })] },
      code: 'invalid_allocation',
      fields: ['clusters.0.floor'],
    },
    { name: 'a zero unit', input: { clusters: OK, unit: 0 }, code: 'invalid_allocation', fields: ['unit'] },
    {
      name: 'a fractional unit',
      input: { clusters: OK, unit: 0.5 },
      code: 'invalid_allocation',
      fields: ['unit'],
    },
    {
      name: 'a repeated cluster',
      input: { clusters: [cluster(1, 1, 3), cluster(1, 1, 3)] },
      code: 'invalid_allocation',
      fields: ['clusters.1.clusterId'],
    },
    {
      name: 'a negative subsidy',
      input: { clusters: [cluster(1, -1, 3)] },
      code: 'invalid_allocation',
      fields: ['clusters.0.current'],
    },
    {
      name: 'a subsidy in fractional yen',
      input: { clusters: [{ clusterId: 1, current: 100.5, score: 3 }] },
      code: 'invalid_allocation',
      fields: ['clusters.0.current'],
    },
    {
      name: 'a NaN score',
      input: { clusters: [cluster(1, 1, Number.NaN)] },
      code: 'invalid_allocation',
      fields: ['clusters.0.score'],
    },
    {
      name: 'neither score nor band',
      input: { clusters: [cluster(1, 1, null)] },
      code: 'invalid_allocation',
      fields: ['clusters.0.score'],
    },
    {
      name: 'an unknown band',
      input: { clusters: [cluster(1, 1, null, { band: 'S' })] },
      code: 'invalid_allocation',
      fields: ['clusters.0.band'],
    },
    {
      name: 'a band that contradicts the score',
      input: { clusters: [cluster(1, 1, 3.9, { band: 'cut' })] },
      code: 'invalid_allocation',
      fields: ['clusters.0.band'],
    },
    {
      name: 'a score below every band',
      input: { clusters: [cluster(1, 1, 0.5)], bands: [{ band: 'any', minScore: 1, adjustment: 0 }] },
      code: 'invalid_allocation',
      fields: ['clusters.0.score'],
    },
    { name: 'no bands', input: { clusters: OK, bands: [] }, code: 'invalid_allocation', fields: ['bands'] },
    {
      name: 'an adjustment below −100 %',
      input: { clusters: OK, bands: [{ band: 'x', minScore: -Infinity, adjustment: -1.5 }] },
      code: 'invalid_allocation',
      fields: ['bands.0.adjustment'],
    },
    {
      name: 'a lower band with a larger raise',
      input: {
        clusters: OK,
        bands: [
          { band: 'top', minScore: 3, adjustment: 0 },
          { band: 'rest', minScore: -Infinity, adjustment: 0.05 },
        ],
      },
      code: 'invalid_allocation',
      fields: ['bands.1.adjustment'],
    },
    {
      name: 'several problems at once',
      input: { clusters: [cluster(1, -1, null), cluster(1, 5, 3)] },
      code: 'invalid_allocation',
      fields: ['clusters.0.current', 'clusters.0.score', 'clusters.1.clusterId'],
    },
  ])('refuses $name', ({ input, code, fields }) => {
    const r = refusal(() => allocateSubsidies(input));
    expect(r.code).toBe(code);
    expect(r.fields).toEqual(fields);
  });
});

describe('allocateSubsidies: monotonicity and rounding', () => {
  it('can invert two clusters’ final % by less than one unit: a small subsidy rounds coarsely', () => {
    // A ¥3M (+10 %) and B ¥100M (0) share ¥105M: λ = 105/103.3. Exact shares 3.354 (+11.8 %) and
    // 101.646 (+1.6 %) keep the order; rounded, 3 + 101 = 104 and the unit goes to B's .646:
    // A 3 (0 %), B 102 (+2 %). The exact share is what the rule orders; the unit decides the rest.
    const got = allocateSubsidies({ clusters: [cluster(1, 3, 3.8), cluster(2, 100, 3)], total: 105 * M });
    expect(got.lines.map((l) => [l.final / M, l.changePercent])).toEqual([
      [3, 0],
      [102, 2],
    ]);
    const exact = got.lines.map((l) => ((got.scale * l.current * (1 + l.adjustment)) / l.current - 1) * 100);
    expect(exact[0]).toBeGreaterThan(exact[1]!);
  });
});

describe('allocateSubsidies: properties over 300 seeded random programmes', () => {
  interface Case {
    input: AllocationInput;
    seed: number;
  }

  function randomCase(seed: number): Case {
    const random = seededRandom(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const unit = [M, M, M, 100_000, 1000][int(0, 4)]!;
    const n = int(0, 25);
    const bands: AllocationBand[] =
      random() < 0.5
        ? [...DEFAULT_ALLOCATION_BANDS]
        : [
            { band: 'S', minScore: 3.5, adjustment: 0.05 + random() * 0.2 },
            { band: 'A', minScore: 2.5, adjustment: random() * 0.05 },
            { band: 'B', minScore: 1.5, adjustment: -random() * 0.1 },
            { band: 'C', minScore: -Infinity, adjustment: -0.1 - random() * 0.3 },
          ];
    const useGlobal = random() < 0.5;
    const globalFloor = useGlobal ? int(0, 200) * M : null;
    const globalCeiling = useGlobal && random() < 0.7 ? (globalFloor ?? 0) + int(100, 800) * M : null;
    const clusters: AllocationClusterInput[] = Array.from({ length: n }, (_, i) => {
      const own = !useGlobal && random() < 0.5;
      const floor = own ? int(0, 150) * M : undefined;
      const ceiling = own && random() < 0.6 ? (floor ?? 0) + int(50, 700) * M : undefined;
      return {
        clusterId: int(1, 10_000) * 100 + i, // unique, in random order
        current: random() < 0.05 ? 0 : int(1, 800_000) * 1000,
        // Scores on a 0.25 grid often tie; otherwise anything from 1 to 4.
        score: random() < 0.5 ? 1 + int(0, 12) * 0.25 : 1 + random() * 3,
        floor,
        ceiling,
      };
    });
    const base: AllocationInput = {
      clusters,
      bands,
      unit,
      floor: globalFloor,
      ceiling: globalCeiling !== null ? Math.ceil(globalCeiling / unit) * unit : null,
    };
    if (random() < 0.25) return { input: base, seed };
    // A feasible fixed total between the floors' sum and what rescaling can reach.
    const floorOf = (c: AllocationClusterInput) => c.floor ?? base.floor ?? 0;
    const ceilingOf = (c: AllocationClusterInput) => c.ceiling ?? base.ceiling ?? null;
    const adjustment = (c: AllocationClusterInput) =>
      bands.find((b) => c.score! >= b.minScore - 1e-9)!.adjustment;
    const low = clusters.reduce((a, c) => a + floorOf(c), 0) / unit;
    let high = clusters.reduce((a, c) => {
      const canGrow = c.current * (1 + adjustment(c)) > 0;
      return a + (canGrow ? (ceilingOf(c) ?? Infinity) : floorOf(c));
    }, 0);
    if (high === Infinity)
      high = clusters.reduce((a, c) => a + Math.max(c.current * 1.5, ceilingOf(c) ?? 0, floorOf(c)), 0);
    const highUnits = Math.max(low, Math.floor(high / unit));
    return { input: { ...base, total: int(low, highUnits) * unit }, seed };
  }

  const CASES = Array.from({ length: 300 }, (_, i) => randomCase(1000 + i));

  it('covers the interesting shapes: fixed and free totals, clamps at both bounds, free clusters, ties', () => {
    const results = CASES.map((c) => ({ c, got: allocateSubsidies(c.input) }));
    const count = (f: (r: (typeof results)[number]) => boolean) => results.filter(f).length;
    expect(count((r) => r.got.fixedTotal)).toBeGreaterThan(150);
    expect(count((r) => !r.got.fixedTotal)).toBeGreaterThan(40);
    expect(count((r) => r.got.lines.length === 0)).toBeGreaterThan(0);
    expect(count((r) => r.got.lines.some((l) => l.clamped === 'floor'))).toBeGreaterThan(30);
    expect(count((r) => r.got.lines.some((l) => l.clamped === 'ceiling'))).toBeGreaterThan(30);
    expect(count((r) => r.got.lines.filter((l) => l.clamped === null).length >= 5)).toBeGreaterThan(100);
    expect(count((r) => new Set(r.got.lines.map((l) => l.score)).size < r.got.lines.length)).toBeGreaterThan(
      50,
    );
  });

  it.each(CASES.map((c) => ({ seed: c.seed, c })))('seed $seed', ({ c }) => {
    const { input } = c;
    const got = allocateSubsidies(input);
    const unit = input.unit ?? M;
    const sumFinal = got.lines.reduce((a, l) => a + l.final, 0);

    // Exact sum: the fixed total, or the clamped proposals' sum to the nearest unit.
    expect(sumFinal).toBe(got.total);
    if (input.total !== null && input.total !== undefined) expect(got.total).toBe(input.total);
    const exactShare = (l: (typeof got.lines)[number]) =>
      Math.min(Math.max(got.scale * l.current * (1 + l.adjustment), l.floor), l.ceiling ?? Infinity);
    if (!got.fixedTotal)
      expect(Math.abs(got.total - got.lines.reduce((a, l) => a + exactShare(l), 0))).toBeLessThanOrEqual(
        unit / 2 + 1e-6,
      );

    for (const l of got.lines) {
      // Integer yen on the unit grid, within floor and ceiling, within one unit of the exact share.
      expect(Number.isSafeInteger(l.final)).toBe(true);
      expect(l.final % unit).toBe(0);
      expect(l.final).toBeGreaterThanOrEqual(l.floor);
      if (l.ceiling !== null) expect(l.final).toBeLessThanOrEqual(l.ceiling);
      expect(Math.abs(l.final - exactShare(l))).toBeLessThan(unit);
      expect(l.change).toBe(l.final - l.current);
      expect(Number.isSafeInteger(l.proposed)).toBe(true);
      if (l.clamped === 'floor') expect(l.final).toBe(l.floor);
      if (l.clamped === 'ceiling') expect(l.final).toBe(l.ceiling);
    }

    // Monotonicity among clusters that are not held at a bound: a higher score never gets a lower
    // % change in its exact share, nor (beyond one unit's worth of each) in its final figure.
    const free = got.lines.filter((l) => l.clamped === null && l.current > 0 && exactShare(l) > l.floor);
    for (const hi of free)
      for (const lo of free) {
        if (!(hi.score! > lo.score!)) continue;
        const pct = (l: (typeof got.lines)[number]) => (exactShare(l) / l.current - 1) * 100;
        expect(pct(hi)).toBeGreaterThanOrEqual(pct(lo) - 1e-9);
        const slack = (unit / hi.current + unit / lo.current) * 100;
        expect(hi.changePercent!).toBeGreaterThanOrEqual(lo.changePercent! - slack - 1e-9);
      }

    // Order of input does not matter; the same input gives the same output.
    const reordered = allocateSubsidies({
      ...input,
      clusters: shuffled(input.clusters, seededRandom(c.seed)),
    });
    const byId = (lines: typeof got.lines) => Object.fromEntries(lines.map((l) => [l.clusterId, l.final]));
    expect(byId(reordered.lines)).toEqual(byId(got.lines));
    expect(allocateSubsidies(input)).toEqual(got);
  });

  it('is exactly monotone in the final figures when every cluster has the same current subsidy', () => {
    for (let seed = 0; seed < 100; seed++) {
      const random = seededRandom(seed);
      const clusters = Array.from({ length: 2 + Math.floor(random() * 20) }, (_, i) =>
        cluster(i + 1, 437.5, 1 + Math.floor(random() * 13) * 0.25),
      );
      const total = Math.round(clusters.length * 437.5 * (0.9 + random() * 0.2)) * M;
      const got = allocateSubsidies({ clusters, total });
      for (const a of got.lines)
        for (const b of got.lines) if (a.score! > b.score!) expect(a.final).toBeGreaterThanOrEqual(b.final);
      expect(got.lines.reduce((s, l) => s + l.final, 0)).toBe(total);
    }
  });
});
