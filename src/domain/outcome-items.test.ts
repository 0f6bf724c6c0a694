import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS, type IndicatorKey } from './indicators';
import {
  deriveIndicatorValues,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  itemContributions,
  itemDateFiscalYear,
  itemNaturalKey,
  KIND_INDICATORS,
  normaliseApplicationNumber,
  normaliseDoi,
  type OutcomeItem,
  REQUIRED_FIELDS,
} from './outcome-items';

const paper = (over: Partial<OutcomeItem> = {}): OutcomeItem => ({
  kind: 'paper',
  title: 'Carbon nanotube sensors',
  authors: 'Sato, Suzuki',
  venue: 'Appl. Phys. Lett.',
  pubYear: 2005,
  scope: 'abroad',
  ...over,
});
const patent = (over: Partial<OutcomeItem> = {}): OutcomeItem => ({
  kind: 'patent',
  title: 'Sensor device',
  applicationNumber: '特願2005-123456',
  filingDate: '2005-06-01',
  country: 'JP',
  patentStatus: 'applied',
  ownerKind: 'university',
  ...over,
});

describe('normaliseDoi', () => {
  it.each([
    ['10.1000/ABC', '10.1000/abc'],
    ['  10.1000/abc  ', '10.1000/abc'],
    ['doi:10.1000/abc', '10.1000/abc'],
    ['DOI: 10.1000/abc', '10.1000/abc'],
    ['https://doi.org/10.1000/abc', '10.1000/abc'],
    ['http://dx.doi.org/10.1000/ABC', '10.1000/abc'],
    ['https://www.doi.org/10.1000/abc', '10.1000/abc'],
    ['１０.１０００/ａｂｃ', '10.1000/abc'],
    ['https://example.org/10.1000/abc', 'https://example.org/10.1000/abc'],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseDoi(input)).toBe(expected);
  });
});

describe('normaliseApplicationNumber', () => {
  it.each([
    ['特願2003-123456', '特願2003-123456'],
    ['特願2003－123456', '特願2003-123456'],
    ['特願2003‐123456', '特願2003-123456'],
    ['特願2003—123456', '特願2003-123456'],
    ['特願2003−123456', '特願2003-123456'],
    ['特願2003ー123456', '特願2003-123456'],
    ['特願2003ｰ123456', '特願2003-123456'],
    ['特願 2003-123456', '特願2003-123456'],
    ['特願２００３－１２３４５６', '特願2003-123456'],
    ['pct/jp2004/012345', 'PCT/JP2004/012345'],
    ['US 10/123,456', 'US10/123,456'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseApplicationNumber(input)).toBe(expected);
  });
});

