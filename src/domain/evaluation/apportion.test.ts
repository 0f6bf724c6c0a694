import { describe, expect, it } from 'vitest';

import { apportion, snapToWhole } from './apportion';

describe('snapToWhole', () => {
  it.each([
    { quota: 165.00000000000003, snapped: 165 },
    { quota: 164.99999999999997, snapped: 165 },
    { quota: 0.9999999999, snapped: 1 },
    { quota: 0.5, snapped: 0.5 },
    { quota: 2.000001, snapped: 2.000001 },
    { quota: -3.0000000000000004, snapped: -3 },
  ])('$quota → $snapped', ({ quota, snapped }) => {
    expect(snapToWhole(quota)).toBe(snapped);
  });
});

describe('apportion', () => {
  it.each([
    { name: 'exact quotas', quotas: [1, 2, 3], total: 6, units: [1, 2, 3] },
    { name: 'one unit to the largest remainder', quotas: [2.7, 1.2, 1.1], total: 5, units: [3, 1, 1] },
    { name: 'two units to the two largest', quotas: [1.4, 1.45, 1.15], total: 4, units: [1, 2, 1] },
    { name: 'equal remainders: lower index first', quotas: [1.5, 1.5], total: 3, units: [2, 1] },
    { name: 'thirds', quotas: [1 / 3, 1 / 3, 1 / 3], total: 1, units: [1, 0, 0] },
    {
      name: 'noise is not a remainder',
      quotas: [0.9999999999999999, 2.0000000000000004],
      total: 3,
      units: [1, 2],
    },
    {
      name: 'noise does not break a tie (12.35 / 87.65 in tenths)',
      quotas: [12.35 * 10, 87.65 * 10],
      total: 1000,
      units: [124, 876],
    },
    { name: 'nothing', quotas: [], total: 0, units: [] },
    {
      name: 'over-full quotas give back from the smallest remainder',
      quotas: [2.2, 2.3],
      total: 3,
      units: [1, 2],
    },
  ])('$name', ({ quotas, total, units }) => {
    const got = apportion(quotas, total);
    expect(got).toEqual(units);
    expect(got.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('follows the caller’s tie-break, and reverses it when taking units back', () => {
    const later = (a: number, b: number) => b - a;
    expect(apportion([1.5, 1.5], 3, { tieBreak: later })).toEqual([1, 2]);
    expect(apportion([1.5, 1.5, 1.5], 5, { tieBreak: later })).toEqual([1, 2, 2]);
    // Taking: the share that would have received last gives back first.
    expect(apportion([2.5, 2.5], 3, { tieBreak: later })).toEqual([1, 2]);
    expect(apportion([2.5, 2.5], 3)).toEqual([2, 1]);
  });

  it.each([
    {
      name: 'a share at its maximum gets no extra unit',
      quotas: [1.9, 1.1],
      max: [1, Infinity],
      min: [0, 0],
      total: 3,
      units: [1, 2],
    },
    {
      name: 'a minimum lifts a share',
      quotas: [0.2, 2.8],
      max: [Infinity, Infinity],
      min: [1, 0],
      total: 3,
      units: [1, 2],
    },
    { name: 'bounds that meet', quotas: [2, 2], max: [2, 2], min: [2, 2], total: 4, units: [2, 2] },
  ])('$name', ({ quotas, min, max, total, units }) => {
    expect(apportion(quotas, total, { min, max })).toEqual(units);
  });

  it.each([
    { name: 'bounds too tight', quotas: [1], total: 3, max: [1] },
    { name: 'a fractional total', quotas: [1.5], total: 1.5, max: [Infinity] },
  ])('throws RangeError on $name (callers check feasibility first)', ({ quotas, total, max }) => {
    expect(() => apportion(quotas, total, { max })).toThrow(RangeError);
  });
});
