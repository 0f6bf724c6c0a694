import { describe, expect, it } from 'vitest';
import { clusterMatcher, isProgrammeScope } from './clusters';
import { columnLetter, describeProblem, problem } from './problems';

const match = clusterMatcher([
  {
    id: 1,
    key: 'sapporo',
    nameJa: '札幌ITカロッツェリアクラスター',
    nameEn: 'Sapporo IT Carrozzeria Cluster',
  },
  { id: 2, key: 'kyoto', nameJa: '京都ナノテククラスター', nameEn: 'Kyoto Nanotech Cluster' },
  { id: 3, key: 'twin', nameJa: '京都ナノテククラスター', nameEn: 'Twin' },
]);

describe('clusterMatcher', () => {
  it.each([
    ['sapporo', 1],
    [' SAPPORO ', 1],
    ['札幌ＩＴカロッツェリアクラスター', 1],
    ['sapporo it carrozzeria cluster', 1],
    ['kyoto', 2],
    ['京都ナノテククラスター', null],
    ['Sapporo IT', null],
    ['', null],
  ])('%j → %j', (name, id) => expect(match(name)?.id ?? null).toBe(id));

  it('knows the names of the programme scope', () => {
    expect(isProgrammeScope('プログラム')).toBe(true);
    expect(isProgrammeScope('Programme')).toBe(true);
    expect(isProgrammeScope('sapporo')).toBe(false);
  });
});

describe('problems', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (i, letters) => expect(columnLetter(i)).toBe(letters));

  it('describes a problem with row and column in both languages', () => {
    const p = problem('x', '負の値です', 'negative value', { row: 5, column: 2, header: '売上' });
    expect(describeProblem(p)).toBe('row 5, column C (売上): negative value');
    expect(describeProblem(p, 'ja')).toBe('5行目・C列（売上）: 負の値です');
  });
});
