/** One entry point for the downloads that follow the shared query conventions (format, encoding, lang). */
import type { ExportLanguage, ExportTable } from './export-table';
import {
  type CsvEncoding,
  csvFile,
  type ExportFile,
  type ExportFormat,
  jsonFile,
  xlsxFile,
} from './table-export';

export interface ExportOptions {
  format: ExportFormat;
  encoding: CsvEncoding;
  lang: ExportLanguage;
}

/** The table as the requested file: CSV headed in `lang`, XLSX labelled in `lang`, or JSON rows keyed by column. */
export async function exportFileOf(table: ExportTable, options: ExportOptions): Promise<ExportFile> {
  if (options.format === 'xlsx') return xlsxFile(table, options.lang);
  if (options.format === 'csv') return csvFile(table, { header: options.lang, encoding: options.encoding });
  return jsonFile(table);
}
