/**
 * Writes an ExportTable as a downloadable file: CSV in UTF-8 with a BOM (Excel then opens it as
 * UTF-8), CSV in Shift_JIS/CP932 for older Excel, XLSX with grouped headers, units and a bold
 * Total row, or JSON.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { encodeCp932 } from './cp932';
import {
  type CsvHeaderStyle,
  csvSafe,
  type ExportLanguage,
  type ExportTable,
  headerOf,
  recordsOf,
} from './export-table';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_ENCODINGS = ['utf-8', 'shift_jis'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The table as CSV text (CRLF line ends, formula-safe cells), without BOM or encoding. */
export function csvText(table: ExportTable, header: CsvHeaderStyle): string {
  const records = [table.columns.map((c) => headerOf(c, header)), ...recordsOf(table)].map((record) =>
    record.map(csvSafe),
  );
  return stringify(records, { record_delimiter: '\r\n' });
}

/** CSV as bytes: UTF-8 with a BOM, or CP932 (no BOM: Shift_JIS has none). */
export function csvFile(
  table: ExportTable,
  options: { header: CsvHeaderStyle; encoding: CsvEncoding },
): ExportFile {
  const text = csvText(table, options.header);
  if (options.encoding === 'shift_jis') {
    return {
      body: encodeCp932(text),
      contentType: 'text/csv; charset=shift_jis',
      fileName: `${table.fileStem}-sjis.csv`,
    };
  }
  return {
    body: Buffer.from(`\uFEFF${text}`, 'utf8'),
    contentType: 'text/csv; charset=utf-8',
    fileName: `${table.fileStem}.csv`,
  };
}

/** JSON array of row objects keyed by column key (the Total row is flagged `isTotal`). */
export function jsonFile(table: ExportTable): ExportFile {
  const rows: Record<string, unknown>[] = table.rows.map((row) =>
    Object.fromEntries(table.columns.map((c) => [c.key, row[c.key] ?? null])),
  );
  if (table.total)
    rows.push({
      ...Object.fromEntries(table.columns.map((c) => [c.key, table.total![c.key] ?? null])),
      isTotal: true,
    });
  return {
    body: Buffer.from(JSON.stringify(rows), 'utf8'),
    contentType: 'application/json; charset=utf-8',
    fileName: `${table.fileStem}.json`,
  };
}

const THIN = { style: 'thin' as const, color: { argb: 'FF9AA5B1' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7EEF6' } };

/**
 * XLSX in the seed deck's layout: a title row; a group row and a column row (a column without a
 * group spans both, a group of several columns is merged across them); a unit row; one row per
 * record; the Total row in bold; header frozen; widths set; notes underneath.
 */
export async function xlsxFile(table: ExportTable, lang: ExportLanguage): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Knowledge Cluster Platform';
  workbook.created = new Date(0);
  writeTableSheet(workbook, table, lang);
  return xlsxOf(workbook, table.fileStem);
}

/** A workbook as an XLSX download named `<fileStem>.xlsx`. */
export async function xlsxOf(workbook: ExcelJS.Workbook, fileStem: string): Promise<ExportFile> {
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { body, contentType: XLSX_CONTENT_TYPE, fileName: `${fileStem}.xlsx` };
}

/**
 * Adds the table as a sheet in the layout of `xlsxFile` (named `sheetName`, else the title); the
 * table's preamble lines, if any, sit between the title row and the header.
 */
export function writeTableSheet(
  workbook: ExcelJS.Workbook,
  table: ExportTable,
  lang: ExportLanguage,
  sheetName: string = table.title[lang],
): ExcelJS.Worksheet {
  // Sheet names may not hold []:*?/\ and are at most 31 characters.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1');
  const width = table.columns.length;
  const preamble = table.preamble ?? [];
  // The header's first row: 2 without a preamble.
  const top = 2 + preamble.length;

  // Row 1: the title across the whole table.
  sheet.getCell(1, 1).value = table.title[lang];
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  if (width > 1) sheet.mergeCells(1, 1, 1, width);
  preamble.forEach((line, i) => {
    sheet.getCell(2 + i, 1).value = line;
    sheet.getCell(2 + i, 1).font = { size: 10 };
    if (width > 1) sheet.mergeCells(2 + i, 1, 2 + i, width);
  });

  // Rows top…top+1: groups over columns. Row top+2: units.
  let col = 1;
  while (col <= width) {
    const column = table.columns[col - 1]!;
    const group = column.group;
    let span = 1;
    while (group && table.columns[col - 1 + span]?.group?.key === group.key) span += 1;
    if (group && span > 1) {
      sheet.getCell(top, col).value = group.label[lang];
      sheet.mergeCells(top, col, top, col + span - 1);
      for (let i = 0; i < span; i++)
        sheet.getCell(top + 1, col + i).value = table.columns[col - 1 + i]!.label[lang];
    } else {
      sheet.getCell(top, col).value = column.label[lang];
      sheet.mergeCells(top, col, top + 1, col);
    }
    col += span;
  }
  table.columns.forEach((column, i) => {
    sheet.getCell(top + 2, i + 1).value = column.unit?.[lang] ?? null;
  });
  for (let row = top; row <= top + 2; row++) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(row, c);
      cell.font = { bold: row < top + 2, size: row < top + 2 ? 11 : 9 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    }
  }

  const first = top + 3;
  const records = recordsOf(table);
  records.forEach((record, index) => {
    const row = sheet.getRow(first + index);
    record.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      const column = table.columns[i]!;
      cell.value = value;
      cell.border = BORDER;
      if (column.type === 'number') {
        cell.numFmt = column.decimals ? `#,##0.${'0'.repeat(column.decimals)}` : '#,##0';
        cell.alignment = { horizontal: 'right' };
      }
    });
    if (table.total && index === records.length - 1) {
      row.font = { bold: true };
      row.eachCell((cell) => (cell.border = { ...BORDER, top: { style: 'double', color: THIN.color } }));
    }
  });

  const notesStart = first + records.length + 1;
  (table.notes ?? []).forEach((note, i) => {
    const cell = sheet.getCell(notesStart + i, 1);
    cell.value = note;
    cell.font = { size: 9, color: { argb: 'FF555E68' } };
  });

  table.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width ?? (column.type === 'number' ? 11 : 24);
  });
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: top + 2 }];
  return sheet;
}

/** RFC 6266 attachment header: an ASCII file name and the UTF-8 one. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]|["\\]/g, '_');
  return ascii === fileName
    ? `attachment; filename="${fileName}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
