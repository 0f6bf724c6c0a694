/**
 * Foundation schema: programme reference data, the cluster network, outcome reports,
 * criteria templates, accounts with role grants, sessions and the hash-chained audit log.
 *
 * Frozen history: never edit after it has shipped; add a new migration instead.
 * Portable choices (see docs/decisions/0003-portable-column-types.md): timestamps are ISO-8601
 * UTC text, flags are integers 0/1, JSON is text, money is bigint yen.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-increment integer primary key in either engine. */
function withId<T extends { addColumn: (...a: any[]) => T }>(db: Kysely<any>, table: T): T {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c: any) => c.primaryKey())
    : table.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());
}

/** created_at / updated_at / version columns shared by every editable record. */
function withTracking<T extends { addColumn: (...a: any[]) => T }>(table: T): T {
  return table
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull());
}

export async function up(db: Kysely<any>): Promise<void> {
  await withTracking(
    withId(db, db.schema.createTable('programmes'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('name_ja', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('ministry_ja', 'text', (c) => c.notNull())
      .addColumn('ministry_en', 'text', (c) => c.notNull())
      .addColumn('yen_per_usd', 'integer', (c) => c.notNull())
      .addColumn('annual_budget_per_cluster_yen', 'bigint', (c) => c.notNull())
      .addColumn('duration_years', 'integer', (c) => c.notNull())
      .addColumn('candidate_regions', 'integer')
      .addColumn('participant_organizations', 'integer')
      .addColumn('participant_researchers', 'integer')
      .addColumn('source', 'text', (c) => c.notNull()),
  ).execute();

  await db.schema
    .createTable('key_fields')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('is_basic_plan_priority', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('prefectures')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('region_key', 'text', (c) => c.notNull())
    .execute();

  await withTracking(
    withId(db, db.schema.createTable('organizations'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name_ja', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('prefecture_code', 'text', (c) => c.references('prefectures.code'))
      .addColumn('url', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text'),
  ).execute();
  await db.schema.createIndex('organizations_name_en_idx').on('organizations').column('name_en').execute();

  await withTracking(
    withId(db, db.schema.createTable('people'))
      .addColumn('name_ja', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('title_ja', 'text')
      .addColumn('title_en', 'text')
      .addColumn('email', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text'),
  ).execute();

  await withTracking(
    withId(db, db.schema.createTable('clusters'))
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('name_ja', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('theme_ja', 'text')
      .addColumn('theme_en', 'text')
      .addColumn('summary_ja', 'text')
      .addColumn('summary_en', 'text')
      .addColumn('key_field_key', 'text', (c) => c.notNull().references('key_fields.key'))
      .addColumn('start_fy', 'integer', (c) => c.notNull())
      .addColumn('end_fy', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('core_organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('is_published', 'integer', (c) => c.notNull())
      .addColumn('confidence', 'text')
      .addColumn('source', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('clusters_programme_idx').on('clusters').column('programme_id').execute();

  await db.schema
    .createTable('cluster_prefectures')
    .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
    .addColumn('prefecture_code', 'text', (c) => c.notNull().references('prefectures.code'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('cluster_prefectures_pk', ['cluster_id', 'prefecture_code'])
    .execute();

  await withTracking(
    withId(db, db.schema.createTable('cluster_members'))
      .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
      .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('from_fy', 'integer', (c) => c.notNull())
      .addColumn('to_fy', 'integer')
      .addColumn('note', 'text')
      .addColumn('withdrawn_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('cluster_members_cluster_idx')
    .on('cluster_members')
    .column('cluster_id')
    .execute();

  await withTracking(
    withId(db, db.schema.createTable('cluster_staff'))
      .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('from_fy', 'integer', (c) => c.notNull())
      .addColumn('to_fy', 'integer')
      .addColumn('note', 'text')
      .addColumn('withdrawn_at', 'text'),
  ).execute();
  await db.schema.createIndex('cluster_staff_cluster_idx').on('cluster_staff').column('cluster_id').execute();

  await db.schema
    .createTable('indicators')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('label_ja', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('group_label_ja', 'text', (c) => c.notNull())
    .addColumn('group_label_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  await withTracking(
    withId(db, db.schema.createTable('outcome_reports'))
      .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
      .addColumn('fy_from', 'integer', (c) => c.notNull())
      .addColumn('fy_to', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('report_version', 'integer', (c) => c.notNull())
      .addColumn('supersedes_id', 'integer', (c) => c.references('outcome_reports.id'))
      .addColumn('reason', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('accepted_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('outcome_reports_cluster_idx')
    .on('outcome_reports')
    .columns(['cluster_id', 'fy_from', 'fy_to'])
    .execute();

  await db.schema
    .createTable('outcome_values')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('outcome_reports.id'))
    .addColumn('indicator_key', 'text', (c) => c.notNull().references('indicators.key'))
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('outcome_values_pk', ['report_id', 'indicator_key'])
    .execute();

  await withId(db, db.schema.createTable('criteria_templates'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_ja', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('grades_json', 'text')
    .addColumn('scheme_json', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('criteria_items'))
    .addColumn('template_id', 'integer', (c) => c.notNull().references('criteria_templates.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('parent_key', 'text')
    .addColumn('label_ja', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('aspects_json', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addUniqueConstraint('criteria_items_template_key_uq', ['template_id', 'key'])
    .execute();

  await withTracking(
    withId(db, db.schema.createTable('accounts'))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('person_id', 'integer', (c) => c.references('people.id'))
      .addColumn('last_sign_in_at', 'text'),
  ).execute();

  await withId(db, db.schema.createTable('role_grants'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('role_grants_account_idx').on('role_grants').column('account_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_account_idx').on('sessions').column('account_id').execute();

  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('limiter_key', 'text', (c) => c.notNull())
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_attempts_key_idx')
    .on('sign_in_attempts')
    .columns(['limiter_key', 'attempted_at'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_id', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_entity_idx')
    .on('audit_log')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').column('actor_account_id').execute();

  // One row holding the chain's head; updating it inside each audited transaction serialises
  // appends on PostgreSQL (row lock) as SQLite's single writer already does.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_head',
    'audit_log',
    'sign_in_attempts',
    'sessions',
    'role_grants',
    'accounts',
    'criteria_items',
    'criteria_templates',
    'outcome_values',
    'outcome_reports',
    'indicators',
    'cluster_staff',
    'cluster_members',
    'cluster_prefectures',
    'clusters',
    'people',
    'organizations',
    'prefectures',
    'key_fields',
    'programmes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
