import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../context';
import { containsText } from '../../db/text-search';
import type { Database } from '../../db/schema';
import type { ClusterMemberRow, ClusterRow, ClusterStaffRow } from './cluster.table';

export interface ClusterFilter {
  keyField?: string | undefined;
  startFy?: number | undefined;
  status?: string | undefined;
  q?: string | undefined;
  /** Clusters active at some point in [activeFrom, activeTo]. */
  activeFrom?: number | undefined;
  activeTo?: number | undefined;
  /** Show unpublished clusters too: all of them (true) or only these ids. */
  unpublished: boolean | number[];
}

function filtered(db: Db, filter: ClusterFilter) {
  let query = db.selectFrom('clusters');
  if (filter.unpublished !== true) {
    const ids = filter.unpublished === false ? [] : filter.unpublished;
    query = query.where((eb) =>
      ids.length > 0 ? eb.or([eb('is_published', '=', 1), eb('id', 'in', ids)]) : eb('is_published', '=', 1),
    );
  }
  if (filter.keyField) query = query.where('key_field_key', '=', filter.keyField);
  if (filter.startFy) query = query.where('start_fy', '=', filter.startFy);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.activeTo !== undefined) query = query.where('start_fy', '<=', filter.activeTo);
  if (filter.activeFrom !== undefined) query = query.where('end_fy', '>=', filter.activeFrom);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        containsText(eb.ref('key'), q),
        containsText(eb.ref('name_en'), q),
        containsText(eb.ref('name_ja'), q),
      ]),
    );
  }
  return query;
}

export async function listClusters(
  db: Db,
  filter: ClusterFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ClusterRow[]; total: number }> {
  const query = filtered(db, filter);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('start_fy').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** All clusters matching the filter, unpaginated (for tables that show every cluster). */
export async function listAllClusters(db: Db, filter: ClusterFilter): Promise<ClusterRow[]> {
  return filtered(db, filter).selectAll().orderBy('start_fy').orderBy('id').execute();
}

export async function findClusterByKey(db: Db, key: string): Promise<ClusterRow | undefined> {
  return db.selectFrom('clusters').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function findFirstProgrammeId(
  db: Db,
): Promise<{ id: number; duration_years: number } | undefined> {
  return db
    .selectFrom('programmes')
    .select(['id', 'duration_years'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export interface ClusterPrefectureName {
  cluster_id: number;
  code: string;
  name_ja: string;
  name_en: string;
}

export async function listClusterPrefectures(db: Db, clusterIds: number[]): Promise<ClusterPrefectureName[]> {
  if (clusterIds.length === 0) return [];
  return db
    .selectFrom('cluster_prefectures as cp')
    .innerJoin('prefectures as p', 'p.code', 'cp.prefecture_code')
    .select(['cp.cluster_id', 'p.code', 'p.name_ja', 'p.name_en'])
    .where('cp.cluster_id', 'in', clusterIds)
    .orderBy('cp.cluster_id')
    .orderBy('cp.sort_order')
    .execute();
}

export async function existingPrefectureCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('prefectures').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export async function insertCluster(db: Db, row: Insertable<Database['clusters']>): Promise<ClusterRow> {
  return db.insertInto('clusters').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateClusterAtVersion(
  db: Db,
  id: number,
  version: number,
  changes: Updateable<Database['clusters']>,
): Promise<ClusterRow | undefined> {
  return db
    .updateTable('clusters')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function replaceClusterPrefectures(db: Db, clusterId: number, codes: string[]): Promise<void> {
  await db.deleteFrom('cluster_prefectures').where('cluster_id', '=', clusterId).execute();
  await db
    .insertInto('cluster_prefectures')
    .values(codes.map((code, i) => ({ cluster_id: clusterId, prefecture_code: code, sort_order: i })))
    .execute();
}

export interface MemberWithOrganization extends ClusterMemberRow {
  org_kind: string;
  org_name_ja: string;
  org_name_en: string;
}

export async function listMembers(db: Db, clusterId: number): Promise<MemberWithOrganization[]> {
  return (
    db
      .selectFrom('cluster_members as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .selectAll('m')
      .select(['o.kind as org_kind', 'o.name_ja as org_name_ja', 'o.name_en as org_name_en'])
      .where('m.cluster_id', '=', clusterId)
      // Current members first; NULLs sort differently on the two engines, so order by a flag.
      .orderBy(sql`case when m.withdrawn_at is null then 0 else 1 end`)
      .orderBy('m.id')
      .execute()
  );
}

export async function findMember(
  db: Db,
  clusterId: number,
  id: number,
): Promise<ClusterMemberRow | undefined> {
  return db
    .selectFrom('cluster_members')
    .selectAll()
    .where('id', '=', id)
    .where('cluster_id', '=', clusterId)
    .executeTakeFirst();
}

export async function insertMember(
  db: Db,
  row: Insertable<Database['cluster_members']>,
): Promise<ClusterMemberRow> {
  return db.insertInto('cluster_members').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateMemberAtVersion(
  db: Db,
  id: number,
  version: number,
  changes: Updateable<Database['cluster_members']>,
): Promise<ClusterMemberRow | undefined> {
  return db
    .updateTable('cluster_members')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export interface StaffWithPerson extends ClusterStaffRow {
  person_name_ja: string;
  person_name_en: string;
  org_id: number | null;
  org_kind: string | null;
  org_name_ja: string | null;
  org_name_en: string | null;
}

export async function listStaff(db: Db, clusterId: number): Promise<StaffWithPerson[]> {
  return db
    .selectFrom('cluster_staff as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .selectAll('s')
    .select([
      'p.name_ja as person_name_ja',
      'p.name_en as person_name_en',
      'o.id as org_id',
      'o.kind as org_kind',
      'o.name_ja as org_name_ja',
      'o.name_en as org_name_en',
    ])
    .where('s.cluster_id', '=', clusterId)
    .orderBy(sql`case when s.withdrawn_at is null then 0 else 1 end`)
    .orderBy('s.id')
    .execute();
}

export async function findStaff(db: Db, clusterId: number, id: number): Promise<ClusterStaffRow | undefined> {
  return db
    .selectFrom('cluster_staff')
    .selectAll()
    .where('id', '=', id)
    .where('cluster_id', '=', clusterId)
    .executeTakeFirst();
}

export async function insertStaff(
  db: Db,
  row: Insertable<Database['cluster_staff']>,
): Promise<ClusterStaffRow> {
  return db.insertInto('cluster_staff').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateStaffAtVersion(
  db: Db,
  id: number,
  version: number,
  changes: Updateable<Database['cluster_staff']>,
): Promise<ClusterStaffRow | undefined> {
  return db
    .updateTable('cluster_staff')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
