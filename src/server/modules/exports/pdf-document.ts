/**
 * A4 landscape PDF reports with pdf-lib: a title block (with an optional warning banner, e.g. for
 * synthetic demo data), headings, paragraphs and tables laid out by pdf-table.ts that flow over
 * pages with their header repeated, and a footer with the page number on every page. Text is set in
 * the Japanese font of pdf-font.ts, embedded as a subset so a report carries only its own glyphs.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { ExportCell, ExportLanguage, ExportTable } from './export-table';
import { loadPdfFonts, pdfFontkit } from './pdf-font';
import {
  DEFAULT_TABLE_STYLE,
  layoutTable,
  type LaidRow,
  type MeasureText,
  type PdfTableColumn,
  type PdfTableRow,
  type PdfTableStyle,
  type TableLayout,
  wrapText,
} from './pdf-table';

/** A4 landscape in points. */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;
const MARGIN = 36;
const FOOTER_SPACE = 22;
const CONTENT_WIDTH = A4_LANDSCAPE.width - 2 * MARGIN;
const BOTTOM = MARGIN + FOOTER_SPACE;

const INK = rgb(0.13, 0.16, 0.2);
const MUTED = rgb(0.33, 0.37, 0.41);
const RULE = rgb(0.6, 0.65, 0.69);
const HEADER_FILL = rgb(0.906, 0.933, 0.965);
const WARNING = rgb(0.7, 0.11, 0.11);
const WARNING_FILL = rgb(1, 0.94, 0.94);

export interface PdfReportMeta {
  title: string;
  lang: ExportLanguage;
  /** Written as the document's creation date, so the same data gives the same file. */
  createdAt: Date;
  /** Printed at the foot of every page beside the page number, e.g. the banner again. */
  footer?: string | undefined;
  /** Printed in red in every page's footer (the demo-data warning). */
  warning?: string | undefined;
}

