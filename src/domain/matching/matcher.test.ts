import { describe, expect, it } from 'vitest';
import {
  combinedScore,
  type MatchSignal,
  NeedIndex,
  type NeedDocument,
  SEED_STAGES,
  SeedIndex,
  type SeedDocument,
  SIGNAL_BONUS,
  signalsBetween,
} from './matcher';

const seed = (id: string, over: Partial<SeedDocument<string>> = {}): SeedDocument<string> => ({
  id,
  title: { en: 'Fuel cell catalyst' },
  summary: { en: 'A platinum-free catalyst for fuel cells.' },
  keywords: ['fuel cell'],
  keyField: 'nanotech_materials',
  stage: 'research',
  prefectureCode: null,
  ...over,
});

const need = (over: Partial<NeedDocument<string>> = {}): NeedDocument<string> => ({
  id: 'n',
  title: { en: 'Cheaper fuel cell catalyst' },
  description: { en: 'We need a catalyst without platinum.' },
  keyField: 'nanotech_materials',
  prefectureCode: null,
  ...over,
});

const kinds = (signals: MatchSignal[]) => signals.map((s) => s.kind);

describe('signalsBetween', () => {
  it.each([
    // [seed field, need field, seed stage, seed prefecture, need prefecture, expected signal kinds]
    ['it', 'it', 'research', null, null, ['same_field']],
    ['it', 'life_sciences', 'research', null, null, []],
    ['other', 'other', 'research', null, null, []], // 'other' is no shared priority field
    ['it', 'environment', 'prototype', null, null, ['stage']],
    ['it', 'environment', 'ready_to_license', null, null, ['stage']],
    // Aichi (23) and Gifu (21) are both in METI's Chubu region; Aichi twice is the same prefecture.
    ['it', 'environment', 'research', '23', '21', ['same_region']],
    ['it', 'environment', 'research', '23', '23', ['same_region', 'same_prefecture']],
    // Aichi (Chubu) and Osaka (Kinki): no region signal; unknown prefectures give none either.
    ['it', 'environment', 'research', '23', '27', []],
    ['it', 'environment', 'research', null, '27', []],
    ['it', 'environment', 'research', '99', '99', []],
    ['it', 'it', 'field_trial', '13', '13', ['same_field', 'stage', 'same_region', 'same_prefecture']],
  ] as const)('%s/%s, %s, %s→%s gives %j', (seedField, needField, stage, seedPref, needPref, expected) => {
    const signals = signalsBetween(
      { keyField: seedField, stage, prefectureCode: seedPref },
      { keyField: needField, prefectureCode: needPref },
    );
    expect(kinds(signals)).toEqual(expected);
  });

  it('gives larger stage bonuses nearer to a product', () => {
    const bonus = SEED_STAGES.map((stage) =>
      signalsBetween(
        { keyField: 'it', stage, prefectureCode: null },
        { keyField: 'environment', prefectureCode: null },
      )
        .filter((s) => s.kind === 'stage')
        .reduce((sum, s) => sum + s.bonus, 0),
    );
    expect(bonus[0]).toBe(0);
    for (let i = 1; i < bonus.length; i++) expect(bonus[i]).toBeGreaterThan(bonus[i - 1]!);
  });

  it('names the region and prefecture and takes the bonuses given', () => {
    const signals = signalsBetween(
      { keyField: 'it', stage: 'research', prefectureCode: '01' },
      { keyField: 'it', prefectureCode: '01' },
      { sameField: 0.5, sameRegion: 0.2, samePrefecture: 0, stage: SIGNAL_BONUS.stage },
    );
    expect(signals).toEqual([
      { kind: 'same_field', keyField: 'it', bonus: 0.5 },
      { kind: 'same_region', region: 'hokkaido', bonus: 0.2 },
    ]);
  });
});

describe('combinedScore', () => {
  it.each([
    [2, [], 2],
    [2, [{ kind: 'same_field', keyField: 'it', bonus: 0.3 }], 2.6],
    [
      1,
      [
        { kind: 'same_field', keyField: 'it', bonus: 0.3 },
        { kind: 'stage', stage: 'ready_to_license', bonus: 0.1 },
        { kind: 'same_region', region: 'kanto', bonus: 0.1 },
      ],
      1.5,
    ],
    [0, [{ kind: 'same_field', keyField: 'it', bonus: 0.3 }], 0],
  ] as [number, MatchSignal[], number][])('text %d with %j → %d', (text, signals, expected) => {
    expect(combinedScore(text, signals)).toBeCloseTo(expected, 12);
  });
});

