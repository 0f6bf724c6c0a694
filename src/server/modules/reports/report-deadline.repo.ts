/** Reporting deadlines per fiscal year, and the clusters expected to report in a year. */
import type { Db } from '../../context';
import type { ClusterRow } from '../clusters/cluster.table';
import type { ReportDeadlineRow } from './report.table';

export async function listDeadlines(db: Db, programmeId: number): Promise<ReportDeadlineRow[]> {
  return db
    .selectFrom('report_deadlines')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('fiscal_year', 'desc')
    .execute();
}

export async function findDeadline(
  db: Db,
  programmeId: number,
  fiscalYear: number,
): Promise<ReportDeadlineRow | undefined> {
  return db
    .selectFrom('report_deadlines')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
}

export async function insertDeadline(
  db: Db,
  row: { programme_id: number; fiscal_year: number; due_on: string; note: string | null; at: string },
): Promise<ReportDeadlineRow> {
  return db
    .insertInto('report_deadlines')
    .values({
      programme_id: row.programme_id,
      fiscal_year: row.fiscal_year,
      due_on: row.due_on,
      note: row.note,
      created_at: row.at,
      updated_at: row.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateDeadlineAtVersion(
  db: Db,
  id: number,
  version: number,
  changes: { due_on: string; note: string | null; updated_at: string },
): Promise<ReportDeadlineRow | undefined> {
  return db
    .updateTable('report_deadlines')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Clusters funded in the fiscal year and not withdrawn, published or not (officers chase them all). */
export async function listClustersActiveIn(db: Db, fy: number): Promise<ClusterRow[]> {
  return db
    .selectFrom('clusters')
    .selectAll()
    .where('start_fy', '<=', fy)
    .where('end_fy', '>=', fy)
    .where('status', '!=', 'withdrawn')
    .orderBy('start_fy')
    .orderBy('key')
    .execute();
}

export async function listClustersByIds(db: Db, ids: number[]): Promise<ClusterRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('clusters').selectAll().where('id', 'in', ids).orderBy('key').execute();
}
