import { describe, expect, it } from 'vitest';
import {
  ANOMALY_MIN_HISTORY,
  type CheckContext,
  checkReport,
  isFarFromHistory,
  median,
  type ReportUnderCheck,
} from './outcome-checks';
import type { OutcomeItem } from './outcome-items';

const report = (over: Partial<ReportUnderCheck> = {}): ReportUnderCheck => ({
  fyFrom: 2005,
  fyTo: 2005,
  values: {},
  notes: {},
  items: [],
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
const paper = (over: Partial<OutcomeItem> = {}): OutcomeItem => ({
  kind: 'paper',
  title: 'A paper',
  authors: 'Sato',
  venue: 'Nature',
  pubYear: 2005,
  scope: 'abroad',
  ...over,
});

/** The issues as `severity code field`, the shape the tables below compare. */
function summary(r: ReportUnderCheck, context?: CheckContext): string[] {
  return checkReport(r, context).map((i) => `${i.severity} ${i.code} ${i.field}`);
}

describe('median', () => {
  it.each([
    [[], Number.NaN],
    [[4], 4],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[-1, 1], 0],
  ])('%j → %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('isFarFromHistory', () => {
  it.each<[string, number, number[], 'count' | 'yen', boolean]>([
    ['too little history', 100, [10, 10], 'count', false],
    ['flat history, 10 → 40', 40, [10, 10, 10], 'count', true],
    ['flat history, 10 → 12 (below the floor)', 12, [10, 10, 10], 'count', false],
    ['flat history, 10 → 13 (floor reached, z = 1.2)', 13, [10, 10, 10], 'count', false],
    ['flat history of zeros, 0 → 4', 4, [0, 0, 0], 'count', true],
    ['flat history of zeros, 0 → 2', 2, [0, 0, 0], 'count', false],
    ['spread history, within reach', 14, [8, 10, 12, 9, 11], 'count', false],
    ['spread history, far above', 40, [8, 10, 12, 9, 11], 'count', true],
    ['spread history, far below', 0, [80, 100, 120, 90, 110], 'count', true],
    ['yen below the ¥10M floor', 9_000_000, [0, 0, 0], 'yen', false],
    ['yen above the floor', 20_000_000, [0, 0, 0], 'yen', true],
    ['yen, usual level', 105_000_000, [100_000_000, 110_000_000, 90_000_000], 'yen', false],
  ])('%s', (_what, value, history, unit, expected) => {
    expect(isFarFromHistory(value, history, unit)).toBe(expected);
  });

  it('needs ANOMALY_MIN_HISTORY years', () => {
    expect(ANOMALY_MIN_HISTORY).toBe(3);
  });
});

describe('checkReport', () => {
  it.each<[string, ReportUnderCheck, string[]]>([
    ['an empty report', report(), []],
    ['zero without a note', report({ values: { awards: 0 } }), []],
    [
      'an aggregate without items and without a note',
      report({ values: { awards: 3 } }),
      ['error missing_note notes.awards'],
    ],
    [
      'a blank note',
      report({ values: { awards: 3 }, notes: { awards: '  ' } }),
      ['error missing_note notes.awards'],
    ],
    [
      'an aggregate with a note',
      report({ values: { awards: 3 }, notes: { awards: 'from the annual report' } }),
      [],
    ],
    ['a negative count', report({ values: { awards: -1 } }), ['error not_a_count values.awards']],
    ['a fraction', report({ values: { sales: 1.5 } }), ['error not_a_count values.sales']],
    ['NaN', report({ values: { products: Number.NaN } }), ['error not_a_count values.products']],
    ['a reversed period', report({ fyFrom: 2006, fyTo: 2005 }), ['error period_reversed fyFrom']],
    [
      'a manual value for an item-backed indicator is ignored',
      report({ values: { papers_abroad: -5 }, items: [paper()] }),
      [],
    ],
    [
      'a patent granted before it was filed (earlier fiscal year)',
      report({ items: [patent({ patentStatus: 'granted', grantedDate: '2004-06-01' })] }),
      ['error granted_before_filed items.0.grantedDate'],
    ],
    [
      'a patent granted before it was filed (same fiscal year)',
      report({ items: [patent({ patentStatus: 'granted', grantedDate: '2005-05-31' })] }),
      ['error granted_before_filed items.0.grantedDate'],
    ],
    [
      'a patent granted on its filing day',
      report({ items: [patent({ patentStatus: 'granted', grantedDate: '2005-06-01' })] }),
      [],
    ],
    [
      'a granted patent without granted date',
      report({ items: [patent({ patentStatus: 'granted' })] }),
      ['error granted_without_date items.0.grantedDate'],
    ],
    [
      'an item missing a required field',
      report({ items: [patent({ ownerKind: null, country: '' })] }),
      ['error missing_field items.0.country', 'error missing_field items.0.ownerKind'],
    ],
    [
      'a date that is no calendar date',
      report({
        items: [patent({ filingDate: '2005-02-30', patentStatus: 'granted', grantedDate: '2004-01-01' })],
      }),
      ['error invalid_date items.0.filingDate'],
    ],
    [
      'a date outside the platform’s fiscal years',
      report({ items: [{ kind: 'award', title: 'A', recipient: 'B', itemDate: '1900-05-01' }] }),
      ['error invalid_date items.0.itemDate'],
    ],
    [
      'a transfer whose period ends before it starts',
      report({
        items: [
          {
            kind: 'transfer',
            title: 'T',
            programmeName: 'CREST',
            funder: 'JST',
            amountYen: 1,
            periodFromFy: 2006,
            periodToFy: 2005,
          },
        ],
      }),
      ['error period_reversed items.0.periodToFy'],
    ],
    [
      'the same DOI twice',
      report({ items: [paper({ doi: '10.1/x' }), paper({ title: 'B', doi: 'https://doi.org/10.1/X' })] }),
      ['warning duplicate_doi items.1.doi'],
    ],
    [
      'blank DOIs are not duplicates',
      report({ items: [paper({ doi: ' ' }), paper({ title: 'B', doi: ' ' })] }),
      [],
    ],
    [
      'the same application number twice',
      report({ items: [patent(), patent({ title: 'B', applicationNumber: '特願2005－123456' })] }),
      ['warning duplicate_application items.1.applicationNumber'],
    ],
    [
      'errors come before warnings',
      report({
        values: { awards: 2 },
        items: [paper({ doi: '10.1/x' }), paper({ title: 'B', doi: '10.1/x' })],
      }),
      ['error missing_note notes.awards', 'warning duplicate_doi items.1.doi'],
    ],
  ])('%s', (_what, r, expected) => {
    expect(summary(r)).toEqual(expected);
  });

  it.each<[string, ReportUnderCheck, CheckContext, string[]]>([
    [
      'a DOI another report already holds',
      report({ items: [paper({ doi: 'doi:10.1/X' })] }),
      { knownDois: new Set(['10.1/x']) },
      ['warning duplicate_doi items.0.doi'],
    ],
    [
      'an application number another report already holds',
      report({ items: [patent()] }),
      { knownApplications: new Set(['特願2005-123456']) },
      ['warning duplicate_application items.0.applicationNumber'],
    ],
    [
      'a value far from history',
      report({ values: { awards: 40 }, notes: { awards: 'n' } }),
      { history: { awards: [10, 10, 10] } },
      ['warning far_from_history values.awards'],
    ],
    [
      'a derived value far from history',
      report({ items: [paper()] }),
      { history: { papers_abroad: [30, 32, 28], papers_domestic: [0, 0, 0] } },
      ['warning far_from_history values.papers_abroad'],
    ],
    [
      'history is not used for a multi-year report',
      report({ fyFrom: 2002, fyTo: 2004, values: { awards: 40 }, notes: { awards: 'n' } }),
      { history: { awards: [10, 10, 10] } },
      [],
    ],
    [
      'a value near history',
      report({ values: { awards: 11 }, notes: { awards: 'n' } }),
      { history: { awards: [10, 12, 9] } },
      [],
    ],
  ])('%s', (_what, r, context, expected) => {
    expect(summary(r, context)).toEqual(expected);
  });

  it('writes messages in both languages naming the dates', () => {
    const [issue] = checkReport(
      report({ items: [patent({ patentStatus: 'granted', grantedDate: '2004-06-01' })] }),
    );
    expect(issue!.message.en).toBe(
      'Item 1: a patent cannot be granted (2004-06-01) before it was filed (2005-06-01)',
    );
    expect(issue!.message.ja).toContain('2004-06-01');
  });
});
