/** Findings with their round, follow-up round and cluster: Kysely only, portable. */
import type { Insertable } from 'kysely';
import { announcedOnOrBefore } from './round-access.repo';
import type { Db } from '../../context';
import type { FindingRow, FindingTable } from './evaluation.table';

export interface FindingWithRefs extends FindingRow {
  round_key: string;
  round_title_ja: string;
  round_title_en: string;
  round_fiscal_year: number;
  round_status: string;
  follow_up_round_key: string | null;
  follow_up_round_title_ja: string | null;
  follow_up_round_title_en: string | null;
  follow_up_round_fiscal_year: number | null;
  follow_up_round_status: string | null;
  cluster_key: string;
  cluster_name_ja: string;
  cluster_name_en: string;
}

export interface FindingFilter {
  roundId?: number;
  clusterId?: number;
  /** Only these clusters' findings (an empty list finds none). */
  clusterIds?: number[];
  /** Only findings of rounds in these statuses. */
  roundStatuses?: readonly string[];
  /**
   * Only findings of rounds whose results are published and announced on or before this Japan
   * date (a round closed unpublished, or published ahead of its announcement, stays private).
   */
  announcedBy?: string;
  tag?: string | undefined;
  followUpStatus?: string | undefined;
}

function withRefs(db: Db) {
  return db
    .selectFrom('findings as f')
    .innerJoin('evaluation_rounds as r', 'r.id', 'f.round_id')
    .leftJoin('evaluation_rounds as n', 'n.id', 'f.follow_up_round_id')
    .innerJoin('clusters as c', 'c.id', 'f.cluster_id')
    .selectAll('f')
    .select([
      'r.key as round_key',
      'r.title_ja as round_title_ja',
      'r.title_en as round_title_en',
      'r.fiscal_year as round_fiscal_year',
      'r.status as round_status',
      'n.key as follow_up_round_key',
      'n.title_ja as follow_up_round_title_ja',
      'n.title_en as follow_up_round_title_en',
      'n.fiscal_year as follow_up_round_fiscal_year',
      'n.status as follow_up_round_status',
      'c.key as cluster_key',
      'c.name_ja as cluster_name_ja',
      'c.name_en as cluster_name_en',
    ]);
}

/** Findings matching the filter: newest round first, then cluster and recording order. */
export async function listFindingRows(db: Db, filter: FindingFilter): Promise<FindingWithRefs[]> {
  if (filter.clusterIds?.length === 0 || filter.roundStatuses?.length === 0) return [];
  let query = withRefs(db);
  if (filter.roundId !== undefined) query = query.where('f.round_id', '=', filter.roundId);
  if (filter.clusterId !== undefined) query = query.where('f.cluster_id', '=', filter.clusterId);
  if (filter.clusterIds) query = query.where('f.cluster_id', 'in', filter.clusterIds);
  if (filter.roundStatuses) query = query.where('r.status', 'in', [...filter.roundStatuses]);
  if (filter.announcedBy !== undefined)
    query = query.where('r.published_at', 'is not', null).where(announcedOnOrBefore(filter.announcedBy));
  if (filter.tag !== undefined) query = query.where('f.tag', '=', filter.tag);
  if (filter.followUpStatus !== undefined)
    query = query.where('f.follow_up_status', '=', filter.followUpStatus);
  return query
    .orderBy('r.fiscal_year', 'desc')
    .orderBy('r.id', 'desc')
    .orderBy('c.key')
    .orderBy('f.id')
    .execute();
}

export async function findFindingRow(db: Db, id: number): Promise<FindingWithRefs | undefined> {
  return withRefs(db).where('f.id', '=', id).executeTakeFirst();
}

export async function insertFindingRow(db: Db, row: Insertable<FindingTable>): Promise<FindingRow> {
  return db.insertInto('findings').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateFindingAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<FindingRow, 'id' | 'version'>>,
): Promise<FindingRow | undefined> {
  return db
    .updateTable('findings')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Whether the cluster is a target of the round. */
export async function isRoundTarget(db: Db, roundId: number, clusterId: number): Promise<boolean> {
  const row = await db
    .selectFrom('round_clusters')
    .select('cluster_id')
    .where('round_id', '=', roundId)
    .where('cluster_id', '=', clusterId)
    .executeTakeFirst();
  return row !== undefined;
}
