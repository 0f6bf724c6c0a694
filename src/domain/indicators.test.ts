import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  INDICATOR_GROUPS,
  INDICATOR_GROUP_LABELS,
  INDICATOR_KEYS,
  OUTCOME_INDICATORS,
  getIndicator,
  isIndicatorKey,
  totalIndicatorValues,
  validateIndicatorValue,
  type IndicatorDefinition,
  type IndicatorKey,
  type IndicatorValues,
} from './indicators';

/** Column order of data/reference/outcomes-fy2002-fy2004.csv after cluster_key and cluster_name_in_seed. */
const SEED_VALUE_COLUMNS = [
  'papers_domestic',
  'papers_abroad',
  'awards',
  'patents_domestic_applied',
  'patents_domestic_acquired',
  'patents_abroad_applied',
  'patents_abroad_acquired',
  'transfers_to_other_funds',
  'products',
  'sales_thousand_yen',
  'news_newspaper',
  'news_tv',
  'news_journal',
] as const;

/** The 18 cluster rows of the seed deck's FY2002–FY2004 outcome table, as in the seed CSV. */
const SEED_ROWS: readonly (readonly [string, ...number[]])[] = [
  ['sapporo', 30, 34, 16, 40, 0, 2, 0, 5, 7, 0, 66, 11, 56],
  ['sendai', 40, 56, 9, 66, 0, 7, 0, 6, 37, 17849, 50, 9, 15],
  ['nagano', 41, 136, 10, 118, 0, 10, 0, 2, 7, 37400, 301, 56, 49],
  ['hamamatsu', 23, 43, 2, 69, 0, 16, 0, 2, 1, 0, 131, 27, 10],
  ['kyoto', 71, 252, 17, 93, 0, 18, 0, 17, 27, 37229, 151, 3, 78],
  ['keihanna', 97, 77, 12, 116, 0, 18, 0, 13, 12, 31577, 98, 12, 21],
  ['osaka-saito', 12, 188, 9, 17, 0, 5, 0, 9, 11, 273930, 86, 2, 5],
  ['kobe', 37, 113, 3, 34, 0, 1, 0, 1, 6, 0, 35, 3, 8],
  ['hiroshima', 12, 29, 7, 23, 0, 4, 0, 7, 7, 6700, 95, 20, 32],
  ['takamatsu', 18, 12, 1, 31, 0, 2, 0, 13, 12, 0, 132, 9, 13],
  ['fukuoka', 55, 77, 10, 10, 0, 0, 0, 0, 1, 0, 44, 2, 19],
  ['kitakyushu', 52, 151, 5, 84, 0, 7, 0, 5, 27, 53120, 84, 1, 46],
  ['toyama-takaoka', 16, 36, 2, 30, 1, 8, 0, 2, 9, 5000, 142, 15, 35],
  ['nagoya', 76, 296, 19, 119, 0, 11, 0, 1, 8, 78000, 25, 1, 29],
  ['tokushima', 26, 40, 0, 13, 0, 2, 0, 2, 30, 3500, 24, 4, 26],
  ['kanazawa', 39, 52, 14, 32, 0, 3, 0, 0, 0, 0, 45, 6, 3],
  ['gifu', 32, 54, 6, 31, 0, 2, 0, 1, 2, 0, 30, 13, 14],
  ['ube', 51, 62, 1, 18, 0, 0, 0, 0, 15, 0, 25, 3, 15],
];

/** The seed deck's Total row, as stored (sales 544,305 thousand yen × seedScale). */
const SEED_DECK_TOTALS: Record<IndicatorKey, number> = {
  papers_domestic: 728,
  papers_abroad: 1708,
  awards: 143,
  patents_domestic_applied: 944,
  patents_domestic_acquired: 1,
  patents_abroad_applied: 116,
  patents_abroad_acquired: 0,
  transfers_to_other_funds: 86,
  products: 219,
  sales: 544_305_000,
  news_newspaper: 1564,
  news_tv: 197,
  news_journal: 474,
};

/** Maps one seed row to stored indicator values through the catalogue's seedColumn / seedScale. */
function toIndicatorValues(row: readonly [string, ...number[]]): IndicatorValues {
  const values: IndicatorValues = {};
  for (const indicator of OUTCOME_INDICATORS) {
    const column = SEED_VALUE_COLUMNS.indexOf(indicator.seedColumn as (typeof SEED_VALUE_COLUMNS)[number]);
    const raw = row[column + 1];
    if (typeof raw !== 'number') throw new Error(`Seed row ${row[0]} has no ${indicator.seedColumn}`);
    values[indicator.key] = raw * indicator.seedScale;
  }
  return values;
}

