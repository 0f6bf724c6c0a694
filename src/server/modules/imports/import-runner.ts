/**
 * The queue of import jobs of one app, one job at a time. The heavy work — the validation pass and
 * the commit's one transaction — runs in a worker thread (import-worker.ts) on its own database
 * handle, so the server's event loop and its database connection stay free for other requests.
 * This side claims jobs, writes validation progress and outcomes to the job row, keeps a commit's
 * progress in memory (its open transaction hides job-row updates), and passes cancellation to the
 * worker through shared memory. See docs/decisions/0006-imports.md.
 */
import { Worker } from 'node:worker_threads';
import type { Actor } from '../../../domain/permissions';
import { problem } from '../../../domain/import/problems';
import type { Db, ServiceContext } from '../../context';
import type { DatabaseHandle } from '../../db/database';
import { failInterruptedJobs, findImportJob, updateImportJob } from './import-job.repo';
import type { ImportJobRow } from './import-job.table';
import type { WorkerJob, WorkerMessage } from './import-worker';

export { CHUNK_ROWS, ImportCancelled, importScope, MAX_KEPT_PROBLEMS } from './import-pass';

/**
 * How long the server's own SQLite connection waits for the write lock while a worker commits:
 * better-sqlite3 waits synchronously, so a long wait would stall every request; after this a
 * write is answered 503 with Retry-After (problem.ts) instead.
 */
export const SERVER_BUSY_WAIT_MS = 200;

/** The worker's entry: a .mjs that registers tsx, then loads import-worker.ts. */
const WORKER_BOOTSTRAP = new URL('../../../../bin/import-worker.mjs', import.meta.url);

type Final = Exclude<WorkerMessage, { type: 'progress' }>;
type Progress = Extract<WorkerMessage, { type: 'progress' }>;

class WorkerStopped extends Error {}

interface Live {
  /** [0] = 1 asks the worker to stop at its next chunk (the worker reads it between chunks). */
  cancel: Int32Array;
  /** 0–1 through the current phase; a commit's transaction hides its progress from the job row. */
  fraction?: number;
}

/** Writes the newest progress to the job row, one write at a time, dropping the ones overtaken meanwhile. */
class ProgressWriter {
  private pending: Progress | null = null;
  private writing: Promise<void> | null = null;

  constructor(private readonly write: (p: Progress) => Promise<unknown>) {}

  push(progress: Progress): void {
    this.pending = progress;
    this.next();
  }

  private next(): void {
    if (this.writing || !this.pending) return;
    const progress = this.pending;
    this.pending = null;
    this.writing = this.write(progress)
      .catch(() => undefined)
      .then(() => {
        this.writing = null;
        this.next();
      });
  }

  /** Waits for the write in flight; progress still pending is dropped (the outcome follows). */
  async drain(): Promise<void> {
    this.pending = null;
    while (this.writing) await this.writing;
  }
}

/** The in-process queue of import jobs of one app (one database). */
export class ImportRunner {
  private queue: Promise<void> = Promise.resolve();
  private live = new Map<number, Live>();
  private stopped = false;
  private worker: Worker | null = null;
  private readonly db: Db;

