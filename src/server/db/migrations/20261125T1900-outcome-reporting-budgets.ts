/**
 * Outcome reporting and budgets (issue 3): the workflow trail of yearly reports, itemised
 * evidence behind each indicator, numerical targets, the budget ledger, reporting deadlines and
 * import jobs whose progress lives in the database so any process can report it.
 *
 * Frozen history: never edit after it has shipped; add a new migration instead.
 * Same portable choices as the foundation: ISO-8601 text timestamps and dates, integer flags,
 * JSON as text, money as bigint yen.
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
  // Who prepared the report, how many researchers took part (for per-researcher analytics) and
  // the comment of the last return to headquarters.
  await db.schema.alterTable('outcome_reports').addColumn('researcher_count', 'integer').execute();
  await db.schema.alterTable('outcome_reports').addColumn('return_comment', 'text').execute();
  await db.schema.alterTable('outcome_reports').addColumn('returned_at', 'text').execute();
  await db.schema
    .alterTable('outcome_reports')
    .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
    .execute();
  await db.schema
    .createIndex('outcome_reports_status_idx')
    .on('outcome_reports')
    .columns(['status', 'fy_from'])
    .execute();

  // Every step of a report's workflow with its comment: submitted, returned, accepted, corrected.
  await withId(db, db.schema.createTable('outcome_report_events'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('outcome_reports.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outcome_report_events_report_idx')
    .on('outcome_report_events')
    .column('report_id')
    .execute();

  // Itemised evidence. One table for the six kinds: the columns a kind does not use stay null
  // (src/domain/outcome-items.ts says which belong to which kind). cluster_id and fiscal_year are
  // copied from the report so duplicates and open-data filters need no join.
  await withTracking(
    withId(db, db.schema.createTable('outcome_items'))
      .addColumn('report_id', 'integer', (c) => c.notNull().references('outcome_reports.id'))
      .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      // What makes an item the same item on re-import: DOI, application number, or a digest.
      .addColumn('natural_key', 'text', (c) => c.notNull())
      .addColumn('authors', 'text')
      .addColumn('venue', 'text')
      .addColumn('pub_year', 'integer')
      .addColumn('doi', 'text')
      .addColumn('scope', 'text')
      .addColumn('application_number', 'text')
      .addColumn('filing_date', 'text')
      .addColumn('country', 'text')
      .addColumn('patent_status', 'text')
      .addColumn('granted_date', 'text')
      .addColumn('owner_kind', 'text')
      .addColumn('owner_name', 'text')
      .addColumn('recipient', 'text')
      .addColumn('company', 'text')
      .addColumn('launch_date', 'text')
      .addColumn('media', 'text')
      .addColumn('outlet', 'text')
      .addColumn('item_date', 'text')
      .addColumn('programme_name', 'text')
      .addColumn('funder', 'text')
      .addColumn('amount_yen', 'bigint')
      .addColumn('period_from_fy', 'integer')
      .addColumn('period_to_fy', 'integer')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema
    .createIndex('outcome_items_report_key_uq')
    .on('outcome_items')
    .columns(['report_id', 'kind', 'natural_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('outcome_items_cluster_idx')
    .on('outcome_items')
    .columns(['cluster_id', 'fiscal_year', 'kind'])
    .execute();
  await db.schema.createIndex('outcome_items_doi_idx').on('outcome_items').column('doi').execute();
  await db.schema
    .createIndex('outcome_items_application_idx')
    .on('outcome_items')
    .column('application_number')
    .execute();

  // Numerical targets of the 5-year plan: one per cluster, indicator and fiscal year.
  await withTracking(
    withId(db, db.schema.createTable('targets'))
      .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
      .addColumn('indicator_key', 'text', (c) => c.notNull().references('indicators.key'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('baseline', 'bigint')
      .addColumn('target', 'bigint', (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();
  await db.schema
    .createIndex('targets_cluster_indicator_fy_uq')
    .on('targets')
    .columns(['cluster_id', 'indicator_key', 'fiscal_year'])
    .unique()
    .execute();

  // The budget ledger: programme-level lines have no cluster. line_key (scope|fy|kind|source)
  // is unique so a re-imported line updates instead of duplicating (a null cluster_id would
  // escape a unique index on PostgreSQL).
  await withTracking(
    withId(db, db.schema.createTable('budget_lines'))
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('cluster_id', 'integer', (c) => c.references('clusters.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount_yen', 'bigint', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('line_key', 'text', (c) => c.notNull().unique()),
  ).execute();
  await db.schema
    .createIndex('budget_lines_cluster_fy_idx')
    .on('budget_lines')
    .columns(['cluster_id', 'fiscal_year'])
    .execute();

  // The date by which every cluster's report for a fiscal year is due.
  await withTracking(
    withId(db, db.schema.createTable('report_deadlines'))
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();
  await db.schema
    .createIndex('report_deadlines_fy_uq')
    .on('report_deadlines')
    .columns(['programme_id', 'fiscal_year'])
    .unique()
    .execute();

  // Import jobs: the uploaded file is kept under KCP_DATA_DIR/imports/<sha256>; progress and the
  // first problems are written here as the job runs.
  await withTracking(
    withId(db, db.schema.createTable('import_jobs'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('file_size', 'bigint', (c) => c.notNull())
      .addColumn('file_sha256', 'text', (c) => c.notNull())
      .addColumn('format', 'text')
      .addColumn('encoding', 'text')
      .addColumn('total_rows', 'integer')
      .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warning_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('problems_json', 'text')
      .addColumn('summary_json', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text'),
  ).execute();
  await db.schema.createIndex('import_jobs_created_by_idx').on('import_jobs').column('created_by').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'import_jobs',
    'report_deadlines',
    'budget_lines',
    'targets',
    'outcome_items',
    'outcome_report_events',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('outcome_reports_status_idx').execute();
  for (const column of ['created_by', 'returned_at', 'return_comment', 'researcher_count']) {
    await db.schema.alterTable('outcome_reports').dropColumn(column).execute();
  }
}
