/** What scoring and publishing a round read and write: Kysely only, portable. */
import type { Insertable } from 'kysely';
import type { Db } from '../../context';
import type { Database } from '../../db/schema';
import type { RoundResultCommentRow, RoundResultRow, WeightSetRow } from './evaluation.table';
import { announcedOnOrBefore } from './round-access.repo';

/** The round's locked weight set (exactly one is locked before grading opens), or undefined. */
export async function findLockedWeightSet(db: Db, roundId: number): Promise<WeightSetRow | undefined> {
  return db
    .selectFrom('weight_sets')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('locked_at', 'is not', null)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

export async function findWeightSetById(db: Db, id: number): Promise<WeightSetRow | undefined> {
  return db.selectFrom('weight_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A target cluster of the round with what visibility needs. */
export interface ScoredClusterRow {
  id: number;
  key: string;
  name_ja: string;
  name_en: string;
  is_published: number;
}

export async function listScoredClusters(db: Db, roundId: number): Promise<ScoredClusterRow[]> {
  return db
    .selectFrom('round_clusters')
    .innerJoin('clusters', 'clusters.id', 'round_clusters.cluster_id')
    .select(['clusters.id', 'clusters.key', 'clusters.name_ja', 'clusters.name_en', 'clusters.is_published'])
    .where('round_clusters.round_id', '=', roundId)
    .orderBy('clusters.key')
    .execute();
}

/** Every assignment of the round with the evaluator's display name. */
export interface ScoredAssignmentRow {
  id: number;
  cluster_id: number;
  evaluator_account_id: number;
  display_name: string;
  conflict_kind: string | null;
  submitted_at: string | null;
}

export async function listScoredAssignments(db: Db, roundId: number): Promise<ScoredAssignmentRow[]> {
  return db
    .selectFrom('round_assignments')
    .innerJoin('accounts', 'accounts.id', 'round_assignments.evaluator_account_id')
    .select([
      'round_assignments.id',
      'round_assignments.cluster_id',
      'round_assignments.evaluator_account_id',
      'accounts.display_name',
      'round_assignments.conflict_kind',
      'round_assignments.submitted_at',
    ])
    .where('round_assignments.round_id', '=', roundId)
    .orderBy('round_assignments.cluster_id')
    .orderBy('round_assignments.evaluator_account_id')
    .execute();
}

/** Every grade of the round's assignments (drafts included; the rules decide what counts). */
export async function listRoundGrades(
  db: Db,
  roundId: number,
): Promise<{ assignment_id: number; item_key: string; grade: string }[]> {
  return db
    .selectFrom('grades')
    .innerJoin('round_assignments', 'round_assignments.id', 'grades.assignment_id')
    .select(['grades.assignment_id', 'grades.item_key', 'grades.grade'])
    .where('round_assignments.round_id', '=', roundId)
    .execute();
}

export async function listRoundResults(db: Db, roundId: number): Promise<RoundResultRow[]> {
  return db.selectFrom('round_results').selectAll().where('round_id', '=', roundId).execute();
}

export async function insertRoundResults(
  db: Db,
  rows: Insertable<Database['round_results']>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('round_results').values(rows).execute();
}

export async function listResultComments(db: Db, roundId: number): Promise<RoundResultCommentRow[]> {
  return db.selectFrom('round_result_comments').selectAll().where('round_id', '=', roundId).execute();
}

export async function findResultComment(
  db: Db,
  roundId: number,
  clusterId: number,
): Promise<RoundResultCommentRow | undefined> {
  return db
    .selectFrom('round_result_comments')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('cluster_id', '=', clusterId)
    .executeTakeFirst();
}

export async function insertResultComment(
  db: Db,
  row: Insertable<Database['round_result_comments']>,
): Promise<RoundResultCommentRow> {
  return db.insertInto('round_result_comments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateResultCommentAtVersion(
  db: Db,
  roundId: number,
  clusterId: number,
  version: number,
  changes: {
    comment_ja: string | null;
    comment_en: string | null;
    updated_at: string;
    updated_by: number | null;
  },
): Promise<RoundResultCommentRow | undefined> {
  return db
    .updateTable('round_result_comments')
    .set({ ...changes, version: version + 1 })
    .where('round_id', '=', roundId)
    .where('cluster_id', '=', clusterId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Moves the round to published at the version read; undefined when the version moved on. */
export async function markRoundPublished(
  db: Db,
  roundId: number,
  version: number,
  at: string,
): Promise<{ version: number } | undefined> {
  return db
    .updateTable('evaluation_rounds')
    .set({ status: 'published', published_at: at, updated_at: at, version: version + 1 })
    .where('id', '=', roundId)
    .where('version', '=', version)
    .where('status', '=', 'scoring')
    .returning('version')
    .executeTakeFirst();
}

/** A cluster's published results with their rounds, newest fiscal year first. */
export interface ClusterEvaluationRow extends RoundResultRow {
  round_key: string;
  round_title_ja: string;
  round_title_en: string;
  round_kind: string;
  round_status: string;
  round_fiscal_year: number;
  round_allocation_fiscal_year: number;
  round_published_at: string | null;
  round_announce_on: string | null;
  round_is_demo: number;
  weight_set_version: number;
}

/** `announcedBy`: only rounds announced on or before that Japan date (null: every published round). */
export async function listClusterEvaluations(
  db: Db,
  clusterId: number,
  announcedBy: string | null,
): Promise<ClusterEvaluationRow[]> {
  let query = db
    .selectFrom('round_results')
    .innerJoin('evaluation_rounds as r', 'r.id', 'round_results.round_id')
    .innerJoin('weight_sets as w', 'w.id', 'round_results.weight_set_id')
    .selectAll('round_results')
    .select([
      'r.key as round_key',
      'r.title_ja as round_title_ja',
      'r.title_en as round_title_en',
      'r.kind as round_kind',
      'r.status as round_status',
      'r.fiscal_year as round_fiscal_year',
      'r.allocation_fiscal_year as round_allocation_fiscal_year',
      'r.published_at as round_published_at',
      'r.announce_on as round_announce_on',
      'r.is_demo as round_is_demo',
      'w.version as weight_set_version',
    ])
    .where('round_results.cluster_id', '=', clusterId)
    .where('r.published_at', 'is not', null);
  if (announcedBy !== null) query = query.where(announcedOnOrBefore(announcedBy));
  return query.orderBy('r.fiscal_year', 'desc').orderBy('r.id', 'desc').execute();
}

/** How many clusters each round's published results rank. */
export async function countRoundResults(db: Db, roundIds: number[]): Promise<Map<number, number>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('round_results')
    .select((eb) => ['round_id', eb.fn.countAll().as('n')])
    .where('round_id', 'in', roundIds)
    .groupBy('round_id')
    .execute();
  return new Map(rows.map((r) => [r.round_id, Number(r.n)]));
}
