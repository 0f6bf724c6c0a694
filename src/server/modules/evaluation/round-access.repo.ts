/** What the evaluation slices ask about a round's clusters and evaluators: Kysely only, portable. */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../context';
import type { RoundClusterInfo } from './round.repo';

/** The round's target cluster with this key, or undefined when the round does not evaluate it. */
export async function findRoundClusterByKey(
  db: Db,
  roundId: number,
  clusterKey: string,
): Promise<RoundClusterInfo | undefined> {
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
    .where('clusters.key', '=', clusterKey)
    .executeTakeFirst();
}

/** The clusters of the round assigned to the evaluator with no conflict of interest recorded. */
export async function listClearAssignedClusterIds(
  db: Db,
  roundId: number,
  evaluatorAccountId: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('round_assignments')
    .select('cluster_id')
    .where('round_id', '=', roundId)
    .where('evaluator_account_id', '=', evaluatorAccountId)
    .where('conflict_kind', 'is', null)
    .execute();
  return rows.map((r) => r.cluster_id);
}

/**
 * For queries joining evaluation_rounds as `r` whose published_at is already required: the round
 * is announced on or before `day` (a Japan date, YYYY-MM-DD), or has no announcement date.
 */
export function announcedOnOrBefore(day: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(r.announce_on is null or r.announce_on <= ${day})`;
}
