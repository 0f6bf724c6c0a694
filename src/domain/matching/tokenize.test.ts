import { describe, expect, it } from 'vitest';
import { normaliseText, terms, tokenize } from './tokenize';

describe('terms', () => {
  it.each([
    // Japanese: ICU word segmentation, particles and endings dropped.
    ['燃料電池の触媒を開発する', ['燃料', '電池', '触媒', '開発']],
    ['産学連携プロジェクト', ['産学', '連携', 'プロジェクト']],
    // A long word the segmenter keeps whole also gives its bigrams.
    ['遺伝子診断', ['遺伝子', '遺伝', '伝子', '診断']],
    ['半導体', ['半導体', '半導', '導体']],
    // Katakana words are kept whole, without bigrams.
    ['センサー', ['センサー']],
    // English: lower case, Porter stems, stop words dropped.
    ['Fuel-cell catalysts for hydrogen vehicles', ['fuel', 'cell', 'catalyst', 'hydrogen', 'vehicl']],
    ['The licensing of patents', ['licens', 'patent']],
    ['Matching, matched and matches', ['match', 'match', 'match']],
    // Numbers and codes are kept as written; single letters are dropped.
    ['5G and H2O in 2004, plan B', ['5g', 'h2o', '2004', 'plan']],
    // Full-width letters and half-width katakana are normalised first.
    ['ＤＮＡチップ', ['dna', 'チップ']],
    ['ｾﾝｻｰ', ['センサー']],
    // Mixed text: an English acronym inside Japanese is the same term as in English.
    ['MEMSセンサーの試作', ['mem', 'センサー', '試作']],
    ['MEMS sensors', ['mem', 'sensor']],
    // Nothing to match.
    ['', []],
    ['、。！？ — ...', []],
    ['のをにはがで', []],
  ])('%s', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it('marks bigrams apart from whole words', () => {
    expect(tokenize('遺伝子')).toEqual([
      { term: '遺伝子', kind: 'word' },
      { term: '遺伝', kind: 'bigram' },
      { term: '伝子', kind: 'bigram' },
    ]);
  });

  it('keeps repeats, so frequency counts', () => {
    expect(terms('cell cells CELL')).toEqual(['cell', 'cell', 'cell']);
  });
});

describe('normaliseText', () => {
  it.each([
    ['ＡＢＣ１２３', 'abc123'],
    ['ｶﾀｶﾅ', 'カタカナ'],
    ['Ｔｏｋｙｏ　Ｕｎｉｖ．', 'tokyo univ.'],
  ])('%s → %s', (input, output) => {
    expect(normaliseText(input)).toBe(output);
  });
});
