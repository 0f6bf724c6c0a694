/** Multipart uploads through the test client, and workbooks and Shift_JIS files built in memory. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { HttpClient, Response } from './http-client';

/** A multipart/form-data body: text fields first, then the file. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; content: Buffer | string; type?: string },
): { payload: Buffer; contentType: string } {
  const boundary = `----kcp${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
  );
  chunks.push(typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content);
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POST /api/v1/imports with `kind` and the file. */
export function uploadImport(
  client: HttpClient,
  kind: string,
  file: { name: string; content: Buffer | string },
): Promise<Response> {
  const body = multipart({ kind }, file);
  return client.request('POST', '/api/v1/imports', undefined, {
    // inject takes a Buffer as well as a string
    raw: body.payload as unknown as string,
    headers: { 'content-type': body.contentType },
  });
}

export function shiftJis(text: string): Buffer {
  return iconv.encode(text, 'cp932');
}

/** An XLSX workbook with one sheet of these rows; `edit` may add formulas or merges. */
export async function workbook(
  rows: (string | number | null)[][],
  edit?: (sheet: ExcelJS.Worksheet) => void,
  sheetName = 'Sheet1',
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}
