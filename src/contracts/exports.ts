/**
 * The download options every exportable table takes, so each route reads them the same way:
 * `format` (json, csv or xlsx), `encoding` for CSV (UTF-8 with a BOM, or Shift_JIS/CP932 for older
 * Excel) and `lang`, the language of headers and labels in CSV and XLSX.
 */
import { z } from 'zod';

export const ExportFormatSchema = z.enum(['json', 'csv', 'xlsx']);
export const CsvEncodingSchema = z.enum(['utf-8', 'shift_jis']);
export const ExportLangSchema = z.enum(['ja', 'en']);

/** Query fields of a download; `defaultFormat` is json where the route also answers the table as JSON. */
export function exportQueryFields(defaultFormat: z.infer<typeof ExportFormatSchema>) {
  return {
    format: ExportFormatSchema.default(defaultFormat),
    /** CSV only. */
    encoding: CsvEncodingSchema.default('utf-8'),
    lang: ExportLangSchema.default('ja'),
  };
}
