/**
 * The one tabular shape every download is written from: columns with bilingual labels, optional
 * groups (the seed deck's 論文 over 国内/海外) and units, rows of plain cells and an optional Total
 * row. CSV, Shift_JIS CSV, XLSX and JSON writers read only this, so any table of the platform can be
 * exported the same way.
 */

export interface Bilingual {
  ja: string;
  en: string;
}

export type ExportCell = string | number | null;

export interface ExportColumn {
  /** Machine name: the CSV header in `keys` mode and the JSON property. */
  key: string;
  label: Bilingual;
  /** Columns sharing a group key are printed under one merged heading (XLSX) in their order. */
  group?: { key: string; label: Bilingual } | undefined;
  /** Shown in the XLSX unit row and in bilingual CSV headers (件, 千円 …). */
  unit?: Bilingual | undefined;
  /** number: right-aligned with thousands separators in XLSX. */
  type: 'text' | 'number';
  /** XLSX column width in characters; a sensible default when absent. */
  width?: number | undefined;
  /** Decimal places of a number column (XLSX number format, PDF); 0 when absent. */
  decimals?: number | undefined;
}

export type ExportRow = Record<string, ExportCell>;

export interface ExportTable {
  /** File name without extension, e.g. `outcomes-fy2002-fy2004`. */
  fileStem: string;
  /** The XLSX title row and sheet name. */
  title: Bilingual;
  columns: ExportColumn[];
  rows: ExportRow[];
  /** Printed last, in bold in XLSX. */
  total?: ExportRow | undefined;
  /** Lines printed under the table in XLSX (sources, notes). */
  notes?: string[] | undefined;
  /** Lines printed between the title row and the header in XLSX (fiscal year, limits, a warning). */
  preamble?: string[] | undefined;
}

export type ExportLanguage = 'ja' | 'en';

/**
 * How CSV headers are written: `keys` (machine names, for open data), `bilingual` (the outcome
 * table's historical header: text columns by key, figures as `key (ja / en, unit)`) or one
 * language's labels.
 */
export type CsvHeaderStyle = 'keys' | 'bilingual' | ExportLanguage;

/** A cell Excel would run as a formula (=, +, -, @, tab, CR first) is prefixed with ' to stay text. */
export function csvSafe(value: ExportCell): ExportCell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A column's header in the given style; a column whose label is its key is printed as the key alone. */
export function headerOf(column: ExportColumn, style: CsvHeaderStyle): string {
  if (style === 'keys') return column.key;
  const unit = column.unit;
  if (style === 'bilingual') {
    if (column.type === 'text') return column.key;
    return `${column.key} (${column.label.ja} / ${column.label.en}${unit ? `, ${unit.ja}` : ''})`;
  }
  const label = column.group
    ? `${column.group.label[style]} ${column.label[style]}`.trim()
    : column.label[style];
  return unit ? `${label} (${unit[style]})` : label;
}

/** Rows (and the Total row) as arrays in column order. */
export function recordsOf(table: ExportTable): ExportCell[][] {
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return rows.map((row) => table.columns.map((c) => row[c.key] ?? null));
}
