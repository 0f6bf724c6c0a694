import { describe, expect, it } from 'vitest';
import { foldName, readHeader } from './header-text';

describe('foldName', () => {
  it.each([
    ['papers_domestic', 'papersdomestic'],
    ['Papers (domestic)', 'papers(domestic)'],
    ['ＰＡＰＥＲＳ＿ＤＯＭＥＳＴＩＣ', 'papersdomestic'],
    [' Fiscal Year ', 'fiscalyear'],
    ['論文（国内）', '論文(国内)'],
  ])('%j → %j', (text, folded) => expect(foldName(text)).toBe(folded));
});

describe('readHeader', () => {
  it.each([
    ['売上（千円）', '売上', 1000],
    ['売上 (百万円)', '売上', 1_000_000],
    ['Sales [thousand yen]', 'sales', 1000],
    ['sales_thousand_yen', 'sales', 1000],
    ['amount_yen', 'amount', 1],
    ['金額（円）', '金額', 1],
    ['論文（件）', '論文', null],
    ['論文（国内）', '論文(国内)', null],
    ['Papers (domestic)', 'papers(domestic)', null],
    ['cluster', 'cluster', null],
  ] as const)('%j → name %j, scale %j', (text, name, scale) => {
    expect(readHeader(text)).toMatchObject({ name, scale });
  });
});
