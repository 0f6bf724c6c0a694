/**
 * Itemised evidence behind a yearly outcome report, and how items turn into the indicator counts
 * of the seed's outcome table. Where a report has items for an indicator its value is derived from
 * them; an aggregate without items stays allowed with a note (see outcome-checks.ts).
 */
import { fiscalYearOf, type FiscalYear } from './fiscal-year';
import type { IndicatorKey } from './indicators';

export const ITEM_KINDS = ['paper', 'patent', 'award', 'product', 'transfer', 'press'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const PAPER_SCOPES = ['domestic', 'abroad'] as const;
export type PaperScope = (typeof PAPER_SCOPES)[number];

export const PATENT_STATUSES = ['applied', 'granted'] as const;
export type PatentStatus = (typeof PATENT_STATUSES)[number];

/** Who holds a patent: listing all four lets the programme see IP held in different places as one portfolio. */
export const PATENT_OWNER_KINDS = ['university', 'headquarters', 'company', 'inventor'] as const;
export type PatentOwnerKind = (typeof PATENT_OWNER_KINDS)[number];

export const PRESS_MEDIA = ['newspaper', 'tv', 'journal'] as const;
export type PressMedium = (typeof PRESS_MEDIA)[number];

/** The country code of a domestic patent (ISO 3166-1 alpha-2). */
export const DOMESTIC_COUNTRY = 'JP';

export const ITEM_KIND_LABELS: Readonly<Record<ItemKind, { ja: string; en: string }>> = {
  paper: { ja: '論文', en: 'Paper' },
  patent: { ja: '特許', en: 'Patent' },
  award: { ja: '受賞', en: 'Award' },
  product: { ja: '製品', en: 'Product' },
  transfer: { ja: '他の資金への展開', en: 'Transfer to other funds' },
  press: { ja: '報道', en: 'Press coverage' },
};

/** The fields of an item as the domain sees them (dates are ISO yyyy-mm-dd). */
export interface OutcomeItem {
  kind: ItemKind;
  title: string;
  authors?: string | null;
  venue?: string | null;
  pubYear?: number | null;
  doi?: string | null;
  scope?: PaperScope | null;
  applicationNumber?: string | null;
  filingDate?: string | null;
  country?: string | null;
  patentStatus?: PatentStatus | null;
  grantedDate?: string | null;
  ownerKind?: PatentOwnerKind | null;
  ownerName?: string | null;
  recipient?: string | null;
  company?: string | null;
  launchDate?: string | null;
  media?: PressMedium | null;
  outlet?: string | null;
  itemDate?: string | null;
  programmeName?: string | null;
  funder?: string | null;
  amountYen?: number | null;
  periodFromFy?: number | null;
  periodToFy?: number | null;
  note?: string | null;
}

/** The fields each kind requires beyond its title (the API and the importer both enforce these). */
export const REQUIRED_FIELDS: Readonly<Record<ItemKind, readonly (keyof OutcomeItem)[]>> = {
  paper: ['authors', 'venue', 'pubYear', 'scope'],
  patent: ['applicationNumber', 'filingDate', 'country', 'patentStatus', 'ownerKind'],
  award: ['recipient', 'itemDate'],
  product: ['company', 'launchDate'],
  transfer: ['programmeName', 'funder', 'amountYen', 'periodFromFy'],
  press: ['media', 'outlet', 'itemDate'],
};

/**
 * DOIs compare case-insensitively and without their resolver prefix: `doi: 10.1/X`,
 * `https://www.doi.org/10.1/x` and `10.1/x` are one DOI (the space after `doi:` and the `www.`
 * host are common in reference lists).
 */
export function normaliseDoi(doi: string): string {
  return doi
    .normalize('NFKC')
    .trim()
    .replace(/^(https?:\/\/(dx\.|www\.)?doi\.org\/|doi:)\s*/i, '')
    .toLowerCase();
}

/**
 * Application numbers compare without spaces, hyphens' variants or case: 特願2003-123456 =
 * 特願2003－123456 = 特願2003ー123456 (the katakana long-vowel mark is often typed for a dash in
 * Japanese and never belongs in an application number).
 */
export function normaliseApplicationNumber(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u2010-\u2015\u2212\u30fc]/g, (ch) => (/\s/.test(ch) ? '' : '-'))
    .toUpperCase();
}

/**
 * A stable 106-bit digest (two 53-bit cyrb53 lanes with different seeds, hex) for items that have no
 * identifier of their own. 32 bits were not enough: among 60,000 award rows two distinct awards got
 * the same key (the birthday bound is about 77,000 for a 50 % chance), and an import then called the
 * second a repeat of the first. With 106 bits a million items collide with odds near 10^-20. Written
 * here, not with node:crypto, because the domain also runs in the browser.
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function digest(text: string): string {
  return (
    cyrb53(text, 0).toString(16).padStart(14, '0') + cyrb53(text, 0x9e3779b9).toString(16).padStart(14, '0')
  );
}

/**
 * What makes two items the same item, so importing a file twice updates instead of duplicating:
 * the DOI of a paper, the application number of a patent, otherwise the kind's identifying fields.
 */
