/**
 * Money: amounts are integer numbers of yen held in a JS number (always a safe integer). The programme
 * reports in US dollars at a fixed yen-per-USD rate (the seed uses 110).
 *
 * Formatting uses explicit digit grouping rather than Intl so output never depends on ICU locale data.
 */

/** An integer number of yen (a safe integer; negative values are corrections). */
export type Yen = number;

/** Display locale for money. */
export type Locale = 'ja' | 'en';

/** Unit to display yen in; 'auto' picks one from the magnitude. */
export type YenUnit = 'yen' | 'thousand' | 'million' | 'auto';

const MAX_FRACTION_DIGITS = 6;

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Rounds the non-negative integer `value / divisor` to `fractionDigits`, half away from zero, exactly. */
function divideAndRound(value: bigint, divisor: bigint, fractionDigits: number): string {
  const scale = 10n ** BigInt(fractionDigits);
  const scaled = value * scale;
  let quotient = scaled / divisor;
  if ((scaled % divisor) * 2n >= divisor) quotient += 1n;
  const integerPart = groupDigits((quotient / scale).toString());
  if (fractionDigits === 0) return integerPart;
  return `${integerPart}.${(quotient % scale).toString().padStart(fractionDigits, '0')}`;
}

function isZeroNumeral(text: string): boolean {
  return /^[0,.]+$/.test(text);
}

function roundHalfAwayFromZero(value: number): number {
  const rounded = Math.sign(value) * Math.floor(Math.abs(value) + 0.5);
  return rounded === 0 ? 0 : rounded;
}

/** Yen amounts are safe integers (negative allowed for corrections). */
export function isYen(value: unknown): value is Yen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A whole number of thousands of yen (千円) converts to yen ×1,000; throws RangeError on non-integer or unsafe input. */
export function thousandYenToYen(thousands: number): Yen {
  if (typeof thousands !== 'number' || !Number.isSafeInteger(thousands)) {
    throw new RangeError(`Invalid thousand-yen amount: ${String(thousands)} (expected a safe integer)`);
  }
  const yen = thousands * 1000;
  if (!Number.isSafeInteger(yen)) {
    throw new RangeError(`Thousand-yen amount ${thousands} is too large to hold as yen`);
  }
  return yen === 0 ? 0 : yen;
}

/**
 * Yen display with explicit grouping: ja '544,305,000円' / '544,305千円' / '544百万円', en '¥544,305,000' /
 * '¥544,305 thousand' / '¥544 million'; thousand/million values are rounded to `fractionDigits` (fixed),
 * half away from zero; 'auto' uses million with 1 digit when |yen| ≥ 100,000,000, thousand with 0 digits
 * when |yen| ≥ 10,000, else yen (ignoring `fractionDigits`); negatives get a leading '-'.
 */
export function formatYen(yen: Yen, unit: YenUnit, locale: Locale, fractionDigits = 0): string {
  if (!isYen(yen)) throw new RangeError(`Invalid yen amount: ${String(yen)} (expected a safe integer)`);
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > MAX_FRACTION_DIGITS) {
    throw new RangeError(
      `Invalid fractionDigits: ${String(fractionDigits)} (expected an integer from 0 to ${MAX_FRACTION_DIGITS})`,
    );
  }

  let resolvedUnit: Exclude<YenUnit, 'auto'>;
  let digits = fractionDigits;
  if (unit === 'auto') {
    const magnitude = Math.abs(yen);
    if (magnitude >= 100_000_000) {
      resolvedUnit = 'million';
      digits = 1;
    } else if (magnitude >= 10_000) {
      resolvedUnit = 'thousand';
      digits = 0;
    } else {
      resolvedUnit = 'yen';
    }
  } else if (unit === 'yen' || unit === 'thousand' || unit === 'million') {
    resolvedUnit = unit;
  } else {
    throw new RangeError(`Invalid yen unit: ${String(unit)}`);
  }

  const magnitude = BigInt(Math.abs(yen));
  const numeral =
    resolvedUnit === 'yen'
      ? groupDigits(magnitude.toString())
      : divideAndRound(magnitude, resolvedUnit === 'thousand' ? 1000n : 1_000_000n, digits);
  const sign = yen < 0 && !isZeroNumeral(numeral) ? '-' : '';

  if (locale === 'ja') {
    const suffix = resolvedUnit === 'yen' ? '円' : resolvedUnit === 'thousand' ? '千円' : '百万円';
    return `${sign}${numeral}${suffix}`;
  }
  const suffix = resolvedUnit === 'yen' ? '' : resolvedUnit === 'thousand' ? ' thousand' : ' million';
  return `${sign}¥${numeral}${suffix}`;
}

