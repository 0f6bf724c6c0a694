/** Industrial Cluster committees and their meetings: Kysely only. */
import type { Insertable } from 'kysely';
import type { Db } from '../../context';
import type { Database } from '../../db/schema';
import type { IndustrialClusterCommitteeRow, IndustrialClusterMeetingRow } from './industrial-cluster.table';

export interface CommitteeWithProject extends IndustrialClusterCommitteeRow {
  project_key: string | null;
  project_name_ja: string | null;
  project_name_en: string | null;
  project_is_published: number | null;
  meeting_count: number;
}

function committees(db: Db) {
  return db
    .selectFrom('industrial_cluster_committees as c')
    .leftJoin('industrial_cluster_projects as p', 'p.id', 'c.project_id')
    .selectAll('c')
    .select((eb) => [
      'p.key as project_key',
      'p.name_ja as project_name_ja',
      'p.name_en as project_name_en',
      'p.is_published as project_is_published',
      eb
        .selectFrom('industrial_cluster_meetings as m')
        .whereRef('m.committee_id', '=', 'c.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('meeting_count'),
    ]);
}

function withCount<T extends { meeting_count: unknown }>(row: T): T & { meeting_count: number } {
  return { ...row, meeting_count: Number(row.meeting_count ?? 0) };
}

/** Committees, the national one first, then regional by bureau order of insertion. */
export async function listCommitteeRows(
  db: Db,
  filter: { level?: string | undefined; bureau?: string | undefined; projectId?: number },
): Promise<CommitteeWithProject[]> {
  let query = committees(db);
  if (filter.level !== undefined) query = query.where('c.level', '=', filter.level);
  if (filter.bureau !== undefined) query = query.where('c.bureau', '=', filter.bureau);
  if (filter.projectId !== undefined) query = query.where('c.project_id', '=', filter.projectId);
  const rows = await query.orderBy('c.level').orderBy('c.id').execute();
  return rows.map(withCount);
}

export async function findCommitteeRow(db: Db, id: number): Promise<CommitteeWithProject | undefined> {
  const row = await committees(db).where('c.id', '=', id).executeTakeFirst();
  return row ? withCount(row) : undefined;
}

export async function insertCommittee(
  db: Db,
  row: Insertable<Database['industrial_cluster_committees']>,
): Promise<IndustrialClusterCommitteeRow> {
  return db.insertInto('industrial_cluster_committees').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listMeetingRows(db: Db, committeeId: number): Promise<IndustrialClusterMeetingRow[]> {
  return db
    .selectFrom('industrial_cluster_meetings')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findMeetingRow(
  db: Db,
  committeeId: number,
  id: number,
): Promise<IndustrialClusterMeetingRow | undefined> {
  return db
    .selectFrom('industrial_cluster_meetings')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertMeeting(
  db: Db,
  row: Insertable<Database['industrial_cluster_meetings']>,
): Promise<IndustrialClusterMeetingRow> {
  return db.insertInto('industrial_cluster_meetings').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateMeetingAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<IndustrialClusterMeetingRow, 'id' | 'version'>>,
): Promise<IndustrialClusterMeetingRow | undefined> {
  return db
    .updateTable('industrial_cluster_meetings')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