  constructor(
    private readonly database: DatabaseHandle,
    readonly dataDir: string,
    readonly maxBytes: number,
  ) {
    this.db = database.db;
  }

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
    if (live) Atomics.store(live.cancel, 0, 1);
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
    for (const live of this.live.values()) Atomics.store(live.cancel, 0, 1);
    await this.idle();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private enqueue(id: number, work: (live: Live) => Promise<void>): void {
    const live: Live = { cancel: new Int32Array(new SharedArrayBuffer(4)) };
    this.live.set(id, live);
    this.queue = this.queue
      .then(async () => {
        if (this.stopped) Atomics.store(live.cancel, 0, 1);
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

  /** Starts the worker thread ahead of the job that will need it (an upload has begun). */
  prepare(): void {
    if (!this.stopped) this.workerThread();
  }

  /** The worker thread, started on first use and kept for the next job; unref'd while idle. */
  private workerThread(): Worker {
    if (!this.worker) {
      const worker = new Worker(WORKER_BOOTSTRAP);
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = null;
      });
      // An idle worker must not keep the process alive; errors reach the job in flight.
      worker.on('error', () => undefined);
      worker.unref();
      this.worker = worker;
    }
    return this.worker;
  }

  /** Sends one job to the worker; resolves with its outcome, passing progress on meanwhile. */
  private inWorker(
    job: ImportJobRow,
    phase: WorkerJob['phase'],
    actor: Actor,
    context: { requestId: string | null; now: string },
    live: Live,
    onProgress: (p: Progress) => void,
  ): Promise<Final> {
    const worker = this.workerThread();
    return new Promise<Final>((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'progress') return onProgress(message);
        done();
        resolve(message);
      };
      const onError = (error: unknown) => {
        done();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const onExit = (code: number) => {
        done();
        reject(new WorkerStopped(`the import worker stopped (exit code ${code})`));
      };
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      const message: WorkerJob = {
        phase,
        job,
        actor,
        requestId: context.requestId,
        now: context.now,
        dataDir: this.dataDir,
        location: this.database.location,
        cancel: live.cancel.buffer as SharedArrayBuffer,
      };
      worker.postMessage(message);
    });
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
    const progress = new ProgressWriter((p) =>
      updateImportJob(
        this.db,
        jobId,
        {
          processed_rows: p.rows,
          error_count: p.errorCount,
          warning_count: p.warningCount,
          updated_at: new Date().toISOString(),
        },
        { statuses: ['validating'] },
      ),
    );
    try {
      const final = await this.inWorker(
        job,
        'validate',
        actor,
        { requestId: null, now: started },
        live,
        (p) => {
          live.fraction = p.fraction;
          progress.push(p);
        },
      );
      await progress.drain();
      if (final.type === 'failed') {
        await this.finishFailed(jobId, final, ['validating']);
        return;
      }
      const result = final.result;
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
          summary_json: JSON.stringify(result.summary),
          finished_at: finished,
          updated_at: finished,
        },
        { statuses: ['validating'] },
      );
    } catch (error) {
      await progress.drain();
      await this.finishFailed(jobId, failureOf(error), ['validating']);
    }
  }

  private async runCommit(ctx: ServiceContext, jobId: number, live: Live): Promise<void> {
    const job = await findImportJob(this.db, jobId);
    if (!job || job.status !== 'committing') return;
    // While the worker holds SQLite's write lock, this connection's writes wait only briefly.
    const sqlite = this.database.sqlite;
    const busyTimeout = sqlite ? (sqlite.pragma('busy_timeout', { simple: true }) as number) : 0;
    sqlite?.pragma(`busy_timeout = ${SERVER_BUSY_WAIT_MS}`);
    let final: Final;
    try {
      final = await this.inWorker(
        job,
        'commit',
        ctx.actor,
        { requestId: ctx.requestId, now: ctx.now().toISOString() },
        live,
        ({ rows }) => {
          live.fraction = Math.min(1, rows / Math.max(1, job.total_rows ?? rows));
        },
      );
    } catch (error) {
      final = failureOf(error);
    } finally {
      sqlite?.pragma(`busy_timeout = ${busyTimeout}`);
    }
    if (final.type === 'failed') return this.finishFailed(jobId, final, ['committing']);
    if (final.outcome === 'committed') return; // the worker set the job row in its transaction
    // The state moved since the preview (a report accepted meanwhile): nothing was written.
    const finished = new Date().toISOString();
    await updateImportJob(
      this.db,
      jobId,
      {
        status: 'failed',
        error_count: final.result.errorCount,
        warning_count: final.result.warningCount,
        problems_json: JSON.stringify(final.result.problems),
        finished_at: finished,
        updated_at: finished,
      },
      { statuses: ['committing'] },
    ).catch(() => undefined);
  }

  private async finishFailed(
    jobId: number,
    failure: Extract<Final, { type: 'failed' }>,
    from: string[],
  ): Promise<void> {
    const finished = new Date().toISOString();
    const { cancelled, message } = failure;
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

function failureOf(error: unknown): Extract<Final, { type: 'failed' }> {
  return {
    type: 'failed',
    // stop() waits for the job before it ends the worker, so a stopped worker crashed: a failure.
    cancelled: false,
    message: error instanceof Error ? error.message : String(error),
  };
}
