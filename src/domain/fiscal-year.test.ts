import { describe, expect, it } from 'vitest';

import {
  MAX_FISCAL_YEAR,
  MIN_FISCAL_YEAR,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  fiscalYearsBetween,
  formatFiscalYear,
  formatFiscalYearRange,
  isFiscalYear,
  japaneseEra,
  parseFiscalYear,
} from './fiscal-year';

describe('isFiscalYear', () => {
  it.each([
    ['the lower bound', MIN_FISCAL_YEAR],
    ['the upper bound', MAX_FISCAL_YEAR],
    ['a seed-deck year', 2004],
    ['the first Reiwa year', 2019],
  ])('accepts %s (%s)', (_name, value) => {
    expect(isFiscalYear(value)).toBe(true);
  });

  it.each([
    ['one below the lower bound', MIN_FISCAL_YEAR - 1],
    ['one above the upper bound', MAX_FISCAL_YEAR + 1],
    ['a fractional number', 2004.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a numeric string', '2004'],
    ['null', null],
    ['undefined', undefined],
    ['a bigint', 2004n],
    ['an object', { fy: 2004 }],
  ])('rejects %s', (_name, value) => {
    expect(isFiscalYear(value)).toBe(false);
  });
});

describe('fiscalYearOf', () => {
  describe('with calendar-date strings', () => {
    it.each([
      ['2004-04-01', 2004, 'the first day of a fiscal year'],
      ['2005-03-31', 2004, 'the last day of a fiscal year'],
      ['2005-04-01', 2005, 'the first day of the next fiscal year'],
      ['2004-01-15', 2003, 'January, which belongs to the previous fiscal year'],
      ['2004-12-31', 2004, 'December, which belongs to the same fiscal year'],
      ['2004-02-29', 2003, 'a leap day'],
      ['2000-02-29', 1999, 'a leap day in a year divisible by 400'],
      ['1950-04-01', 1950, 'the first day of the earliest fiscal year'],
      ['2101-03-31', 2100, 'the last day of the latest fiscal year'],
      ['2019-05-01', 2019, 'the first day of Reiwa'],
    ])('maps %s to FY%s (%s)', (input, expected) => {
      expect(fiscalYearOf(input)).toBe(expected);
    });

    it.each([
      ['2005-03-31T23:59:59Z', 2004, 'UTC datetime late on March 31'],
      ['2005-03-31T23:59:59+09:00', 2004, 'JST datetime late on March 31'],
      ['2005-04-01T00:00:00-05:00', 2005, 'negative offset on April 1'],
      ['2005-04-01T00:00:00.000Z', 2005, 'fractional seconds'],
      ['2005-03-31T12:00', 2004, 'no seconds and no offset'],
      ['2005-03-31 12:00:00', 2004, 'SQL-style space separator'],
      ['2005-04-01T09:00:00+0900', 2005, 'compact offset'],
    ])('uses the calendar date as written in %s → FY%s (%s)', (input, expected) => {
      expect(fiscalYearOf(input)).toBe(expected);
    });

    it.each([
      ['an empty string', ''],
      ['a month of 13', '2004-13-01'],
      ['a month of 00', '2004-00-10'],
      ['a day of 00', '2004-04-00'],
      ['April 31', '2004-04-31'],
      ['February 29 in a common year', '2005-02-29'],
      ['February 29 in a century non-leap year', '1900-02-29'],
      ['a slash-separated date', '2004/04/01'],
      ['a date without zero padding', '2004-4-1'],
      ['a two-digit year', '04-04-01'],
      ['surrounding whitespace', ' 2004-04-01 '],
      ['trailing garbage', '2004-04-01x'],
      ['an invalid hour', '2004-04-01T25:00:00Z'],
      ['a bare fiscal-year label', 'FY2004'],
      ['a date before the earliest fiscal year', '1950-03-31'],
      ['a date after the latest fiscal year', '2101-04-01'],
    ])('throws RangeError for %s', (_name, input) => {
      expect(() => fiscalYearOf(input)).toThrow(RangeError);
    });
  });

  describe('with Date objects read in Japan time (UTC+9)', () => {
    it.each([
      ['2005-03-31T14:59:59.999Z', 2004, 'one millisecond before midnight JST on April 1'],
      ['2005-03-31T15:00:00.000Z', 2005, 'midnight JST on April 1 (still March 31 in UTC)'],
      ['2004-04-01T00:00:00.000Z', 2004, '09:00 JST on April 1'],
      ['2004-03-31T14:59:59.999Z', 2003, 'the last instant of FY2003 in Japan'],
      ['2019-06-30T12:00:00.000Z', 2019, 'a mid-year instant'],
    ])('maps %s to FY%s (%s)', (iso, expected) => {
      expect(fiscalYearOf(new Date(iso))).toBe(expected);
    });

    it.each([
      ['an invalid Date', new Date(Number.NaN)],
      ['an instant before the earliest fiscal year', new Date('1950-03-31T14:59:59.999Z')],
      ['an instant after the latest fiscal year', new Date('2101-03-31T15:00:00.000Z')],
    ])('throws RangeError for %s', (_name, input) => {
      expect(() => fiscalYearOf(input)).toThrow(RangeError);
    });
  });

  it.each([
    ['a number', 2004],
    ['null', null],
    ['undefined', undefined],
  ])('throws RangeError when given %s at runtime', (_name, input) => {
    expect(() => fiscalYearOf(input as unknown as string)).toThrow(RangeError);
  });
});

describe('fiscalYearStart and fiscalYearEnd', () => {
  it.each([
    [2004, '2004-04-01', '2005-03-31'],
    [1950, '1950-04-01', '1951-03-31'],
    [1999, '1999-04-01', '2000-03-31'],
    [2019, '2019-04-01', '2020-03-31'],
    [2100, '2100-04-01', '2101-03-31'],
  ])('FY%s runs from %s to %s', (fy, start, end) => {
    expect(fiscalYearStart(fy)).toBe(start);
    expect(fiscalYearEnd(fy)).toBe(end);
  });

  it.each([2004, 1950, 2100, 2019])('FY%s start and end map back to the same fiscal year', (fy) => {
    expect(fiscalYearOf(fiscalYearStart(fy))).toBe(fy);
    expect(fiscalYearOf(fiscalYearEnd(fy))).toBe(fy);
  });

  it.each([
    ['below the lower bound', 1949],
    ['above the upper bound', 2101],
    ['fractional', 2004.5],
    ['NaN', Number.NaN],
  ])('throws RangeError for a fiscal year %s', (_name, fy) => {
    expect(() => fiscalYearStart(fy)).toThrow(RangeError);
    expect(() => fiscalYearEnd(fy)).toThrow(RangeError);
  });
});

describe('japaneseEra', () => {
  it.each([
    [1950, '昭和', 'Showa', 25],
    [1988, '昭和', 'Showa', 63],
    [1989, '平成', 'Heisei', 1],
    [2002, '平成', 'Heisei', 14],
    [2004, '平成', 'Heisei', 16],
    [2018, '平成', 'Heisei', 30],
    [2019, '令和', 'Reiwa', 1],
    [2020, '令和', 'Reiwa', 2],
    [2024, '令和', 'Reiwa', 6],
    [2100, '令和', 'Reiwa', 82],
  ])('names FY%s as %s (%s) year %s', (fy, era, eraEn, year) => {
    expect(japaneseEra(fy)).toEqual({ era, eraEn, year });
  });

  it.each([1949, 2101, 2004.5])('throws RangeError for FY%s', (fy) => {
    expect(() => japaneseEra(fy)).toThrow(RangeError);
  });
});

describe('formatFiscalYear', () => {
  it.each([
    [2004, 'en', 'FY2004'],
    [1950, 'en', 'FY1950'],
    [2019, 'en', 'FY2019'],
    [2004, 'ja', '平成16年度'],
    [2002, 'ja', '平成14年度'],
    [1988, 'ja', '昭和63年度'],
    [1989, 'ja', '平成元年度'],
    [2018, 'ja', '平成30年度'],
    [2019, 'ja', '令和元年度'],
    [2020, 'ja', '令和2年度'],
    [1950, 'ja', '昭和25年度'],
  ] as const)('formats FY%s in %s as %s', (fy, locale, expected) => {
    expect(formatFiscalYear(fy, locale)).toBe(expected);
  });

  it.each([1949, 2101, 2004.5])('throws RangeError for FY%s', (fy) => {
    expect(() => formatFiscalYear(fy, 'en')).toThrow(RangeError);
  });
});

describe('formatFiscalYearRange', () => {
  it.each([
    [2002, 2004, 'en', 'FY2002–FY2004'],
    [2002, 2004, 'ja', '平成14年度〜平成16年度'],
    [2004, 2004, 'en', 'FY2004'],
    [2004, 2004, 'ja', '平成16年度'],
    [1988, 1989, 'ja', '昭和63年度〜平成元年度'],
    [2018, 2020, 'ja', '平成30年度〜令和2年度'],
    [2018, 2019, 'en', 'FY2018–FY2019'],
  ] as const)('formats FY%s to FY%s in %s as %s', (from, to, locale, expected) => {
    expect(formatFiscalYearRange(from, to, locale)).toBe(expected);
  });

  it('separates years with an en dash (U+2013) in English and a wave dash (U+301C) in Japanese', () => {
    expect(formatFiscalYearRange(2002, 2004, 'en')).toContain('\u2013');
    expect(formatFiscalYearRange(2002, 2004, 'ja')).toContain('\u301C');
  });

  it.each([
    ['from is after to', 2005, 2004],
    ['from is out of bounds', 1949, 2004],
    ['to is out of bounds', 2004, 2101],
  ])('throws RangeError when %s', (_name, from, to) => {
    expect(() => formatFiscalYearRange(from, to, 'en')).toThrow(RangeError);
  });
});

describe('parseFiscalYear', () => {
  it.each([
    ['2004', 2004],
    ['FY2004', 2004],
    ['fy2004', 2004],
    ['fy 2004', 2004],
    ['FY 2004', 2004],
    ['Fy2004', 2004],
    ['2004年度', 2004],
    ['2004 年度', 2004],
    ['平成16年度', 2004],
    ['平成元年度', 1989],
    ['平成1年度', 1989],
    ['平成30年度', 2018],
    ['平成31年度', 2019],
    ['昭和63年度', 1988],
    ['昭和25年度', 1950],
    ['令和元年度', 2019],
    ['令和1年度', 2019],
    ['令和6年度', 2024],
    ['令和82年度', 2100],
    ['H16', 2004],
    ['h16', 2004],
    ['H 16', 2004],
    ['H1', 1989],
    ['H01', 1989],
    ['R1', 2019],
    ['R6', 2024],
    ['S63', 1988],
    ['ＦＹ２００４', 2004],
    ['２００４', 2004],
    ['２００４年度', 2004],
    ['平成１６年度', 2004],
    ['Ｈ１６', 2004],
    ['㍻16年度', 2004],
    ['  FY2004  ', 2004],
    ['\t2004\n', 2004],
    ['\u3000平成16年度\u3000', 2004],
    ['1950', 1950],
    ['2100', 2100],
  ])('parses %j as FY%s', (input, expected) => {
    expect(parseFiscalYear(input)).toBe(expected);
  });

  it.each([
    ['an empty string', ''],
    ['whitespace only', '   '],
    ['a year below the lower bound', '1949'],
    ['a year above the upper bound', '2101'],
    ['FY with an out-of-bounds year', 'FY2101'],
    ['a two-digit western year', 'FY04'],
    ['a five-digit year', '20040'],
    ['a fractional year', '2004.5'],
    ['a negative year', '-2004'],
    ['a date', '2004-04-01'],
    ['a fiscal-year range', 'FY2002–FY2004'],
    ['an era year without 年度', '平成16'],
    ['an era calendar year (年 rather than 年度)', '平成16年'],
    ['a kanji-numeral era year', '平成十六年度'],
    ['era year zero', '平成0年度'],
    ['Heisei beyond its last fiscal year', '平成32年度'],
    ['Showa 64, which has no fiscal year', '昭和64年度'],
    ['a Showa year before the lower bound', '昭和24年度'],
    ['a Reiwa year beyond the upper bound', '令和83年度'],
    ['an unknown era name', '大正10年度'],
    ['an unknown era letter', 'T10'],
    ['era letter zero', 'R0'],
    ['era letter with 元', 'R元'],
    ['text around a year', 'the year 2004'],
    ['FY with trailing text', 'FY2004 budget'],
  ])('returns null for %s (%j)', (_name, input) => {
    expect(parseFiscalYear(input)).toBeNull();
  });

  it.each([
    ['a number', 2004],
    ['null', null],
    ['undefined', undefined],
  ])('returns null when given %s at runtime', (_name, input) => {
    expect(parseFiscalYear(input as unknown as string)).toBeNull();
  });

  it.each([1950, 1988, 1989, 2004, 2018, 2019, 2020, 2100])(
    'round-trips FY%s through both locale formats',
    (fy) => {
      expect(parseFiscalYear(formatFiscalYear(fy, 'en'))).toBe(fy);
      expect(parseFiscalYear(formatFiscalYear(fy, 'ja'))).toBe(fy);
    },
  );
});

describe('fiscalYearsBetween', () => {
  it.each([
    [2002, 2004, [2002, 2003, 2004]],
    [2004, 2004, [2004]],
    [2017, 2020, [2017, 2018, 2019, 2020]],
    [2099, 2100, [2099, 2100]],
  ])('lists FY%s to FY%s inclusive', (from, to, expected) => {
    expect(fiscalYearsBetween(from, to)).toEqual(expected);
  });

  it('covers the whole supported range', () => {
    const years = fiscalYearsBetween(MIN_FISCAL_YEAR, MAX_FISCAL_YEAR);
    expect(years).toHaveLength(MAX_FISCAL_YEAR - MIN_FISCAL_YEAR + 1);
    expect(years[0]).toBe(MIN_FISCAL_YEAR);
    expect(years.at(-1)).toBe(MAX_FISCAL_YEAR);
  });

  it.each([
    ['from is after to', 2005, 2004],
    ['from is below the lower bound', 1949, 2004],
    ['to is above the upper bound', 2004, 2101],
    ['from is fractional', 2002.5, 2004],
  ])('throws RangeError when %s', (_name, from, to) => {
    expect(() => fiscalYearsBetween(from, to)).toThrow(RangeError);
  });
});
