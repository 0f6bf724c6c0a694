import { describe, expect, it } from 'vitest';
import { bindHeaders, indicatorByName } from './headers';

const summary = (kind: Parameters<typeof bindHeaders>[0], cells: string[]) => {
  const b = bindHeaders(kind, cells);
  return {
    columns: b.columns.map((c) => [c.field?.key ?? c.indicator, c.scale]),
    problems: b.problems.map((p) => [p.code, p.column]),
  };
};

describe('indicatorByName', () => {
  it.each([
    ['papers_domestic', 'papers_domestic'],
    ['論文（国内）', 'papers_domestic'],
    ['論文(国内)', 'papers_domestic'],
    ['Papers (domestic)', 'papers_domestic'],
    ['PAPERS DOMESTIC', 'papers_domestic'],
    ['売上', 'sales'],
    ['売上（千円）', 'sales'],
    ['Press (TV)', 'news_tv'],
    ['citations', null],
  ])('%j → %j', (name, key) => expect(indicatorByName(name)).toBe(key));
});

describe('bindHeaders', () => {
  it('reads outcome-value headers by key, Japanese and English label, with units', () => {
    expect(
      summary('outcome-values', [
        'クラスター',
        '年度',
        '論文（国内）',
        'Papers (abroad)',
        '売上（千円）',
        'awards',
      ]),
    ).toEqual({
      columns: [
        ['cluster', null],
        ['fiscalYear', null],
        ['papers_domestic', null],
        ['papers_abroad', null],
        ['sales', 1000],
        ['awards', null],
      ],
      problems: [],
    });
  });

  it('reads the seed column name sales_thousand_yen as sales in thousands of yen', () => {
    expect(summary('outcome-values', ['cluster_key', 'fy', 'sales_thousand_yen']).columns).toContainEqual([
      'sales',
      1000,
    ]);
  });

  it('names an unknown indicator column by its letter', () => {
    expect(
      summary('outcome-values', ['cluster', 'fiscal_year', 'papers_domestic', 'citations']).problems,
    ).toEqual([['unknown_indicator_column', 'D']]);
  });

  it('says which required column is missing and which repeats', () => {
    expect(summary('targets', ['cluster', 'indicator', '目標値', 'Cluster']).problems).toEqual([
      ['duplicate_column', 'D'],
      ['missing_column', null],
    ]);
  });

  it('needs at least one indicator in an outcome-value file', () => {
    expect(summary('outcome-values', ['cluster', 'fy']).problems).toEqual([['no_indicator_columns', null]]);
  });

  it('ignores blank header cells and reads item and budget fields', () => {
    expect(
      summary('outcome-items', ['cluster', 'FY', '種別', '題名', '', 'DOI', '出願番号']).problems,
    ).toEqual([]);
    expect(
      summary('budget-lines', ['クラスター', '年度', '区分', '金額（百万円）', '出典']).columns,
    ).toContainEqual(['amountYen', 1_000_000]);
    expect(summary('outcome-items', ['cluster', 'fy', 'kind', 'title', 'colour']).problems).toEqual([
      ['unknown_column', 'E'],
    ]);
  });
});
