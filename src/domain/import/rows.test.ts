import { describe, expect, it } from 'vitest';
import { bindHeaders } from './headers';
import type { ImportKind } from './kinds';
import { parseRow } from './rows';

function parse(kind: ImportKind, header: string[], cells: (string | number)[]) {
  const result = parseRow(bindHeaders(kind, header), 7, cells);
  return {
    record: result.record,
    problems: result.problems.map((p) => `${p.code}@${p.row}${p.column ?? ''}`),
  };
}

describe('parseRow: outcome values', () => {
  const header = ['cluster', '年度', '論文（国内）', '売上（千円）', 'researchers'];
  it('reads full-width digits, separators and the 千円 unit', () => {
    expect(parse('outcome-values', header, ['札幌', '平成16年度', '１２', '1,234', '40']).record).toEqual({
      kind: 'outcome-values',
      row: 7,
      cluster: '札幌',
      clusterAt: { column: 0, header: 'cluster' },
      fiscalYear: 2004,
      researcherCount: 40,
      values: [
        { indicator: 'papers_domestic', value: 12, at: { column: 2, header: '論文（国内）' } },
        { indicator: 'sales', value: 1_234_000, at: { column: 3, header: '売上（千円）' } },
      ],
    });
  });
  it.each([
    [['sapporo', '2004', '-1', '', ''], ['invalid_value@7C']],
    [
      ['sapporo', '2004', 'many', 'x', ''],
      ['invalid_value@7C', 'invalid_value@7D'],
    ],
    [['sapporo', 'someday', '1', '', ''], ['invalid_value@7B']],
    [['', '2004', '1', '', ''], ['required@7A']],
    [['sapporo', '2004', '', '', ''], ['empty_row@7']],
  ])('%j → %j', (cells, problems) => {
    expect(parse('outcome-values', header, cells).problems).toEqual(problems);
  });
});

describe('parseRow: outcome items', () => {
  const header = [
    'cluster',
    'fy',
    'kind',
    'title',
    'authors',
    'venue',
    'pub_year',
    'doi',
    'scope',
    '出願番号',
    '出願日',
    '国',
    '状態',
    '登録日',
    '権利者の種別',
  ];
  it('reads a paper named in Japanese', () => {
    const { record } = parse('outcome-items', header, [
      'sapporo',
      '2004',
      '論文',
      'A study',
      'Sato',
      'J. Test',
      '2004',
      '10.1/x',
      '海外',
    ]);
    expect(record).toMatchObject({
      kind: 'outcome-items',
      item: { kind: 'paper', title: 'A study', pubYear: 2004, scope: 'abroad', doi: '10.1/x' },
    });
  });
  it('names the missing required fields of the item kind', () => {
    expect(
      parse('outcome-items', header, [
        'sapporo',
        '2004',
        'patent',
        'Sensor',
        '',
        '',
        '',
        '',
        '',
        '特願2004-1',
      ]).problems,
    ).toEqual(['missing_field@7K', 'missing_field@7L', 'missing_field@7M', 'missing_field@7O']);
  });
  it('refuses a patent granted before it was filed', () => {
    const cells = [
      'sapporo',
      '2004',
      'patent',
      'Sensor',
      '',
      '',
      '',
      '',
      '',
      '特願2004-1',
      '2004-06-01',
      'JP',
      '登録',
      '2004-05-01',
      '大学',
    ];
    expect(parse('outcome-items', header, cells).problems).toEqual(['granted_before_filed@7N']);
  });
});

describe('parseRow: targets and budget lines', () => {
  it('reads a sales target in 百万円 and a count target', () => {
    const header = ['cluster', 'indicator', 'fy', 'baseline', '目標値（百万円）'];
    expect(parse('targets', header, ['kyoto', '売上', 'FY2006', '', '12']).record).toMatchObject({
      indicator: 'sales',
      target: 12_000_000,
      baseline: null,
    });
    expect(
      parse('targets', ['cluster', 'indicator', 'fy', 'target'], ['kyoto', 'Awards', '2006', '3']).record,
    ).toMatchObject({ indicator: 'awards', target: 3 });
    expect(
      parse('targets', ['cluster', 'indicator', 'fy', 'target'], ['kyoto', 'citations', '2006', '3'])
        .problems,
    ).toEqual(['invalid_value@7B']);
    expect(
      parse('targets', ['cluster', 'indicator', 'fy', 'target'], ['kyoto', 'awards', '2006', '2.5']).problems,
    ).toEqual(['invalid_value@7D']);
  });
  it('reads a budget line with its kind in Japanese', () => {
    const header = ['クラスター', '年度', '区分', '金額（千円）', '出典'];
    expect(
      parse('budget-lines', header, ['programme', '2004', '文部科学省補助金', '500,000', 'grant']).record,
    ).toMatchObject({
      budgetKind: 'mext_subsidy',
      amountYen: 500_000_000,
      cluster: 'programme',
    });
    expect(parse('budget-lines', header, ['sapporo', '2004', 'gift', '-5', 'grant']).problems).toEqual([
      'invalid_value@7C',
      'invalid_value@7D',
    ]);
  });
});
