/** Matches and their pipeline steps: Kysely only, portable across SQLite and PostgreSQL. */
import type { Insertable } from 'kysely';
import type { Db } from '../../context';
import type { OutcomeItemRef } from './listing.repo';
import type { MatchRow, MatchStepRow, MatchStepTable, MatchTable } from './matching.table';

export interface MatchWithParties extends MatchRow {
  seed_title_ja: string | null;
  seed_title_en: string | null;
  seed_cluster_id: number;
  cluster_key: string;
  cluster_name_ja: string;
  cluster_name_en: string;
  need_title_ja: string | null;
  need_title_en: string | null;
  need_organization_id: number;
  need_confidential: number;
  company_name_ja: string;
  company_name_en: string;
  proposer_name: string;
  seed_answerer_name: string | null;
  need_answerer_name: string | null;
}

function matchesQuery(db: Db) {
  return db
    .selectFrom('matches')
    .innerJoin('seeds', 'seeds.id', 'matches.seed_id')
    .innerJoin('clusters', 'clusters.id', 'seeds.cluster_id')
    .innerJoin('needs', 'needs.id', 'matches.need_id')
    .innerJoin('organizations', 'organizations.id', 'needs.organization_id')
    .innerJoin('accounts as proposer', 'proposer.id', 'matches.proposed_by')
    .leftJoin('accounts as seed_answerer', 'seed_answerer.id', 'matches.seed_answered_by')
    .leftJoin('accounts as need_answerer', 'need_answerer.id', 'matches.need_answered_by')
    .selectAll('matches')
    .select([
      'seeds.title_ja as seed_title_ja',
      'seeds.title_en as seed_title_en',
      'seeds.cluster_id as seed_cluster_id',
      'clusters.key as cluster_key',
      'clusters.name_ja as cluster_name_ja',
      'clusters.name_en as cluster_name_en',
      'needs.title_ja as need_title_ja',
      'needs.title_en as need_title_en',
      'needs.organization_id as need_organization_id',
      'needs.confidential as need_confidential',
      'organizations.name_ja as company_name_ja',
      'organizations.name_en as company_name_en',
      'proposer.display_name as proposer_name',
      'seed_answerer.display_name as seed_answerer_name',
      'need_answerer.display_name as need_answerer_name',
    ]);
}

export async function findMatch(db: Db, id: number): Promise<MatchWithParties | undefined> {
  return matchesQuery(db).where('matches.id', '=', id).executeTakeFirst();
}

export interface MatchFilter {
  stage?: string;
  proposedBy?: number;
  seedId?: number;
  needId?: number;
  /** Narrow to matches of these clusters' seeds or these companies' needs (null: all). */
  parties: { clusterIds: number[]; organizationIds: number[] } | null;
}

export async function listMatches(db: Db, filter: MatchFilter): Promise<MatchWithParties[]> {
  let query = matchesQuery(db);
  if (filter.stage) query = query.where('matches.stage', '=', filter.stage);
  if (filter.proposedBy) query = query.where('matches.proposed_by', '=', filter.proposedBy);
  if (filter.seedId) query = query.where('matches.seed_id', '=', filter.seedId);
  if (filter.needId) query = query.where('matches.need_id', '=', filter.needId);
  const parties = filter.parties;
  if (parties) {
    if (parties.clusterIds.length === 0 && parties.organizationIds.length === 0) return [];
    query = query.where((eb) =>
      eb.or([
        ...(parties.clusterIds.length > 0 ? [eb('seeds.cluster_id', 'in', parties.clusterIds)] : []),
        ...(parties.organizationIds.length > 0
          ? [eb('needs.organization_id', 'in', parties.organizationIds)]
          : []),
      ]),
    );
  }
  return query.orderBy('matches.updated_at', 'desc').orderBy('matches.id', 'desc').execute();
}

export async function findMatchByPair(db: Db, seedId: number, needId: number): Promise<MatchRow | undefined> {
  return db
    .selectFrom('matches')
    .selectAll()
    .where('seed_id', '=', seedId)
    .where('need_id', '=', needId)
    .executeTakeFirst();
}

