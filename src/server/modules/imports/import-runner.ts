/**
 * Runs import jobs in the background of this process, one at a time: validation reads the file in
 * chunks of CHUNK_ROWS rows, writing progress and problems to the job row after each chunk and
 * yielding to the event loop (setImmediate) so other requests are served between chunks; the
 * commit repeats the same pass inside ONE transaction and writes. See docs/decisions/0006-imports.md.
 */
import type { Actor } from '../../../domain/permissions';
import { headquartersClusterIds } from '../../../domain/permissions';
import { bindHeaders } from '../../../domain/import/headers';
import type { ImportKind } from '../../../domain/import/kinds';
import type { ImportProblem } from '../../../domain/import/problems';
import { problem } from '../../../domain/import/problems';
import { type ImportRecord, parseRow } from '../../../domain/import/rows';
import type { Db, ServiceContext } from '../../context';
import { audit } from '../audit/audit.service';
import { finishCommit } from './import-finalize';
import { failInterruptedJobs, findImportJob, updateImportJob } from './import-job.repo';
import type { ImportJobRow } from './import-job.table';
import { newPassState, type PassState } from './import-plan';
import { openRowSource } from './import-reader';
import { type ImportEncoding, type ImportFormat, importFilePath } from './import-storage';
import { firstProgrammeId, listClustersForImport } from './import.repo';
import { planBudgetLines } from './plan-budget-lines';
import { planOutcomeItems } from './plan-outcome-items';
import { planOutcomeValues } from './plan-outcome-values';
import { planTargets } from './plan-targets';
import type {
  BudgetLineRecord,
  OutcomeItemRecord,
  OutcomeValuesRecord,
  TargetRecord,
} from '../../../domain/import/rows';

/** Rows per chunk: short enough that one chunk's synchronous work (SQLite is synchronous) stays in milliseconds. */
export const CHUNK_ROWS = 500;
/** Problems kept on the job row; the counts cover all of them. */
export const MAX_KEPT_PROBLEMS = 1000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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

