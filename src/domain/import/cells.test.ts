import { describe, expect, it } from 'vitest';
import { readChoice, readCount, readDate, readFiscalYear, readYen } from './cells';

const value = <T>(r: { ok: boolean; value?: T }) => (r.ok ? r.value : 'ERR');

describe('readCount', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    ['1,234', 1234],
    ['１，２３４', 1234],
    [' 7 ', 7],
    ['3.0', 3],
    [42, 42],
    ['0', 0],
    ['-1', 'ERR'],
    ['△2', 'ERR'],
    [-3, 'ERR'],
    ['1.5', 'ERR'],
    [2.5, 'ERR'],
    ['abc', 'ERR'],
    ['12,34', 'ERR'],
    ['', 'ERR'],
  ] as const)('%j → %j', (cell, expected) => {
    expect(value(readCount(cell))).toBe(expected);
  });

  it('says why in both languages', () => {
    expect(readCount('-5')).toMatchObject({
      ok: false,
      en: expect.stringContaining('negative'),
      ja: expect.stringContaining('負'),
    });
    expect(readCount('x')).toMatchObject({ ok: false, en: 'not a number: "x"' });
  });
});

describe('readYen', () => {
  it.each([
    ['1,234', null, 1234],
    ['1,234', 1000, 1_234_000],
    ['１，２３４', 1000, 1_234_000],
    ['1.5', 1000, 1500],
    ['1.5', 1_000_000, 1_500_000],
    ['1,234千円', null, 1_234_000],
    ['1,234千円', 1_000_000, 1_234_000],
    ['5百万円', null, 5_000_000],
    ['¥1,000', null, 1000],
    ['￥1,000', 1000, 1000],
    [250, 1000, 250_000],
    [0, 1000, 0],
    ['1.5', null, 'ERR'],
    ['1.0005', 1000, 'ERR'],
    ['-100', null, 'ERR'],
    ['△100', 1000, 'ERR'],
    ['百円', null, 'ERR'],
    ['n/a', null, 'ERR'],
  ] as const)('%j with scale %j → %j', (cell, scale, expected) => {
    expect(value(readYen(cell, scale))).toBe(expected);
  });
});

describe('readFiscalYear', () => {
  it.each([
    ['2004', 2004],
    [2004, 2004],
    ['FY2004', 2004],
    ['ＦＹ２００４', 2004],
    ['平成16年度', 2004],
    ['令和元年度', 2019],
    ['H16', 2004],
    ['2004年度', 2004],
    ['04', 'ERR'],
    ['next year', 'ERR'],
  ] as const)('%j → %j', (cell, expected) => {
    expect(value(readFiscalYear(cell))).toBe(expected);
  });
});

describe('readDate', () => {
  it.each([
    ['2004-04-01', '2004-04-01'],
    ['2004/4/1', '2004-04-01'],
    ['２００４／４／１', '2004-04-01'],
    ['2004.4.1', '2004-04-01'],
    ['2004年4月1日', '2004-04-01'],
    ['平成16年4月1日', '2004-04-01'],
    ['H16.4.1', '2004-04-01'],
    ['平成元年5月1日', '1989-05-01'],
    [new Date(Date.UTC(2004, 3, 1)), '2004-04-01'],
    [38078, '2004-04-01'],
    ['2004-02-30', 'ERR'],
    ['2004-13-01', 'ERR'],
    ['April 1', 'ERR'],
  ] as const)('%j → %j', (cell, expected) => {
    expect(value(readDate(cell))).toBe(expected);
  });
});

describe('readChoice', () => {
  const labels = { domestic: { ja: '国内', en: 'Domestic' }, abroad: { ja: '海外', en: 'Abroad' } };
  it.each([
    ['domestic', 'domestic'],
    ['DOMESTIC', 'domestic'],
    ['国内', 'domestic'],
    ['Abroad', 'abroad'],
    ['国外', 'abroad'],
    ['space', 'ERR'],
  ] as const)('%j → %j', (cell, expected) => {
    expect(value(readChoice(cell, ['domestic', 'abroad'] as const, labels, { 国外: 'abroad' }))).toBe(
      expected,
    );
  });
});
