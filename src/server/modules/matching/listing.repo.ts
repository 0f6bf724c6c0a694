/** Seeds and needs: Kysely only, portable across SQLite and PostgreSQL. */
import { type Expression, type Insertable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../context';
import { containsText } from '../../db/text-search';
import type { NeedRow, NeedTable, SeedRow, SeedTable } from './matching.table';

export interface SeedWithCluster extends SeedRow {
  cluster_key: string;
  cluster_name_ja: string;
  cluster_name_en: string;
  cluster_prefecture_code: string | null;
  coordinator_name: string | null;
  reviewer_name: string | null;
}

export interface NeedWithCompany extends NeedRow {
  company_name_ja: string;
  company_name_en: string;
  reviewer_name: string | null;
}

export interface ListingFilter {
  q?: string;
  keyField?: string;
  status?: string;
  /** Only these statuses (the public: published). */
  statuses?: string[];
  expired: 'include' | 'only' | 'exclude';
  today: string;
  limit: number;
  offset: number;
}

export interface SeedFilter extends ListingFilter {
  clusterKey?: string;
  stage?: string;
  /** A non-officer sees unpublished seeds only of these clusters (plus published ones). */
  ownClusterIds?: number[];
}

export interface NeedFilter extends ListingFilter {
  prefectureCode?: string;
  organizationId?: number;
  ownOrganizationIds?: number[];
}

function seedsQuery(db: Db) {
  return db
    .selectFrom('seeds')
    .innerJoin('clusters', 'clusters.id', 'seeds.cluster_id')
    .leftJoin('accounts as coordinator', 'coordinator.id', 'seeds.coordinator_account_id')
    .leftJoin('accounts as reviewer', 'reviewer.id', 'seeds.reviewed_by')
    .selectAll('seeds')
    .select([
      'clusters.key as cluster_key',
      'clusters.name_ja as cluster_name_ja',
      'clusters.name_en as cluster_name_en',
      'coordinator.display_name as coordinator_name',
      'reviewer.display_name as reviewer_name',
      (eb) =>
        eb
          .selectFrom('cluster_prefectures')
          .select('cluster_prefectures.prefecture_code')
          .whereRef('cluster_prefectures.cluster_id', '=', 'seeds.cluster_id')
          .orderBy('cluster_prefectures.sort_order')
          .limit(1)
          .as('cluster_prefecture_code'),
    ]);
}

function needsQuery(db: Db) {
  return db
    .selectFrom('needs')
    .innerJoin('organizations', 'organizations.id', 'needs.organization_id')
    .leftJoin('accounts as reviewer', 'reviewer.id', 'needs.reviewed_by')
    .selectAll('needs')
    .select([
      'organizations.name_ja as company_name_ja',
      'organizations.name_en as company_name_en',
      'reviewer.display_name as reviewer_name',
    ]);
}

export async function findSeed(db: Db, id: number): Promise<SeedWithCluster | undefined> {
  return seedsQuery(db).where('seeds.id', '=', id).executeTakeFirst();
}

export async function findSeeds(db: Db, ids: number[]): Promise<SeedWithCluster[]> {
  if (ids.length === 0) return [];
  return seedsQuery(db).where('seeds.id', 'in', ids).execute();
}

export async function findNeed(db: Db, id: number): Promise<NeedWithCompany | undefined> {
  return needsQuery(db).where('needs.id', '=', id).executeTakeFirst();
}

export async function findNeeds(db: Db, ids: number[]): Promise<NeedWithCompany[]> {
  if (ids.length === 0) return [];
  return needsQuery(db).where('needs.id', 'in', ids).execute();
}

/**
 * The visibility and filter conditions both lists share, as SQL conditions. A reader who may not
 * see every listing sees published ones, plus every listing of their own clusters or organizations.
 */
function listingConditions(
  table: 'seeds' | 'needs',
  filter: ListingFilter,
  ownColumn: string,
  ownIds: number[] | undefined,
): Expression<SqlBool>[] {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const conditions: Expression<SqlBool>[] = [];
  if (filter.statuses) {
    const published = sql<SqlBool>`${col('status')} in (${sql.join(filter.statuses)})`;
    conditions.push(
      ownIds && ownIds.length > 0
        ? sql<SqlBool>`(${published} or ${sql.ref(ownColumn)} in (${sql.join(ownIds)}))`
        : published,
    );
  }
  if (filter.status) conditions.push(sql<SqlBool>`${col('status')} = ${filter.status}`);
  if (filter.keyField) conditions.push(sql<SqlBool>`${col('key_field')} = ${filter.keyField}`);
  if (filter.expired === 'exclude')
    conditions.push(sql<SqlBool>`(${col('expires_on')} is null or ${col('expires_on')} >= ${filter.today})`);
  if (filter.expired === 'only') conditions.push(sql<SqlBool>`${col('expires_on')} < ${filter.today}`);
  return conditions;
}

export async function listSeeds(
  db: Db,
  filter: SeedFilter,
): Promise<{ rows: SeedWithCluster[]; total: number }> {
  let query = seedsQuery(db);
  for (const c of listingConditions('seeds', filter, 'seeds.cluster_id', filter.ownClusterIds))
    query = query.where(c);
  if (filter.clusterKey) query = query.where('clusters.key', '=', filter.clusterKey);
  if (filter.stage) query = query.where('seeds.stage', '=', filter.stage);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        containsText(eb.ref('seeds.title_ja'), q),
        containsText(eb.ref('seeds.title_en'), q),
        containsText(eb.ref('seeds.summary_ja'), q),
        containsText(eb.ref('seeds.summary_en'), q),
        containsText(eb.ref('seeds.keywords_json'), q),
      ]),
    );
  }
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('seeds.updated_at', 'desc')
    .orderBy('seeds.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function listNeeds(
  db: Db,
  filter: NeedFilter,
): Promise<{ rows: NeedWithCompany[]; total: number }> {
  let query = needsQuery(db);
  for (const c of listingConditions('needs', filter, 'needs.organization_id', filter.ownOrganizationIds))
    query = query.where(c);
  if (filter.prefectureCode) query = query.where('needs.prefecture_code', '=', filter.prefectureCode);
  if (filter.organizationId) query = query.where('needs.organization_id', '=', filter.organizationId);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        containsText(eb.ref('needs.title_ja'), q),
        containsText(eb.ref('needs.title_en'), q),
        containsText(eb.ref('needs.description_ja'), q),
        containsText(eb.ref('needs.description_en'), q),
      ]),
    );
  }
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('needs.updated_at', 'desc')
    .orderBy('needs.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function insertSeed(db: Db, row: Insertable<SeedTable>): Promise<SeedRow> {
  return db.insertInto('seeds').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertNeed(db: Db, row: Insertable<NeedTable>): Promise<NeedRow> {
  return db.insertInto('needs').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateSeedAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<SeedRow, 'id' | 'version'>>,
): Promise<SeedRow | undefined> {
  return db
    .updateTable('seeds')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function updateNeedAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<NeedRow, 'id' | 'version'>>,
): Promise<NeedRow | undefined> {
  return db
    .updateTable('needs')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function setSeedOutcomeItems(db: Db, seedId: number, itemIds: number[]): Promise<void> {
  await db.deleteFrom('seed_outcome_items').where('seed_id', '=', seedId).execute();
  if (itemIds.length > 0)
    await db
      .insertInto('seed_outcome_items')
      .values(itemIds.map((outcome_item_id) => ({ seed_id: seedId, outcome_item_id })))
      .execute();
}

export interface OutcomeItemRef {
  id: number;
  cluster_id: number;
  kind: string;
  title: string;
  fiscal_year: number;
}

export async function findOutcomeItems(db: Db, ids: number[]): Promise<OutcomeItemRef[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('outcome_items')
    .select(['id', 'cluster_id', 'kind', 'title', 'fiscal_year'])
    .where('id', 'in', ids)
    .execute();
}

/** Each seed's linked outcome items. */
export async function seedOutcomeItems(db: Db, seedIds: number[]): Promise<Map<number, OutcomeItemRef[]>> {
  const result = new Map<number, OutcomeItemRef[]>();
  if (seedIds.length === 0) return result;
  const rows = await db
    .selectFrom('seed_outcome_items')
    .innerJoin('outcome_items', 'outcome_items.id', 'seed_outcome_items.outcome_item_id')
    .select([
      'seed_outcome_items.seed_id',
      'outcome_items.id',
      'outcome_items.cluster_id',
      'outcome_items.kind',
      'outcome_items.title',
      'outcome_items.fiscal_year',
    ])
    .where('seed_outcome_items.seed_id', 'in', seedIds)
    .orderBy('outcome_items.id')
    .execute();
  for (const { seed_id, ...item } of rows) {
    const list = result.get(seed_id) ?? [];
    list.push(item);
    result.set(seed_id, list);
  }
  return result;
}

/** Bumps the index's revision inside the writing transaction, so every process sees the change. */
export async function bumpRevision(db: Db, name: 'seeds' | 'needs'): Promise<void> {
  await db
    .updateTable('matching_revision')
    .set({ revision: sql<number>`revision + 1` })
    .where('name', '=', name)
    .execute();
}

export async function readRevisions(db: Db): Promise<{ seeds: number; needs: number }> {
  const rows = await db.selectFrom('matching_revision').selectAll().execute();
  const of = (name: string) => Number(rows.find((r) => r.name === name)?.revision ?? 0);
  return { seeds: of('seeds'), needs: of('needs') };
}

/** Every published seed (expiry is checked at query time), for building the matching index. */
export async function publishedSeeds(db: Db): Promise<SeedWithCluster[]> {
  return seedsQuery(db).where('seeds.status', '=', 'published').orderBy('seeds.id').execute();
}

export async function publishedNeeds(db: Db): Promise<NeedWithCompany[]> {
  return needsQuery(db).where('needs.status', '=', 'published').orderBy('needs.id').execute();
}

/** Accounts holding a coordinator grant (for a seed's responsible coordinator). */
export async function listCoordinatorAccounts(db: Db): Promise<{ id: number; display_name: string }[]> {
  return db
    .selectFrom('accounts')
    .innerJoin('role_grants', 'role_grants.account_id', 'accounts.id')
    .select(['accounts.id', 'accounts.display_name'])
    .where('role_grants.role', '=', 'coordinator')
    .where('role_grants.revoked_at', 'is', null)
    .where('accounts.status', '=', 'active')
    .distinct()
    .orderBy('accounts.display_name')
    .execute();
}

export async function findClusterRef(db: Db, key: string): Promise<{ id: number; key: string } | undefined> {
  return db.selectFrom('clusters').select(['id', 'key']).where('key', '=', key).executeTakeFirst();
}

export async function organizationExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst());
}
