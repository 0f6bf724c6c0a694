/** Template files: a header row in Japanese with each column's key, and one example row, as UTF-8 CSV with a BOM. */
import { stringify } from 'csv-stringify/sync';
import { FIELDS_OF, type ImportKind } from '../../../domain/import/kinds';

/** Header and example of each kind (outcome values show three indicators and the 千円 unit). */
export function templateRows(kind: ImportKind): string[][] {
  if (kind === 'outcome-values')
    return [
      ['cluster', 'fiscal_year', 'researcher_count', '論文（国内）', 'Papers (abroad)', '売上（千円）'],
      ['sapporo', '2004', '120', '12', '3', '1,234'],
    ];
  const fields = FIELDS_OF[kind];
  return [fields.map((f) => f.key), fields.map((f) => f.example)];
}

export function templateCsv(kind: ImportKind): string {
  return '\uFEFF' + stringify(templateRows(kind), { record_delimiter: '\r\n' });
}
