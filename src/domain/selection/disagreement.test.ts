import { describe, expect, it } from 'vitest';

import { flagSpread, measureDisagreement, spreadOf } from './disagreement';

describe('spreadOf', () => {
  it.each([
    { values: [], expected: null },
    { values: [3], expected: { count: 1, min: 3, max: 3, range: 0, populationSd: 0, sampleSd: null } },
    { values: [4, 4, 4], expected: { count: 3, min: 4, max: 4, range: 0, populationSd: 0, sampleSd: 0 } },
    {
      values: [1, 5],
      expected: { count: 2, min: 1, max: 5, range: 4, populationSd: 2, sampleSd: Math.sqrt(8) },
    },
    {
      values: [2, 4, 4, 4, 5, 5, 7, 9],
      expected: { count: 8, min: 2, max: 9, range: 7, populationSd: 2, sampleSd: Math.sqrt(32 / 7) },
    },
  ])('$values', ({ values, expected }) => {
    const got = spreadOf(values);
    if (expected === null) return expect(got).toBeNull();
    expect(got).toMatchObject({
      count: expected.count,
      min: expected.min,
      max: expected.max,
      range: expected.range,
    });
    expect(got!.populationSd).toBeCloseTo(expected.populationSd, 12);
    if (expected.sampleSd === null) expect(got!.sampleSd).toBeNull();
    else expect(got!.sampleSd).toBeCloseTo(expected.sampleSd, 12);
  });
});

describe('flagSpread', () => {
  it.each([
    { name: 'no spread', values: [], limits: { range: 0, sd: 0 }, measures: [] },
    { name: 'no limits', values: [1, 5], limits: {}, measures: [] },
    { name: 'null limits', values: [1, 5], limits: { range: null, sd: null }, measures: [] },
    { name: 'range reaches the limit exactly', values: [2, 4], limits: { range: 2 }, measures: ['range'] },
    { name: 'range under the limit', values: [2, 3], limits: { range: 2 }, measures: [] },
    {
      name: 'all equal never flags a positive limit',
      values: [3, 3, 3],
      limits: { range: 1, sd: 0.5 },
      measures: [],
    },
    { name: 'population SD reaches', values: [1, 5], limits: { sd: 2 }, measures: ['sd'] },
    { name: 'population SD under, sample SD over', values: [2, 3], limits: { sd: 0.6 }, measures: [] },
    {
      name: 'sample SD chosen',
      values: [2, 3],
      limits: { sd: 0.6, sdKind: 'sample' as const },
      measures: ['sd'],
    },
    {
      name: 'sample SD of one reviewer is not checked',
      values: [3],
      limits: { sd: 0, sdKind: 'sample' as const },
      measures: [],
    },
    { name: 'both', values: [1, 3, 5], limits: { range: 2, sd: 1 }, measures: ['range', 'sd'] },
  ])('$name', ({ values, limits, measures }) => {
    expect(flagSpread(spreadOf(values), limits, 'a').map((f) => f.measure)).toEqual(measures);
  });
});

describe('measureDisagreement', () => {
  const criteria = [
    { key: 'basic.focus', weight: 1 },
    { key: 'technical.competence', weight: 1 },
  ];

  it.each([
    { name: 'no reviews', reviews: [], flags: [], overall: null },
    {
      name: 'single reviewer never disagrees',
      reviews: [{ reviewerId: 1, scores: { 'basic.focus': 1, 'technical.competence': 5 } }],
      flags: [],
      overall: 0,
    },
    {
      name: 'criteria disagree, weighted scores agree',
      reviews: [
        { reviewerId: 1, scores: { 'basic.focus': 1, 'technical.competence': 5 } },
        { reviewerId: 2, scores: { 'basic.focus': 5, 'technical.competence': 1 } },
      ],
      flags: ['basic.focus:range', 'technical.competence:range'],
      overall: 0,
    },
    {
      name: 'overall and one criterion',
      reviews: [
        { reviewerId: 1, scores: { 'basic.focus': 1, 'technical.competence': 3 } },
        { reviewerId: 2, scores: { 'basic.focus': 5, 'technical.competence': 3 } },
      ],
      flags: ['overall:range', 'basic.focus:range'],
      overall: 2,
    },
    {
      name: 'blank criterion is not counted',
      reviews: [
        { reviewerId: 1, scores: { 'basic.focus': 1 } },
        { reviewerId: 2, scores: { 'basic.focus': 2, 'technical.competence': 5 } },
      ],
      flags: ['overall:range'],
      overall: 2.5,
    },
  ])('$name', ({ reviews, flags, overall }) => {
    const result = measureDisagreement(reviews, criteria, { range: 2 });
    expect(result.flags.map((f) => `${f.criterion ?? 'overall'}:${f.measure}`)).toEqual(flags);
    expect(result.flagged).toBe(flags.length > 0);
    expect(result.overall?.range ?? null).toBe(overall);
    expect(Object.keys(result.criteria)).toEqual(['basic.focus', 'technical.competence']);
  });

  it('explains a flag in words', () => {
    const result = measureDisagreement(
      [
        { reviewerId: 1, scores: { 'basic.focus': 1 } },
        { reviewerId: 2, scores: { 'basic.focus': 4 } },
      ],
      criteria.slice(0, 1),
      { range: 2 },
    );
    expect(result.flags[0]?.message).toBe('Scores overall range from 1 to 4 (spread 3 ≥ 2)');
    expect(result.flags[1]?.message).toBe('Scores on basic.focus range from 1 to 4 (spread 3 ≥ 2)');
  });
});
