import { describe, expect, it } from 'vitest';
import {
  duplicationReasons,
  findDuplicates,
  type FundedProjectFacts,
  normaliseResearcherName,
  THEME_SIMILARITY_THRESHOLD,
  themeSimilarity,
} from './duplication';

let nextId = 1;
function project(overrides: Partial<FundedProjectFacts> = {}): FundedProjectFacts {
  nextId += 1;
  return {
    id: nextId,
    programme: 'mext_knowledge_cluster',
    fiscalYear: 2004,
    theme: { ja: '', en: '' },
    principalPersonId: null,
    researcherName: '',
    ...overrides,
  };
}

describe('normaliseResearcherName', () => {
  it.each([
    ['full-width space', '山田　太郎', '山田太郎'],
    ['half-width space', '山田 太郎', '山田太郎'],
    ['full-width Latin letters and case', 'Ｔａｒｏ  YAMADA', 'taroyamada'],
    ['half-width katakana', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
    ['a middle dot between names', 'ジョン・スミス', 'ジョンスミス'],
  ])('%s: %s → %s', (_case, input, expected) => {
    expect(normaliseResearcherName(input)).toBe(expected);
  });
});

describe('themeSimilarity', () => {
  it.each([
    ['a reworded Japanese title', '燃料電池用白金代替触媒の開発', '燃料電池用の白金代替触媒開発', 1],
    [
      'the same Japanese title with different particles',
      'がん診断用DNAチップの開発',
      'がん診断用DNAチップ開発',
      1,
    ],
  ])('%s scores %s', (_case, a, b, expected) => {
    expect(themeSimilarity({ ja: a, en: '' }, { ja: b, en: '' }).similarity).toBe(expected);
  });

  it('names the shared terms', () => {
    expect(
      themeSimilarity(
        { ja: '', en: 'Development of platinum-free catalysts for fuel cells' },
        { ja: '', en: 'Platinum-free catalyst development for fuel cells' },
      ),
    ).toEqual({ similarity: 1, sharedTerms: ['catalyst', 'cell', 'develop', 'free', 'fuel', 'platinum'] });
  });

  it('is zero when a side has no text', () => {
    expect(themeSimilarity({ ja: '', en: '' }, { ja: '燃料電池', en: 'fuel cells' }).similarity).toBe(0);
  });
});

describe('duplicationReasons', () => {
  const fuelCellJa = { ja: '燃料電池用白金代替触媒の開発', en: '' };
  const fuelCellJaReworded = { ja: '燃料電池用の白金代替触媒開発', en: '' };
  const fuelCellEn = { ja: '', en: 'Development of platinum-free catalysts for fuel cells' };
  const fuelCellEnReworded = { ja: '', en: 'Platinum-free catalyst development for fuel cells' };

  it.each<[string, Partial<FundedProjectFacts>, Partial<FundedProjectFacts>, string[]]>([
    [
      'the same person record under MEXT and METI',
      { principalPersonId: 7, researcherName: '山田 太郎', theme: { ja: '触媒', en: '' } },
      { programme: 'meti_industrial_cluster', principalPersonId: 7, researcherName: 'Taro Yamada' },
      ['same_researcher:person'],
    ],
    [
      'the same Japanese name written with a full-width space (no person record)',
      { researcherName: '山田　太郎', theme: { ja: '触媒', en: '' } },
      { programme: 'jst', researcherName: '山田太郎', theme: { ja: 'センサー', en: '' } },
      ['same_researcher:name'],
    ],
    [
      'the same English name in another case and spacing',
      { researcherName: 'Hanako SUZUKI' },
      { programme: 'other', researcherName: 'hanako  suzuki' },
      ['same_researcher:name'],
    ],
    [
      'a reworded Japanese theme by different researchers',
      { researcherName: '佐藤', theme: fuelCellJa },
      { programme: 'jst', researcherName: '高橋', theme: fuelCellJaReworded },
      ['similar_theme'],
    ],
    [
      'a reworded English theme',
      { theme: fuelCellEn },
      { programme: 'meti_industrial_cluster', theme: fuelCellEnReworded },
      ['similar_theme'],
    ],
    [
      'the same researcher and the same theme',
      { principalPersonId: 3, researcherName: '田中', theme: fuelCellJa },
      { programme: 'jst', principalPersonId: 3, researcherName: '田中', theme: fuelCellJa },
      ['same_researcher:person', 'similar_theme'],
    ],
    // Non-flags.
    [
      'the same researcher and theme under the same programme',
      { principalPersonId: 3, theme: fuelCellJa },
      { principalPersonId: 3, theme: fuelCellJa },
      [],
    ],
    [
      'the same researcher and theme in different fiscal years',
      { principalPersonId: 3, theme: fuelCellJa },
      { programme: 'jst', fiscalYear: 2005, principalPersonId: 3, theme: fuelCellJa },
      [],
    ],
    [
      'different themes of one field (fuel cells) by different people',
      { researcherName: '佐藤', theme: fuelCellJa },
      { programme: 'jst', researcherName: '高橋', theme: { ja: '燃料電池の耐久性評価', en: '' } },
      [],
    ],
    [
      'different English themes sharing "fuel cell"',
      { theme: fuelCellEn },
      { programme: 'jst', theme: { ja: '', en: 'Durability testing of fuel cell membranes' } },
      [],
    ],
    [
      'the same device for another disease (similar, under the threshold)',
      { theme: { ja: 'がん診断用DNAチップの開発', en: '' } },
      { programme: 'jst', theme: { ja: '感染症診断用DNAチップの開発', en: '' } },
      [],
    ],
    [
      'two projects without a researcher name',
      { researcherName: '', theme: { ja: '触媒', en: '' } },
      { programme: 'jst', researcherName: ' ', theme: { ja: 'センサー', en: '' } },
      [],
    ],
  ])('%s', (_case, a, b, expected) => {
    const reasons = duplicationReasons(project(a), project(b));
    expect(reasons.map((r) => (r.kind === 'same_researcher' ? `${r.kind}:${r.via}` : r.kind))).toEqual(
      expected,
    );
  });

  it('gives the similarity and the shared terms of a similar theme', () => {
    const [reason] = duplicationReasons(
      project({ theme: fuelCellJa }),
      project({ programme: 'jst', theme: fuelCellJaReworded }),
    );
    expect(reason).toEqual({
      kind: 'similar_theme',
      similarity: 1,
      sharedTerms: ['代替', '燃料', '用', '白金', '触媒', '開発', '電池'],
    });
    expect(THEME_SIMILARITY_THRESHOLD).toBeGreaterThan(0.714);
  });
});

describe('findDuplicates', () => {
  it('flags pairs within a fiscal year, lower id first, by year then ids', () => {
    const a = project({ id: 10, principalPersonId: 1, fiscalYear: 2005 });
    const b = project({ id: 11, programme: 'jst', principalPersonId: 1, fiscalYear: 2005 });
    const c = project({ id: 5, programme: 'other', principalPersonId: 1, fiscalYear: 2004 });
    const d = project({
      id: 3,
      programme: 'meti_industrial_cluster',
      principalPersonId: 1,
      fiscalYear: 2004,
    });
    const lone = project({ id: 20, principalPersonId: 2, fiscalYear: 2004 });
    expect(findDuplicates([b, a, lone, c, d]).map((f) => [f.fiscalYear, f.aId, f.bId])).toEqual([
      [2004, 3, 5],
      [2005, 10, 11],
    ]);
  });

  it('finds nothing in an empty list', () => {
    expect(findDuplicates([])).toEqual([]);
  });
});
