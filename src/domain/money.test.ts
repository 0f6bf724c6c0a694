import { describe, expect, it } from 'vitest';

import {
  formatUsd,
  formatUsdCompact,
  formatYen,
  isYen,
  parseYenAmount,
  thousandYenToYen,
  yenToUsd,
  type Locale,
  type YenUnit,
} from './money';

const SEED_YEN_PER_USD = 110;

describe('isYen', () => {
  it.each([
    ['zero', 0],
    ['a positive amount', 544_305_000],
    ['a negative correction', -1_000],
    ['the largest safe integer', Number.MAX_SAFE_INTEGER],
    ['the smallest safe integer', Number.MIN_SAFE_INTEGER],
  ])('accepts %s', (_name, value) => {
    expect(isYen(value)).toBe(true);
  });

  it.each([
    ['a fractional amount', 1.5],
    ['an unsafe integer', Number.MAX_SAFE_INTEGER + 1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a numeric string', '1000'],
    ['a bigint', 1000n],
    ['null', null],
    ['undefined', undefined],
  ])('rejects %s', (_name, value) => {
    expect(isYen(value)).toBe(false);
  });
});

describe('thousandYenToYen', () => {
  it.each([
    [0, 0],
    [1, 1_000],
    [544_305, 544_305_000],
    [273_930, 273_930_000],
    [-5, -5_000],
    [Math.floor(Number.MAX_SAFE_INTEGER / 1000), Math.floor(Number.MAX_SAFE_INTEGER / 1000) * 1000],
  ])('converts %s thousand yen to %s yen', (thousands, yen) => {
    expect(thousandYenToYen(thousands)).toBe(yen);
  });

  it('returns positive zero for negative zero', () => {
    expect(Object.is(thousandYenToYen(-0), 0)).toBe(true);
  });

  it.each([
    ['a fractional amount', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an unsafe input', Number.MAX_SAFE_INTEGER + 1],
    ['an input whose yen value is unsafe', Math.ceil(Number.MAX_SAFE_INTEGER / 1000)],
    ['a string at runtime', '1000' as unknown as number],
  ])('throws RangeError for %s', (_name, thousands) => {
    expect(() => thousandYenToYen(thousands)).toThrow(RangeError);
  });
});

describe('formatYen', () => {
  describe('with an explicit unit', () => {
    it.each<[number, YenUnit, Locale, number, string]>([
      [544_305_000, 'yen', 'ja', 0, '544,305,000円'],
      [544_305_000, 'thousand', 'ja', 0, '544,305千円'],
      [544_305_000, 'million', 'ja', 0, '544百万円'],
      [544_305_000, 'million', 'ja', 1, '544.3百万円'],
      [544_305_000, 'million', 'ja', 3, '544.305百万円'],
      [544_305_000, 'yen', 'en', 0, '¥544,305,000'],
      [544_305_000, 'thousand', 'en', 0, '¥544,305 thousand'],
      [544_305_000, 'million', 'en', 0, '¥544 million'],
      [544_305_000, 'million', 'en', 2, '¥544.31 million'],
      [0, 'yen', 'ja', 0, '0円'],
      [0, 'yen', 'en', 0, '¥0'],
      [0, 'million', 'en', 1, '¥0.0 million'],
      [999, 'yen', 'ja', 0, '999円'],
      [1_000, 'yen', 'ja', 0, '1,000円'],
      [1_234_567_890_123, 'yen', 'en', 0, '¥1,234,567,890,123'],
      [Number.MAX_SAFE_INTEGER, 'yen', 'ja', 0, '9,007,199,254,740,991円'],
      [1_000_000_000_000, 'million', 'ja', 0, '1,000,000百万円'],
      [17_849_000, 'thousand', 'ja', 0, '17,849千円'],
      [17_849_000, 'million', 'ja', 1, '17.8百万円'],
      [1_234, 'thousand', 'en', 2, '¥1.23 thousand'],
      [12_345, 'yen', 'en', 3, '¥12,345'],
    ])('formats %s with unit %s in %s (%s digits) as %s', (yen, unit, locale, digits, expected) => {
      expect(formatYen(yen, unit, locale, digits)).toBe(expected);
    });

    it('defaults to zero fraction digits', () => {
      expect(formatYen(544_305_000, 'million', 'ja')).toBe('544百万円');
    });
  });

  describe('rounding half away from zero', () => {
    it.each<[number, YenUnit, number, string]>([
      [1_500_000, 'million', 0, '2百万円'],
      [2_500_000, 'million', 0, '3百万円'],
      [1_499_999, 'million', 0, '1百万円'],
      [-1_500_000, 'million', 0, '-2百万円'],
      [-2_500_000, 'million', 0, '-3百万円'],
      [-1_499_999, 'million', 0, '-1百万円'],
      [1_250_000, 'million', 1, '1.3百万円'],
      [1_350_000, 'million', 1, '1.4百万円'],
      [-1_250_000, 'million', 1, '-1.3百万円'],
      [1_005_000, 'million', 2, '1.01百万円'],
      [500, 'thousand', 0, '1千円'],
      [499, 'thousand', 0, '0千円'],
      [-500, 'thousand', 0, '-1千円'],
      [999_500, 'thousand', 0, '1,000千円'],
      [999_999_500, 'million', 0, '1,000百万円'],
      [Number.MAX_SAFE_INTEGER, 'million', 2, '9,007,199,254.74百万円'],
    ])('formats %s in %s with %s digits as %s', (yen, unit, digits, expected) => {
      expect(formatYen(yen, unit, 'ja', digits)).toBe(expected);
    });

    it.each<[number, YenUnit, number, Locale, string]>([
      [-400_000, 'million', 0, 'ja', '0百万円'],
      [-400, 'thousand', 0, 'en', '¥0 thousand'],
      [-40_000, 'million', 1, 'en', '¥0.0 million'],
    ])('drops the minus sign when %s rounds to zero in %s', (yen, unit, digits, locale, expected) => {
      expect(formatYen(yen, unit, locale, digits)).toBe(expected);
    });
  });

  describe('negative amounts', () => {
    it.each<[number, YenUnit, Locale, string]>([
      [-1_000, 'yen', 'ja', '-1,000円'],
      [-1_000, 'yen', 'en', '-¥1,000'],
      [-544_305_000, 'thousand', 'ja', '-544,305千円'],
      [-544_305_000, 'thousand', 'en', '-¥544,305 thousand'],
      [-544_305_000, 'million', 'en', '-¥544 million'],
      [-1, 'yen', 'ja', '-1円'],
      [Number.MIN_SAFE_INTEGER, 'yen', 'en', '-¥9,007,199,254,740,991'],
    ])('formats %s with unit %s in %s as %s', (yen, unit, locale, expected) => {
      expect(formatYen(yen, unit, locale)).toBe(expected);
    });
  });

  describe("with unit 'auto'", () => {
    it.each<[number, Locale, string]>([
      [544_305_000, 'ja', '544.3百万円'],
      [544_305_000, 'en', '¥544.3 million'],
      [100_000_000, 'ja', '100.0百万円'],
      [99_999_999, 'ja', '100,000千円'],
      [99_999_999, 'en', '¥100,000 thousand'],
      [17_849_000, 'ja', '17,849千円'],
      [10_000, 'ja', '10千円'],
      [10_000, 'en', '¥10 thousand'],
      [9_999, 'ja', '9,999円'],
      [9_999, 'en', '¥9,999'],
      [0, 'ja', '0円'],
      [-100_000_000, 'ja', '-100.0百万円'],
      [-10_000, 'en', '-¥10 thousand'],
      [-9_999, 'ja', '-9,999円'],
    ])('formats %s in %s as %s', (yen, locale, expected) => {
      expect(formatYen(yen, 'auto', locale)).toBe(expected);
    });

    it('ignores the fractionDigits argument', () => {
      expect(formatYen(544_305_000, 'auto', 'ja', 3)).toBe('544.3百万円');
      expect(formatYen(17_849_000, 'auto', 'ja', 3)).toBe('17,849千円');
    });
  });

  it.each([
    ['a fractional amount', 1.5, 'yen', 0],
    ['an unsafe amount', Number.MAX_SAFE_INTEGER + 1, 'yen', 0],
    ['NaN', Number.NaN, 'yen', 0],
    ['negative fractionDigits', 1000, 'million', -1],
    ['fractional fractionDigits', 1000, 'million', 1.5],
    ['too many fractionDigits', 1000, 'million', 7],
    ['an unknown unit', 1000, 'billion', 0],
  ])('throws RangeError for %s', (_name, yen, unit, digits) => {
    expect(() => formatYen(yen, unit as YenUnit, 'ja', digits)).toThrow(RangeError);
  });
});

describe('yenToUsd', () => {
  it.each([
    [110, SEED_YEN_PER_USD, 1],
    [544_305_000, SEED_YEN_PER_USD, 544_305_000 / 110],
    [500_000_000, SEED_YEN_PER_USD, 500_000_000 / 110],
    [0, SEED_YEN_PER_USD, 0],
    [-1_100, SEED_YEN_PER_USD, -10],
    [1_000, 0.5, 2_000],
    [150, 150, 1],
  ])('converts %s yen at %s yen/USD to %s USD', (yen, rate, usd) => {
    expect(yenToUsd(yen, rate)).toBe(usd);
  });

  it.each([
    ['a zero rate', 1_000, 0],
    ['a negative rate', 1_000, -110],
    ['a NaN rate', 1_000, Number.NaN],
    ['an infinite rate', 1_000, Number.POSITIVE_INFINITY],
    ['a fractional yen amount', 1.5, 110],
    ['an unsafe yen amount', Number.MAX_SAFE_INTEGER + 1, 110],
  ])('throws RangeError for %s', (_name, yen, rate) => {
    expect(() => yenToUsd(yen, rate)).toThrow(RangeError);
  });
});

describe('formatUsd', () => {
  it.each<[number, Locale, string]>([
    [500_000_000 / 110, 'en', '$4,545,455'],
    [500_000_000 / 110, 'ja', 'US$4,545,455'],
    [0, 'en', '$0'],
    [0, 'ja', 'US$0'],
    [999.4, 'en', '$999'],
    [999.5, 'en', '$1,000'],
    [0.5, 'en', '$1'],
    [0.4, 'en', '$0'],
    [-0.4, 'en', '$0'],
    [-0.5, 'en', '-$1'],
    [-1_000, 'en', '-$1,000'],
    [-1_000, 'ja', '-US$1,000'],
    [1e21, 'en', '$1,000,000,000,000,000,000,000'],
  ])('formats %s in %s as %s', (usd, locale, expected) => {
    expect(formatUsd(usd, locale)).toBe(expected);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string at runtime', '1000' as unknown as number],
  ])('throws RangeError for %s', (_name, usd) => {
    expect(() => formatUsd(usd, 'en')).toThrow(RangeError);
  });
});

describe('formatUsdCompact', () => {
  it.each<[number, string, string]>([
    [4_545_455, '$4.5 million', '454.5万ドル'],
    [154_500_000_000, '$154.5 billion', '1,545億ドル'],
    [150_000_000, '$150 million', '1.5億ドル'],
    [4_500_000, '$4.5 million', '450万ドル'],
    [5_000_000, '$5 million', '500万ドル'],
    [1_000_000, '$1 million', '100万ドル'],
    [1_550_000, '$1.6 million', '155万ドル'],
    [1_449_999, '$1.4 million', '145万ドル'],
    [1_000_000_000, '$1 billion', '10億ドル'],
    [999_960_000, '$1 billion', '10億ドル'],
    [2_500_000_000_000, '$2.5 trillion', '2.5兆ドル'],
    [1_234_500_000_000_000, '$1,234.5 trillion', '1,234.5兆ドル'],
    [950_000_000, '$950 million', '9.5億ドル'],
    [999_940_000, '$999.9 million', '10億ドル'],
    [999_999, '$999,999', '100万ドル'],
    [999_999.6, '$1 million', '100万ドル'],
    [12_345, '$12,345', '1.2万ドル'],
    [99_999_999, '$100 million', '1億ドル'],
    [9_999_499, '$10 million', '999.9万ドル'],
    [9_999_999, '$10 million', '1,000万ドル'],
    [10_000, '$10,000', '1万ドル'],
    [9_999, '$9,999', '9,999ドル'],
    [9_999.6, '$10,000', '1万ドル'],
    [123.6, '$124', '124ドル'],
    [0, '$0', '0ドル'],
    [-4_545_455, '-$4.5 million', '-454.5万ドル'],
    [-150_000_000, '-$150 million', '-1.5億ドル'],
    [-12.5, '-$13', '-13ドル'],
  ])('formats %s as %s (en) and %s (ja)', (usd, en, ja) => {
    expect(formatUsdCompact(usd, 'en')).toBe(en);
    expect(formatUsdCompact(usd, 'ja')).toBe(ja);
  });

  it('formats the seed sales total converted at the seed rate', () => {
    const usd = yenToUsd(544_305_000, SEED_YEN_PER_USD);
    expect(formatUsdCompact(usd, 'en')).toBe('$4.9 million');
    expect(formatUsdCompact(usd, 'ja')).toBe('494.8万ドル');
    expect(formatUsd(usd, 'en')).toBe('$4,948,227');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.NEGATIVE_INFINITY],
  ])('throws RangeError for %s', (_name, usd) => {
    expect(() => formatUsdCompact(usd, 'ja')).toThrow(RangeError);
  });
});

describe('parseYenAmount', () => {
  it.each([
    ['1000', 1_000],
    ['1,000', 1_000],
    ['544,305,000', 544_305_000],
    ['0', 0],
    ['007', 7],
    ['1000円', 1_000],
    ['1,000円', 1_000],
    ['1,000 円', 1_000],
    ['¥1,000', 1_000],
    ['¥ 1,000', 1_000],
    ['￥1,000', 1_000],
    ['544,305千円', 544_305_000],
    ['544305千円', 544_305_000],
    ['544百万円', 544_000_000],
    ['1.5百万円', 1_500_000],
    ['544.305百万円', 544_305_000],
    ['5万円', 50_000],
    ['1.2345万円', 12_345],
    ['3億円', 300_000_000],
    ['1.5億円', 150_000_000],
    ['0.001千円', 1],
    ['1.000円', 1],
    ['1.50千円', 1_500],
    ['１，０００円', 1_000],
    ['１,０００', 1_000],
    ['５４４，３０５千円', 544_305_000],
    ['１．５百万円', 1_500_000],
    ['￥１２３', 123],
    ['-1,000円', -1_000],
    ['-¥1,000', -1_000],
    ['－1,000円', -1_000],
    ['\u22121,000円', -1_000],
    ['△1,000円', -1_000],
    ['△ 544,305千円', -544_305_000],
    ['▲500千円', -500_000],
    ['-0', 0],
    ['  1,000円  ', 1_000],
    ['\u30001,000円\u3000', 1_000],
    ['9,007,199,254,740,991', Number.MAX_SAFE_INTEGER],
    ['-9007199254740991円', Number.MIN_SAFE_INTEGER],
  ])('parses %j as %s yen', (input, expected) => {
    expect(parseYenAmount(input)).toBe(expected);
  });

  it('returns positive zero for a negative zero amount', () => {
    expect(Object.is(parseYenAmount('-0円'), 0)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['whitespace only', '   '],
    ['a bare suffix', '円'],
    ['a fractional yen amount', '1.5円'],
    ['a fractional bare amount', '1.5'],
    ['sub-yen precision in thousands', '1.0005千円'],
    ['a decimal point without digits after it', '1.円'],
    ['a decimal point without digits before it', '.5百万円'],
    ['misplaced thousands separators', '1,00円'],
    ['a leading thousands separator', ',100'],
    ['a trailing thousands separator', '100,'],
    ['four-digit groups', '1,0000'],
    ['both a yen sign and a yen suffix', '¥1,000円'],
    ['a yen sign after the number', '1,000¥'],
    ['a plus sign', '+1,000'],
    ['two minus signs', '--1,000'],
    ['a trailing minus sign', '1,000-'],
    ['parenthesised negatives', '(1,000)'],
    ['an unknown suffix', '1,000ドル'],
    ['a dollar amount', '$1,000'],
    ['an English unit word', '¥544 million'],
    ['kanji numerals', '千円'],
    ['exponent notation', '1e6'],
    ['text around the amount', 'about 1,000円'],
    ['an amount above the safe-integer range', '9,007,199,254,740,992'],
    ['a scaled amount above the safe-integer range', '90,072,000億円'],
    ['a negative amount below the safe-integer range', '-9007199254740992'],
  ])('returns null for %s (%j)', (_name, input) => {
    expect(parseYenAmount(input)).toBeNull();
  });

  it.each([
    ['a number', 1000],
    ['null', null],
    ['undefined', undefined],
  ])('returns null when given %s at runtime', (_name, input) => {
    expect(parseYenAmount(input as unknown as string)).toBeNull();
  });

  it.each<[number, YenUnit]>([
    [544_305_000, 'yen'],
    [544_305_000, 'thousand'],
    [544_000_000, 'million'],
    [-1_000, 'yen'],
    [-17_849_000, 'thousand'],
    [0, 'yen'],
  ])('round-trips %s through the Japanese %s format', (yen, unit) => {
    expect(parseYenAmount(formatYen(yen, unit, 'ja'))).toBe(yen);
  });

  it('round-trips the English yen format', () => {
    expect(parseYenAmount(formatYen(-544_305_000, 'yen', 'en'))).toBe(-544_305_000);
  });
});