const EXPECTED_CATALOGUE = [
  [1, 'papers_domestic', 'papers', '論文（国内）', 'Papers (domestic)', 'count', 'papers_domestic', 1],
  [2, 'papers_abroad', 'papers', '論文（海外）', 'Papers (abroad)', 'count', 'papers_abroad', 1],
  [3, 'awards', 'awards', '受賞', 'Awards', 'count', 'awards', 1],
  [
    4,
    'patents_domestic_applied',
    'patents',
    '特許（国内・出願）',
    'Patents (domestic, applied)',
    'count',
    'patents_domestic_applied',
    1,
  ],
  [
    5,
    'patents_domestic_acquired',
    'patents',
    '特許（国内・取得）',
    'Patents (domestic, granted)',
    'count',
    'patents_domestic_acquired',
    1,
  ],
  [
    6,
    'patents_abroad_applied',
    'patents',
    '特許（海外・出願）',
    'Patents (abroad, applied)',
    'count',
    'patents_abroad_applied',
    1,
  ],
  [
    7,
    'patents_abroad_acquired',
    'patents',
    '特許（海外・取得）',
    'Patents (abroad, granted)',
    'count',
    'patents_abroad_acquired',
    1,
  ],
  [
    8,
    'transfers_to_other_funds',
    'transfers',
    '他の資金への展開',
    'Transfers to other funds',
    'count',
    'transfers_to_other_funds',
    1,
  ],
  [9, 'products', 'products', '製品化', 'Products', 'count', 'products', 1],
  [10, 'sales', 'sales', '売上', 'Sales', 'yen', 'sales_thousand_yen', 1000],
  [11, 'news_newspaper', 'news', '報道（新聞）', 'Press (newspapers)', 'count', 'news_newspaper', 1],
  [12, 'news_tv', 'news', '報道（テレビ）', 'Press (TV)', 'count', 'news_tv', 1],
  [13, 'news_journal', 'news', '報道（雑誌）', 'Press (journals)', 'count', 'news_journal', 1],
] as const;

describe('OUTCOME_INDICATORS', () => {
  it('lists the 13 keys in the seed deck column order', () => {
    expect(INDICATOR_KEYS).toEqual([
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
    ]);
    expect(OUTCOME_INDICATORS.map((indicator) => indicator.key)).toEqual(INDICATOR_KEYS);
  });

  it.each(EXPECTED_CATALOGUE)(
    'defines #%s %s in group %s as %s / %s (%s, seed column %s × %s)',
    (order, key, group, ja, en, unit, seedColumn, seedScale) => {
      expect(OUTCOME_INDICATORS[order - 1]).toEqual({
        key,
        group,
        label: { ja, en },
        groupLabel: INDICATOR_GROUP_LABELS[group],
        unit,
        order,
        seedColumn,
        seedScale,
      });
    },
  );

  it.each([
    ['papers', '論文', 'Papers', ['papers_domestic', 'papers_abroad']],
    ['awards', '受賞', 'Awards', ['awards']],
    [
      'patents',
      '特許',
      'Patents',
      [
        'patents_domestic_applied',
        'patents_domestic_acquired',
        'patents_abroad_applied',
        'patents_abroad_acquired',
      ],
    ],
    ['transfers', '他の資金への展開', 'Transfers to other funds', ['transfers_to_other_funds']],
    ['products', '製品化', 'Products', ['products']],
    ['sales', '売上', 'Sales', ['sales']],
    ['news', '報道', 'Press coverage', ['news_newspaper', 'news_tv', 'news_journal']],
  ] as const)('group %s is labelled %s / %s and holds %j', (group, ja, en, keys) => {
    expect(INDICATOR_GROUP_LABELS[group]).toEqual({ ja, en });
    const members = OUTCOME_INDICATORS.filter((indicator) => indicator.group === group);
    expect(members.map((indicator) => indicator.key)).toEqual(keys);
    for (const member of members) expect(member.groupLabel).toEqual({ ja, en });
  });

  it('lists the groups in catalogue order', () => {
    const firstSeen = [...new Set(OUTCOME_INDICATORS.map((indicator) => indicator.group))];
    expect(INDICATOR_GROUPS).toEqual(firstSeen);
  });

  it('has unique orders, labels and seed columns', () => {
    const picks: ((indicator: IndicatorDefinition) => unknown)[] = [
      (indicator) => indicator.order,
      (indicator) => indicator.label.ja,
      (indicator) => indicator.label.en,
      (indicator) => indicator.seedColumn,
    ];
    for (const pick of picks) {
      expect(new Set(OUTCOME_INDICATORS.map(pick)).size).toBe(OUTCOME_INDICATORS.length);
    }
  });

  it('is frozen so callers cannot mutate the catalogue', () => {
    expect(Object.isFrozen(OUTCOME_INDICATORS)).toBe(true);
    for (const indicator of OUTCOME_INDICATORS) {
      expect(Object.isFrozen(indicator)).toBe(true);
      expect(Object.isFrozen(indicator.label)).toBe(true);
      expect(Object.isFrozen(indicator.groupLabel)).toBe(true);
    }
  });

  it('maps every seed CSV value column to exactly one indicator', () => {
    expect(OUTCOME_INDICATORS.map((indicator) => indicator.seedColumn)).toEqual(SEED_VALUE_COLUMNS);
  });
});

