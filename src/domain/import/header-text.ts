/**
 * How a header cell is read: full-width and half-width forms, spaces, underscores, hyphens and case
 * do not matter ("Papers (domestic)" = "papers_domestic" = "ＰＡＰＥＲＳ＿ＤＯＭＥＳＴＩＣ"), and a
 * money unit written in the header ("売上（千円）", "sales_thousand_yen", "Amount [million yen]")
 * says the column's values are in that unit.
 */

/** Multiplier from a header's unit to yen: 千円 → 1000, 百万円 → 1,000,000. */
export type UnitScale = 1 | 1000 | 10_000 | 1_000_000 | 100_000_000;

/** The comparable form of a name: NFKC, lower case, no spaces or separators. */
export function foldName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-‐・･.:：/]+/g, '')
    .trim();
}

const UNITS: readonly [RegExp, UnitScale][] = [
  [/^(円|yen|jpy|¥)$/, 1],
  [/^(千円|thousandyen|thousandsofyen|千)$/, 1000],
  [/^(万円|万)$/, 10_000],
  [/^(百万円|millionyen|millionsofyen|百万)$/, 1_000_000],
  [/^(億円|億)$/, 100_000_000],
];

function unitOf(folded: string): UnitScale | null {
  for (const [pattern, scale] of UNITS) if (pattern.test(folded)) return scale;
  return null;
}

/** Count units say nothing about scale but are allowed in a header: "論文（件）". */
const COUNT_UNIT = /^(件|人|名|本|回|個|count|number|no)$/;

const SUFFIX_UNITS: readonly [RegExp, UnitScale][] = [
  [/(百万円|millionyen)$/, 1_000_000],
  [/(千円|thousandyen)$/, 1000],
  [/(万円)$/, 10_000],
  [/(億円)$/, 100_000_000],
  [/(円|yen)$/, 1],
];

export interface HeaderName {
  /** The folded name with any unit removed. */
  name: string;
  /** The folded name as written, unit included (tried first: "amount_yen" is a field's own name). */
  whole: string;
  /** The money unit the header states, or null. */
  scale: UnitScale | null;
}

/** Splits a header into its folded name and the unit it states, in brackets or as a suffix. */
export function readHeader(text: string): HeaderName {
  const nfkc = text.normalize('NFKC').trim();
  const whole = foldName(nfkc);
  // A trailing bracketed part: "売上 (千円)", "Amount [million yen]", "論文（件）".
  const bracket = /^(.*?)[([{【〔]\s*([^)\]}】〕]*)\s*[)\]}】〕]$/.exec(nfkc);
  if (bracket) {
    const inner = foldName(bracket[2]!);
    const scale = unitOf(inner);
    if (scale !== null) return { name: foldName(bracket[1]!), whole, scale };
    if (COUNT_UNIT.test(inner)) return { name: foldName(bracket[1]!), whole, scale: null };
  }
  for (const [pattern, scale] of SUFFIX_UNITS) {
    const match = pattern.exec(whole);
    if (match && match.index > 0) return { name: whole.slice(0, match.index), whole, scale };
  }
  return { name: whole, whole, scale: null };
}
