import type { Generated, Insertable, Selectable } from 'kysely';

/** An import of a CSV/XLSX file: checked first (preview), then committed all-or-nothing. */
export interface ImportJobTable {
  id: Generated<number>;
  kind: string;
  status: string;
  mode: string;
  file_name: string;
  file_size: number;
  file_sha256: string;
  format: string | null;
  encoding: string | null;
  total_rows: number | null;
  processed_rows: Generated<number>;
  error_count: Generated<number>;
  warning_count: Generated<number>;
  problems_json: string | null;
  summary_json: string | null;
  created_by: number | null;
  started_at: string | null;
  finished_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type ImportJobRow = Selectable<ImportJobTable>;
export type NewImportJob = Insertable<ImportJobTable>;