describe('isIndicatorKey', () => {
  it.each(INDICATOR_KEYS)('accepts %s', (key) => {
    expect(isIndicatorKey(key)).toBe(true);
  });

  it.each([
    ['the seed CSV column for sales', 'sales_thousand_yen'],
    ['a group name that is not a key', 'papers'],
    ['a differently cased key', 'Awards'],
    ['a key with whitespace', ' awards'],
    ['an empty string', ''],
    ['an Object.prototype property', 'toString'],
    ['a prototype accessor', '__proto__'],
  ])('rejects %s (%j)', (_name, value) => {
    expect(isIndicatorKey(value)).toBe(false);
  });

  it('rejects non-strings at runtime', () => {
    expect(isIndicatorKey(42 as unknown as string)).toBe(false);
    expect(isIndicatorKey(undefined as unknown as string)).toBe(false);
  });
});

describe('getIndicator', () => {
  it.each(INDICATOR_KEYS)('returns the catalogue entry for %s', (key) => {
    const indicator = getIndicator(key);
    expect(indicator.key).toBe(key);
    expect(indicator).toBe(OUTCOME_INDICATORS[INDICATOR_KEYS.indexOf(key)]);
  });

  it.each(['sales_thousand_yen', 'papers', '', 'toString', '__proto__'])(
    'throws RangeError for unknown key %j',
    (key) => {
      expect(() => getIndicator(key as IndicatorKey)).toThrow(RangeError);
    },
  );
});

describe('totalIndicatorValues', () => {
  const zeros = Object.fromEntries(INDICATOR_KEYS.map((key) => [key, 0]));

  it.each<[string, IndicatorValues[], Partial<Record<IndicatorKey, number>>]>([
    ['no rows', [], {}],
    ['one empty row', [{}], {}],
    ['a single row', [{ awards: 3, sales: 1_000 }], { awards: 3, sales: 1_000 }],
    [
      'rows with disjoint keys',
      [{ papers_domestic: 2 }, { papers_abroad: 5 }, { news_tv: 1 }],
      { papers_domestic: 2, papers_abroad: 5, news_tv: 1 },
    ],
    [
      'rows with overlapping keys',
      [{ products: 1, sales: 5_000_000 }, { products: 2, sales: 17_849_000 }, { products: 3 }],
      { products: 6, sales: 22_849_000 },
    ],
    ['rows with explicit zeros', [{ awards: 0 }, { awards: 0 }], {}],
  ])('sums %s, counting missing values as 0', (_name, rows, nonZero) => {
    expect(totalIndicatorValues(rows)).toEqual({ ...zeros, ...nonZero });
  });

  it('always returns all 13 keys in catalogue order', () => {
    expect(Object.keys(totalIndicatorValues([{ news_journal: 1 }]))).toEqual(INDICATOR_KEYS);
  });

  it('does not mutate its input rows', () => {
    const rows: IndicatorValues[] = [{ awards: 1 }, { awards: 2 }];
    totalIndicatorValues(rows);
    expect(rows).toEqual([{ awards: 1 }, { awards: 2 }]);
  });

  it('totals the 18 seed rows exactly to the seed deck Total row', () => {
    expect(SEED_ROWS).toHaveLength(18);
    expect(totalIndicatorValues(SEED_ROWS.map(toIndicatorValues))).toEqual(SEED_DECK_TOTALS);
  });

  it.each(INDICATOR_KEYS)('matches the seed deck total for %s', (key) => {
    expect(totalIndicatorValues(SEED_ROWS.map(toIndicatorValues))[key]).toBe(SEED_DECK_TOTALS[key]);
  });

  it('stores seed sales in yen (544,305 thousand yen × seedScale)', () => {
    const totals = totalIndicatorValues(SEED_ROWS.map(toIndicatorValues));
    expect(totals.sales).toBe(544_305 * getIndicator('sales').seedScale);
    expect(totals.sales).toBe(544_305_000);
  });

  it('produces only valid stored values from the seed rows', () => {
    for (const values of SEED_ROWS.map(toIndicatorValues)) {
      for (const key of INDICATOR_KEYS) expect(validateIndicatorValue(key, values[key])).toBeNull();
    }
  });
});

