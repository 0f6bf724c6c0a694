/**
 * Reading one cell of an imported file: numbers written the Japanese-office way (full-width
 * digits, "1,234" / "1，234", 円/千円/百万円), fiscal years as 2004 / FY2004 / 平成16年度, dates as
 * 2004-04-01 / 2004/4/1 / 2004年4月1日 or an Excel date. Each reader returns the value or a
 * message pair saying what was wrong.
 */
import { parseFiscalYear } from '../fiscal-year';
import { parseYenAmount } from '../money';
import type { UnitScale } from './header-text';

/** A cell as a CSV (always text) or an XLSX (text, number, date, boolean) gives it. */
export type Cell = string | number | boolean | Date | null | undefined;

export type CellResult<T> = { ok: true; value: T } | { ok: false; ja: string; en: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(ja: string, en: string): CellResult<T> => ({ ok: false, ja, en });

/** The cell as trimmed NFKC text ('' when empty). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  const text = String(cell);
  // Printable ASCII is its own NFKC form: skip the normalisation for the common case.
  return (isPrintableAscii(text) ? text : text.normalize('NFKC')).trim();
}

function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

export function isBlank(cell: Cell): boolean {
  return cellText(cell) === '';
}

const PLAIN_NUMBER = /^([-△▲])?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * A whole number of 0 or more (a count, a researcher count). Negative numbers and fractions are
 * refused with a message saying so; grouping commas are fine.
 */
export function readCount(cell: Cell): CellResult<number> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('数値ではありません', 'not a number');
    if (cell < 0)
      return fail(`負の値 ${cell} は使えません（0以上）`, `negative value ${cell}: must be 0 or more`);
    if (!Number.isSafeInteger(cell))
      return fail(`整数ではありません: ${cell}`, `not a whole number: ${cell}`);
    return ok(cell);
  }
  const text = cellText(cell).replace(/\u2212/g, '-');
  const match = PLAIN_NUMBER.exec(text);
  if (!match) return fail(`数値ではありません: 「${text}」`, `not a number: "${text}"`);
  if (match[1])
    return fail(`負の値 ${text} は使えません（0以上）`, `negative value ${text}: must be 0 or more`);
  if (match[3] && /[1-9]/.test(match[3]))
    return fail(`整数ではありません: ${text}`, `not a whole number: ${text}`);
  const value = Number(match[2]!.replace(/,/g, ''));
  if (!Number.isSafeInteger(value)) return fail(`数値が大きすぎます: ${text}`, `number too large: ${text}`);
  return ok(value);
}

/**
 * An amount of yen of 0 or more. A unit in the cell ("1,234千円") wins; otherwise the column's
 * unit from its header scales the number ("売上（千円）" with 1,234 → ¥1,234,000).
 */
export function readYen(cell: Cell, scale: UnitScale | null): CellResult<number> {
  const factor = scale ?? 1;
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('数値ではありません', 'not a number');
    text = String(cell);
  } else {
    text = cellText(cell).replace(/\u2212/g, '-');
  }
  const hasOwnUnit = /(円|¥)/.test(text);
  // Without a unit of its own the cell is in the column's unit: "1.5" in a 千円 column is ¥1,500.
  const yen = parseYenAmount(hasOwnUnit || factor === 1 ? text : `${text}${SCALE_SUFFIX[factor]}`);
  if (yen === null) {
    if (/^[-△▲]?\s*[\d,.]+$/.test(text) && /\./.test(text))
      return fail(`円未満の端数があります: ${text}`, `not a whole number of yen: ${text}`);
    return fail(`金額ではありません: 「${text}」`, `not an amount of yen: "${text}"`);
  }
  if (/^[-△▲]/.test(text) && yen !== 0)
    return fail(`負の値 ${text} は使えません（0以上）`, `negative value ${text}: must be 0 or more`);
  return ok(yen);
}

const SCALE_SUFFIX: Record<UnitScale, string> = {
  1: '円',
  1000: '千円',
  10_000: '万円',
  1_000_000: '百万円',
  100_000_000: '億円',
};

