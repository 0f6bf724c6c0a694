/**
 * Evaluation rounds (issue 5): the intermediate (and ex-post) evaluation of running clusters —
 * self-evaluation reports, the weighting group's weights, interviews, S/A/B/C grades by the
 * evaluating group, published results, findings with headquarters' responses, and the allocation
 * of the next fiscal year's subsidy that writes budget lines.
 *
 * The people who weight (weighting members) and the people who grade (evaluators) are kept apart:
 * both are round members, with different roles, and a weight set is locked before any grade is
 * revealed. Proposal attachments' generic `attachments` table (owner_type 'self_evaluation')
 * holds the self-evaluation's files.
 *
 * Frozen history: never edit after it has shipped; add a new migration instead.
 */
import { type Kysely, PostgresAdapter } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function withId<T extends { addColumn: (...a: any[]) => T }>(db: Kysely<any>, table: T): T {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c: any) => c.primaryKey())
    : table.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());
}

function withTracking<T extends { addColumn: (...a: any[]) => T }>(table: T): T {
  return table
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull());
}

export async function up(db: Kysely<any>): Promise<void> {
  const real = isPostgres(db) ? 'double precision' : 'real';

  // A round. Its criteria tree and grade scale are frozen into JSON when it opens (editable while
  // draft), so a later template edit never changes a running round. Status moves by the officer:
  // draft → self_evaluation → weighting → grading → scoring → published → closed; the phases'
  // planned dates (phases_json) are shown and remind, the status decides what may be written.
  await withTracking(
    withId(db, db.schema.createTable('evaluation_rounds'))
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      // The fiscal year whose subsidy the results adjust (FY2005 for the FY2004 round).
      .addColumn('allocation_fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('title_ja', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('criteria_template_id', 'integer', (c) => c.references('criteria_templates.id'))
      .addColumn('criteria_json', 'text', (c) => c.notNull())
      .addColumn('scale_json', 'text', (c) => c.notNull())
      .addColumn('bands_json', 'text', (c) => c.notNull())
      .addColumn('phases_json', 'text', (c) => c.notNull())
      .addColumn('announce_on', 'text')
      .addColumn('published_at', 'text')
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('accounts.id')),
  ).execute();

  // The clusters a round evaluates (e.g. every cluster that started in FY2002).
  await db.schema
    .createTable('round_clusters')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
    .addPrimaryKeyConstraint('round_clusters_pk', ['round_id', 'cluster_id'])
    .execute();

  // The round's people: evaluators and weighting members (one may not be both in one round); the
  // weighting group's chair may adjust the mean weights, with a reason, before they are locked.
  await db.schema
    .createTable('round_members')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('is_chair', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_members_pk', ['round_id', 'account_id'])
    .execute();

  // Which evaluator grades which cluster. A conflict of interest (same organization or
  // prefecture, detected or declared) excludes the pair: conflict_kind set, no grades count.
  await withId(db, db.schema.createTable('round_assignments'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
    .addColumn('evaluator_account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('conflict_kind', 'text')
    .addColumn('conflict_note', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('round_assignments_uq', ['round_id', 'cluster_id', 'evaluator_account_id'])
    .execute();

  // Headquarters' self-evaluation report: a narrative per criterion item (JSON item key → text).
  await withTracking(
    withId(db, db.schema.createTable('self_evaluations'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
      .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('narratives_json', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('submitted_by', 'integer', (c) => c.references('accounts.id'))
      .addUniqueConstraint('self_evaluations_uq', ['round_id', 'cluster_id']),
  ).execute();

  // A weighting member's proposed weight per item; the round's weights are their mean.
  await db.schema
    .createTable('weight_proposals')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('weight', real, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('weight_proposals_pk', ['round_id', 'account_id', 'item_key'])
    .execute();

  // Versioned weight sets (normalised to sum to 100). Version 1 is the members' mean; a chair's
  // adjustment adds a version with its reason. Exactly one set per round is locked, and results
  // name the set they used.
  await withId(db, db.schema.createTable('weight_sets'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('weights_json', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('member_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text')
    .addColumn('locked_by', 'integer', (c) => c.references('accounts.id'))
    .addUniqueConstraint('weight_sets_version_uq', ['round_id', 'version'])
    .execute();

  // Interviews per cluster: when, where, who attended, and minutes against criterion items.
  await withTracking(
    withId(db, db.schema.createTable('interviews'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
      .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
      .addColumn('held_at', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('attendees_json', 'text', (c) => c.notNull())
      .addColumn('minutes_json', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('interviews_round_idx')
    .on('interviews')
    .columns(['round_id', 'cluster_id'])
    .execute();

  // One grade per assignment and item, with the evaluator's comment.
  await db.schema
    .createTable('grades')
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('round_assignments.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grades_pk', ['assignment_id', 'item_key'])
    .execute();

  // The published result per cluster: a snapshot, so a later correction is a new publication.
  await withId(db, db.schema.createTable('round_results'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
    .addColumn('weight_set_id', 'integer', (c) => c.notNull().references('weight_sets.id'))
    .addColumn('total_score', real)
    .addColumn('score_100', real)
    .addColumn('rank', 'integer')
    .addColumn('band', 'text')
    .addColumn('evaluator_count', 'integer', (c) => c.notNull())
    .addColumn('comment_ja', 'text')
    .addColumn('comment_en', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('round_results_uq', ['round_id', 'cluster_id'])
    .execute();

  // Findings ("issues to be solved") per cluster, tagged; headquarters respond; follow-up is
  // tracked into the next round (follow_up_round_id).
  await withTracking(
    withId(db, db.schema.createTable('findings'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
      .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('text_ja', 'text', (c) => c.notNull())
      .addColumn('text_en', 'text', (c) => c.notNull())
      .addColumn('response', 'text')
      .addColumn('responded_at', 'text')
      .addColumn('responded_by', 'integer', (c) => c.references('accounts.id'))
      .addColumn('follow_up_status', 'text', (c) => c.notNull())
      .addColumn('follow_up_round_id', 'integer', (c) => c.references('evaluation_rounds.id'))
      .addColumn('created_by', 'integer', (c) => c.references('accounts.id')),
  ).execute();
  await db.schema
    .createIndex('findings_cluster_idx')
    .on('findings')
    .columns(['cluster_id', 'round_id'])
    .execute();

  // The next fiscal year's allocation: the rule (bands → adjustments, fixed total, floor,
  // ceiling, unit) and a line per cluster; committing writes the budget ledger.
  await withTracking(
    withId(db, db.schema.createTable('allocation_plans'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('rule_json', 'text', (c) => c.notNull())
      .addColumn('lines_json', 'text', (c) => c.notNull())
      .addColumn('total_yen', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('committed_at', 'text')
      .addColumn('committed_by', 'integer', (c) => c.references('accounts.id')),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'allocation_plans',
    'findings',
    'round_results',
    'grades',
    'interviews',
    'weight_sets',
    'weight_proposals',
    'self_evaluations',
    'round_assignments',
    'round_members',
    'round_clusters',
    'evaluation_rounds',
  ])
    await db.schema.dropTable(table).execute();
}
