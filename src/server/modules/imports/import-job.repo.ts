/** The import_jobs table: a job's row is where its progress, problems and summary live. */
import type { Updateable } from 'kysely';
import type { Db } from '../../context';
import type { ImportJobRow, ImportJobTable, NewImportJob } from './import-job.table';

export async function insertImportJob(db: Db, job: NewImportJob): Promise<ImportJobRow> {
  return db.insertInto('import_jobs').values(job).returningAll().executeTakeFirstOrThrow();
}

export async function findImportJob(db: Db, id: number): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ImportJobListRow extends ImportJobRow {
  created_by_email: string | null;
}

/** Jobs newest first; `createdBy` limits to one account's own jobs. */
export async function listImportJobs(
  db: Db,
  filter: { createdBy?: number | undefined; kind?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: ImportJobListRow[]; total: number }> {
  let query = db.selectFrom('import_jobs as j').leftJoin('accounts as a', 'a.id', 'j.created_by');
  if (filter.createdBy !== undefined) query = query.where('j.created_by', '=', filter.createdBy);
  if (filter.kind) query = query.where('j.kind', '=', filter.kind);
  const [rows, count] = await Promise.all([
    query
      .selectAll('j')
      .select('a.email as created_by_email')
      .orderBy('j.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function accountEmail(db: Db, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db.selectFrom('accounts').select('email').where('id', '=', id).executeTakeFirst();
  return row?.email ?? null;
}

/** Writes progress or an outcome; bumps the version so a client's commit names the state it saw. */
export async function updateImportJob(
  db: Db,
  id: number,
  patch: Omit<Updateable<ImportJobTable>, 'id' | 'version'>,
  expect: { version?: number; statuses?: string[] } = {},
): Promise<ImportJobRow | undefined> {
  let query = db
    .updateTable('import_jobs')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expect.version !== undefined) query = query.where('version', '=', expect.version);
  if (expect.statuses) query = query.where('status', 'in', expect.statuses);
  return query.returningAll().executeTakeFirst();
}

/** Jobs a stopped process left half-done are failed on start: their work died with it. */
export async function failInterruptedJobs(db: Db, now: string): Promise<number> {
  const rows = await db
    .updateTable('import_jobs')
    .set((eb) => ({ status: 'failed', finished_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('status', 'in', ['queued', 'validating', 'committing'])
    .returning('id')
    .execute();
  return rows.length;
}
