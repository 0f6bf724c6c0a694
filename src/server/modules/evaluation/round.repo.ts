/** Evaluation rounds, their clusters, members and assignments: Kysely only, portable. */
import type { Db } from '../../context';
import type { EvaluationRoundRow, RoundAssignmentRow } from './evaluation.table';

export async function findRoundByKey(db: Db, key: string): Promise<EvaluationRoundRow | undefined> {
  return db.selectFrom('evaluation_rounds').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function findRoundById(db: Db, id: number): Promise<EvaluationRoundRow | undefined> {
  return db.selectFrom('evaluation_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRoundRows(db: Db, includeDrafts: boolean): Promise<EvaluationRoundRow[]> {
  let query = db.selectFrom('evaluation_rounds').selectAll();
  if (!includeDrafts) query = query.where('status', '!=', 'draft');
  return query.orderBy('fiscal_year', 'desc').orderBy('id', 'desc').execute();
}

export async function countRoundClusters(db: Db, roundIds: number[]): Promise<Map<number, number>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('round_clusters')
    .select((eb) => ['round_id', eb.fn.countAll().as('n')])
    .where('round_id', 'in', roundIds)
    .groupBy('round_id')
    .execute();
  return new Map(rows.map((r) => [r.round_id, Number(r.n)]));
}

export interface RoundClusterInfo {
  id: number;
  key: string;
  name_ja: string;
  name_en: string;
  start_fy: number;
  core_organization_id: number | null;
}

/** In the programme's own order (the reference data's, north to south), not the keys' romaji order. */
export async function listRoundClusters(db: Db, roundId: number): Promise<RoundClusterInfo[]> {
  return db
    .selectFrom('round_clusters')
    .innerJoin('clusters', 'clusters.id', 'round_clusters.cluster_id')
    .select([
      'clusters.id',
      'clusters.key',
      'clusters.name_ja',
      'clusters.name_en',
      'clusters.start_fy',
      'clusters.core_organization_id',
    ])
    .where('round_clusters.round_id', '=', roundId)
    .orderBy('clusters.start_fy')
    .orderBy('clusters.id')
    .execute();
}

export interface MemberInfo {
  account_id: number;
  display_name: string;
  role: string;
  is_chair: number;
}

/** Per role the chair first, then the members in the order they were named. */
export async function listRoundMembers(db: Db, roundId: number): Promise<MemberInfo[]> {
  return db
    .selectFrom('round_members')
    .innerJoin('accounts', 'accounts.id', 'round_members.account_id')
    .select([
      'round_members.account_id',
      'accounts.display_name',
      'round_members.role',
      'round_members.is_chair',
    ])
    .where('round_members.round_id', '=', roundId)
    .orderBy('round_members.role')
    .orderBy('round_members.is_chair', 'desc')
    .orderBy('round_members.added_at')
    .orderBy('round_members.account_id')
    .execute();
}

export async function listRoundAssignments(db: Db, roundId: number): Promise<RoundAssignmentRow[]> {
  return db
    .selectFrom('round_assignments')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('cluster_id')
    .orderBy('evaluator_account_id')
    .execute();
}

/** Clusters by key (the ones that exist), for naming a round's targets. */
export async function findClustersByKeys(db: Db, keys: string[]): Promise<{ id: number; key: string }[]> {
  if (keys.length === 0) return [];
  return db.selectFrom('clusters').select(['id', 'key']).where('key', 'in', keys).execute();
}

export async function findClustersStartingIn(
  db: Db,
  fiscalYear: number,
): Promise<{ id: number; key: string }[]> {
  return db
    .selectFrom('clusters')
    .select(['id', 'key'])
    .where('start_fy', '=', fiscalYear)
    .where('status', '!=', 'withdrawn')
    .orderBy('key')
    .execute();
}

/**
 * What conflict detection needs on each side: an evaluator's organization (through their person)
 * and its prefecture; a cluster's core and member organizations and its prefectures.
 */
export async function evaluatorAffiliations(
  db: Db,
  accountIds: number[],
): Promise<Map<number, { organizationId: number; prefectureCode: string | null }[]>> {
  const out = new Map<number, { organizationId: number; prefectureCode: string | null }[]>();
  if (accountIds.length === 0) return out;
  const rows = await db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .innerJoin('organizations', 'organizations.id', 'people.organization_id')
    .select([
      'accounts.id as account_id',
      'organizations.id as organization_id',
      'organizations.prefecture_code',
    ])
    .where('accounts.id', 'in', accountIds)
    .execute();
  for (const r of rows)
    out.set(r.account_id, [{ organizationId: r.organization_id, prefectureCode: r.prefecture_code }]);
  return out;
}

export async function clusterParties(
  db: Db,
  clusterIds: number[],
): Promise<Map<number, { organizationIds: number[]; prefectureCodes: string[] }>> {
  const out = new Map<number, { organizationIds: number[]; prefectureCodes: string[] }>();
  if (clusterIds.length === 0) return out;
  for (const id of clusterIds) out.set(id, { organizationIds: [], prefectureCodes: [] });
  const [members, prefectures, cores] = await Promise.all([
    db
      .selectFrom('cluster_members')
      .select(['cluster_id', 'organization_id'])
      .where('cluster_id', 'in', clusterIds)
      .where('withdrawn_at', 'is', null)
      .execute(),
    db
      .selectFrom('cluster_prefectures')
      .select(['cluster_id', 'prefecture_code'])
      .where('cluster_id', 'in', clusterIds)
      .execute(),
    db.selectFrom('clusters').select(['id', 'core_organization_id']).where('id', 'in', clusterIds).execute(),
  ]);
  for (const m of members) out.get(m.cluster_id)!.organizationIds.push(m.organization_id);
  for (const c of cores)
    if (c.core_organization_id !== null) out.get(c.id)!.organizationIds.push(c.core_organization_id);
  for (const p of prefectures) out.get(p.cluster_id)!.prefectureCodes.push(p.prefecture_code);
  return out;
}

export interface CandidateRow {
  account_id: number;
  display_name: string;
  role: string;
  name_ja: string | null;
  name_en: string | null;
  prefecture_code: string | null;
}

/** Active accounts with an unrevoked evaluator or weighting-member grant: one row per grant. */
export async function listMemberCandidates(db: Db): Promise<CandidateRow[]> {
  return db
    .selectFrom('accounts')
    .innerJoin('role_grants', 'role_grants.account_id', 'accounts.id')
    .leftJoin('people', 'people.id', 'accounts.person_id')
    .leftJoin('organizations', 'organizations.id', 'people.organization_id')
    .select([
      'accounts.id as account_id',
      'accounts.display_name',
      'role_grants.role',
      'organizations.name_ja',
      'organizations.name_en',
      'organizations.prefecture_code',
    ])
    .where('accounts.status', '=', 'active')
    .where('role_grants.revoked_at', 'is', null)
    .where('role_grants.role', 'in', ['evaluator', 'weighting_member'])
    .orderBy('accounts.display_name')
    .orderBy('accounts.id')
    .execute();
}