describe('itemNaturalKey', () => {
  it.each<[string, OutcomeItem, OutcomeItem]>([
    [
      'a DOI in any spelling',
      paper({ doi: '10.1/X' }),
      paper({ doi: 'https://doi.org/10.1/x', title: 'Other' }),
    ],
    [
      'an application number in any dash',
      patent(),
      patent({ applicationNumber: '特願2005－123456', title: 'Renamed' }),
    ],
    ['a paper without DOI, title case and width', paper(), paper({ title: 'CARBON NANOTUBE SENSORS ' })],
    [
      'an award by title, recipient and date',
      { kind: 'award', title: 'Prize', recipient: 'Sato', itemDate: '2005-10-01' },
      { kind: 'award', title: 'prize', recipient: 'sato', itemDate: '2005-10-01' },
    ],
    [
      'a product by title and company, whatever its sales',
      { kind: 'product', title: 'Chip', company: 'ACME', launchDate: '2005-05-01', amountYen: 1 },
      { kind: 'product', title: 'Chip', company: 'ACME', launchDate: '2005-05-01', amountYen: 99 },
    ],
  ])('treats %s as the same item', (_what, a, b) => {
    expect(itemNaturalKey(a)).toBe(itemNaturalKey(b));
  });

  it.each<[string, OutcomeItem, OutcomeItem]>([
    ['two DOIs', paper({ doi: '10.1/a' }), paper({ doi: '10.1/b' })],
    ['blank DOIs of different papers', paper({ doi: '  ', title: 'A' }), paper({ doi: ' ', title: 'B' })],
    [
      'blank application numbers of different patents',
      patent({ applicationNumber: ' ', title: 'A' }),
      patent({ applicationNumber: ' ', title: 'B' }),
    ],
    ['a paper in another venue', paper(), paper({ venue: 'Nature' })],
    ['a paper of another year', paper(), paper({ pubYear: 2006 })],
    [
      'press in another medium',
      { kind: 'press', title: 'Story', media: 'tv', outlet: 'NHK', itemDate: '2005-04-01' },
      { kind: 'press', title: 'Story', media: 'newspaper', outlet: 'NHK', itemDate: '2005-04-01' },
    ],
    [
      'a transfer from another funder',
      { kind: 'transfer', title: 'Grant', funder: 'JST', periodFromFy: 2005 },
      { kind: 'transfer', title: 'Grant', funder: 'NEDO', periodFromFy: 2005 },
    ],
    [
      'the same title as an award and as press',
      { kind: 'award', title: 'Same' },
      { kind: 'press', title: 'Same' },
    ],
  ])('tells apart %s', (_what, a, b) => {
    expect(itemNaturalKey(a)).not.toBe(itemNaturalKey(b));
  });

  it('gives 200,000 distinct awards 200,000 distinct keys (a 32-bit digest collided at 60,000)', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 200_000; i += 1)
      keys.add(
        itemNaturalKey({
          kind: 'award',
          title: `Award ${i}`,
          recipient: `Researcher ${i % 977}`,
          itemDate: '2005-06-01',
        }),
      );
    expect(keys.size).toBe(200_000);
  });

  it('names the identifier it used', () => {
    expect(itemNaturalKey(paper({ doi: 'doi:10.1/X' }))).toBe('doi:10.1/x');
    expect(itemNaturalKey(patent())).toBe('app:特願2005-123456');
    expect(itemNaturalKey(paper())).toMatch(/^h:[0-9a-f]{28}$/);
    // A DOI on a patent is not its identifier.
    expect(itemNaturalKey(patent({ doi: '10.1/x', applicationNumber: null }))).toMatch(/^h:/);
  });
});

describe('itemDateFiscalYear', () => {
  it.each([
    ['2005-04-01', 2005],
    ['2005-03-31', 2004],
    ['2004-02-29', 2003],
    [null, null],
    ['', null],
    ['2005-02-30', null],
    ['1900-01-01', null],
    ['not a date', null],
  ])('%j → %j', (date, fy) => {
    expect(itemDateFiscalYear(date)).toBe(fy);
  });
});

