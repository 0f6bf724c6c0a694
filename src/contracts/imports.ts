/** Import jobs: upload a CSV/XLSX file, read the preview (problems, summary), commit all-or-nothing. */
import { z } from 'zod';
import { IMPORT_KINDS } from '../domain/import/kinds';
import { IdParam, LocalizedText, PageQuery, pageOf, Version } from './common';

export const ImportKindSchema = z.enum(IMPORT_KINDS);

export const IMPORT_STATUSES = [
  'queued',
  'validating',
  'validated',
  'invalid',
  'committing',
  'committed',
  'failed',
  'cancelled',
] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  message: LocalizedText,
});
export type ImportProblemResponse = z.infer<typeof ImportProblemSchema>;

/** Rows to insert, update or leave unchanged per table the import writes. */
export const ImportTableCounts = z.object({
  insert: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
});
export const ImportSummary = z.object({
  rows: z.number().int(),
  tables: z.record(z.string(), ImportTableCounts),
  /** Draft reports the import creates (outcome values and items for a cluster and year without a report). */
  reportsCreated: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportJob = z.object({
  id: z.number().int(),
  kind: ImportKindSchema,
  status: ImportStatus,
  mode: z.enum(['import', 'dry-run']),
  fileName: z.string(),
  fileSize: z.number().int(),
  fileSha256: z.string(),
  format: z.enum(['csv', 'xlsx']).nullable(),
  encoding: z.string().nullable(),
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  /** 0–1 of the current phase (reading the file while validating, rows written while committing). */
  progress: z.number(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  summary: ImportSummary.nullable(),
  createdBy: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** A job with a page of its problems (the first 1,000 are kept). */
export const ImportJobDetail = ImportJob.extend({
  problems: z.array(ImportProblemSchema),
  problemsTotal: z.number().int(),
  problemsTruncated: z.boolean(),
});
export type ImportJobDetail = z.infer<typeof ImportJobDetail>;

export const ImportJobQuery = z
  .object({
    problemsLimit: z.coerce.number().int().min(1).max(1000).default(200),
    problemsOffset: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .strict();

export const ImportListQuery = PageQuery.extend({ kind: ImportKindSchema.optional() }).strict();
export const ImportJobPage = pageOf(ImportJob);

export const ImportIdParam = IdParam;
export const ImportKindParam = z.strictObject({ kind: ImportKindSchema });
export const CommitImportBody = z.strictObject({ version: Version });
