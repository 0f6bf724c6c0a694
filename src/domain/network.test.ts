import { describe, expect, it } from 'vitest';
import { findKeyField } from './key-fields';
import { isValidParticipation, planEndFiscalYear } from './network';
import { findPrefecture, PREFECTURES } from './prefectures';

describe('planEndFiscalYear', () => {
  it.each([
    [2002, 5, 2006],
    [2004, 5, 2008],
    [2003, 1, 2003],
  ])('a %i start for %i years ends in FY%i', (start, years, end) => {
    expect(planEndFiscalYear(start, years)).toBe(end);
  });
  it.each([
    [2002, 0],
    [2002.5, 5],
    [2002, -1],
  ])('rejects start %s with duration %s', (start, years) => {
    expect(() => planEndFiscalYear(start, years)).toThrow(RangeError);
  });
});

describe('isValidParticipation', () => {
  it.each([
    [2002, null, true],
    [2002, 2002, true],
    [2002, 2006, true],
    [2004, 2003, false],
  ])('from %s to %s → %s', (from, to, ok) => expect(isValidParticipation(from, to)).toBe(ok));
});

describe('prefectures', () => {
  it('lists the 47 prefectures with unique two-digit codes', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(new Set(PREFECTURES.map((p) => p.code)).size).toBe(47);
    expect(PREFECTURES.every((p) => /^\d{2}$/.test(p.code))).toBe(true);
  });
  it.each([
    ['Hokkaido', '01'],
    ['Miyagi', '04'],
    ['京都府', '26'],
    ['京都', '26'],
    ['osaka', '27'],
    ['  Fukuoka ', '40'],
    ['37', '37'],
    ['Yamaguchi Prefecture', '35'],
  ])('finds %s as %s', (name, code) => expect(findPrefecture(name)?.code).toBe(code));
  it.each(['Atlantis', '', '48'])('does not find %s', (name) => expect(findPrefecture(name)).toBeUndefined());
});

describe('findKeyField', () => {
  it.each([
    ['Life Sciences', 'life_sciences'],
    ['IT', 'it'],
    ['Nanotech/Materials', 'nanotech_materials'],
    ['ナノテクノロジー・材料', 'nanotech_materials'],
    ['環境', 'environment'],
    ['other', 'other'],
  ])('maps %s to %s', (name, key) => expect(findKeyField(name)).toBe(key));
  it('returns undefined for an unknown field', () => expect(findKeyField('astrology')).toBeUndefined());
});