/** The matches already proposed for the pairs (id and board stage), keyed "seedId:needId". */
export async function matchesForPairs(
  db: Db,
  pairs: { seedId: number; needId: number }[],
): Promise<Map<string, { id: number; stage: string }>> {
  const result = new Map<string, { id: number; stage: string }>();
  if (pairs.length === 0) return result;
  const rows = await db
    .selectFrom('matches')
    .select(['id', 'seed_id', 'need_id', 'stage'])
    .where('seed_id', 'in', [...new Set(pairs.map((p) => p.seedId))])
    .where('need_id', 'in', [...new Set(pairs.map((p) => p.needId))])
    .execute();
  for (const r of rows) result.set(`${r.seed_id}:${r.need_id}`, { id: r.id, stage: r.stage });
  return result;
}

export async function insertMatch(db: Db, row: Insertable<MatchTable>): Promise<MatchRow> {
  return db.insertInto('matches').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateMatchAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<MatchRow, 'id' | 'version'>>,
): Promise<MatchRow | undefined> {
  return db
    .updateTable('matches')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function insertStep(db: Db, row: Insertable<MatchStepTable>): Promise<MatchStepRow> {
  return db.insertInto('match_steps').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function linkStepOutcomeItems(db: Db, stepId: number, itemIds: number[]): Promise<void> {
  if (itemIds.length === 0) return;
  await db
    .insertInto('match_step_outcome_items')
    .values(itemIds.map((outcome_item_id) => ({ step_id: stepId, outcome_item_id })))
    .execute();
}

export interface StepWithRecorder extends MatchStepRow {
  recorder_name: string;
}

/** Each match's steps in the order they happened (then recorded). */
export async function stepsOf(db: Db, matchIds: number[]): Promise<Map<number, StepWithRecorder[]>> {
  const result = new Map<number, StepWithRecorder[]>();
  if (matchIds.length === 0) return result;
  const rows = await db
    .selectFrom('match_steps')
    .innerJoin('accounts', 'accounts.id', 'match_steps.recorded_by')
    .selectAll('match_steps')
    .select('accounts.display_name as recorder_name')
    .where('match_steps.match_id', 'in', matchIds)
    .orderBy('match_steps.occurred_on')
    .orderBy('match_steps.id')
    .execute();
  for (const r of rows) {
    const list = result.get(r.match_id) ?? [];
    list.push(r);
    result.set(r.match_id, list);
  }
  return result;
}

export async function stepOutcomeItems(db: Db, stepIds: number[]): Promise<Map<number, OutcomeItemRef[]>> {
  const result = new Map<number, OutcomeItemRef[]>();
  if (stepIds.length === 0) return result;
  const rows = await db
    .selectFrom('match_step_outcome_items')
    .innerJoin('outcome_items', 'outcome_items.id', 'match_step_outcome_items.outcome_item_id')
    .select([
      'match_step_outcome_items.step_id',
      'outcome_items.id',
      'outcome_items.cluster_id',
      'outcome_items.kind',
      'outcome_items.title',
      'outcome_items.fiscal_year',
    ])
    .where('match_step_outcome_items.step_id', 'in', stepIds)
    .orderBy('outcome_items.id')
    .execute();
  for (const { step_id, ...item } of rows) {
    const list = result.get(step_id) ?? [];
    list.push(item);
    result.set(step_id, list);
  }
  return result;
}

/** Every step with its match's proposer, for the coordinators' activity summary. */
export async function stepsForSummary(
  db: Db,
  from: string | undefined,
  to: string | undefined,
): Promise<
  {
    proposed_by: number;
    step: string;
    occurred_on: string;
    joint_research_json: string | null;
    sales_yen: MatchStepRow['sales_yen'];
    recorded_at: string;
  }[]
> {
  let query = db
    .selectFrom('match_steps')
    .innerJoin('matches', 'matches.id', 'match_steps.match_id')
    .select([
      'matches.proposed_by',
      'match_steps.step',
      'match_steps.occurred_on',
      'match_steps.joint_research_json',
      'match_steps.sales_yen',
      'match_steps.recorded_at',
    ]);
  if (from) query = query.where('match_steps.occurred_on', '>=', from);
  if (to) query = query.where('match_steps.occurred_on', '<=', to);
  return query.execute();
}
