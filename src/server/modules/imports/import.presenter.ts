/** Import job rows → responses. */
import type { ImportJob, ImportJobDetail, ImportSummary } from '../../../contracts/imports';
import type { ImportProblem } from '../../../domain/import/problems';
import type { ImportJobRow } from './import-job.table';

const DONE = new Set(['validated', 'invalid', 'committed', 'failed', 'cancelled']);

function progressOf(row: ImportJobRow, live: number | undefined): number {
  if (DONE.has(row.status)) return 1;
  if (row.status === 'queued') return 0;
  // The file is read ahead of the rows checked: a running job never shows as finished.
  return Math.min(0.99, live ?? 0);
}

export function toImportJob(row: ImportJobRow, createdBy: string | null, live?: number): ImportJob {
  return {
    id: row.id,
    kind: row.kind as ImportJob['kind'],
    status: row.status as ImportJob['status'],
    mode: row.mode as ImportJob['mode'],
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    fileSha256: row.file_sha256,
    format: row.format as ImportJob['format'],
    encoding: row.encoding,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    progress: progressOf(row, live),
    errorCount: row.error_count,
    warningCount: row.warning_count,
    summary: row.summary_json ? (JSON.parse(row.summary_json) as ImportSummary) : null,
    createdBy,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toImportJobDetail(
  row: ImportJobRow,
  createdBy: string | null,
  live: number | undefined,
  page: { limit: number; offset: number },
): ImportJobDetail {
  const problems = row.problems_json ? (JSON.parse(row.problems_json) as ImportProblem[]) : [];
  return {
    ...toImportJob(row, createdBy, live),
    problems: problems.slice(page.offset, page.offset + page.limit),
    problemsTotal: problems.length,
    problemsTruncated: row.error_count + row.warning_count > problems.length,
  };
}
