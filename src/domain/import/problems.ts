/**
 * What goes wrong in an imported file, said in both languages and pinned to the spreadsheet's own
 * coordinates: row numbers as Excel shows them (the header is row 1 when it is the first line) and
 * column letters (A, B, … AA).
 */

export type ImportSeverity = 'error' | 'warning';

export interface ImportProblem {
  severity: ImportSeverity;
  code: string;
  /** The file's row number (1-based); null for problems of the whole file. */
  row: number | null;
  /** The column letter (A, B, …); null when the problem is not one cell's. */
  column: string | null;
  /** The header text of that column, as written in the file. */
  header: string | null;
  message: { ja: string; en: string };
}

/** 0-based column index → spreadsheet letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function problem(
  code: string,
  ja: string,
  en: string,
  where: {
    row?: number | null;
    column?: number | null;
    header?: string | null;
    severity?: ImportSeverity;
  } = {},
): ImportProblem {
  return {
    severity: where.severity ?? 'error',
    code,
    row: where.row ?? null,
    column: where.column === undefined || where.column === null ? null : columnLetter(where.column),
    header: where.header ?? null,
    message: { ja, en },
  };
}

/** "row 5, column C (売上): message" — the line the CLI prints and logs quote. */
export function describeProblem(p: ImportProblem, locale: 'ja' | 'en' = 'en'): string {
  const where: string[] = [];
  if (locale === 'ja') {
    if (p.row !== null) where.push(`${p.row}行目`);
    if (p.column !== null) where.push(`${p.column}列${p.header ? `（${p.header}）` : ''}`);
    return `${where.length ? `${where.join('・')}: ` : ''}${p.message.ja}`;
  }
  if (p.row !== null) where.push(`row ${p.row}`);
  if (p.column !== null) where.push(`column ${p.column}${p.header ? ` (${p.header})` : ''}`);
  return `${where.length ? `${where.join(', ')}: ` : ''}${p.message.en}`;
}
