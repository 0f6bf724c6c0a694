/** Import jobs: upload → background validation (the preview) → commit all-or-nothing, or cancel. */
import type { Readable } from 'node:stream';
import type { ImportJob, ImportJobDetail } from '../../../contracts/imports';
import type { Page } from '../../../contracts/common';
import { type ImportKind, isImportKind } from '../../../domain/import/kinds';
import { AppError, notFound, versionConflict } from '../../http/app-error';
import type { ServiceContext } from '../../context';
import { actorAccountId, requirePermission } from '../auth/authorize';
import {
  accountEmail,
  findImportJob,
  insertImportJob,
  listImportJobs,
  updateImportJob,
} from './import-job.repo';
import type { ImportJobRow } from './import-job.table';
import { importScope, type ImportRunner } from './import-runner';
import { storeImportFile } from './import-storage';
import { toImportJob, toImportJobDetail } from './import.presenter';
import { planPaths, removePlan } from './import-plan-file';

/** Who may start an import of this kind: import:run, and for the ministry's ledger budget:edit too. */
export function assertMayImport(ctx: ServiceContext, kind?: ImportKind): void {
  requirePermission(ctx.actor, 'import:run');
  if (kind === 'budget-lines') requirePermission(ctx.actor, 'budget:edit');
}

export interface UploadInput {
  kind: string | undefined;
  fileName: string;
  stream: Readable;
  isTruncated: () => boolean;
  mode?: 'import' | 'dry-run';
}

/** Stores the file and queues its validation; answers at once with the queued job. */
export async function createImport(
  ctx: ServiceContext,
  runner: ImportRunner,
  input: UploadInput,
): Promise<ImportJob> {
  assertMayImport(ctx);
  if (!isImportKind(input.kind))
    throw new AppError(
      'VALIDATION_FAILED',
      'kind must be outcome-values, outcome-items, targets or budget-lines',
      {
        errors: [
          { field: 'body.kind', message: 'one of outcome-values, outcome-items, targets, budget-lines' },
        ],
      },
    );
  assertMayImport(ctx, input.kind);
  // The worker thread loads its modules (~0.5 s) while the upload streams to disk.
  runner.prepare();
  const stored = await storeImportFile(
    runner.dataDir,
    input.fileName,
    input.stream,
    input.isTruncated,
    runner.maxBytes,
  );
  const now = ctx.now().toISOString();
  const row = await insertImportJob(ctx.db, {
    kind: input.kind,
    status: 'queued',
    mode: input.mode ?? 'import',
    file_name: input.fileName.slice(0, 255),
    file_size: stored.size,
    file_sha256: stored.sha256,
    format: stored.format,
    encoding: stored.encoding,
    total_rows: null,
    problems_json: null,
    summary_json: null,
    created_by: actorAccountId(ctx.actor),
    started_at: null,
    finished_at: null,
    created_at: now,
    updated_at: now,
  });
  runner.validate(row.id, ctx.actor);
  return toImportJob(row, ctx.actor.kind === 'account' ? ctx.actor.email : null, undefined);
}

/** A job its creator or an officer may see; anyone else is told it does not exist. */
async function visibleJob(ctx: ServiceContext, id: number): Promise<ImportJobRow> {
  requirePermission(ctx.actor, 'import:run');
  const row = await findImportJob(ctx.db, id);
  if (!row || (importScope(ctx.actor) !== null && row.created_by !== actorAccountId(ctx.actor)))
    throw notFound('import', id);
  return row;
}

export async function getImport(
  ctx: ServiceContext,
  runner: ImportRunner,
  id: number,
  page: { limit: number; offset: number },
): Promise<ImportJobDetail> {
  const row = await visibleJob(ctx, id);
  return toImportJobDetail(row, await accountEmail(ctx.db, row.created_by), runner.liveProgress(id), page);
}

/** Own jobs, newest first; officers and administrators see everyone's. */
export async function listImports(
  ctx: ServiceContext,
  runner: ImportRunner,
  query: { kind?: ImportKind | undefined; limit: number; offset: number },
): Promise<Page<ImportJob>> {
  requirePermission(ctx.actor, 'import:run');
  const own =
    ctx.actor.kind === 'account' && importScope(ctx.actor) !== null ? ctx.actor.accountId : undefined;
  const { rows, total } = await listImportJobs(
    ctx.db,
    { createdBy: own, kind: query.kind },
    { limit: query.limit, offset: query.offset },
  );
  return {
    items: rows.map((r) => toImportJob(r, r.created_by_email, runner.liveProgress(r.id))),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}

/** Starts the commit of a job validated without errors; the writing runs in the background. */
export async function commitImport(
  ctx: ServiceContext,
  runner: ImportRunner,
  id: number,
  version: number,
): Promise<ImportJob> {
  const row = await visibleJob(ctx, id);
  assertMayImport(ctx, row.kind as ImportKind);
  if (row.version !== version) throw versionConflict('import', id, row.version);
  if (row.mode !== 'import')
    throw new AppError('RULE_VIOLATION', 'a dry run is never committed; upload the file again to import it');
  if (row.status !== 'validated' || row.error_count > 0)
    throw new AppError(
      'RULE_VIOLATION',
      row.status === 'invalid'
        ? `the file has ${row.error_count} problem(s); fix them and upload it again`
        : `the import is ${row.status}; only a validated import can be committed`,
      { errors: [{ field: 'status', message: `is ${row.status}` }] },
    );
  const now = ctx.now().toISOString();
  const updated = await updateImportJob(
    ctx.db,
    id,
    { status: 'committing', processed_rows: 0, started_at: now, finished_at: null, updated_at: now },
    { version, statuses: ['validated'] },
  );
  if (!updated) throw versionConflict('import', id, row.version + 1);
  runner.commit(ctx, id);
  return toImportJob(updated, await accountEmail(ctx.db, updated.created_by), 0);
}

/** Stops a job: a waiting one at once, a running one at its next chunk (a commit then writes nothing). */
export async function cancelImport(
  ctx: ServiceContext,
  runner: ImportRunner,
  id: number,
): Promise<ImportJob> {
  const row = await visibleJob(ctx, id);
  if (['committed', 'failed', 'cancelled'].includes(row.status))
    throw new AppError('RULE_VIOLATION', `the import is already ${row.status}`, {
      errors: [{ field: 'status', message: `is ${row.status}` }],
    });
  const now = ctx.now().toISOString();
  if (runner.isRunning(id) && ['validating', 'committing'].includes(row.status)) {
    runner.cancel(id);
    return toImportJob(row, await accountEmail(ctx.db, row.created_by), runner.liveProgress(id));
  }
  const updated = await updateImportJob(
    ctx.db,
    id,
    { status: 'cancelled', finished_at: now, updated_at: now },
    { statuses: ['queued', 'validated', 'invalid'] },
  );
  if (!updated) throw versionConflict('import', id, row.version + 1);
  // A validated job's plan (import-plan-file.ts) will never be committed now.
  removePlan(planPaths(runner.dataDir, id, row.file_sha256));
  return toImportJob(updated, await accountEmail(ctx.db, updated.created_by), undefined);
}

/** Waits for the job's background work to finish and returns it (the CLI). */
export async function waitForImport(
  ctx: ServiceContext,
  runner: ImportRunner,
  id: number,
): Promise<ImportJobDetail> {
  await runner.idle();
  return getImport(ctx, runner, id, { limit: 1000, offset: 0 });
}
