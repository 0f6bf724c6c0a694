/** Industrial Cluster projects, members, cluster and seed links, METI funds: Kysely only. */
import type { Insertable } from 'kysely';
import type { Db } from '../../context';
import type { Database } from '../../db/schema';
import type {
  IndustrialClusterMemberRow,
  IndustrialClusterProjectRow,
  MetiFundRow,
} from './industrial-cluster.table';

export interface ProjectWithCounts extends IndustrialClusterProjectRow {
  member_count: number;
  cluster_count: number;
}

/** Projects (published only unless `all`), optionally of one bureau, by start FY then key. */
export async function listProjectRows(
  db: Db,
  filter: { bureau?: string | undefined; all: boolean; ids?: number[] },
): Promise<ProjectWithCounts[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('industrial_cluster_projects as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('industrial_cluster_members as m')
        .whereRef('m.project_id', '=', 'p.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('member_count'),
      eb
        .selectFrom('industrial_cluster_project_clusters as pc')
        .whereRef('pc.project_id', '=', 'p.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('cluster_count'),
    ]);
  if (!filter.all) query = query.where('p.is_published', '=', 1);
  if (filter.bureau !== undefined) query = query.where('p.bureau', '=', filter.bureau);
  if (filter.ids) query = query.where('p.id', 'in', filter.ids);
  const rows = await query.orderBy('p.start_fy').orderBy('p.key').execute();
  return rows.map((r) => ({
    ...r,
    member_count: Number(r.member_count ?? 0),
    cluster_count: Number(r.cluster_count ?? 0),
  }));
}

export async function findProjectByKey(
  db: Db,
  key: string,
): Promise<IndustrialClusterProjectRow | undefined> {
  return db.selectFrom('industrial_cluster_projects').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function findProjectsByKeys(db: Db, keys: string[]): Promise<IndustrialClusterProjectRow[]> {
  if (keys.length === 0) return [];
  return db.selectFrom('industrial_cluster_projects').selectAll().where('key', 'in', keys).execute();
}

export async function insertProject(
  db: Db,
  row: Insertable<Database['industrial_cluster_projects']>,
): Promise<IndustrialClusterProjectRow> {
  return db.insertInto('industrial_cluster_projects').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateProjectAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<IndustrialClusterProjectRow, 'id' | 'version'>>,
): Promise<IndustrialClusterProjectRow | undefined> {
  return db
    .updateTable('industrial_cluster_projects')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export interface MemberWithOrganization extends IndustrialClusterMemberRow {
  organization_kind: string;
  organization_name_ja: string;
  organization_name_en: string;
}

export async function listProjectMembers(db: Db, projectId: number): Promise<MemberWithOrganization[]> {
  return db
    .selectFrom('industrial_cluster_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .selectAll('m')
    .select([
      'o.kind as organization_kind',
      'o.name_ja as organization_name_ja',
      'o.name_en as organization_name_en',
    ])
    .where('m.project_id', '=', projectId)
    .orderBy('m.id')
    .execute();
}

export async function findProjectMember(
  db: Db,
  projectId: number,
  id: number,
): Promise<IndustrialClusterMemberRow | undefined> {
  return db
    .selectFrom('industrial_cluster_members')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findProjectMemberByOrganization(
  db: Db,
  projectId: number,
  organizationId: number,
): Promise<IndustrialClusterMemberRow | undefined> {
  return db
    .selectFrom('industrial_cluster_members')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function insertProjectMember(
  db: Db,
  row: Insertable<Database['industrial_cluster_members']>,
): Promise<IndustrialClusterMemberRow> {
  return db.insertInto('industrial_cluster_members').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteProjectMember(db: Db, id: number): Promise<void> {
  await db.deleteFrom('industrial_cluster_members').where('id', '=', id).execute();
}

export interface ClusterRef {
  id: number;
  key: string;
  name_ja: string;
  name_en: string;
}

/** The knowledge clusters linked to the project (visible ones only unless `all`), in programme order. */
export async function listProjectClusters(
  db: Db,
  projectId: number,
): Promise<(ClusterRef & { is_published: number })[]> {
  return db
    .selectFrom('industrial_cluster_project_clusters as pc')
    .innerJoin('clusters as c', 'c.id', 'pc.cluster_id')
    .select(['c.id', 'c.key', 'c.name_ja', 'c.name_en', 'c.is_published'])
    .where('pc.project_id', '=', projectId)
    .orderBy('c.start_fy')
    .orderBy('c.id')
    .execute();
}

/** Replaces the project's cluster links with these clusters. */
export async function replaceProjectClusters(db: Db, projectId: number, clusterIds: number[]): Promise<void> {
  await db.deleteFrom('industrial_cluster_project_clusters').where('project_id', '=', projectId).execute();
  if (clusterIds.length > 0)
    await db
      .insertInto('industrial_cluster_project_clusters')
      .values(clusterIds.map((cluster_id) => ({ project_id: projectId, cluster_id })))
      .execute();
}

export async function listProjectSeedIds(db: Db, projectId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('industrial_cluster_project_seeds')
    .select('seed_id')
    .where('project_id', '=', projectId)
    .orderBy('seed_id')
    .execute();
  return rows.map((r) => r.seed_id);
}

/** Replaces the project's seed links with these seed ids. */
export async function replaceProjectSeeds(db: Db, projectId: number, seedIds: number[]): Promise<void> {
  await db.deleteFrom('industrial_cluster_project_seeds').where('project_id', '=', projectId).execute();
  if (seedIds.length > 0)
    await db
      .insertInto('industrial_cluster_project_seeds')
      .values(seedIds.map((seed_id) => ({ project_id: projectId, seed_id })))
      .execute();
}

/** The projects linked to a seed (for the matching module's seed pages). */
export async function listProjectIdsOfSeed(db: Db, seedId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('industrial_cluster_project_seeds')
    .select('project_id')
    .where('seed_id', '=', seedId)
    .execute();
  return rows.map((r) => r.project_id);
}

export interface MetiFundWithNames extends MetiFundRow {
  project_key: string | null;
  project_name_ja: string | null;
  project_name_en: string | null;
  cluster_key: string | null;
  cluster_name_ja: string | null;
  cluster_name_en: string | null;
  budget_line_id: number | null;
}

function metiFunds(db: Db) {
  return db
    .selectFrom('meti_funds as f')
    .leftJoin('industrial_cluster_projects as p', 'p.id', 'f.project_id')
    .leftJoin('clusters as c', 'c.id', 'f.cluster_id')
    .leftJoin('budget_lines as b', 'b.line_key', 'f.budget_line_key')
    .selectAll('f')
    .select([
      'p.key as project_key',
      'p.name_ja as project_name_ja',
      'p.name_en as project_name_en',
      'c.key as cluster_key',
      'c.name_ja as cluster_name_ja',
      'c.name_en as cluster_name_en',
      'b.id as budget_line_id',
    ]);
}

/** A project's METI funds, by fiscal year then id. */
export async function listMetiFunds(db: Db, projectId: number): Promise<MetiFundWithNames[]> {
  const rows = await metiFunds(db)
    .where('f.project_id', '=', projectId)
    .orderBy('f.fiscal_year')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({ ...r, amount_yen: Number(r.amount_yen) }));
}

export async function findMetiFund(db: Db, id: number): Promise<MetiFundWithNames | undefined> {
  const row = await metiFunds(db).where('f.id', '=', id).executeTakeFirst();
  return row ? { ...row, amount_yen: Number(row.amount_yen) } : undefined;
}

export async function insertMetiFund(db: Db, row: Insertable<Database['meti_funds']>): Promise<MetiFundRow> {
  const inserted = await db.insertInto('meti_funds').values(row).returningAll().executeTakeFirstOrThrow();
  return { ...inserted, amount_yen: Number(inserted.amount_yen) };
}