export function itemNaturalKey(item: OutcomeItem): string {
  // A blank identifier is no identifier: two papers with DOI "  " are not the same paper.
  const doi = item.kind === 'paper' && item.doi ? normaliseDoi(item.doi) : '';
  if (doi) return `doi:${doi}`;
  const application =
    item.kind === 'patent' && item.applicationNumber
      ? normaliseApplicationNumber(item.applicationNumber).trim()
      : '';
  if (application) return `app:${application}`;
  const title = item.title.normalize('NFKC').trim().toLowerCase();
  const parts: (string | number | null | undefined)[] = [item.kind, title];
  if (item.kind === 'paper') parts.push(item.venue, item.pubYear);
  if (item.kind === 'award') parts.push(item.recipient, item.itemDate);
  if (item.kind === 'product') parts.push(item.company);
  if (item.kind === 'transfer') parts.push(item.funder, item.periodFromFy);
  if (item.kind === 'press') parts.push(item.media, item.outlet, item.itemDate);
  return `h:${digest(
    parts
      .map((p) =>
        String(p ?? '')
          .normalize('NFKC')
          .trim()
          .toLowerCase(),
      )
      .join('\u241f'),
  )}`;
}

/**
 * The fiscal year of an item's date, or null when the date is missing, not a calendar date or
 * outside the platform's fiscal years (checkReport reports those; derivation must not throw).
 */
export function itemDateFiscalYear(date: string | null | undefined): FiscalYear | null {
  if (!date) return null;
  try {
    return fiscalYearOf(date);
  } catch {
    return null;
  }
}

function within(date: string | null | undefined, from: FiscalYear, to: FiscalYear): boolean {
  const fy = itemDateFiscalYear(date);
  return fy !== null && fy >= from && fy <= to;
}

/**
 * How much one item adds to each indicator of a report covering fiscal years [from, to]:
 * - a paper counts once, domestic or abroad;
 * - a patent counts as applied when filed within the period and as acquired when granted within
 *   it (a patent filed and granted in the same year counts for both), domestic when filed in JP;
 * - a product counts when launched within the period; its amount is that period's sales in yen;
 * - an award, a transfer to other funds and a press item count once (press by medium).
 */
export function itemContributions(
  item: OutcomeItem,
  from: FiscalYear,
  to: FiscalYear,
): Partial<Record<IndicatorKey, number>> {
  switch (item.kind) {
    case 'paper':
      return item.scope === 'abroad' ? { papers_abroad: 1 } : { papers_domestic: 1 };
    case 'award':
      return { awards: 1 };
    case 'transfer':
      return { transfers_to_other_funds: 1 };
    case 'press':
      if (item.media === 'tv') return { news_tv: 1 };
      if (item.media === 'journal') return { news_journal: 1 };
      return { news_newspaper: 1 };
    case 'product': {
      const out: Partial<Record<IndicatorKey, number>> = { sales: item.amountYen ?? 0 };
      if (within(item.launchDate, from, to)) out.products = 1;
      return out;
    }
    case 'patent': {
      const domestic = (item.country ?? DOMESTIC_COUNTRY).toUpperCase() === DOMESTIC_COUNTRY;
      const out: Partial<Record<IndicatorKey, number>> = {};
      if (within(item.filingDate, from, to))
        out[domestic ? 'patents_domestic_applied' : 'patents_abroad_applied'] = 1;
      if (item.patentStatus === 'granted' && within(item.grantedDate, from, to))
        out[domestic ? 'patents_domestic_acquired' : 'patents_abroad_acquired'] = 1;
      return out;
    }
  }
}

/** The indicators a kind of item can feed: a manual value for these is replaced once items exist. */
export const KIND_INDICATORS: Readonly<Record<ItemKind, readonly IndicatorKey[]>> = {
  paper: ['papers_domestic', 'papers_abroad'],
  award: ['awards'],
  patent: [
    'patents_domestic_applied',
    'patents_domestic_acquired',
    'patents_abroad_applied',
    'patents_abroad_acquired',
  ],
  transfer: ['transfers_to_other_funds'],
  product: ['products', 'sales'],
  press: ['news_newspaper', 'news_tv', 'news_journal'],
};

/**
 * The indicator values the items of a report add up to, and which indicators are item-backed
 * (any item of a feeding kind exists). Indicators not item-backed keep their reported aggregate.
 */
export function deriveIndicatorValues(
  items: readonly OutcomeItem[],
  from: FiscalYear,
  to: FiscalYear,
): { values: Partial<Record<IndicatorKey, number>>; itemBacked: Set<IndicatorKey> } {
  const values: Partial<Record<IndicatorKey, number>> = {};
  const itemBacked = new Set<IndicatorKey>();
  for (const item of items) {
    for (const key of KIND_INDICATORS[item.kind]) {
      itemBacked.add(key);
      values[key] ??= 0;
    }
    for (const [key, amount] of Object.entries(itemContributions(item, from, to)) as [
      IndicatorKey,
      number,
    ][]) {
      values[key] = (values[key] ?? 0) + amount;
    }
  }
  return { values, itemBacked };
}