interface PassOptions {
  db: Db;
  job: ImportJobRow;
  dataDir: string;
  actor: Actor;
  apply: boolean;
  now: string;
  /** Called after each chunk (and yield); throw ImportCancelled to stop. */
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
  const state = newPassState({
    kind: job.kind as ImportKind,
    apply: options.apply,
    db,
    now: options.now,
    source: `import #${job.id}: ${job.file_name}`,
    createdBy: job.created_by,
    allowedClusters: importScope(options.actor),
    programmeId: await firstProgrammeId(db),
    clusters: await listClustersForImport(db),
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
    await yieldToEventLoop();
    await options.onChunk({
      rows: result.rows,
      fraction: source.bytesRead() / Math.max(1, Number(job.file_size)),
      result,
    });
  };
  for await (const fileRow of source.rows) {
    note(fileRow.problems);
    if (!binding) {
      if (fileRow.problems.length > 0) break;
      binding = bindHeaders(job.kind as ImportKind, fileRow.cells);
      note(
        binding.problems.map((p) => ({
          ...p,
          row: fileRow.row === 1 || p.row === null ? p.row : fileRow.row,
        })),
      );
      if (binding.problems.some((p) => p.severity === 'error')) break;
      continue;
    }
    if (fileRow.cells.length === 0) continue;
    result.rows += 1;
    const parsed = parseRow(binding, fileRow.row, fileRow.cells);
    note(parsed.problems);
    if (parsed.record && fileRow.problems.length === 0) chunk.push(parsed.record);
    if (chunk.length >= CHUNK_ROWS || (result.rows % CHUNK_ROWS === 0 && chunk.length > 0)) await flush();
    else if (result.rows % CHUNK_ROWS === 0) {
      await yieldToEventLoop();
      await options.onChunk({
        rows: result.rows,
        fraction: source.bytesRead() / Math.max(1, Number(job.file_size)),
        result,
      });
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

function summaryOf(result: PassResult) {
  return { rows: result.rows, tables: result.state.tables, reportsCreated: result.state.reportsCreated };
}

interface Live {
  cancel: boolean;
  /** 0–1 through the current phase; a commit's transaction hides its progress from the job row. */
  fraction?: number;
}

/** The in-process queue of import jobs of one app (one database). */
export class ImportRunner {
  private queue: Promise<void> = Promise.resolve();
  private live = new Map<number, Live>();
  private stopped = false;

  constructor(
    private readonly db: Db,
    readonly dataDir: string,
    readonly maxBytes: number,
  ) {}

  /** Fails jobs a previous process left running (their work ended with it). */
  async recover(): Promise<void> {
    await failInterruptedJobs(this.db, new Date().toISOString());
  }

  liveProgress(id: number): number | undefined {
    return this.live.get(id)?.fraction;
  }

  isRunning(id: number): boolean {
    return this.live.has(id);
  }

  /** Asks a running job to stop at its next chunk. */
  cancel(id: number): void {
    const live = this.live.get(id);
    if (live) live.cancel = true;
  }

  /** Waits until every queued job has finished (the CLI, tests, shutdown). */
  async idle(): Promise<void> {
    let last: Promise<void> | null = null;
    while (last !== this.queue) {
      last = this.queue;
      await last;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const live of this.live.values()) live.cancel = true;
    await this.idle();
  }

  private enqueue(id: number, work: (live: Live) => Promise<void>): void {
    const live: Live = { cancel: false };
    this.live.set(id, live);
    this.queue = this.queue
      .then(async () => {
        if (this.stopped) live.cancel = true;
        await work(live);
      })
      .catch(() => undefined)
      .finally(() => this.live.delete(id));
  }

  validate(jobId: number, actor: Actor): void {
    this.enqueue(jobId, (live) => this.runValidation(jobId, actor, live));
  }

  commit(ctx: ServiceContext, jobId: number): void {
    this.enqueue(jobId, (live) => this.runCommit(ctx, jobId, live));
  }

  private async runValidation(jobId: number, actor: Actor, live: Live): Promise<void> {
    const job = await findImportJob(this.db, jobId);
    if (!job || job.status !== 'queued') return;
    const started = new Date().toISOString();
    const claimed = await updateImportJob(
      this.db,
      jobId,
      { status: 'validating', started_at: started, updated_at: started },
      { statuses: ['queued'] },
    );
    if (!claimed) return;
    try {
      const result = await runPass({
        db: this.db,
        job,
        dataDir: this.dataDir,
        actor,
        apply: false,
        now: started,
        onChunk: async ({ rows, fraction, result }) => {
          if (live.cancel) throw new ImportCancelled();
          live.fraction = Math.min(1, fraction);
          await updateImportJob(this.db, jobId, {
            processed_rows: rows,
            error_count: result.errorCount,
            warning_count: result.warningCount,
            updated_at: new Date().toISOString(),
          });
        },
      });
      const finished = new Date().toISOString();
      await updateImportJob(
        this.db,
        jobId,
        {
          status: result.errorCount > 0 ? 'invalid' : 'validated',
          total_rows: result.rows,
          processed_rows: result.rows,
          error_count: result.errorCount,
          warning_count: result.warningCount,
          problems_json: JSON.stringify(result.problems),
          summary_json: JSON.stringify(summaryOf(result)),
          finished_at: finished,
          updated_at: finished,
        },
        { statuses: ['validating'] },
      );
    } catch (error) {
      await this.finishFailed(jobId, error, ['validating']);
    }
  }

  private async runCommit(ctx: ServiceContext, jobId: number, live: Live): Promise<void> {
    const job = await findImportJob(this.db, jobId);
    if (!job || job.status !== 'committing') return;
    const now = ctx.now().toISOString();
    let outcome: PassResult | null = null;
    try {
      // All or nothing: every row is written in this one transaction, or none is.
      await this.db.transaction().execute(async (trx) => {
        const result = await runPass({
          db: trx,
          job,
          dataDir: this.dataDir,
          actor: ctx.actor,
          apply: true,
          now,
          onChunk: ({ rows }) => {
            if (live.cancel) return Promise.reject(new ImportCancelled());
            live.fraction = Math.min(1, rows / Math.max(1, job.total_rows ?? rows));
            return Promise.resolve();
          },
        });
        if (result.errorCount > 0) {
          outcome = result;
          throw new Error('the file no longer passes validation');
        }
        await finishCommit(result.state);
        await audit(ctx, trx, {
          action: 'import.commit',
          entityType: 'import_job',
          entityId: jobId,
          after: { kind: job.kind, file: job.file_name, sha256: job.file_sha256, ...summaryOf(result) },
        });
        outcome = result;
      });
      const finished = new Date().toISOString();
      const result = outcome as PassResult | null;
      await updateImportJob(this.db, jobId, {
        status: 'committed',
        processed_rows: result?.rows ?? 0,
        summary_json: result ? JSON.stringify(summaryOf(result)) : job.summary_json,
        finished_at: finished,
        updated_at: finished,
      });
    } catch (error) {
      const result = outcome as PassResult | null;
      if (result && result.errorCount > 0 && !(error instanceof ImportCancelled)) {
        const finished = new Date().toISOString();
        await updateImportJob(this.db, jobId, {
          status: 'failed',
          error_count: result.errorCount,
          warning_count: result.warningCount,
          problems_json: JSON.stringify(result.problems),
          finished_at: finished,
          updated_at: finished,
        });
        return;
      }
      await this.finishFailed(jobId, error, ['committing']);
    }
  }

  private async finishFailed(jobId: number, error: unknown, from: string[]): Promise<void> {
    const finished = new Date().toISOString();
    const cancelled = error instanceof ImportCancelled;
    const message = error instanceof Error ? error.message : String(error);
    await updateImportJob(
      this.db,
      jobId,
      {
        status: cancelled ? 'cancelled' : 'failed',
        finished_at: finished,
        updated_at: finished,
        ...(cancelled
          ? {}
          : {
              error_count: 1,
              problems_json: JSON.stringify([
                problem(
                  'internal',
                  `取り込みに失敗しました: ${message}`,
                  `the import failed: ${message}`,
                  {},
                ),
              ]),
            }),
      },
      { statuses: from },
    ).catch(() => undefined);
  }
}
