/**
 * Table layout for PDF reports, kept apart from pdf-lib so it can be tested with any text measure:
 * line breaking (Japanese breaks between any two characters, other scripts between words, with the
 * basic 禁則 rules so 、。」 never start a line and 「（ never end one), row heights and pagination
 * with the header repeated on every page and a row too tall for a page continued on the next.
 */

/** Width of a run of text in points at a font size. */
export type MeasureText = (text: string, size: number) => number;

/** Characters that may break anywhere: kana, CJK ideographs, CJK punctuation and full-width forms. */
const CJK =
  /[\u2E80-\u2FDF\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[\u{20000}-\u{3FFFF}]/u;
/** May not start a line (行頭禁則): closing brackets, 、。 and their full-width kin, small kana, ー. */
const NO_LINE_START =
  /^[)\]}、。，．・：；！？）］｝〕〉》」』】〙〗ー〜～ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%,.:;!?]/u;
/** May not end a line (行末禁則): opening brackets. */
const NO_LINE_END = /[([{（［｛〔〈《「『【〘〖]$/u;

/**
 * Splits a paragraph into the pieces a line may break between: every CJK character alone, every
 * run of other non-space characters (a word), and runs of spaces. 禁則 characters are glued to
 * their neighbour so a break never falls beside them.
 */
export function breakOpportunities(paragraph: string): string[] {
  const raw: string[] = [];
  let word = '';
  let spaces = '';
  const flushWord = () => {
    if (word) raw.push(word);
    word = '';
  };
  const flushSpaces = () => {
    if (spaces) raw.push(spaces);
    spaces = '';
  };
  for (const ch of paragraph) {
    if (ch === ' ' || ch === '\t') {
      flushWord();
      spaces += ' ';
    } else if (CJK.test(ch)) {
      flushWord();
      flushSpaces();
      raw.push(ch);
    } else {
      flushSpaces();
      word += ch;
    }
  }
  flushWord();
  flushSpaces();

  const tokens: string[] = [];
  for (const token of raw) {
    const previous = tokens.at(-1);
    const glue =
      previous !== undefined &&
      previous.trim() !== '' &&
      token.trim() !== '' &&
      (NO_LINE_START.test(token) || NO_LINE_END.test(previous));
    if (glue) tokens[tokens.length - 1] = previous + token;
    else tokens.push(token);
  }
  return tokens;
}

/** The text broken into lines no wider than `maxWidth` (a word wider than a line is cut by character). */
export function wrapText(text: string, maxWidth: number, size: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    let pendingSpace = '';
    const push = () => {
      lines.push(line);
      line = '';
      pendingSpace = '';
    };
    for (const token of breakOpportunities(paragraph)) {
      if (token.trim() === '') {
        if (line) pendingSpace = token;
        continue;
      }
      const candidate = line + pendingSpace + token;
      if (measure(candidate, size) <= maxWidth) {
        line = candidate;
        pendingSpace = '';
        continue;
      }
      if (line) push();
      if (measure(token, size) <= maxWidth) {
        line = token;
        continue;
      }
      // Longer than a whole line (a URL, a long number): cut it where it overflows.
      for (const ch of token) {
        if (line && measure(line + ch, size) > maxWidth) push();
        line += ch;
      }
    }
    lines.push(line);
  }
  return lines;
}

export interface PdfTableColumn {
  label: string;
  /** Columns sharing a group key sit under one heading spanning them. */
  group?: { key: string; label: string } | undefined;
  unit?: string | undefined;
  /** Width in points. */
  width: number;
  align: 'left' | 'right' | 'center';
}

export interface PdfTableRow {
  cells: string[];
  /** A Total row: bold, with a rule above. */
  emphasis?: boolean | undefined;
}

export interface PdfTableStyle {
  fontSize: number;
  headerFontSize: number;
  /** Distance between baselines as a multiple of the font size. */
  lineGap: number;
  /** Space inside a cell on each side, in points. */
  padding: number;
}

export const DEFAULT_TABLE_STYLE: PdfTableStyle = {
  fontSize: 7.5,
  headerFontSize: 7.5,
  lineGap: 1.3,
  padding: 2.5,
};

/** One header band: a row of cells, each spanning one or more columns. */
export interface HeaderBand {
  cells: { text: string[]; firstColumn: number; span: number; rowSpan: number }[];
  height: number;
}

export interface LaidRow {
  /** Each cell's lines. */
  lines: string[][];
  height: number;
  emphasis: boolean;
  /** The rest of a row that did not fit on the previous page. */
  continued: boolean;
}

export interface TableLayout {
  columns: PdfTableColumn[];
  style: PdfTableStyle;
  /** Printed at the top of every page the table reaches. */
  header: { bands: HeaderBand[]; height: number };
  /** The rows of each page, in order; an empty first page means the table starts on a new page. */
  pages: LaidRow[][];
}

function lineHeight(size: number, style: PdfTableStyle): number {
  return size * style.lineGap;
}

function heightOfLines(count: number, size: number, style: PdfTableStyle): number {
  return Math.max(1, count) * lineHeight(size, style) + 2 * style.padding;
}

/**
 * The header as bands: columns in a group of two or more get the group's heading spanning them
 * above their own label; other columns' labels span both bands. Units get a band of their own
 * when any column has one.
 */
function layoutHeader(
  columns: PdfTableColumn[],
  style: PdfTableStyle,
  measure: MeasureText,
): TableLayout['header'] {
  const size = style.headerFontSize;
  const inner = (width: number) => Math.max(1, width - 2 * style.padding);
  const grouped = columns.some((c, i) => c.group !== undefined && columns[i + 1]?.group?.key === c.group.key);
  const groupBand: HeaderBand = { cells: [], height: 0 };
  const labelBand: HeaderBand = { cells: [], height: 0 };
  let col = 0;
  while (col < columns.length) {
    const column = columns[col]!;
    let span = 1;
    while (column.group && columns[col + span]?.group?.key === column.group.key) span += 1;
    if (grouped && column.group && span > 1) {
      const width = columns.slice(col, col + span).reduce((sum, c) => sum + c.width, 0);
      groupBand.cells.push({
        text: wrapText(column.group.label, inner(width), size, measure),
        firstColumn: col,
        span,
        rowSpan: 1,
      });
      for (let i = 0; i < span; i++) {
        const member = columns[col + i]!;
        labelBand.cells.push({
          text: wrapText(member.label, inner(member.width), size, measure),
          firstColumn: col + i,
          span: 1,
          rowSpan: 1,
        });
      }
    } else {
      for (let i = 0; i < span; i++) {
        const member = columns[col + i]!;
        (grouped ? groupBand : labelBand).cells.push({
          text: wrapText(member.label, inner(member.width), size, measure),
          firstColumn: col + i,
          span: 1,
          rowSpan: grouped ? 2 : 1,
        });
      }
    }
    col += span;
  }
  const bands: HeaderBand[] = grouped ? [groupBand, labelBand] : [labelBand];
  // A band is as tall as its tallest one-band cell; a two-band cell taller than both grows the second.
  for (const band of bands) {
    const single = band.cells.filter((c) => c.rowSpan === 1).map((c) => c.text.length);
    band.height = heightOfLines(Math.max(1, ...single), size, style);
  }
  if (grouped) {
    const tallest = Math.max(1, ...groupBand.cells.filter((c) => c.rowSpan === 2).map((c) => c.text.length));
    const need = heightOfLines(tallest, size, style);
    if (need > groupBand.height + labelBand.height) labelBand.height = need - groupBand.height;
  }
  if (columns.some((c) => c.unit)) {
    bands.push({
      cells: columns.map((c, i) => ({
        text: c.unit ? wrapText(c.unit, inner(c.width), size, measure) : [],
        firstColumn: i,
        span: 1,
        rowSpan: 1,
      })),
      height: heightOfLines(1, size, style),
    });
  }
  return { bands, height: bands.reduce((sum, band) => sum + band.height, 0) };
}

/**
 * Lays a table out over pages: `firstPageSpace` is the height left on the page where the table
 * starts, `pageSpace` the height of every following page. Each page repeats the header. A row is
 * moved whole to the next page when it does not fit, and cut between lines only when it is taller
 * than a page on its own.
 */
export function layoutTable(
  input: { columns: PdfTableColumn[]; rows: PdfTableRow[]; style?: PdfTableStyle },
  space: { firstPage: number; page: number },
  measure: MeasureText,
): TableLayout {
  const style = input.style ?? DEFAULT_TABLE_STYLE;
  const header = layoutHeader(input.columns, style, measure);
  const minimumBody = heightOfLines(1, style.fontSize, style);
  if (space.page < header.height + minimumBody)
    throw new RangeError('A page is too short for the table header and one line.');
  const pages: LaidRow[][] = [[]];
  // A first page without room for the header and one line starts the table on the next page.
  let left = space.firstPage - header.height;
  // (pages[0] then stays empty: the caller prints nothing on that page).
  if (left < minimumBody) {
    pages.push([]);
    left = space.page - header.height;
  }
  const full = space.page - header.height;
  const newPage = () => {
    pages.push([]);
    left = full;
  };
  const perLine = lineHeight(style.fontSize, style);

  for (const row of input.rows) {
    let lines = input.columns.map((column, i) =>
      wrapText(row.cells[i] ?? '', Math.max(1, column.width - 2 * style.padding), style.fontSize, measure),
    );
    let continued = false;
    for (;;) {
      const count = Math.max(1, ...lines.map((l) => l.length));
      const height = heightOfLines(count, style.fontSize, style);
      if (height <= left) {
        pages.at(-1)!.push({ lines, height, emphasis: row.emphasis ?? false, continued });
        left -= height;
        break;
      }
      if (pages.at(-1)!.length > 0 && height <= full) {
        newPage();
        continue;
      }
      // Taller than what is left of a page: print what fits here and carry the rest over.
      const fits = Math.floor((left - 2 * style.padding) / perLine);
      if (fits < 1) {
        newPage();
        continue;
      }
      const head = lines.map((l) => l.slice(0, fits));
      pages.at(-1)!.push({
        lines: head,
        height: heightOfLines(fits, style.fontSize, style),
        emphasis: row.emphasis ?? false,
        continued,
      });
      lines = lines.map((l) => l.slice(fits));
      continued = true;
      newPage();
    }
  }
  return { columns: input.columns, style, header, pages };
}
