/**
 * One pass over an import file, the work a job's worker thread does (import-worker.ts): reads the
 * file in chunks of CHUNK_ROWS rows, parses and plans each chunk against the database, and with
 * apply writes it. The same pass validates (the preview) and, inside the commit's one transaction,
 * writes, so a commit cannot write anything the preview did not check.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { Actor } from '../../../domain/permissions';
import { headquartersClusterIds } from '../../../domain/permissions';
import { bindHeaders } from '../../../domain/import/headers';
import type { ImportKind } from '../../../domain/import/kinds';
import type { ImportProblem } from '../../../domain/import/problems';
import { problem } from '../../../domain/import/problems';
import {
  type BudgetLineRecord,
  type ImportRecord,
  type OutcomeItemRecord,
  type OutcomeValuesRecord,
  parseRow,
  type TargetRecord,
} from '../../../domain/import/rows';
import type { Db } from '../../context';
import type { ImportJobRow } from './import-job.table';
import { newPassState, type PassState } from './import-plan';
import { clustersFingerprint, type PlanWriter } from './import-plan-file';
import { openRowSource } from './import-reader';
import { type ImportEncoding, type ImportFormat, importFilePath } from './import-storage';
import { firstProgrammeId, listClustersForImport } from './import.repo';
import { planBudgetLines } from './plan-budget-lines';
import { planOutcomeItems } from './plan-outcome-items';
import { planOutcomeValues } from './plan-outcome-values';
import { planTargets } from './plan-targets';

/** Rows per chunk: one batch of lookups, one progress message and one cancellation check each. */
export const CHUNK_ROWS = 500;
/** Problems kept on the job row; the counts cover all of them. */
export const MAX_KEPT_PROBLEMS = 1000;

export class ImportCancelled extends Error {}

/** Whether the actor imports for every cluster (officers, the system) or only its headquarters' clusters. */
export function importScope(actor: Actor): ReadonlySet<number> | null {
  if (actor.kind !== 'account') return null;
  if (actor.grants.some((g) => g.role === 'administrator' || g.role === 'programme_officer')) return null;
  return new Set(headquartersClusterIds(actor));
}

async function planChunk(state: PassState, records: ImportRecord[]): Promise<ImportProblem[]> {
  switch (state.kind) {
    case 'outcome-values':
      return planOutcomeValues(state, records as OutcomeValuesRecord[]);
    case 'outcome-items':
      return planOutcomeItems(state, records as OutcomeItemRecord[]);
    case 'targets':
      return planTargets(state, records as TargetRecord[]);
    case 'budget-lines':
      return planBudgetLines(state, records as BudgetLineRecord[]);
  }
}

export interface PassResult {
  rows: number;
  errorCount: number;
  warningCount: number;
  problems: ImportProblem[];
  state: PassState;
}

export interface PassOptions {
  db: Db;
  /** The raw connection behind `db` on SQLite, else null. */
  sqlite: SqliteDatabase.Database | null;
  job: ImportJobRow;
  dataDir: string;
  actor: Actor;
  apply: boolean;
  now: string;
  /** Where a validation pass keeps the rows it would write, for the commit (outcome items). */
  plan?: PlanWriter | null;
  /** Called after each chunk; throw ImportCancelled to stop. */
  onChunk: (progress: { rows: number; fraction: number; result: PassResult }) => Promise<void>;
}

/** Reads the whole file once, planning (and with apply, writing) chunk by chunk. */
export async function runPass(options: PassOptions): Promise<PassResult> {
  const { job, db } = options;
  const source = openRowSource({
    path: importFilePath(options.dataDir, job.file_sha256),
    format: job.format as ImportFormat,
    encoding: job.encoding as ImportEncoding | null,
    kind: job.kind as ImportKind,
  });
  const clusters = await listClustersForImport(db);
  const state = newPassState({
    kind: job.kind as ImportKind,
    apply: options.apply,
    db,
    sqlite: options.sqlite,
    now: options.now,
    source: `import #${job.id}: ${job.file_name}`,
    createdBy: job.created_by,
    allowedClusters: importScope(options.actor),
    programmeId: await firstProgrammeId(db),
    clusters,
    plan: options.plan ?? null,
    clustersFingerprint: options.plan ? clustersFingerprint(clusters) : null,
  });
  const result: PassResult = { rows: 0, errorCount: 0, warningCount: 0, problems: [], state };
  const note = (found: ImportProblem[]) => {
    for (const p of found) {
      if (p.severity === 'error') result.errorCount += 1;
      else result.warningCount += 1;
      if (result.problems.length < MAX_KEPT_PROBLEMS) result.problems.push(p);
    }
  };
  let binding: ReturnType<typeof bindHeaders> | null = null;
  let chunk: ImportRecord[] = [];
  const flush = async () => {
    note(await planChunk(state, chunk));
    chunk = [];
    await options.onChunk({
      rows: result.rows,
      fraction: source.bytesRead() / Math.max(1, Number(job.file_size)),
      result,
    });
  };
  reading: for await (const batch of source.rows) {
    for (const fileRow of batch) {
      note(fileRow.problems);
      if (!binding) {
        if (fileRow.problems.length > 0) break reading;
        binding = bindHeaders(job.kind as ImportKind, fileRow.cells);
        note(
          binding.problems.map((p) => ({
            ...p,
            row: fileRow.row === 1 || p.row === null ? p.row : fileRow.row,
          })),
        );
        if (binding.problems.some((p) => p.severity === 'error')) break reading;
        continue;
      }
      if (fileRow.cells.length === 0) continue;
      result.rows += 1;
      const parsed = parseRow(binding, fileRow.row, fileRow.cells);
      note(parsed.problems);
      if (parsed.record && fileRow.problems.length === 0) chunk.push(parsed.record);
      if (chunk.length >= CHUNK_ROWS || (result.rows % CHUNK_ROWS === 0 && chunk.length > 0)) await flush();
      else if (result.rows % CHUNK_ROWS === 0) {
        await options.onChunk({
          rows: result.rows,
          fraction: source.bytesRead() / Math.max(1, Number(job.file_size)),
          result,
        });
      }
    }
  }
  if (chunk.length > 0) await flush();
  if (binding === null && result.errorCount === 0)
    note([problem('no_header', 'ファイルに見出し行がありません', 'the file has no header row', {})]);
  note(await source.trailingProblems());
  if (binding && result.rows === 0 && result.errorCount === 0)
    note([problem('no_rows', 'データ行がありません', 'the file has no data rows', { row: 2 })]);
  result.problems.sort(byPlace);
  return result;
}

/** File order: by row, then column (A < B < … < Z < AA), whole-file problems first. */
function byPlace(a: ImportProblem, b: ImportProblem): number {
  const row = (a.row ?? 0) - (b.row ?? 0);
  if (row !== 0) return row;
  const ca = a.column ?? '';
  const cb = b.column ?? '';
  return ca.length - cb.length || (ca < cb ? -1 : ca > cb ? 1 : 0);
}

export function summaryOf(result: PassResult) {
  return { rows: result.rows, tables: result.state.tables, reportsCreated: result.state.reportsCreated };
}