describe('SeedIndex.matchNeed', () => {
  it('ranks by text score times the signals, and explains the terms, fields and signals', () => {
    const index = new SeedIndex<string>();
    index.add(seed('far', { keyField: 'it', prefectureCode: '01' }));
    index.add(seed('near', { stage: 'ready_to_license', prefectureCode: '23' }));
    const [first, second] = index.matchNeed(need({ prefectureCode: '21' }));
    expect(first!.id).toBe('near');
    expect(kinds(first!.signals)).toEqual(['same_field', 'stage', 'same_region']);
    expect(first!.score).toBeCloseTo(combinedScore(first!.textScore, first!.signals), 12);
    // Same texts: the same text score, the signals make the difference.
    expect(second!.textScore).toBeCloseTo(first!.textScore, 12);
    expect(second!.signals).toEqual([]);
    const terms = first!.matched.map((m) => m.term);
    expect(terms).toEqual(expect.arrayContaining(['catalyst', 'fuel', 'cell', 'platinum']));
    expect(first!.matched.find((m) => m.term === 'catalyst')!.fields[0]).toBe('title');
  });

  it('never returns a candidate that shares no term, whatever its signals', () => {
    const index = new SeedIndex<string>();
    index.add(
      seed('unrelated', {
        title: { en: 'Rice cultivar' },
        summary: { en: 'Cold-tolerant rice.' },
        keywords: ['rice'],
        stage: 'ready_to_license',
        prefectureCode: '23',
      }),
    );
    index.add(seed('related', { keyField: 'it' }));
    expect(index.matchNeed(need({ prefectureCode: '23' })).map((m) => m.id)).toEqual(['related']);
    expect(index.matchNeed(need({ title: { en: 'Quantum chromodynamics' }, description: {} }))).toEqual([]);
  });

  it('ranks only what accept lets through (published, not expired)', () => {
    const index = new SeedIndex<string>();
    for (const id of ['published', 'expired', 'unpublished']) index.add(seed(id));
    const live = new Set(['published']);
    const matches = index.matchNeed(need(), { accept: (id) => live.has(id) });
    expect(matches.map((m) => m.id)).toEqual(['published']);
  });

  it('limits the answer', () => {
    const index = new SeedIndex<string>();
    for (let i = 0; i < 30; i++) index.add(seed(`s${i}`));
    expect(index.matchNeed(need(), { limit: 3 })).toHaveLength(3);
    expect(index.matchNeed(need())).toHaveLength(10);
  });

  it.each([
    // A shared acronym or code is the same term in both languages.
    ['MEMS圧力センサーの試作', 'MEMS pressure sensor', 'mem'],
    ['DNAチップによる遺伝子診断', 'DNA microarray diagnostics', 'dna'],
    // The glossary: a Japanese term and its English name meet.
    ['燃料電池用の触媒', 'Catalyst for fuel cells', '燃料電池 ⇄ fuel cell'],
    ['半導体の微細加工', 'Semiconductor microfabrication', '半導体 ⇄ semiconductor'],
    ['カーボンナノチューブ複合材料', 'Carbon nanotube composites', 'カーボンナノチューブ ⇄ carbon nanotube'],
    ['センサによる温度計測', 'Temperature sensing', 'センサ ⇄ sensor'],
  ])('matches Japanese %s with English %s through %s', (ja, en, term) => {
    const index = new SeedIndex<string>();
    index.add(seed('en', { title: { en }, summary: {}, keywords: [] }));
    index.add(seed('other', { title: { en: 'Rice cultivar' }, summary: {}, keywords: [] }));
    const [top, ...rest] = index.matchNeed(need({ title: { ja }, description: {} }));
    expect(top!.id).toBe('en');
    expect(rest).toEqual([]);
    expect(top!.matched.map((m) => m.term)).toContain(term);
  });

  it('without the glossary, Japanese and English meet only on shared terms', () => {
    const index = new SeedIndex<string>({ glossary: false });
    index.add(seed('en', { title: { en: 'Catalyst for fuel cells' }, summary: {}, keywords: [] }));
    expect(index.matchNeed(need({ title: { ja: '燃料電池用の触媒' }, description: {} }))).toEqual([]);
  });

  it('follows additions, replacements and removals', () => {
    const index = new SeedIndex<string>();
    index.add(seed('a'));
    index.add(seed('b'));
    expect(index.size).toBe(2);
    expect(index.has('a')).toBe(true);
    // Replacing a seed with a text about something else takes it out of this need's answer.
    index.add(seed('a', { title: { en: 'Rice cultivar' }, summary: { en: 'Rice.' }, keywords: ['rice'] }));
    expect(index.size).toBe(2);
    expect(index.matchNeed(need()).map((m) => m.id)).toEqual(['b']);
    expect(index.remove('b')).toBe(true);
    expect(index.remove('b')).toBe(false);
    expect(index.has('b')).toBe(false);
    expect(index.size).toBe(1);
    expect(index.matchNeed(need())).toEqual([]);
    expect(index.matchNeed(need({ title: { en: 'rice' }, description: {} })).map((m) => m.id)).toEqual(['a']);
  });
});

describe('NeedIndex.matchSeed', () => {
  const needIndex = () => {
    const index = new NeedIndex<string>();
    index.add(need({ id: 'local', prefectureCode: '27' }));
    index.add(need({ id: 'far', prefectureCode: '01', keyField: 'it' }));
    index.add(need({ id: 'rice', title: { ja: '寒さに強い稲' }, description: { ja: '冷害に強い品種' } }));
    return index;
  };

  it('finds the needs a seed answers, with signals from the seed side', () => {
    const matches = needIndex().matchSeed(seed('s', { stage: 'field_trial', prefectureCode: '26' }));
    expect(matches.map((m) => m.id)).toEqual(['local', 'far']);
    expect(kinds(matches[0]!.signals)).toEqual(['same_field', 'stage', 'same_region']);
    expect(kinds(matches[1]!.signals)).toEqual(['stage']);
    expect(matches[0]!.matched.map((m) => m.term)).toContain('catalyst');
  });

  it('matches an English seed to a Japanese need through the glossary', () => {
    const index = new NeedIndex<string>();
    index.add(need({ id: 'ja', title: { ja: '燃料電池の触媒を探している' }, description: {} }));
    expect(index.matchSeed(seed('s')).map((m) => m.id)).toEqual(['ja']);
  });

  it('ranks only accepted needs and follows removals', () => {
    const index = needIndex();
    expect(index.matchSeed(seed('s'), { accept: (id) => id !== 'local' }).map((m) => m.id)).toEqual(['far']);
    expect(index.remove('far')).toBe(true);
    expect(index.size).toBe(2);
    expect(index.has('far')).toBe(false);
    expect(index.matchSeed(seed('s')).map((m) => m.id)).toEqual(['local']);
  });
});