/** A fiscal year: 2004, FY2004, 2004年度, 平成16年度, H16 (an Excel number 2004 too). */
export function readFiscalYear(cell: Cell): CellResult<number> {
  const text = typeof cell === 'number' ? String(cell) : cellText(cell);
  const fy = parseFiscalYear(text);
  if (fy === null)
    return fail(
      `年度として読めません: 「${text}」（例: 2004、FY2004、平成16年度）`,
      `not a fiscal year: "${text}" (e.g. 2004, FY2004, 平成16年度)`,
    );
  return ok(fy);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ERA_START: Record<string, number> = { 昭和: 1925, 平成: 1988, 令和: 2018, S: 1925, H: 1988, R: 2018 };

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A calendar date as ISO yyyy-mm-dd: 2004-04-01, 2004/4/1, 2004.4.1, 2004年4月1日, 平成16年4月1日, H16.4.1, an Excel date. */
export function readDate(cell: Cell): CellResult<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('日付ではありません', 'not a date');
    return ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell > 0 && cell < 100_000)
      return ok(new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10));
    return fail(`日付ではありません: ${cell}`, `not a date: ${cell}`);
  }
  const text = cellText(cell);
  let iso: string | null = null;
  const western = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/.exec(text);
  if (western) iso = isoDate(Number(western[1]), Number(western[2]), Number(western[3]));
  const era =
    /^(昭和|平成|令和|[SHR])\s*(元|\d{1,2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/i.exec(text);
  if (era) {
    const start = ERA_START[era[1]!.toUpperCase()] ?? ERA_START[era[1]!]!;
    const year = start + (era[2] === '元' ? 1 : Number(era[2]));
    iso = isoDate(year, Number(era[3]), Number(era[4]));
  }
  if (iso === null)
    return fail(
      `日付として読めません: 「${text}」（例: 2004-04-01、2004/4/1、平成16年4月1日）`,
      `not a date: "${text}" (e.g. 2004-04-01, 2004/4/1)`,
    );
  return ok(iso);
}

/** A choice's comparable form: NFKC (skipped for printable ASCII, its own form), lower case, no spaces, underscores or hyphens. */
function foldChoice(text: string): string {
  return (isPrintableAscii(text) ? text : text.normalize('NFKC')).toLowerCase().replace(/[\s_-]+/g, '');
}

const NO_SYNONYMS: Readonly<Record<string, string>> = {};
/** Folded name → choice, per (choices, labels, synonyms): built once, not once per cell. */
const CHOICE_INDEX = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, string>>>>();

function choiceIndex(
  choices: readonly string[],
  labels: Readonly<Record<string, { ja: string; en: string }>>,
  synonyms: Readonly<Record<string, string>>,
): Map<string, string> {
  let byLabels = CHOICE_INDEX.get(choices);
  if (!byLabels) CHOICE_INDEX.set(choices, (byLabels = new WeakMap()));
  let bySynonyms = byLabels.get(labels);
  if (!bySynonyms) byLabels.set(labels, (bySynonyms = new WeakMap()));
  let index = bySynonyms.get(synonyms);
  if (!index) {
    index = new Map();
    // The first choice naming a folded form wins, then synonyms: the order of the lists.
    for (const choice of choices)
      for (const name of [choice, labels[choice]!.ja, labels[choice]!.en]) {
        const folded = foldChoice(name);
        if (!index.has(folded)) index.set(folded, choice);
      }
    for (const [name, choice] of Object.entries(synonyms)) {
      const folded = foldChoice(name);
      if (!index.has(folded)) index.set(folded, choice);
    }
    bySynonyms.set(synonyms, index);
  }
  return index;
}

/** A value of a closed list, named by its key or its Japanese or English label (case and width ignored). */
export function readChoice<T extends string>(
  cell: Cell,
  choices: readonly T[],
  labels: Readonly<Record<T, { ja: string; en: string }>>,
  synonyms: Readonly<Record<string, T>> = NO_SYNONYMS as Readonly<Record<string, T>>,
): CellResult<T> {
  const text = cellText(cell);
  const found = choiceIndex(choices, labels, synonyms).get(foldChoice(text));
  if (found !== undefined) return ok(found as T);
  const list = choices.map((c) => `${c}（${labels[c].ja}）`).join('、');
  return fail(
    `「${text}」は選べる値ではありません。次のいずれか: ${list}`,
    `"${text}" is not one of: ${choices.map((c) => `${c} (${labels[c].en})`).join(', ')}`,
  );
}