export class PdfReport {
  private page: PDFPage;
  private y: number;
  private readonly widths = new Map<string, number>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly meta: PdfReportMeta,
  ) {
    this.page = this.addPage();
    this.y = A4_LANDSCAPE.height - MARGIN;
  }

  static async create(meta: PdfReportMeta): Promise<PdfReport> {
    const fonts = await loadPdfFonts();
    const doc = await PDFDocument.create();
    doc.registerFontkit(await pdfFontkit());
    // subset: only the glyphs used are embedded (a few kB instead of the 4.5 MB font).
    const regular = await doc.embedFont(fonts.regular, { subset: true });
    const bold = await doc.embedFont(fonts.bold, { subset: true });
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setLanguage(meta.lang === 'ja' ? 'ja-JP' : 'en');
    doc.setCreator('Knowledge Cluster Platform');
    doc.setProducer('Knowledge Cluster Platform (pdf-lib)');
    doc.setCreationDate(meta.createdAt);
    doc.setModificationDate(meta.createdAt);
    return new PdfReport(doc, regular, bold, meta);
  }

  /** Text width in points with the regular or bold face (cached: tables measure the same words often). */
  measure(bold = false): MeasureText {
    const font = bold ? this.bold : this.regular;
    return (text, size) => {
      const key = `${bold ? 'b' : 'r'}${size}:${text}`;
      let width = this.widths.get(key);
      if (width === undefined) {
        width = font.widthOfTextAtSize(text, size);
        this.widths.set(key, width);
      }
      return width;
    };
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([A4_LANDSCAPE.width, A4_LANDSCAPE.height]);
    this.page = page;
    this.y = A4_LANDSCAPE.height - MARGIN;
    return page;
  }

  private ensureSpace(height: number): void {
    if (this.y - height < BOTTOM) this.addPage();
  }

  private drawLine(
    text: string,
    x: number,
    baseline: number,
    size: number,
    bold: boolean,
    color = INK,
  ): void {
    if (text === '') return;
    this.page.drawText(text, { x, y: baseline, size, font: bold ? this.bold : this.regular, color });
  }

  /** Wrapped text across the content width. */
  paragraph(text: string, options: { size?: number; bold?: boolean; muted?: boolean } = {}): void {
    const size = options.size ?? 9;
    const bold = options.bold ?? false;
    const step = size * 1.4;
    for (const line of wrapText(text, CONTENT_WIDTH, size, this.measure(bold))) {
      this.ensureSpace(step);
      this.drawLine(line, MARGIN, this.y - size, size, bold, options.muted ? MUTED : INK);
      this.y -= step;
    }
  }

  /** Vertical space. */
  gap(points: number): void {
    this.y -= points;
  }

  /** A section heading, moved to the next page when fewer than a few lines would follow it. */
  heading(text: string, size = 12): void {
    this.ensureSpace(size * 1.6 + 60);
    this.paragraph(text, { size, bold: true });
    this.y -= 4;
  }

  /** The report's title, its subtitle lines, and a boxed warning when given. */
  titleBlock(block: { title: string; subtitle: string[]; banner?: string | null | undefined }): void {
    this.paragraph(block.title, { size: 16, bold: true });
    this.gap(2);
    for (const line of block.subtitle) this.paragraph(line, { size: 9, muted: true });
    if (block.banner) {
      this.gap(6);
      const size = 10;
      const lines = wrapText(block.banner, CONTENT_WIDTH - 16, size, this.measure(true));
      const height = lines.length * size * 1.4 + 12;
      this.ensureSpace(height);
      this.page.drawRectangle({
        x: MARGIN,
        y: this.y - height,
        width: CONTENT_WIDTH,
        height,
        color: WARNING_FILL,
        borderColor: WARNING,
        borderWidth: 1,
      });
      lines.forEach((line, i) =>
        this.drawLine(line, MARGIN + 8, this.y - 6 - size - i * size * 1.4, size, true, WARNING),
      );
      this.y -= height;
    }
    this.gap(10);
  }

  /** A table flowing over as many pages as it needs, its header repeated on each. */
  table(
    columns: PdfTableColumn[],
    rows: PdfTableRow[],
    style: PdfTableStyle = DEFAULT_TABLE_STYLE,
  ): TableLayout {
    const layout = layoutTable(
      { columns, rows, style },
      { firstPage: this.y - BOTTOM, page: A4_LANDSCAPE.height - MARGIN - BOTTOM },
      this.measure(false),
    );
    layout.pages.forEach((pageRows, index) => {
      if (index > 0) this.addPage();
      if (pageRows.length === 0) return;
      this.drawHeader(layout);
      for (const row of pageRows) this.drawRow(layout, row);
    });
    this.gap(8);
    return layout;
  }

  /** An ExportTable (the XLSX/CSV shape) as a PDF table in `lang` across the content width. */
  exportTable(
    table: ExportTable,
    lang: ExportLanguage,
    style: PdfTableStyle = DEFAULT_TABLE_STYLE,
  ): TableLayout {
    const cells = (row: Record<string, ExportCell>) =>
      table.columns.map((c) => formatCell(row[c.key] ?? null, c.decimals));
    const rows: PdfTableRow[] = table.rows.map((row) => ({ cells: cells(row) }));
    if (table.total) rows.push({ cells: cells(table.total), emphasis: true });

    const widths = exportColumnWidths(table, lang, rows, style, this.measure(true));
    const columns: PdfTableColumn[] = table.columns.map((c, i) => ({
      label: c.label[lang],
      group: c.group ? { key: c.group.key, label: c.group.label[lang] } : undefined,
      unit: c.unit?.[lang],
      width: widths[i]!,
      align: c.type === 'number' ? 'right' : 'left',
    }));
    const layout = this.table(columns, rows, style);
    for (const note of table.notes ?? []) this.paragraph(note, { size: 8, muted: true });
    return layout;
  }

  private drawHeader(layout: TableLayout): void {
    const { style, columns } = layout;
    const lefts = columnLefts(columns);
    const top = this.y;
    let bandTop = top;
    layout.header.bands.forEach((band, b) => {
      for (const cell of band.cells) {
        const x = lefts[cell.firstColumn]!;
        const width = columns
          .slice(cell.firstColumn, cell.firstColumn + cell.span)
          .reduce((sum, c) => sum + c.width, 0);
        const height = layout.header.bands
          .slice(b, b + cell.rowSpan)
          .reduce((sum, next) => sum + next.height, 0);
        this.page.drawRectangle({
          x,
          y: bandTop - height,
          width,
          height,
          color: HEADER_FILL,
          borderColor: RULE,
          borderWidth: 0.5,
        });
        const size = style.headerFontSize;
        const step = size * style.lineGap;
        const textTop = bandTop - (height - cell.text.length * step) / 2;
        cell.text.forEach((line, i) => {
          const w = this.measure(true)(line, size);
          const lineX = x + (width - w) / 2;
          this.drawLine(line, lineX, textTop - i * step - size * 0.95, size, true);
        });
      }
      bandTop -= band.height;
    });
    this.y = top - layout.header.height;
  }

  private drawRow(layout: TableLayout, row: LaidRow): void {
    const { style, columns } = layout;
    const lefts = columnLefts(columns);
    const top = this.y;
    const size = style.fontSize;
    const step = size * style.lineGap;
    columns.forEach((column, i) => {
      const x = lefts[i]!;
      this.page.drawRectangle({
        x,
        y: top - row.height,
        width: column.width,
        height: row.height,
        borderColor: RULE,
        borderWidth: 0.5,
      });
      row.lines[i]!.forEach((line, k) => {
        const baseline = top - style.padding - k * step - size * 0.95 - (step - size) / 2;
        const w = this.measure(row.emphasis)(line, size);
        const lineX =
          column.align === 'right'
            ? x + column.width - style.padding - w
            : column.align === 'center'
              ? x + (column.width - w) / 2
              : x + style.padding;
        this.drawLine(line, lineX, baseline, size, row.emphasis);
      });
    });
    if (row.emphasis)
      this.page.drawLine({
        start: { x: MARGIN, y: top },
        end: { x: MARGIN + columns.reduce((sum, c) => sum + c.width, 0), y: top },
        thickness: 1.2,
        color: INK,
      });
    this.y = top - row.height;
  }

  /** Page numbers and footer on every page, then the file's bytes. */
  async toBuffer(): Promise<Buffer> {
    const pages = this.doc.getPages();
    const size = 7.5;
    pages.forEach((page, i) => {
      const number = `${i + 1} / ${pages.length}`;
      const width = this.regular.widthOfTextAtSize(number, size);
      const baseline = MARGIN - 4;
      page.drawLine({
        start: { x: MARGIN, y: MARGIN + 8 },
        end: { x: A4_LANDSCAPE.width - MARGIN, y: MARGIN + 8 },
        thickness: 0.4,
        color: RULE,
      });
      page.drawText(number, {
        x: A4_LANDSCAPE.width - MARGIN - width,
        y: baseline,
        size,
        font: this.regular,
        color: MUTED,
      });
      let x = MARGIN;
      if (this.meta.warning) {
        page.drawText(this.meta.warning, { x, y: baseline, size, font: this.bold, color: WARNING });
        x += this.bold.widthOfTextAtSize(this.meta.warning, size) + 12;
      }
      if (this.meta.footer)
        page.drawText(this.meta.footer, { x, y: baseline, size, font: this.regular, color: MUTED });
    });
    return Buffer.from(await this.doc.save({ useObjectStreams: false }));
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }
}

