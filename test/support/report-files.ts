/**
 * For the report suites (selection and evaluation): download a file through the app as a signed-in
 * client or the public, and read XLSX workbooks back with exceljs.
 */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { SESSION_COOKIE } from '../../src/server/http/session-hooks';
import type { HttpClient } from './http-client';
import type { TestApp } from './test-app';

export interface Download {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

/** GET `url` as `client` (null: the public), keeping the raw bytes of the answer. */
export async function download(t: TestApp, client: HttpClient | null, url: string): Promise<Download> {
  const cookie = client?.cookie(SESSION_COOKIE);
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
  });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

/** Whether poppler's pdftotext is installed (an optional second reading of the PDFs). */
export const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** A row's cell values from column A on. */
export function values(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

/**
 * The header row (its first cell is one of `first`) and the data rows under the unit row, up to
 * the first empty row (a Total row included).
 */
export function table(sheet: ExcelJS.Worksheet, first: string[]): { header: number; rows: unknown[][] } {
  let header = 1;
  while (!first.includes(sheet.getCell(header, 1).text)) {
    header += 1;
    if (header > 40) throw new Error(`no header row starting with ${first.join('/')} in ${sheet.name}`);
  }
  const rows: unknown[][] = [];
  for (let row = header + 3; sheet.getCell(row, 1).value !== null; row++) rows.push(values(sheet, row));
  return { header, rows };
}

/** Every cell's text of every sheet, one per line. */
export function allText(workbook: ExcelJS.Workbook): string {
  const parts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => parts.push(cell.text))));
  return parts.join('\n');
}
