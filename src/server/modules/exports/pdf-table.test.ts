/** PDF table layout: line breaking in Japanese and English, header bands, pagination. */
import { describe, expect, it } from 'vitest';
import {
  breakOpportunities,
  DEFAULT_TABLE_STYLE,
  layoutTable,
  type MeasureText,
  type PdfTableColumn,
  wrapText,
} from './pdf-table';

/** A monospaced stand-in: full-width characters 1 em, everything else half an em. */
const measure: MeasureText = (text, size) =>
  [...text].reduce((sum, ch) => sum + (/[\u3000-\u9FFF\uFF00-\uFFEF]/u.test(ch) ? size : size / 2), 0);

describe('breakOpportunities', () => {
  it('splits Japanese per character and English per word, keeping spaces apart', () => {
    // ー may not start a line, so it stays with タ.
    expect(breakOpportunities('知的クラスター Knowledge Cluster')).toEqual([
      '知',
      '的',
      'ク',
      'ラ',
      'ス',
      'ター',
      ' ',
      'Knowledge',
      ' ',
      'Cluster',
    ]);
  });

  it('keeps 、。」 off the start of a line and 「 off its end (禁則)', () => {
    expect(breakOpportunities('「採択」です。')).toEqual(['「採', '択」', 'で', 'す。']);
  });
});

describe('wrapText', () => {
  it('wraps Japanese between any two characters', () => {
    // 10 pt characters in a 40 pt line: four a line.
    expect(wrapText('地域の主体性が明確である', 40, 10, measure)).toEqual([
      '地域の主',
      '体性が明',
      '確である',
    ]);
  });

  it('wraps English between words and never inside one that fits a line', () => {
    // 5 pt per Latin character: 50 pt holds 10.
    expect(wrapText('Strong R&D but the path is unclear', 50, 10, measure)).toEqual([
      'Strong R&D',
      'but the',
      'path is',
      'unclear',
    ]);
  });

  it('mixes both, cuts a word longer than a line, and keeps explicit line breaks', () => {
    expect(wrapText('評価 excellent\nhttps://example.org/very/long', 50, 10, measure)).toEqual([
      '評価',
      'excellent',
      'https://ex',
      'ample.org/',
      'very/long',
    ]);
  });

  it('does not start a line with 。 even when the full stop would overflow', () => {
    // Five characters fit a line; without 禁則 the 。 alone would make the second line.
    expect(wrapText('明確である。', 50, 10, measure)).toEqual(['明確であ', 'る。']);
  });

  it('answers one empty line for empty text', () => {
    expect(wrapText('', 40, 10, measure)).toEqual(['']);
  });
});

const columns: PdfTableColumn[] = [
  { label: '順位', width: 30, align: 'left' },
  { label: '地域', width: 60, align: 'left' },
  { label: '特定分野への特化', group: { key: 'basic', label: '基本的要素' }, width: 44, align: 'right' },
  { label: '核となる研究機関', group: { key: 'basic', label: '基本的要素' }, width: 44, align: 'right' },
  { label: '要求額', unit: '円', width: 60, align: 'right' },
];

describe('layoutTable', () => {
  const style = { ...DEFAULT_TABLE_STYLE, fontSize: 10, headerFontSize: 10, lineGap: 1.2, padding: 2 };
  // One line of body text: 10 × 1.2 + 2 × 2 = 16 pt.
  const line = 16;

  it('heads grouped columns with the group spanning them, the others spanning both bands, and units below', () => {
    const layout = layoutTable({ columns, rows: [], style }, { firstPage: 500, page: 500 }, measure);

    const [groups, labels, units] = layout.header.bands;
    expect(layout.header.bands).toHaveLength(3);
    expect(groups!.cells.map((c) => [c.text.join(''), c.firstColumn, c.span, c.rowSpan])).toEqual([
      ['順位', 0, 1, 2],
      ['地域', 1, 1, 2],
      ['基本的要素', 2, 2, 1],
      ['要求額', 4, 1, 2],
    ]);
    expect(labels!.cells.map((c) => c.text)).toEqual([
      ['特定分野', 'への特化'],
      ['核となる', '研究機関'],
    ]);
    expect(units!.cells[4]!.text).toEqual(['円']);
    expect(layout.header.height).toBe(line + 2 * 12 + 4 + line);
  });

  it('makes a row as tall as its longest cell', () => {
    const layout = layoutTable(
      { columns, rows: [{ cells: ['1', '関西文化学術研究都市', '4.00', '3.50', '500,000,000'] }], style },
      { firstPage: 500, page: 500 },
      measure,
    );

    // 60 pt − 4 pt padding holds five 10 pt characters: 10 characters make two lines.
    expect(layout.pages[0]![0]!.lines[1]).toEqual(['関西文化学', '術研究都市']);
    expect(layout.pages[0]![0]!.height).toBe(2 * 12 + 4);
  });

  it('breaks pages between rows and repeats the header on every page', () => {
    const header = layoutTable({ columns, rows: [], style }, { firstPage: 500, page: 500 }, measure).header
      .height;
    const rows = Array.from({ length: 25 }, (_, i) => ({ cells: [String(i + 1), '札幌', '4', '4', '1'] }));
    // Room for the header and ten one-line rows per page, seven on the first.
    const page = header + 10 * line;
    const layout = layoutTable({ columns, rows, style }, { firstPage: header + 7 * line + 5, page }, measure);

    expect(layout.pages.map((p) => p.length)).toEqual([7, 10, 8]);
    expect(layout.pages.flat().map((r) => r.lines[0]![0])).toEqual(rows.map((r) => r.cells[0]));
  });

  it('moves a row that does not fit to the next page whole', () => {
    const header = layoutTable({ columns, rows: [], style }, { firstPage: 500, page: 500 }, measure).header
      .height;
    const tall = { cells: ['2', '関西文化学術研究都市', '', '', ''] };
    const layout = layoutTable(
      { columns, rows: [{ cells: ['1', '札幌', '', '', ''] }, tall], style },
      { firstPage: header + line + 20, page: 500 },
      measure,
    );

    expect(layout.pages.map((p) => p.map((r) => r.lines[0]![0]))).toEqual([['1'], ['2']]);
    expect(layout.pages[1]![0]!.continued).toBe(false);
  });

  it('continues a row taller than a page on the next one, cut between lines', () => {
    const header = layoutTable({ columns, rows: [], style }, { firstPage: 500, page: 500 }, measure).header
      .height;
    // 60 characters in the region column: 12 lines; a page holds 5.
    const region = '関'.repeat(60);
    const page = header + 5 * 12 + 4;
    const layout = layoutTable(
      { columns, rows: [{ cells: ['1', region, '4', '4', '1'] }], style },
      { firstPage: page, page },
      measure,
    );

    expect(layout.pages.map((p) => p[0]!.lines[1]!.length)).toEqual([5, 5, 2]);
    expect(layout.pages.map((p) => p[0]!.continued)).toEqual([false, true, true]);
    expect(layout.pages[0]![0]!.lines[0]).toEqual(['1']);
    expect(layout.pages[1]![0]!.lines[0]).toEqual([]);
  });

  it('starts on a new page when the first has no room for the header and a line', () => {
    const layout = layoutTable(
      { columns, rows: [{ cells: ['1', '札幌', '', '', ''] }], style },
      { firstPage: 30, page: 500 },
      measure,
    );

    expect(layout.pages.map((p) => p.length)).toEqual([0, 1]);
  });
});