/** Header labels whose words are all up to this wide keep them whole; others (long English criterion names) may break. */
const MAX_WORD_FLOOR = 36;

/**
 * Column widths across the content width: number columns as wide as their widest figure (figures
 * never wrap); text columns share the rest in proportion to their XLSX widths. A column whose
 * header has only short words is no narrower than its longest ("Rank" never becomes "Ra / nk").
 */
function exportColumnWidths(
  table: ExportTable,
  lang: ExportLanguage,
  rows: PdfTableRow[],
  style: PdfTableStyle,
  measure: MeasureText,
): number[] {
  const pad = 2 * style.padding + 1;
  const floors = table.columns.map((c) => {
    const words = c.label[lang].split(/[\s/]+/).filter((w) => !/[\u3000-\u9FFF]/u.test(w));
    const longest = Math.max(0, ...words.map((w) => measure(w, style.headerFontSize)));
    return longest <= MAX_WORD_FLOOR ? longest + pad : 0;
  });
  const widths: (number | null)[] = table.columns.map((c, i) => {
    if (c.type !== 'number') return null;
    const widest = Math.max(
      measure('0.00', style.fontSize),
      ...rows.map((row) => measure(row.cells[i] ?? '', style.fontSize)),
    );
    return Math.max(widest + pad, floors[i]!);
  });
  const natural = table.columns.map((c) => (c.width ?? (c.type === 'number' ? 11 : 24)) * 6);
  // Twice: a text column raised to its floor takes its width from the others.
  for (let pass = 0; pass < 2; pass++) {
    const flexible = table.columns.map(
      (c, i) => c.type !== 'number' && (pass === 0 || widths[i]! > floors[i]!),
    );
    const used = widths.reduce<number>((sum, w, i) => sum + (flexible[i] ? 0 : (w ?? 0)), 0);
    const share = natural.reduce((sum, w, i) => sum + (flexible[i] ? w : 0), 0);
    const scale = share > 0 ? Math.max(0, CONTENT_WIDTH - used) / share : 0;
    table.columns.forEach((_, i) => {
      if (flexible[i]) widths[i] = Math.max(natural[i]! * scale, floors[i]!);
    });
  }
  // Floors can add up to more than the page: then every column gives way in proportion.
  const total = widths.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const fit = total > CONTENT_WIDTH ? CONTENT_WIDTH / total : 1;
  return widths.map((w) => (w ?? 0) * fit);
}

function columnLefts(columns: PdfTableColumn[]): number[] {
  const lefts: number[] = [];
  let x = MARGIN;
  for (const column of columns) {
    lefts.push(x);
    x += column.width;
  }
  return lefts;
}

/** A cell as printed: numbers with thousands separators and the column's decimals. */
export function formatCell(value: ExportCell, decimals = 0): string {
  if (value === null) return '';
  if (typeof value === 'number')
    return value.toLocaleString('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
  return value;
}
