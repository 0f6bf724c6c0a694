/**
 * Selection (issue 4): calls for proposals with a frozen copy of their criteria, proposals with
 * attachments, the reviewer pool and profiles, review assignments, conflicts of interest, reviews
 * with a score per criterion, the consensus step and decisions. A selected proposal becomes a
 * cluster (proposals.cluster_id).
 *
 * Frozen history: never edit after it has shipped; add a new migration instead.
 * Same portable choices as the foundation: ISO-8601 text timestamps, integer flags, JSON as text,
 * money as bigint yen, scores as double precision (a scale may step by 0.5).
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

  // A call. The criteria are frozen into criteria_json when the call is created (groups and items
  // with weights and per-criterion thresholds), so editing a template never changes a running
  // call. A second-stage call names the first stage (previous_call_id): only proposals shortlisted
  // there may enter it, like the 2001 feasibility stage before full plans.
  await withTracking(
    withId(db, db.schema.createTable('calls'))
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('title_ja', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('description_ja', 'text')
      .addColumn('description_en', 'text')
      // draft → open → review → decision → published; closed when cancelled.
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('stage', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('previous_call_id', 'integer', (c) => c.references('calls.id'))
      .addColumn('slots', 'integer', (c) => c.notNull())
      .addColumn('budget_per_cluster_yen', 'bigint', (c) => c.notNull())
      .addColumn('total_budget_yen', 'bigint')
      .addColumn('submission_deadline', 'text', (c) => c.notNull())
      .addColumn('grace_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('review_deadline', 'text', (c) => c.notNull())
      .addColumn('decision_deadline', 'text', (c) => c.notNull())
      .addColumn('criteria_template_id', 'integer', (c) => c.references('criteria_templates.id'))
      .addColumn('criteria_json', 'text', (c) => c.notNull())
      .addColumn('scale_json', 'text', (c) => c.notNull())
      .addColumn('overall_threshold', real)
      .addColumn('aggregation', 'text', (c) => c.notNull())
      .addColumn('tie_break_json', 'text', (c) => c.notNull())
      .addColumn('disagreement_json', 'text', (c) => c.notNull())
      .addColumn('required_documents_json', 'text', (c) => c.notNull())
      .addColumn('reviewers_per_proposal', 'integer', (c) => c.notNull())
      .addColumn('reviewer_cap', 'integer', (c) => c.notNull())
      .addColumn('reviews_revealed_at', 'text')
      // The announcement date an officer sets, and when the result was actually published.
      .addColumn('publish_on', 'text')
      .addColumn('published_at', 'text')
      // Synthetic data from `kcp demo` is labelled here and in every view of it.
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('accounts.id')),
  ).execute();
  await db.schema
    .createIndex('calls_fiscal_year_idx')
    .on('calls')
    .columns(['fiscal_year', 'status'])
    .execute();

  // A proposal: one region's cluster plan for a call. Participants, narratives per criterion group
  // and the 5-year budget plan are JSON: they are read and written whole with the proposal and
  // become cluster members, budget lines and targets only on selection.
  await withTracking(
    withId(db, db.schema.createTable('proposals'))
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id'))
      .addColumn('proposer_organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
      .addColumn('title_ja', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('region_ja', 'text', (c) => c.notNull())
      .addColumn('region_en', 'text', (c) => c.notNull())
      .addColumn('prefectures_json', 'text', (c) => c.notNull())
      .addColumn('key_field_key', 'text', (c) => c.notNull().references('key_fields.key'))
      .addColumn('core_organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('headquarters_plan', 'text')
      .addColumn('participants_json', 'text', (c) => c.notNull())
      .addColumn('narratives_json', 'text', (c) => c.notNull())
      .addColumn('budget_plan_json', 'text', (c) => c.notNull())
      .addColumn('targets_json', 'text', (c) => c.notNull())
      // The yearly MEXT subsidy it asks for (the largest year of its plan), for the budget check.
      .addColumn('requested_yen', 'bigint', (c) => c.notNull())
      // draft → submitted → (withdrawn); a decision is kept in proposal_decisions.
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('withdrawn_at', 'text')
      .addColumn('reopened_at', 'text')
      .addColumn('reopened_by', 'integer', (c) => c.references('accounts.id'))
      .addColumn('reopen_reason', 'text')
      .addColumn('previous_proposal_id', 'integer', (c) => c.references('proposals.id'))
      .addColumn('cluster_id', 'integer', (c) => c.references('clusters.id'))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('accounts.id')),
  ).execute();
  await db.schema.createIndex('proposals_call_idx').on('proposals').columns(['call_id', 'status']).execute();
  await db.schema
    .createIndex('proposals_proposer_idx')
    .on('proposals')
    .column('proposer_organization_id')
    .execute();

  // Files: bytes live under KCP_DATA_DIR at storage_key; the row keeps what was checked.
  await withId(db, db.schema.createTable('attachments'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('document_key', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('attachments_owner_idx')
    .on('attachments')
    .columns(['owner_type', 'owner_id'])
    .execute();

  // What a reviewer brings: expertise (key fields) and recent collaborators, beside the
  // affiliation their person record already holds. Used for assignment and conflict detection.
  await withTracking(
    withId(db, db.schema.createTable('reviewer_profiles'))
      .addColumn('account_id', 'integer', (c) => c.notNull().unique().references('accounts.id'))
      .addColumn('key_fields_json', 'text', (c) => c.notNull())
      .addColumn('collaborator_organization_ids_json', 'text', (c) => c.notNull())
      .addColumn('prefecture_code', 'text', (c) => c.references('prefectures.code')),
  ).execute();

  // The reviewer pool of a call, with an optional load cap below the call's.
  await db.schema
    .createTable('call_reviewers')
    .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('max_load', 'integer')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_reviewers_pk', ['call_id', 'account_id'])
    .execute();

  // Who reviews what. The reviewer declares conflicts (or none) before opening the proposal.
  await withId(db, db.schema.createTable('review_assignments'))
    .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
    .addColumn('reviewer_account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('removed_reason', 'text')
    .execute();
  await db.schema
    .createIndex('review_assignments_proposal_idx')
    .on('review_assignments')
    .columns(['proposal_id', 'reviewer_account_id'])
    .execute();
  await db.schema
    .createIndex('review_assignments_reviewer_idx')
    .on('review_assignments')
    .columns(['reviewer_account_id', 'call_id'])
    .execute();

  // Conflicts of interest, detected from affiliations or declared; an officer confirms or dismisses.
  await withId(db, db.schema.createTable('conflicts'))
    .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
    .addColumn('reviewer_account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ruled_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('ruled_at', 'text')
    .addColumn('ruling_note', 'text')
    .addUniqueConstraint('conflicts_pair_kind_uq', ['proposal_id', 'reviewer_account_id', 'kind'])
    .execute();
  await db.schema.createIndex('conflicts_call_idx').on('conflicts').columns(['call_id', 'status']).execute();

  // A review: one per assignment, draft until submitted; a score and comment per criterion item.
  await withTracking(
    withId(db, db.schema.createTable('reviews'))
      .addColumn('assignment_id', 'integer', (c) => c.notNull().unique().references('review_assignments.id'))
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id'))
      .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
      .addColumn('reviewer_account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('overall_comment', 'text')
      .addColumn('submitted_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('reviews_proposal_idx')
    .on('reviews')
    .columns(['proposal_id', 'status'])
    .execute();
  await db.schema
    .createTable('review_scores')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id'))
    .addColumn('criterion_key', 'text', (c) => c.notNull())
    .addColumn('score', real, (c) => c.notNull())
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('review_scores_pk', ['review_id', 'criterion_key'])
    .execute();

  // The consensus step: the agreed score per criterion where reviewers disagreed. The individual
  // review_scores stay as they were.
  await db.schema
    .createTable('consensus_scores')
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
    .addColumn('criterion_key', 'text', (c) => c.notNull())
    .addColumn('score', real, (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('moderator_account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consensus_scores_pk', ['proposal_id', 'criterion_key'])
    .execute();

  // Decisions: selected, trial (a "trial region"), shortlisted (first stage) or rejected, each with
  // a reason. A changed decision supersedes the earlier row, which stays for the record.
  await withId(db, db.schema.createTable('proposal_decisions'))
    .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('consolidated_comment', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  await db.schema
    .createIndex('proposal_decisions_proposal_idx')
    .on('proposal_decisions')
    .columns(['proposal_id', 'superseded_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'proposal_decisions',
    'consensus_scores',
    'review_scores',
    'reviews',
    'conflicts',
    'review_assignments',
    'call_reviewers',
    'reviewer_profiles',
    'attachments',
    'proposals',
    'calls',
  ])
    await db.schema.dropTable(table).execute();
}
