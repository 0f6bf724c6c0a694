/**
 * Seeds to business (issue 6): technology seeds offered by clusters, needs posted by companies,
 * matches a coordinator proposes between them, each side's expression of interest, and the dated
 * pipeline steps up to sales, linked to the outcome items they produced.
 *
 * Texts are kept per language (either may be empty, not both — the service checks). Keywords are
 * a JSON array. `matching_revision` holds one counter per index (seeds, needs) bumped in every
 * transaction that changes what matching reads, so each app process rebuilds its in-memory index
 * only when something changed (any process, same database).
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

/** The review and expiry columns seeds and needs share. */
function withListing<T extends { addColumn: (...a: any[]) => T }>(table: T): T {
  return (
    table
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('review_note', 'text')
      .addColumn('reviewed_by', 'integer', (c: any) => c.references('accounts.id'))
      .addColumn('reviewed_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('expires_on', 'text')
      // Demo listings (kcp demo) are labelled and removable, never mixed with real ones silently.
      .addColumn('is_demo', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c: any) => c.references('accounts.id'))
  );
}

export async function up(db: Kysely<any>): Promise<void> {
  await withTracking(
    withListing(
      withId(db, db.schema.createTable('seeds'))
        .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
        .addColumn('title_ja', 'text')
        .addColumn('title_en', 'text')
        .addColumn('summary_ja', 'text')
        .addColumn('summary_en', 'text')
        .addColumn('key_field', 'text', (c) => c.notNull())
        .addColumn('keywords_json', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('licensing_status', 'text', (c) => c.notNull())
        .addColumn('coordinator_account_id', 'integer', (c) => c.references('accounts.id')),
    ),
  ).execute();
  await db.schema.createIndex('seeds_cluster_idx').on('seeds').column('cluster_id').execute();
  await db.schema.createIndex('seeds_status_idx').on('seeds').columns(['status', 'expires_on']).execute();

  await db.schema
    .createTable('seed_outcome_items')
    .addColumn('seed_id', 'integer', (c) => c.notNull().references('seeds.id'))
    .addColumn('outcome_item_id', 'integer', (c) => c.notNull().references('outcome_items.id'))
    .addPrimaryKeyConstraint('seed_outcome_items_pk', ['seed_id', 'outcome_item_id'])
    .execute();

  await withTracking(
    withListing(
      withId(db, db.schema.createTable('needs'))
        .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('title_ja', 'text')
        .addColumn('title_en', 'text')
        .addColumn('description_ja', 'text')
        .addColumn('description_en', 'text')
        .addColumn('key_field', 'text', (c) => c.notNull())
        .addColumn('prefecture_code', 'text')
        .addColumn('wanted_by', 'text')
        .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
        // When the company agreed to show its name (a confidential need made open).
        .addColumn('disclosed_at', 'text'),
    ),
  ).execute();
  await db.schema.createIndex('needs_organization_idx').on('needs').column('organization_id').execute();
  await db.schema.createIndex('needs_status_idx').on('needs').columns(['status', 'expires_on']).execute();

  // One match per seed × need. Answers: pending | interested | declined, with the expression of
  // interest (offer, seek, next) as JSON. The explanation is the ranking's at proposal time.
  await withTracking(
    withId(db, db.schema.createTable('matches'))
      .addColumn('seed_id', 'integer', (c) => c.notNull().references('seeds.id'))
      .addColumn('need_id', 'integer', (c) => c.notNull().references('needs.id'))
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('explanation_json', 'text')
      .addColumn('proposed_by', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('seed_answer', 'text', (c) => c.notNull())
      .addColumn('seed_interest_json', 'text')
      .addColumn('seed_reason', 'text')
      .addColumn('seed_answered_by', 'integer', (c) => c.references('accounts.id'))
      .addColumn('seed_answered_at', 'text')
      .addColumn('need_answer', 'text', (c) => c.notNull())
      .addColumn('need_interest_json', 'text')
      .addColumn('need_reason', 'text')
      .addColumn('need_answered_by', 'integer', (c) => c.references('accounts.id'))
      .addColumn('need_answered_at', 'text')
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('closed_reason', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('matches_pair_unique', ['seed_id', 'need_id']),
  ).execute();
  await db.schema.createIndex('matches_need_idx').on('matches').column('need_id').execute();
  await db.schema.createIndex('matches_proposed_by_idx').on('matches').column('proposed_by').execute();

  await withId(db, db.schema.createTable('match_steps'))
    .addColumn('match_id', 'integer', (c) => c.notNull().references('matches.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('attendees_json', 'text', (c) => c.notNull())
    .addColumn('joint_research_json', 'text')
    .addColumn('sales_yen', 'bigint')
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('match_steps_match_idx').on('match_steps').column('match_id').execute();

  await db.schema
    .createTable('match_step_outcome_items')
    .addColumn('step_id', 'integer', (c) => c.notNull().references('match_steps.id'))
    .addColumn('outcome_item_id', 'integer', (c) => c.notNull().references('outcome_items.id'))
    .addPrimaryKeyConstraint('match_step_outcome_items_pk', ['step_id', 'outcome_item_id'])
    .execute();

  await db.schema
    .createTable('matching_revision')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('matching_revision')
    .values([
      { name: 'seeds', revision: 0 },
      { name: 'needs', revision: 0 },
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'matching_revision',
    'match_step_outcome_items',
    'match_steps',
    'matches',
    'needs',
    'seed_outcome_items',
    'seeds',
  ])
    await db.schema.dropTable(table).execute();
}
