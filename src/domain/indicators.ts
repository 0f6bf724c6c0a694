/**
 * The outcome indicator catalogue: the 13 columns of the seed deck's FY2002–FY2004 outcome table
 * (data/reference/outcomes-fy2002-fy2004.csv), in the deck's column order.
 */

/** Indicator keys in catalogue (seed-deck column) order. */
export const INDICATOR_KEYS = [
  'papers_domestic',
  'papers_abroad',
  'awards',
  'patents_domestic_applied',
  'patents_domestic_acquired',
  'patents_abroad_applied',
  'patents_abroad_acquired',
  'transfers_to_other_funds',
  'products',
  'sales',
  'news_newspaper',
  'news_tv',
  'news_journal',
] as const;

/** One of the 13 outcome indicator keys. */
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** Indicator groups in catalogue order. */
export const INDICATOR_GROUPS = [
  'papers',
  'awards',
  'patents',
  'transfers',
  'products',
  'sales',
  'news',
] as const;

/** One of the 7 indicator groups (論文, 受賞, 特許, 他の資金への展開, 製品化, 売上, 報道). */
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** Counts are whole numbers of items; yen amounts are integer yen. */
export type IndicatorUnit = 'count' | 'yen';

/** Bilingual label. */
export interface IndicatorLabel {
  ja: string;
  en: string;
}

/** One outcome indicator: its key, group, labels, unit, display order and seed-CSV mapping. */
export interface IndicatorDefinition {
  key: IndicatorKey;
  group: IndicatorGroup;
  label: IndicatorLabel;
  groupLabel: IndicatorLabel;
  unit: IndicatorUnit;
  /** 1-based display order (the seed deck's column order). */
  order: number;
  /** CSV column in outcomes-fy2002-fy2004.csv. */
  seedColumn: string;
  /** Multiply the CSV value by this to get the stored value: 1000 for sales, 1 otherwise. */
  seedScale: number;
}

/** Bilingual label of each indicator group. */
export const INDICATOR_GROUP_LABELS: Readonly<Record<IndicatorGroup, Readonly<IndicatorLabel>>> =
  Object.freeze({
    papers: Object.freeze({ ja: '論文', en: 'Papers' }),
    awards: Object.freeze({ ja: '受賞', en: 'Awards' }),
    patents: Object.freeze({ ja: '特許', en: 'Patents' }),
    transfers: Object.freeze({ ja: '他の資金への展開', en: 'Transfers to other funds' }),
    products: Object.freeze({ ja: '製品化', en: 'Products' }),
    sales: Object.freeze({ ja: '売上', en: 'Sales' }),
    news: Object.freeze({ ja: '報道', en: 'Press coverage' }),
  });

type IndicatorSpec = [key: IndicatorKey, group: IndicatorGroup, ja: string, en: string, unit?: IndicatorUnit];

const SPECS: readonly IndicatorSpec[] = [
  ['papers_domestic', 'papers', '論文（国内）', 'Papers (domestic)'],
  ['papers_abroad', 'papers', '論文（海外）', 'Papers (abroad)'],
  ['awards', 'awards', '受賞', 'Awards'],
  ['patents_domestic_applied', 'patents', '特許（国内・出願）', 'Patents (domestic, applied)'],
  ['patents_domestic_acquired', 'patents', '特許（国内・取得）', 'Patents (domestic, granted)'],
  ['patents_abroad_applied', 'patents', '特許（海外・出願）', 'Patents (abroad, applied)'],
  ['patents_abroad_acquired', 'patents', '特許（海外・取得）', 'Patents (abroad, granted)'],
  ['transfers_to_other_funds', 'transfers', '他の資金への展開', 'Transfers to other funds'],
  ['products', 'products', '製品化', 'Products'],
  ['sales', 'sales', '売上', 'Sales', 'yen'],
  ['news_newspaper', 'news', '報道（新聞）', 'Press (newspapers)'],
  ['news_tv', 'news', '報道（テレビ）', 'Press (TV)'],
  ['news_journal', 'news', '報道（雑誌）', 'Press (journals)'],
];

/** The seed CSV stores sales in thousands of yen (sales_thousand_yen); every other column maps 1:1. */
const SEED_COLUMN_OVERRIDES: Partial<Record<IndicatorKey, { column: string; scale: number }>> = {
  sales: { column: 'sales_thousand_yen', scale: 1000 },
};

/** The 13 outcome indicators in seed-deck column order (deeply frozen). */
export const OUTCOME_INDICATORS: readonly IndicatorDefinition[] = Object.freeze(
  SPECS.map(([key, group, ja, en, unit = 'count'], index): IndicatorDefinition => {
    const seed = SEED_COLUMN_OVERRIDES[key];
    return Object.freeze({
      key,
      group,
      label: Object.freeze({ ja, en }),
      groupLabel: INDICATOR_GROUP_LABELS[group],
      unit,
      order: index + 1,
      seedColumn: seed?.column ?? key,
      seedScale: seed?.scale ?? 1,
    });
  }),
);

const BY_KEY: ReadonlyMap<string, IndicatorDefinition> = new Map(
  OUTCOME_INDICATORS.map((indicator) => [indicator.key, indicator]),
);

/** Only the 13 catalogue keys are indicator keys. */
export function isIndicatorKey(s: string): s is IndicatorKey {
  return typeof s === 'string' && BY_KEY.has(s);
}

/** Looks up a catalogue indicator; throws RangeError for a key not in the catalogue. */
export function getIndicator(key: IndicatorKey): IndicatorDefinition {
  const indicator = typeof key === 'string' ? BY_KEY.get(key) : undefined;
  if (!indicator) throw new RangeError(`Unknown outcome indicator key: ${JSON.stringify(key)}`);
  return indicator;
}

/** Indicator values for one row (e.g. one cluster in one fiscal year); a missing key means no value. */
export type IndicatorValues = Partial<Record<IndicatorKey, number>>;

/** Column totals over all 13 indicators; a missing value counts as 0. */
export function totalIndicatorValues(rows: readonly IndicatorValues[]): Record<IndicatorKey, number> {
  const totals = Object.fromEntries(INDICATOR_KEYS.map((key) => [key, 0])) as Record<IndicatorKey, number>;
  for (const row of rows) {
    for (const key of INDICATOR_KEYS) {
      totals[key] += row[key] ?? 0;
    }
  }
  return totals;
}

/**
 * Indicator values must be non-negative safe integers (counts of items, or whole yen for 'yen' indicators);
 * returns an English error message, or null when valid.
 */
export function validateIndicatorValue(key: IndicatorKey, value: unknown): string | null {
  if (!isIndicatorKey(key)) return `Unknown outcome indicator key: ${JSON.stringify(key)}`;
  const indicator = getIndicator(key);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    const expected =
      indicator.unit === 'yen' ? 'a whole number of yen, 0 or more' : 'a whole-number count, 0 or more';
    const got = typeof value === 'number' ? String(value) : typeof value;
    return `${indicator.label.en} (${key}) must be ${expected}; got ${got}`;
  }
  return null;
}
