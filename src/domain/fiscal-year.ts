/**
 * Japanese government fiscal years (年度).
 *
 * A fiscal year runs from April 1 to March 31 of the following calendar year and is named after the
 * calendar year in which it starts: FY2004 = 2004-04-01 … 2005-03-31 = 平成16年度.
 */

/** A Japanese fiscal year, identified by the calendar year of its April 1 start (an integer within bounds). */
export type FiscalYear = number;

/** Earliest fiscal year the platform accepts. */
export const MIN_FISCAL_YEAR = 1950;

/** Latest fiscal year the platform accepts. */
export const MAX_FISCAL_YEAR = 2100;

/** Japanese era names used to label fiscal years. */
export type JapaneseEraName = '昭和' | '平成' | '令和';

/** Romanised Japanese era names. */
export type JapaneseEraNameEn = 'Showa' | 'Heisei' | 'Reiwa';

/** A fiscal year expressed in the Japanese era calendar, e.g. { era: '平成', eraEn: 'Heisei', year: 16 }. */
export interface JapaneseEraYear {
  era: JapaneseEraName;
  eraEn: JapaneseEraNameEn;
  year: number;
}

interface EraSpec {
  era: JapaneseEraName;
  eraEn: JapaneseEraNameEn;
  abbreviation: 'S' | 'H' | 'R';
  /** Fiscal year that is year 1 (元年度) of this era. */
  firstFiscalYear: FiscalYear;
  /** Highest era year accepted when parsing (平成31年度 was still used for FY2019 budgets). */
  maxParseYear: number;
}

const ERAS: readonly EraSpec[] = [
  { era: '昭和', eraEn: 'Showa', abbreviation: 'S', firstFiscalYear: 1926, maxParseYear: 63 },
  { era: '平成', eraEn: 'Heisei', abbreviation: 'H', firstFiscalYear: 1989, maxParseYear: 31 },
  { era: '令和', eraEn: 'Reiwa', abbreviation: 'R', firstFiscalYear: 2019, maxParseYear: Infinity },
];

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

const DATE_STRING =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

function assertFiscalYear(fy: unknown, name = 'fiscal year'): asserts fy is FiscalYear {
  if (!isFiscalYear(fy)) {
    throw new RangeError(
      `Invalid ${name}: ${String(fy)} (expected an integer from ${MIN_FISCAL_YEAR} to ${MAX_FISCAL_YEAR})`,
    );
  }
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function fiscalYearOfCalendarDate(year: number, month: number): number {
  return month >= 4 ? year : year - 1;
}

/** A fiscal year is an integer from MIN_FISCAL_YEAR to MAX_FISCAL_YEAR inclusive. */
export function isFiscalYear(value: unknown): value is FiscalYear {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_FISCAL_YEAR &&
    value <= MAX_FISCAL_YEAR
  );
}