describe('itemContributions (report for FY2005)', () => {
  it.each<[string, OutcomeItem, Partial<Record<IndicatorKey, number>>]>([
    ['a paper abroad', paper(), { papers_abroad: 1 }],
    ['a domestic paper', paper({ scope: 'domestic' }), { papers_domestic: 1 }],
    ['an award', { kind: 'award', title: 'A' }, { awards: 1 }],
    ['a transfer', { kind: 'transfer', title: 'T', amountYen: 5_000_000 }, { transfers_to_other_funds: 1 }],
    ['newspaper press', { kind: 'press', title: 'P', media: 'newspaper' }, { news_newspaper: 1 }],
    ['TV press', { kind: 'press', title: 'P', media: 'tv' }, { news_tv: 1 }],
    ['journal press', { kind: 'press', title: 'P', media: 'journal' }, { news_journal: 1 }],
    [
      'a product launched this year with sales',
      { kind: 'product', title: 'C', launchDate: '2005-04-01', amountYen: 3_000_000 },
      { products: 1, sales: 3_000_000 },
    ],
    [
      'a product launched earlier: sales only',
      { kind: 'product', title: 'C', launchDate: '2005-03-31', amountYen: 3_000_000 },
      { sales: 3_000_000 },
    ],
    [
      'a product without sales',
      { kind: 'product', title: 'C', launchDate: '2006-01-15' },
      { products: 1, sales: 0 },
    ],
    ['a domestic patent filed this year', patent(), { patents_domestic_applied: 1 }],
    [
      'a domestic patent filed and granted this year',
      patent({ patentStatus: 'granted', grantedDate: '2006-03-01' }),
      { patents_domestic_applied: 1, patents_domestic_acquired: 1 },
    ],
    [
      'a patent filed earlier, granted this year',
      patent({ filingDate: '2003-05-01', patentStatus: 'granted', grantedDate: '2005-05-01' }),
      { patents_domestic_acquired: 1 },
    ],
    [
      'a granted date on a patent still applied for',
      patent({ filingDate: '2003-05-01', grantedDate: '2005-05-01' }),
      {},
    ],
    ['a US patent', patent({ country: 'us' }), { patents_abroad_applied: 1 }],
    [
      'a US patent granted',
      patent({ country: 'US', patentStatus: 'granted', grantedDate: '2005-12-01' }),
      { patents_abroad_applied: 1, patents_abroad_acquired: 1 },
    ],
    [
      'a patent without country counts as domestic',
      patent({ country: null }),
      { patents_domestic_applied: 1 },
    ],
    ['a patent filed next year', patent({ filingDate: '2006-04-01' }), {}],
    ['a patent with an impossible filing date', patent({ filingDate: '1900-01-01' }), {}],
  ])('%s', (_what, item, expected) => {
    expect(itemContributions(item, 2005, 2005)).toEqual(expected);
  });

  it('counts within a multi-year period', () => {
    expect(itemContributions(patent({ filingDate: '2003-04-01' }), 2002, 2004)).toEqual({
      patents_domestic_applied: 1,
    });
  });
});

describe('deriveIndicatorValues', () => {
  it('adds up items and marks every indicator their kinds feed as item-backed', () => {
    const { values, itemBacked } = deriveIndicatorValues(
      [
        paper(),
        paper({ doi: '10.1/b' }),
        paper({ scope: 'domestic' }),
        patent({ filingDate: '2004-06-01', patentStatus: 'granted', grantedDate: '2005-06-01' }),
        { kind: 'product', title: 'A', launchDate: '2005-05-01', amountYen: 1_000 },
        { kind: 'product', title: 'B', launchDate: '2001-05-01', amountYen: 2_500 },
      ],
      2005,
      2005,
    );
    expect(values).toEqual({
      papers_abroad: 2,
      papers_domestic: 1,
      patents_domestic_applied: 0,
      patents_domestic_acquired: 1,
      patents_abroad_applied: 0,
      patents_abroad_acquired: 0,
      products: 1,
      sales: 3_500,
    });
    expect([...itemBacked].sort()).toEqual(
      [...KIND_INDICATORS.paper, ...KIND_INDICATORS.patent, ...KIND_INDICATORS.product].sort(),
    );
  });

  it('backs nothing without items', () => {
    const { values, itemBacked } = deriveIndicatorValues([], 2005, 2005);
    expect(values).toEqual({});
    expect(itemBacked.size).toBe(0);
  });
});

describe('the kind tables', () => {
  it('cover every kind', () => {
    for (const kind of ITEM_KINDS) {
      expect(REQUIRED_FIELDS[kind].length).toBeGreaterThan(0);
      expect(KIND_INDICATORS[kind].length).toBeGreaterThan(0);
      expect(ITEM_KIND_LABELS[kind].ja && ITEM_KIND_LABELS[kind].en).toBeTruthy();
    }
  });

  it('feed each indicator from exactly one kind', () => {
    const fed = ITEM_KINDS.flatMap((kind) => KIND_INDICATORS[kind]);
    expect([...fed].sort()).toEqual([...INDICATOR_KEYS].sort());
  });
});
