import { describe, expect, it } from 'vitest';
import { companyRedactor, companyVariants, REDACTED_COMPANY } from './redact-company';

const J = REDACTED_COMPANY.ja;
const E = REDACTED_COMPANY.en;
const SAMPLE = { ja: '株式会社サンプル精工', en: 'Sample Seiko Co., Ltd.' };

describe('companyVariants (longest first)', () => {
  it.each([
    [SAMPLE, ['Sample Seiko Co., Ltd.', 'Sample Seiko', '株式会社サンプル精工', 'サンプル精工']],
    [{ ja: '(株)北斗', en: 'Hokuto Inc.' }, ['Hokuto Inc.', 'Hokuto', '(株)北斗', '北斗']],
    [{ ja: 'ミナト化学合同会社', en: null }, ['ミナト化学合同会社', 'ミナト化学']],
    [{ ja: null, en: 'Acme Corporation' }, ['Acme Corporation', 'Acme']],
    // A one-character core would eat ordinary words: only the full name is kept.
    [{ ja: '株式会社光', en: 'AB Ltd.' }, ['AB Ltd.', '株式会社光']],
    [{ ja: null, en: null }, []],
    // Trailing qualifiers in brackets (region, branch, the demo mark) are dropped one by one.
    [
      { ja: '漢方薬メーカー（富山）（デモ）', en: 'Kampo maker (Toyama) (demo)' },
      [
        'Kampo maker (Toyama) (demo)',
        'Kampo maker (Toyama)',
        '漢方薬メーカー（富山）（デモ）',
        '漢方薬メーカー（富山）',
        'Kampo maker',
        '漢方薬メーカー',
      ],
    ],
    [{ ja: '株式会社北斗(札幌)', en: null }, ['株式会社北斗(札幌)', '北斗(札幌)', '株式会社北斗', '北斗']],
    // A name that is only a qualifier keeps itself.
    [{ ja: null, en: '(demo)' }, ['(demo)']],
  ])('%j → %j', (names, expected) => {
    expect(companyVariants(names).map((v) => v.text)).toEqual(expected);
  });
});

describe('companyRedactor', () => {
  const redact = companyRedactor(SAMPLE);
  it.each([
    ['株式会社サンプル精工 技術開発部', `${J} 技術開発部`],
    ['サンプル精工の工場で第2回打合せ。', `${J}の工場で第2回打合せ。`],
    ['大学とサンプル精工の間で秘密保持契約を締結した。', `大学と${J}の間で秘密保持契約を締結した。`],
    ['Sample Seiko Co., Ltd., R&D department', `${E}, R&D department`],
    ["Second meeting at Sample Seiko's plant", `Second meeting at ${E}'s plant`],
    ['SAMPLE   SEIKO engineers', `${E} engineers`],
    // A longer word that merely contains the name is not the company.
    ['Sample Seikosha is another firm', 'Sample Seikosha is another firm'],
    ['no name here / 社名なし', 'no name here / 社名なし'],
    ['', ''],
    ['サンプル精工とSample Seikoと株式会社サンプル精工', `${J}と${E}と${J}`],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('catches a name written without its bracketed qualifiers', () => {
    const r = companyRedactor({ ja: '漢方薬メーカー（富山）（デモ）', en: 'Kampo maker (Toyama) (demo)' });
    expect(r("Kampo maker (Toyama)'s plant; Kampo maker engineers; 漢方薬メーカーの工場")).toBe(
      `${E}'s plant; ${E} engineers; ${J}の工場`,
    );
  });

  it('escapes names that look like patterns', () => {
    const r = companyRedactor({ ja: null, en: 'A+B (Japan) Inc.' });
    expect(r('Met A+B (Japan) Inc. today; A+B (Japan) agreed')).toBe(`Met ${E} today; ${E} agreed`);
  });
});
