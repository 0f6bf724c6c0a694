import { describe, expect, it } from 'vitest';

import { assertBands, bandIssues, bandOf, bandsFromScale, findBand, type ScoreBand } from './bands';
import { DEFAULT_GRADE_SCALE, defineGradeScale } from './grades';
import { refusal } from './test-support';

const DEFAULT_BANDS = bandsFromScale(DEFAULT_GRADE_SCALE);

describe('bandsFromScale', () => {
  it('puts each threshold at the midpoint to the next lower grade (nearest grade)', () => {
    expect(DEFAULT_BANDS).toEqual([
      { band: 'S', minScore: 3.5 },
      { band: 'A', minScore: 2.5 },
      { band: 'B', minScore: 1.5 },
      { band: 'C', minScore: -Infinity },
    ]);
  });

  it('follows uneven points', () => {
    const scale = defineGradeScale([
      { grade: 'S', points: 10 },
      { grade: 'A', points: 6 },
      { grade: 'B', points: 0 },
    ]);
    expect(bandsFromScale(scale)).toEqual([
      { band: 'S', minScore: 8 },
      { band: 'A', minScore: 3 },
      { band: 'B', minScore: -Infinity },
    ]);
  });
});

describe('bandOf', () => {
  it.each([
    { score: 4, band: 'S' },
    { score: 3.75, band: 'S' },
    { score: 3.5, band: 'S' }, // a midpoint goes to the better grade
    { score: 3.4999999999999996, band: 'S' }, // summation noise reaches the threshold
    { score: 3.49, band: 'A' },
    { score: 3, band: 'A' },
    { score: 2.5, band: 'A' },
    { score: 2.4999, band: 'B' },
    { score: 1.5, band: 'B' },
    { score: 1.4999, band: 'C' },
    { score: 1, band: 'C' },
    { score: 0, band: 'C' },
    { score: -5, band: 'C' },
  ])('$score → $band with the nearest-grade bands', ({ score, band }) => {
    expect(bandOf(score, DEFAULT_BANDS)).toBe(band);
  });

  it('gives no band to no score', () => {
    expect(bandOf(null, DEFAULT_BANDS)).toBeNull();
  });

  const STRICT: ScoreBand[] = [
    { band: 'S', minScore: 3.75 },
    { band: 'A', minScore: 2.5 },
    { band: 'B', minScore: 1.5 },
  ];
  it.each([
    { score: 3.8, band: 'S' },
    { score: 3.7, band: 'A' },
    { score: 1.5, band: 'B' },
    { score: 1.2, band: null }, // below the officer's lowest band: unbanded, not silently B
  ])('$score → $band with officer thresholds S ≥ 3.75, A ≥ 2.5, B ≥ 1.5', ({ score, band }) => {
    expect(bandOf(score, STRICT)).toBe(band);
  });

  it('returns the band object with findBand, and nothing for a non-finite score', () => {
    const bands = [
      { band: 'top', minScore: 3, extra: 1 },
      { band: 'rest', minScore: -Infinity, extra: 2 },
    ];
    expect(findBand(3.2, bands)?.extra).toBe(1);
    expect(findBand(Number.NaN, bands)).toBeNull();
  });
});

describe('assertBands', () => {
  it.each<{ name: string; bands: unknown; fields: string[] }>([
    { name: 'no band', bands: [], fields: ['bands'] },
    { name: 'not a list', bands: null, fields: ['bands'] },
    {
      name: 'a repeated label',
      bands: [
        { band: 'S', minScore: 3 },
        { band: 'S', minScore: 2 },
      ],
      fields: ['bands.1.band'],
    },
    { name: 'an empty label', bands: [{ band: ' ', minScore: 3 }], fields: ['bands.0.band'] },
    {
      name: 'equal minimums',
      bands: [
        { band: 'S', minScore: 3 },
        { band: 'A', minScore: 3 },
      ],
      fields: ['bands.1.minScore'],
    },
    {
      name: 'worst first',
      bands: [
        { band: 'C', minScore: 1 },
        { band: 'S', minScore: 3.5 },
      ],
      fields: ['bands.1.minScore'],
    },
    { name: 'NaN minimum', bands: [{ band: 'S', minScore: Number.NaN }], fields: ['bands.0.minScore'] },
    { name: '+Infinity minimum', bands: [{ band: 'S', minScore: Infinity }], fields: ['bands.0.minScore'] },
    { name: 'text minimum', bands: [{ band: 'S', minScore: '3' }], fields: ['bands.0.minScore'] },
  ])('refuses $name', ({ bands, fields }) => {
    const r = refusal(() => assertBands(bands as ScoreBand[]));
    expect(r.code).toBe('invalid_bands');
    expect(r.fields).toEqual(fields);
  });

  it.each([
    { bands: DEFAULT_BANDS },
    { bands: [{ band: 'only', minScore: -Infinity }] },
    {
      bands: [
        { band: 'S', minScore: 3.5 },
        { band: 'A', minScore: 2.5 },
        { band: 'B', minScore: 1.5 },
        { band: 'C', minScore: -1e9 },
      ],
    },
  ])('accepts valid bands', ({ bands }) => {
    expect(bandIssues(bands)).toEqual([]);
  });
});
