/** The rows behind a reader's evaluation tasks: Kysely only, portable. */
import type { Db } from '../../context';

const ROUND_COLUMNS = [
  'r.id as round_id',
  'r.key as round_key',
  'r.title_ja as round_title_ja',
  'r.title_en as round_title_en',
  'r.status as round_status',
  'r.fiscal_year as round_fiscal_year',
  'r.criteria_json',
  'r.phases_json',
] as const;

/** Target clusters of rounds in self-evaluation that these headquarters run, with their report. */
export async function listSelfEvaluationTaskRows(db: Db, clusterIds: number[]) {
  if (clusterIds.length === 0) return [];
  return db
    .selectFrom('round_clusters as rc')
    .innerJoin('evaluation_rounds as r', 'r.id', 'rc.round_id')
    .innerJoin('clusters as c', 'c.id', 'rc.cluster_id')
    .leftJoin('self_evaluations as s', (join) =>
      join.onRef('s.round_id', '=', 'rc.round_id').onRef('s.cluster_id', '=', 'rc.cluster_id'),
    )
    .select([
      ...ROUND_COLUMNS,
      'c.key as cluster_key',
      'c.name_ja as cluster_name_ja',
      'c.name_en as cluster_name_en',
      's.status as report_status',
      's.narratives_json',
    ])
    .where('rc.cluster_id', 'in', clusterIds)
    .where('r.status', '=', 'self_evaluation')
    .orderBy('r.id')
    .orderBy('c.id')
    .execute();
}

/** Rounds taking weights (no set locked yet) where the account is a weighting member, and whether it proposed. */
export async function listWeightTaskRows(db: Db, accountId: number) {
  return db
    .selectFrom('round_members as m')
    .innerJoin('evaluation_rounds as r', 'r.id', 'm.round_id')
    .select(ROUND_COLUMNS)
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom('weight_proposals as p')
            .select('p.round_id')
            .whereRef('p.round_id', '=', 'm.round_id')
            .where('p.account_id', '=', accountId),
        )
        .as('proposed'),
    ])
    .where('m.account_id', '=', accountId)
    .where('m.role', '=', 'weighting_member')
    .where('r.status', 'in', ['self_evaluation', 'weighting'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('weight_sets as w')
            .select('w.id')
            .whereRef('w.round_id', '=', 'r.id')
            .where('w.locked_at', 'is not', null),
        ),
      ),
    )
    .orderBy('r.id')
    .execute();
}

/** The account's clear assignments in rounds that are grading, with how many items it has graded. */
export async function listGradingTaskRows(db: Db, accountId: number) {
  return db
    .selectFrom('round_assignments as a')
    .innerJoin('evaluation_rounds as r', 'r.id', 'a.round_id')
    .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
    .select(ROUND_COLUMNS)
    .select([
      'c.key as cluster_key',
      'c.name_ja as cluster_name_ja',
      'c.name_en as cluster_name_en',
      'a.submitted_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('grades as g')
        .select((g) => g.fn.countAll<number>().as('n'))
        .whereRef('g.assignment_id', '=', 'a.id')
        .as('graded'),
    )
    .where('a.evaluator_account_id', '=', accountId)
    .where('a.conflict_kind', 'is', null)
    .where('r.status', '=', 'grading')
    .orderBy('r.id')
    .orderBy('c.id')
    .execute();
}
