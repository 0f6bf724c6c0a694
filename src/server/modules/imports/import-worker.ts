/**
 * The worker thread that does an import job's heavy work — the validation pass and the commit —
 * off the server's event loop, on its OWN database handle (SQLite: a second connection to the
 * same WAL file, so the server's readers go on while this one writes; PostgreSQL: a pool of its
 * own). ImportRunner starts it through import-worker.mjs, sends one job at a time and gets
 * progress and the outcome back by message. See docs/decisions/0006-imports.md.
 */
import { parentPort } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Actor } from '../../../domain/permissions';
import type { ImportProblem } from '../../../domain/import/problems';
import type { Db } from '../../context';
import { type DatabaseHandle, openDatabase } from '../../db/database';
import { audit } from '../audit/audit.service';
import { finishCommit } from './import-finalize';
import { updateImportJob } from './import-job.repo';
import type { ImportJobRow } from './import-job.table';
import { ImportCancelled, importScope, type PassResult, runPass, summaryOf } from './import-pass';
import { applyPlan, planPaths, PlanWriter, removePlan } from './import-plan-file';

export interface WorkerJob {
  phase: 'validate' | 'commit';
  job: ImportJobRow;
  actor: Actor;
  requestId: string | null;
  /** Timestamp of the rows the job writes. */
  now: string;
  dataDir: string;
  location: { databaseUrl: string | null; dataDir: string };
  /** An Int32Array's memory: [0] set to 1 asks the job to stop at its next chunk. */
  cancel: SharedArrayBuffer;
}

export interface PassOutcome {
  rows: number;
  errorCount: number;
  warningCount: number;
  problems: ImportProblem[];
  summary: ReturnType<typeof summaryOf>;
}

export type WorkerMessage =
  | { type: 'progress'; rows: number; fraction: number; errorCount: number; warningCount: number }
  /** validated: the preview ended (with or without errors); committed: written and the job row set in the same transaction; rejected: the file no longer passes, nothing written. */
  | { type: 'done'; outcome: 'validated' | 'committed' | 'rejected'; result: PassOutcome }
  | { type: 'failed'; cancelled: boolean; message: string };

/** How long the worker's connection waits for the server's write lock; only this thread waits. */
const WORKER_BUSY_TIMEOUT_MS = 30_000;

function outcomeOf(result: PassResult): PassOutcome {
  return {
    rows: result.rows,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    problems: result.problems,
    summary: summaryOf(result),
  };
}

/**
 * One write transaction. On SQLite it begins IMMEDIATE: the pass reads before it writes, and a
 * deferred transaction whose snapshot another connection wrote past cannot upgrade to a writer
 * (SQLITE_BUSY without waiting); taking the write lock first makes the server's writes wait
 * instead (see ImportRunner: they wait briefly, then get 503).
 */
async function writeTransaction<T>(handle: DatabaseHandle, work: (trx: Db) => Promise<T>): Promise<T> {
  if (handle.engine === 'postgres') return handle.db.transaction().execute(work);
  await sql`begin immediate`.execute(handle.db);
  try {
    const result = await work(handle.db);
    await sql`commit`.execute(handle.db);
    return result;
  } catch (error) {
    await sql`rollback`.execute(handle.db);
    throw error;
  }
}

class Rejected extends Error {
  constructor(readonly result: PassResult) {
    super('the file no longer passes validation');
  }
}

async function runJob(message: WorkerJob, post: (m: WorkerMessage) => void): Promise<void> {
  const { job, phase } = message;
  const cancel = new Int32Array(message.cancel);
  const handle = openDatabase(message.location, { poolMax: 2, busyTimeoutMs: WORKER_BUSY_TIMEOUT_MS });
  const paths = planPaths(message.dataDir, job.id, job.file_sha256);
  // Outcome-item imports (the ones of a million rows) keep the preview's rows for the commit.
  const plannable = job.kind === 'outcome-items' && job.mode === 'import';
  let plan: PlanWriter | null = null;
  const onChunk = ({ rows, fraction, result }: { rows: number; fraction: number; result: PassResult }) => {
    if (Atomics.load(cancel, 0) === 1) return Promise.reject(new ImportCancelled());
    post({
      type: 'progress',
      rows,
      fraction: Math.min(1, fraction),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
    });
    return Promise.resolve();
  };
  try {
    const pass = (db: Db) =>
      runPass({
        db,
        sqlite: handle.sqlite,
        job,
        dataDir: message.dataDir,
        actor: message.actor,
        apply: phase === 'commit',
        now: message.now,
        plan,
        onChunk,
      });
    if (phase === 'validate') {
      if (plannable) plan = new PlanWriter(paths);
      const result = await pass(handle.db);
      if (plan && result.errorCount === 0) plan.finish(job, importScope(message.actor), result);
      else plan?.discard();
      plan = null;
      post({ type: 'done', outcome: 'validated', result: outcomeOf(result) });
      return;
    }
    // All or nothing: every row, the derived values, the audit entry and the job's own status
    // are written in this one transaction, or none is.
    const result = await writeTransaction(handle, async (trx) => {
      // The preview's plan when nothing it rested on has moved; otherwise every row again.
      const planned = plannable
        ? await applyPlan({
            db: trx,
            sqlite: handle.sqlite,
            job,
            dataDir: message.dataDir,
            scope: importScope(message.actor),
            now: message.now,
            onChunk,
          })
        : null;
      const result = planned ?? (await pass(trx));
      if (result.errorCount > 0) throw new Rejected(result);
      await finishCommit(result.state);
      if (Atomics.load(cancel, 0) === 1) throw new ImportCancelled();
      const ctx = { db: trx, actor: message.actor, requestId: message.requestId, now: () => new Date() };
      await audit(ctx, trx, {
        action: 'import.commit',
        entityType: 'import_job',
        entityId: job.id,
        after: { kind: job.kind, file: job.file_name, sha256: job.file_sha256, ...summaryOf(result) },
      });
      const finished = new Date().toISOString();
      const marked = await updateImportJob(
        trx,
        job.id,
        {
          status: 'committed',
          processed_rows: result.rows,
          summary_json: JSON.stringify(summaryOf(result)),
          finished_at: finished,
          updated_at: finished,
        },
        { statuses: ['committing'] },
      );
      if (!marked) throw new Error('the job is no longer committing');
      // Gone before the transaction makes 'committed' visible: a reader never sees both.
      removePlan(paths);
      return result;
    });
    post({ type: 'done', outcome: 'committed', result: outcomeOf(result) });
  } catch (error) {
    // The main thread records a failure only when it hears of it: clear the plan first.
    if (phase === 'commit') removePlan(paths);
    if (error instanceof Rejected) {
      post({ type: 'done', outcome: 'rejected', result: outcomeOf(error.result) });
      return;
    }
    post({
      type: 'failed',
      cancelled: error instanceof ImportCancelled,
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    plan?.discard();
    // A plan serves one commit: whatever its outcome, a later attempt needs a new preview.
    if (phase === 'commit') removePlan(paths);
    await handle.close();
  }
}

// One job at a time: the runner sends the next only after this one's last message.
if (parentPort) {
  const port = parentPort;
  port.on('message', (message: WorkerJob) => {
    void runJob(message, (m) => port.postMessage(m));
  });
}