/** The calendar date in Japan (UTC+9, no daylight saving) of an instant, as YYYY-MM-DD. */
export function japanDate(now: Date): string {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid date: Invalid Date');
  return new Date(time + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Fiscal year containing a date (April–March): a 'YYYY-MM-DD' string (or ISO datetime, whose calendar date is
 * used as written) is a calendar date, a Date is read in Japan time (UTC+9); throws RangeError on invalid input.
 */
export function fiscalYearOf(date: Date | string): FiscalYear {
  let fy: number;
  if (date instanceof Date) {
    const time = date.getTime();
    if (Number.isNaN(time)) throw new RangeError('Invalid date: Invalid Date');
    const jst = new Date(time + JST_OFFSET_MS);
    fy = fiscalYearOfCalendarDate(jst.getUTCFullYear(), jst.getUTCMonth() + 1);
  } else if (typeof date === 'string') {
    const match = DATE_STRING.exec(date);
    if (!match) throw new RangeError(`Invalid date: "${date}" (expected YYYY-MM-DD or an ISO datetime)`);
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      throw new RangeError(`Invalid date: "${date}" (no such calendar date)`);
    }
    fy = fiscalYearOfCalendarDate(year, month);
  } else {
    throw new RangeError(`Invalid date: ${String(date)} (expected a Date or a date string)`);
  }
  if (!isFiscalYear(fy)) {
    throw new RangeError(
      `Date falls in fiscal year ${String(fy)}, outside ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}`,
    );
  }
  return fy;
}

/** A fiscal year starts on April 1 of its own calendar year ('2004-04-01' for FY2004). */
export function fiscalYearStart(fy: FiscalYear): string {
  assertFiscalYear(fy);
  return `${fy}-04-01`;
}

/** A fiscal year ends on March 31 of the following calendar year ('2005-03-31' for FY2004). */
export function fiscalYearEnd(fy: FiscalYear): string {
  assertFiscalYear(fy);
  return `${fy + 1}-03-31`;
}

/**
 * Government era naming of a fiscal year: the era in force on its April 1, except FY2019 which is 令和元年度
 * (FY1988 = 昭和63年度, FY1989 = 平成元年度).
 */
export function japaneseEra(fy: FiscalYear): JapaneseEraYear {
  assertFiscalYear(fy);
  let spec = ERAS[0]!;
  for (const candidate of ERAS) {
    if (fy >= candidate.firstFiscalYear) spec = candidate;
  }
  return { era: spec.era, eraEn: spec.eraEn, year: fy - spec.firstFiscalYear + 1 };
}

/** Fiscal year label: en 'FY2004', ja '平成16年度' with era year 1 written 元 ('平成元年度'). */
export function formatFiscalYear(fy: FiscalYear, locale: 'ja' | 'en'): string {
  assertFiscalYear(fy);
  if (locale === 'en') return `FY${fy}`;
  const { era, year } = japaneseEra(fy);
  return `${era}${year === 1 ? '元' : String(year)}年度`;
}

/**
 * Inclusive fiscal-year range label: en 'FY2002–FY2004' (en dash), ja '平成14年度〜平成16年度'; a single year
 * when from === to; throws RangeError if from > to.
 */
export function formatFiscalYearRange(from: FiscalYear, to: FiscalYear, locale: 'ja' | 'en'): string {
  assertFiscalYear(from, 'start fiscal year');
  assertFiscalYear(to, 'end fiscal year');
  if (from > to) throw new RangeError(`Invalid fiscal year range: ${from} is after ${to}`);
  if (from === to) return formatFiscalYear(from, locale);
  const separator = locale === 'en' ? '–' : '〜';
  return `${formatFiscalYear(from, locale)}${separator}${formatFiscalYear(to, locale)}`;
}

const WESTERN_PATTERNS: readonly RegExp[] = [/^(\d{4})$/, /^FY\s*(\d{4})$/i, /^(\d{4})\s*年度$/];
const ERA_NAME_PATTERN = /^(昭和|平成|令和)\s*(元|\d{1,2})\s*年度$/;
const ERA_ABBREVIATION_PATTERN = /^([SHR])\s*(\d{1,2})$/i;

function fromEraYear(spec: EraSpec | undefined, year: number): FiscalYear | null {
  if (!spec || year < 1 || year > spec.maxParseYear) return null;
  const fy = spec.firstFiscalYear + year - 1;
  return isFiscalYear(fy) ? fy : null;
}

/**
 * Lenient fiscal-year parser: '2004', 'FY2004', 'fy 2004', '2004年度', '平成16年度', '令和元年度', 'H16', 'R1',
 * full-width forms and surrounding whitespace; null for anything else or out of bounds.
 */
export function parseFiscalYear(input: string): FiscalYear | null {
  if (typeof input !== 'string') return null;
  // NFKC folds full-width letters, digits and spaces to ASCII (ＦＹ２００４ → FY2004, ㍻ → 平成).
  const text = input.normalize('NFKC').trim();

  for (const pattern of WESTERN_PATTERNS) {
    const match = pattern.exec(text);
    if (match) {
      const fy = Number(match[1]);
      return isFiscalYear(fy) ? fy : null;
    }
  }

  const named = ERA_NAME_PATTERN.exec(text);
  if (named) {
    const year = named[2] === '元' ? 1 : Number(named[2]);
    return fromEraYear(
      ERAS.find((spec) => spec.era === named[1]),
      year,
    );
  }

  const abbreviated = ERA_ABBREVIATION_PATTERN.exec(text);
  if (abbreviated) {
    const letter = abbreviated[1]!.toUpperCase();
    return fromEraYear(
      ERAS.find((spec) => spec.abbreviation === letter),
      Number(abbreviated[2]),
    );
  }

  return null;
}

/** Every fiscal year from `from` to `to` inclusive, ascending; throws RangeError if from > to. */
export function fiscalYearsBetween(from: FiscalYear, to: FiscalYear): FiscalYear[] {
  assertFiscalYear(from, 'start fiscal year');
  assertFiscalYear(to, 'end fiscal year');
  if (from > to) throw new RangeError(`Invalid fiscal year range: ${from} is after ${to}`);
  const years: FiscalYear[] = [];
  for (let fy = from; fy <= to; fy++) years.push(fy);
  return years;
}