describe('seed CSV file data/reference/outcomes-fy2002-fy2004.csv', () => {
  const csvPath = new URL('../../data/reference/outcomes-fy2002-fy2004.csv', import.meta.url);
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  const header = lines[0]?.split(',') ?? [];
  const body = lines.slice(1).map((line) => line.split(','));

  it('has the catalogue seed columns after the cluster columns', () => {
    expect(header).toEqual([
      'cluster_key',
      'cluster_name_in_seed',
      ...OUTCOME_INDICATORS.map((indicator) => indicator.seedColumn),
    ]);
  });

  it('holds the same 18 rows as the hard-coded seed table', () => {
    expect(body.map(([clusterKey, , ...values]) => [clusterKey, ...values.map(Number)])).toEqual(SEED_ROWS);
  });

  it('totals, through seedColumn and seedScale, to the seed deck Total row', () => {
    const rows = body.map((cells) => {
      const values: IndicatorValues = {};
      for (const indicator of OUTCOME_INDICATORS) {
        values[indicator.key] = Number(cells[header.indexOf(indicator.seedColumn)]) * indicator.seedScale;
      }
      return values;
    });
    expect(totalIndicatorValues(rows)).toEqual(SEED_DECK_TOTALS);
  });
});

describe('validateIndicatorValue', () => {
  it.each<[IndicatorKey, number]>([
    ['papers_domestic', 0],
    ['papers_abroad', 296],
    ['awards', 19],
    ['patents_abroad_acquired', 0],
    ['news_journal', Number.MAX_SAFE_INTEGER],
    ['sales', 0],
    ['sales', 273_930_000],
    ['sales', Number.MAX_SAFE_INTEGER],
  ])('accepts %s = %s', (key, value) => {
    expect(validateIndicatorValue(key, value)).toBeNull();
  });

  it.each<[string, IndicatorKey, unknown, string]>([
    ['a negative count', 'awards', -1, 'Awards (awards) must be a whole-number count, 0 or more; got -1'],
    [
      'a fractional count',
      'papers_domestic',
      1.5,
      'Papers (domestic) (papers_domestic) must be a whole-number count, 0 or more; got 1.5',
    ],
    [
      'an unsafe count',
      'news_tv',
      Number.MAX_SAFE_INTEGER + 1,
      'Press (TV) (news_tv) must be a whole-number count, 0 or more; got 9007199254740992',
    ],
    [
      'a NaN count',
      'products',
      Number.NaN,
      'Products (products) must be a whole-number count, 0 or more; got NaN',
    ],
    [
      'an infinite count',
      'products',
      Number.POSITIVE_INFINITY,
      'Products (products) must be a whole-number count, 0 or more; got Infinity',
    ],
    ['a string count', 'awards', '3', 'Awards (awards) must be a whole-number count, 0 or more; got string'],
    [
      'a missing count',
      'awards',
      undefined,
      'Awards (awards) must be a whole-number count, 0 or more; got undefined',
    ],
    ['a null count', 'awards', null, 'Awards (awards) must be a whole-number count, 0 or more; got object'],
    ['negative sales', 'sales', -1_000, 'Sales (sales) must be a whole number of yen, 0 or more; got -1000'],
    ['fractional sales', 'sales', 0.5, 'Sales (sales) must be a whole number of yen, 0 or more; got 0.5'],
    [
      'unsafe sales',
      'sales',
      2 ** 60,
      'Sales (sales) must be a whole number of yen, 0 or more; got 1152921504606847000',
    ],
  ])('rejects %s with a message', (_name, key, value, message) => {
    expect(validateIndicatorValue(key, value)).toBe(message);
  });

  it('rejects an unknown key with a message', () => {
    expect(validateIndicatorValue('sales_thousand_yen' as IndicatorKey, 1)).toBe(
      'Unknown outcome indicator key: "sales_thousand_yen"',
    );
  });
});