/** Converts yen to US dollars at a fixed yen-per-USD rate (unrounded); throws RangeError if the rate is not > 0. */
export function yenToUsd(yen: Yen, yenPerUsd: number): number {
  if (!isYen(yen)) throw new RangeError(`Invalid yen amount: ${String(yen)} (expected a safe integer)`);
  if (typeof yenPerUsd !== 'number' || !Number.isFinite(yenPerUsd) || yenPerUsd <= 0) {
    throw new RangeError(`Invalid yen-per-USD rate: ${String(yenPerUsd)} (expected a finite number > 0)`);
  }
  const usd = yen / yenPerUsd;
  return usd === 0 ? 0 : usd;
}

function assertFiniteUsd(usd: number): void {
  if (typeof usd !== 'number' || !Number.isFinite(usd)) {
    throw new RangeError(`Invalid USD amount: ${String(usd)} (expected a finite number)`);
  }
}

/** Whole-dollar display rounded half away from zero: en '$4,545,455', ja 'US$4,545,455'; negatives '-$1,000'. */
export function formatUsd(usd: number, locale: Locale): string {
  assertFiniteUsd(usd);
  const rounded = roundHalfAwayFromZero(usd);
  const sign = rounded < 0 ? '-' : '';
  const numeral = groupDigits(BigInt(Math.abs(rounded)).toString());
  return `${sign}${locale === 'ja' ? 'US$' : '$'}${numeral}`;
}

interface CompactUnit {
  size: number;
  en: string;
  ja: string;
}

const COMPACT_UNITS: readonly CompactUnit[] = [
  { size: 1e12, en: ' trillion', ja: '兆' },
  { size: 1e9, en: ' billion', ja: '' },
  { size: 1e8, en: '', ja: '億' },
  { size: 1e6, en: ' million', ja: '' },
  { size: 1e4, en: '', ja: '万' },
];

/**
 * Compact dollar display in the largest unit reached, with up to one decimal (trailing .0 dropped): en
 * '$4.5 million' / '$154.5 billion' (trillion/billion/million), ja '454.5万ドル' / '1.5億ドル' (兆/億/万);
 * smaller amounts in whole dollars (en '$999,999', ja '9,999ドル').
 */
export function formatUsdCompact(usd: number, locale: Locale): string {
  assertFiniteUsd(usd);
  const magnitude = Math.abs(usd);
  const sign = usd < 0 ? '-' : '';
  const units = COMPACT_UNITS.filter((unit) => unit[locale] !== '');
  // Largest unit the amount reaches; promote one unit when rounding carries into it ($999.96 million → $1 billion).
  let index = units.findIndex((unit) => magnitude >= unit.size);
  if (index === -1 && roundHalfAwayFromZero(magnitude) >= units[units.length - 1]!.size)
    index = units.length - 1;
  const tenthsIn = (unit: CompactUnit): number => Math.floor((magnitude * 10) / unit.size + 0.5);
  if (index > 0 && (tenthsIn(units[index]!) * units[index]!.size) / 10 >= units[index - 1]!.size) index -= 1;

  const unit = units[index];
  if (!unit) {
    if (locale === 'en') return formatUsd(usd, 'en');
    return `${sign}${groupDigits(String(roundHalfAwayFromZero(magnitude)))}ドル`;
  }
  const tenths = tenthsIn(unit);
  const whole = groupDigits(BigInt(Math.floor(tenths / 10)).toString());
  const fraction = tenths % 10;
  const numeral = fraction === 0 ? whole : `${whole}.${fraction}`;
  return locale === 'ja' ? `${sign}${numeral}${unit.ja}ドル` : `${sign}$${numeral}${unit.en}`;
}

const YEN_SUFFIX_EXPONENT: Readonly<Record<string, number>> = {
  '': 0,
  円: 0,
  千円: 3,
  万円: 4,
  百万円: 6,
  億円: 8,
};

const YEN_AMOUNT_PATTERN =
  /^([-△▲])?\s*(¥)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(円|千円|万円|百万円|億円)?$/;

/**
 * Lenient yen parser: full-width digits, ',' / '，' grouping, optional '¥'/'￥' prefix, suffixes 円 / 千円 / 万円 /
 * 百万円 / 億円, decimals only when the result is whole yen, leading '-' / '△' / '▲' for negatives; null otherwise.
 */
export function parseYenAmount(input: string): Yen | null {
  if (typeof input !== 'string') return null;
  // NFKC folds full-width digits, '，', '．', '－' and '￥' to their ASCII / U+00A5 forms.
  const text = input
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .trim();
  const match = YEN_AMOUNT_PATTERN.exec(text);
  if (!match) return null;
  const [, sign, yenSign, integerDigits = '', fractionDigits = '', suffix = ''] = match;
  if (yenSign && suffix) return null; // '¥1,000円' states the currency twice

  const exponent = YEN_SUFFIX_EXPONENT[suffix] ?? 0;
  let amount = BigInt(integerDigits.replace(/,/g, '') + fractionDigits);
  const shift = exponent - fractionDigits.length;
  if (shift >= 0) {
    amount *= 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    if (amount % divisor !== 0n) return null; // not a whole number of yen
    amount /= divisor;
  }
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const yen = Number(amount);
  return sign && yen !== 0 ? -yen : yen;
}
