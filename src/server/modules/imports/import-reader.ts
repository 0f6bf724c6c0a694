/**
 * Reads the rows of a stored import file one at a time (never the whole file in memory): a CSV
 * decoded in the encoding found at upload, or the chosen worksheet of an XLSX through exceljs's
 * streaming reader. Cells that cannot be imported (formulas, error values, merged ranges) become
 * problems naming the cell. `bytesRead` lets the caller show progress through the file.
 */
import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Cell } from '../../../domain/import/cells';
import { foldName } from '../../../domain/import/header-text';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../domain/import/kinds';
import { type ImportProblem, problem } from '../../../domain/import/problems';
import { CsvRecordReader } from './csv-records';
import type { ImportEncoding, ImportFormat } from './import-storage';
import { worksheetMerges } from './zip-entry';

export interface FileRow {
  /** Row number as a spreadsheet shows it (1-based). */
  row: number;
  cells: Cell[];
  /** Problems of single cells (formulas, error values) found while reading. */
  problems: ImportProblem[];
}

export interface RowSource {
  /** The rows in file order, in batches (a CSV's per read buffer: one await per batch, not per row). */
  rows: AsyncIterable<FileRow[]>;
  /** Bytes of the stored file consumed so far. */
  bytesRead(): number;
  /** Problems of the whole file found once it has been read (merged cells in the data area). */
  trailingProblems(): Promise<ImportProblem[]>;
}

export interface OpenOptions {
  path: string;
  format: ImportFormat;
  encoding: ImportEncoding | null;
  kind: ImportKind;
}

function countingStream(file: string, counter: { bytes: number }) {
  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  stream.on('data', (chunk) => (counter.bytes += chunk.length));
  return stream;
}

function isBlankRow(cells: Cell[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
}

/** Decoded text of the stored file, a read buffer at a time. */
async function* decodedChunks(options: OpenOptions, counter: { bytes: number }): AsyncGenerator<string> {
  const decoder =
    options.encoding === 'cp932'
      ? iconv.getDecoder('cp932')
      : (() => {
          const utf8 = new TextDecoder('utf-8');
          return { write: (b: Buffer) => utf8.decode(b, { stream: true }), end: () => utf8.decode() };
        })();
  for await (const chunk of countingStream(options.path, counter) as AsyncIterable<Buffer>)
    yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

async function* csvRows(options: OpenOptions, counter: { bytes: number }): AsyncGenerator<FileRow[]> {
  const reader = new CsvRecordReader();
  let row = 0;
  let batch: FileRow[] = [];
  const rowsOf = (records: string[][]) => {
    for (const record of records) {
      row += 1;
      if (!isBlankRow(record)) batch.push({ row, cells: record, problems: [] });
    }
  };
  try {
    for await (const text of decodedChunks(options, counter)) {
      rowsOf(reader.push(text));
      if (batch.length > 0) yield batch;
      batch = [];
    }
    rowsOf(reader.end());
    if (batch.length > 0) yield batch;
  } catch (error) {
    // The rows read before the malformed one come first, as they would one at a time.
    if (batch.length > 0) yield batch;
    const at = (error as { lines?: number }).lines;
    const detail = error instanceof Error ? error.message : String(error);
    yield [
      {
        row: row + 1,
        cells: [],
        problems: [
          problem(
            'malformed_csv',
            `CSVとして読めません（${at ?? row + 1}行目付近）: ${detail}`,
            `malformed CSV near line ${at ?? row + 1}: ${detail}`,
            { row: row + 1 },
          ),
        ],
      },
    ];
  }
}

type XlsxValue = ExcelJS.CellValue;

function sheetNamedFor(kind: ImportKind, name: string): boolean {
  const folded = foldName(name);
  return [kind, IMPORT_KIND_LABELS[kind].ja, IMPORT_KIND_LABELS[kind].en].some((n) => foldName(n) === folded);
}

/** One XLSX cell as an importable value, or a problem naming it. */
function xlsxCell(value: XlsxValue, row: number, column: number): { cell: Cell; problem?: ImportProblem } {
  if (value === null || value === undefined) return { cell: null };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return { cell: value };
  if (value instanceof Date) return { cell: value };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value)
      return {
        cell: null,
        problem: problem(
          'formula',
          '数式は取り込めません。値として貼り付けてください',
          'formulas are not accepted; paste values',
          { row, column },
        ),
      };
    if ('error' in value)
      return {
        cell: null,
        problem: problem(
          'cell_error',
          `セルがエラー値（${String(value.error)}）です`,
          `the cell holds an error value (${String(value.error)})`,
          {
            row,
            column,
          },
        ),
      };
    if ('richText' in value) return { cell: value.richText.map((r) => r.text).join('') };
    if ('text' in value) return { cell: String((value as { text: unknown }).text) };
  }
  return { cell: String(value) };
}

function decodeRef(ref: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let column = 0;
  for (const ch of match[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), column: column - 1 };
}

function xlsxSource(options: OpenOptions, counter: { bytes: number }): RowSource {
  let sheetPath: string | null = null;
  let headerRow: number | null = null;
  async function* rows(): AsyncGenerator<FileRow[]> {
    // Loaded on first use: exceljs is a large module that CSV imports never need.
    const { default: excel } = await import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(countingStream(options.path, counter), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      entries: 'ignore',
    });
    let chosen: string | null = null;
    let done = false;
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & {
        name: string;
        id: string | number;
      };
      if (chosen === null) {
        const names = (
          (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []
        ).map((s) => s.name);
        chosen = names.find((n) => sheetNamedFor(options.kind, n)) ?? names[0] ?? sheet.name;
      }
      const wanted = !done && sheet.name === chosen;
      for await (const row of sheet) {
        if (!wanted) continue;
        const values = (row.values as XlsxValue[]).slice(1);
        const cells: Cell[] = [];
        const problems: ImportProblem[] = [];
        values.forEach((value, index) => {
          const read = xlsxCell(value, row.number, index);
          cells[index] = read.cell;
          if (read.problem) problems.push(read.problem);
        });
        for (let i = 0; i < cells.length; i += 1) if (cells[i] === undefined) cells[i] = null;
        if (isBlankRow(cells) && problems.length === 0) continue;
        headerRow ??= row.number;
        yield [{ row: row.number, cells, problems }];
      }
      if (wanted) {
        sheetPath = `xl/worksheets/sheet${sheet.id}.xml`;
        done = true;
      }
    }
  }
  return {
    rows: rows(),
    bytesRead: () => counter.bytes,
    async trailingProblems() {
      if (!sheetPath || headerRow === null) return [];
      const merges = await worksheetMerges(options.path, sheetPath);
      return merges
        .map((range) => {
          const [from, to = from] = range.split(':') as [string, string?];
          return { range, from: decodeRef(from), to: decodeRef(to) };
        })
        .filter((m) => m.to.row >= headerRow!)
        .map((m) =>
          problem(
            'merged_cells',
            `結合されたセル（${m.range}）は取り込めません。結合を解除してください`,
            `merged cells (${m.range}) are not accepted; unmerge them`,
            { row: m.from.row, column: m.from.column },
          ),
        );
    },
  };
}

/** Opens the stored file for reading its rows in order. */
export function openRowSource(options: OpenOptions): RowSource {
  const counter = { bytes: 0 };
  if (options.format === 'xlsx') return xlsxSource(options, counter);
  return {
    rows: csvRows(options, counter),
    bytesRead: () => counter.bytes,
    trailingProblems: () => Promise.resolve([]),
  };
}
