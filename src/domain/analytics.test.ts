import { describe, expect, it } from 'vitest';
import {
  aggregateFigures,
  analyseIndicator,
  type ClusterPeriodFigure,
  competitionRanks,
  periodsOf,
} from './analytics';

function figure(
  overrides: Partial<ClusterPeriodFigure> & Pick<ClusterPeriodFigure, 'clusterId'>,
): ClusterPeriodFigure {
  return {
    fyFrom: 2004,
    fyTo: 2004,
    value: 0,
    researchers: null,
    valueWithResearchers: 0,
    subsidyYen: null,
    ...overrides,
  };
}

describe('competitionRanks', () => {
  it.each([
    { values: [10, 7, 7, 3], ranks: [1, 2, 2, 4] },
    { values: [3, 7, 10, 7], ranks: [4, 2, 1, 2] },
    { values: [5, 5, 5], ranks: [1, 1, 1] },
    { values: [0, null, 2], ranks: [2, null, 1] },
    { values: [], ranks: [] },
    { values: [null, null], ranks: [null, null] },
    { values: [0.5, 0.25, 0.5], ranks: [1, 3, 1] },
  ])('ranks $values as $ranks', ({ values, ranks }) => {
    expect(competitionRanks(values)).toEqual(ranks);
  });
});

describe('aggregateFigures', () => {
  const a = figure({
    clusterId: 1,
    value: 50,
    subsidyYen: 500_000_000,
    researchers: 100,
    valueWithResearchers: 50,
  });
  const b = figure({ clusterId: 2, value: 30, subsidyYen: null, researchers: null, valueWithResearchers: 0 });
  const c = figure({
    clusterId: 3,
    value: 20,
    subsidyYen: 250_000_000,
    researchers: 40,
    valueWithResearchers: 20,
  });

  it.each([
    {
      name: 'raw sums the values',
      figures: [a, b, c],
      mode: 'raw' as const,
      expected: { value: 100, normalised: 100, denominator: null, clusters: 3, clustersWithDenominator: 0 },
    },
    {
      name: 'per ¥100M divides only the figures that have a subsidy by that subsidy',
      figures: [a, b, c],
      mode: 'per100m' as const,
      // (50 + 20) / ¥750M × ¥100M
      expected: {
        value: 100,
        normalised: 70 / 7.5,
        denominator: 750_000_000,
        clusters: 3,
        clustersWithDenominator: 2,
      },
    },
    {
      name: 'per ¥100M is null when no subsidy is recorded',
      figures: [b],
      mode: 'per100m' as const,
      expected: { value: 30, normalised: null, denominator: null, clusters: 1, clustersWithDenominator: 0 },
    },
    {
      name: 'per researcher divides the value of reports with a count by the count',
      figures: [a, b, c],
      mode: 'perResearcher' as const,
      expected: {
        value: 100,
        normalised: 70 / 140,
        denominator: 140,
        clusters: 3,
        clustersWithDenominator: 2,
      },
    },
    {
      name: 'per researcher is null when no report gave a count',
      figures: [b],
      mode: 'perResearcher' as const,
      expected: { value: 30, normalised: null, denominator: null, clusters: 1, clustersWithDenominator: 0 },
    },
    {
      name: 'a cluster counted in two periods is one cluster',
      figures: [a, { ...a, fyFrom: 2005, fyTo: 2005 }],
      mode: 'raw' as const,
      expected: { value: 100, normalised: 100, denominator: null, clusters: 1, clustersWithDenominator: 0 },
    },
  ])('$name', ({ figures, mode, expected }) => {
    const result = aggregateFigures(figures, mode);
    expect({ ...result, normalised: null }).toEqual({ ...expected, normalised: null });
    if (expected.normalised === null) expect(result.normalised).toBeNull();
    else expect(result.normalised).toBeCloseTo(expected.normalised, 10);
  });
});

describe('periodsOf', () => {
  it('keeps a multi-year report as one period, in order, without splitting it into years', () => {
    expect(
      periodsOf([
        { fyFrom: 2005, fyTo: 2005 },
        { fyFrom: 2002, fyTo: 2004 },
        { fyFrom: 2005, fyTo: 2005 },
        { fyFrom: 2002, fyTo: 2002 },
      ]),
    ).toEqual([
      { fyFrom: 2002, fyTo: 2002, isMultiYear: false },
      { fyFrom: 2002, fyTo: 2004, isMultiYear: true },
      { fyFrom: 2005, fyTo: 2005, isMultiYear: false },
    ]);
  });
});

describe('analyseIndicator', () => {
  const figures = [
    figure({ clusterId: 1, fyFrom: 2004, fyTo: 2004, value: 10 }),
    figure({ clusterId: 1, fyFrom: 2005, fyTo: 2005, value: 5 }),
    figure({ clusterId: 2, fyFrom: 2004, fyTo: 2004, value: 15 }),
    figure({ clusterId: 3, fyFrom: 2005, fyTo: 2005, value: 40 }),
    // Cluster 9 is in no group (e.g. not published): it never counts.
    figure({ clusterId: 9, fyFrom: 2005, fyTo: 2005, value: 1000 }),
  ];

  it('ranks clusters on their range total, equal totals sharing a rank, silent clusters last', () => {
    const result = analyseIndicator(
      figures,
      [
        { key: 'a', clusterIds: [1] },
        { key: 'b', clusterIds: [2] },
        { key: 'c', clusterIds: [3] },
        { key: 'silent', clusterIds: [4] },
      ],
      'raw',
    );

    expect(result.groups.map((g) => [g.key, g.rank, g.total?.value ?? null])).toEqual([
      ['c', 1, 40],
      ['a', 2, 15],
      ['b', 2, 15],
      ['silent', null, null],
    ]);
    expect(result.groups.find((g) => g.key === 'a')!.points.map((p) => [p.fyFrom, p.value])).toEqual([
      [2004, 10],
      [2005, 5],
    ]);
    expect(result.overall.total?.value).toBe(70);
    expect(result.overall.points.map((p) => p.value)).toEqual([25, 45]);
  });

  it('sums the clusters of a group (key field or cohort) per period', () => {
    const result = analyseIndicator(
      figures,
      [
        { key: 'it', clusterIds: [1, 3] },
        { key: 'life_sciences', clusterIds: [2] },
      ],
      'raw',
    );

    const it = result.groups[0]!;
    expect(it.key).toBe('it');
    expect(it.points.map((p) => [p.fyFrom, p.value, p.clusters])).toEqual([
      [2004, 10, 1],
      [2005, 45, 2],
    ]);
    expect(it.total).toMatchObject({ value: 55, clusters: 2 });
  });

  it('ranks on the normalised figure and leaves groups without a denominator unranked', () => {
    const result = analyseIndicator(
      [
        figure({ clusterId: 1, value: 10, subsidyYen: 100_000_000 }),
        figure({ clusterId: 2, value: 50, subsidyYen: 1_000_000_000 }),
        figure({ clusterId: 3, value: 99, subsidyYen: null }),
      ],
      [
        { key: 'a', clusterIds: [1] },
        { key: 'b', clusterIds: [2] },
        { key: 'c', clusterIds: [3] },
      ],
      'per100m',
    );

    expect(result.groups.map((g) => [g.key, g.rank, g.total?.normalised ?? null])).toEqual([
      ['a', 1, 10],
      ['b', 2, 5],
      ['c', null, null],
    ]);
  });
});
