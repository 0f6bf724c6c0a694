/** Interviews of a round's clusters: Kysely only, portable across SQLite and PostgreSQL. */
import type { Insertable } from 'kysely';
import type { Db } from '../../context';
import type { InterviewRow, InterviewTable } from './evaluation.table';

export interface InterviewWithCluster extends InterviewRow {
  cluster_key: string;
  cluster_name_ja: string;
  cluster_name_en: string;
}

function withCluster(db: Db) {
  return db
    .selectFrom('interviews')
    .innerJoin('clusters', 'clusters.id', 'interviews.cluster_id')
    .selectAll('interviews')
    .select([
      'clusters.key as cluster_key',
      'clusters.name_ja as cluster_name_ja',
      'clusters.name_en as cluster_name_en',
    ]);
}

/** The round's interviews (of these clusters, or all), soonest first. */
export async function listInterviewRows(
  db: Db,
  roundId: number,
  clusterIds: number[] | true,
): Promise<InterviewWithCluster[]> {
  if (clusterIds !== true && clusterIds.length === 0) return [];
  let query = withCluster(db).where('interviews.round_id', '=', roundId);
  if (clusterIds !== true) query = query.where('interviews.cluster_id', 'in', clusterIds);
  return query.orderBy('interviews.held_at').orderBy('interviews.id').execute();
}

export async function findInterviewRow(
  db: Db,
  roundId: number,
  id: number,
): Promise<InterviewWithCluster | undefined> {
  return withCluster(db)
    .where('interviews.round_id', '=', roundId)
    .where('interviews.id', '=', id)
    .executeTakeFirst();
}

export async function insertInterviewRow(db: Db, row: Insertable<InterviewTable>): Promise<InterviewRow> {
  return db.insertInto('interviews').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateInterviewAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<InterviewRow, 'id' | 'version'>>,
): Promise<InterviewRow | undefined> {
  return db
    .updateTable('interviews')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes only at the expected version; false means someone else changed it first. */
export async function deleteInterviewAtVersion(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('interviews')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
