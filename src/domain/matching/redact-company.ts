/**
 * A confidential company's name taken out of free text. The need's company field is withheld
 * from readers who may not know it, but people write names into notes, attendee lists and joint
 * research partners ("株式会社サンプル 技術開発部"); this removes them from what such readers see.
 * It matches the registered names in Japanese and English and their cores without the legal form
 * (サンプル, Sample), so "サンプル社" and "Sample's plant" are caught too. It cannot catch a
 * nickname nobody registered; the forms warn writers about that.
 */

export const REDACTED_COMPANY = { ja: '［非公開企業］', en: '[confidential company]' } as const;

const LEGAL_FORMS_JA = [
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '（株）',
  '(株)',
  '㈱',
  '（有）',
  '(有)',
  '㈲',
];
const LEGAL_FORMS_EN =
  /\b(?:co\.?,?\s*ltd\.?|company\s+limited|corporation|corp\.?|inc\.?|incorporated|limited|ltd\.?|llc|k\.\s?k\.|co\.)(?=\s|,|$)/gi;

/** A Japanese name without its legal form: 株式会社サンプル → サンプル. */
function coreJa(name: string): string {
  let core = name;
  for (const form of LEGAL_FORMS_JA) core = core.split(form).join('');
  return core.trim();
}

/** An English name without its legal form: "Sample Co., Ltd." → "Sample". */
function coreEn(name: string): string {
  return name
    .replace(LEGAL_FORMS_EN, '')
    .replace(/[\s,.]+$/u, '')
    .replace(/^[\s,.]+/u, '')
    .trim();
}

const TRAILING_QUALIFIER = /\s*[（(][^（）()]*[）)]\s*$/u;

/**
 * The name and the name without each trailing qualifier in brackets, outermost first:
 * "Sample (Toyama) (demo)" → itself, "Sample (Toyama)", "Sample". Writers drop such
 * qualifiers (a branch, a region, the demo mark) when they mention the company.
 */
function withoutQualifiers(name: string): string[] {
  const names = [name];
  let rest = name;
  while (TRAILING_QUALIFIER.test(rest)) {
    rest = rest.replace(TRAILING_QUALIFIER, '');
    if (rest.trim()) names.push(rest);
  }
  return names;
}

export interface CompanyNames {
  ja: string | null;
  en: string | null;
}

interface Variant {
  text: string;
  lang: 'ja' | 'en';
}

/**
 * The strings to take out for a company, longest first so a full name goes before its core.
 * Cores shorter than two characters (Japanese) or three (English) are left: they would eat
 * ordinary words.
 */
export function companyVariants(names: CompanyNames): Variant[] {
  const found = new Map<string, Variant>();
  const add = (text: string, lang: 'ja' | 'en', min: number) => {
    const t = text.trim();
    if (t.length >= min && !found.has(t.toLowerCase())) found.set(t.toLowerCase(), { text: t, lang });
  };
  for (const name of names.ja ? withoutQualifiers(names.ja) : []) {
    add(name, 'ja', 2);
    add(coreJa(name), 'ja', 2);
  }
  for (const name of names.en ? withoutQualifiers(names.en) : []) {
    add(name, 'en', 3);
    add(coreEn(name), 'en', 3);
  }
  return [...found.values()].sort((a, b) => b.text.length - a.text.length);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern of one variant: English on word boundaries and any case, Japanese anywhere. */
function patternOf(v: Variant): RegExp {
  const body = escape(v.text).replace(/\s+/g, '\\s+');
  return v.lang === 'en'
    ? new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${body}(?![\\p{Script=Latin}\\p{N}])`, 'giu')
    : new RegExp(body, 'gu');
}

/** Builds a redactor for one company; the returned function is pure and cheap per string. */
export function companyRedactor(names: CompanyNames): (text: string) => string {
  const patterns = companyVariants(names).map((v) => ({ re: patternOf(v), with: REDACTED_COMPANY[v.lang] }));
  return (text) => patterns.reduce((out, p) => out.replace(p.re, p.with), text);
}
