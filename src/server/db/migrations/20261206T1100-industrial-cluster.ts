/**
 * METI Industrial Cluster cooperation and the e-Rad-style duplication check (issue 6):
 *
 * - industrial_cluster_projects (with METI's regional bureau among the nine), their member
 *   organizations, and links to knowledge clusters and to seeds. Seeds live in the matching
 *   module's own migration, so `seed_id` is a plain indexed integer without a foreign key.
 * - committees (national, or regional with the bureau) and their meetings: attendees, agenda and
 *   minutes in Japanese and English.
 * - events (forums, joint conferences, the Cluster Forum) with their programme, capacity,
 *   registration deadline, linked projects and clusters, and registrations. `registered_count`
 *   is raised by one conditional UPDATE, so two people cannot both take the last seat.
 * - meti_funds: METI money for the practical use of seeds; each also writes a 'meti' budget line
 *   (by line key) and a funded project.
 * - funded_projects: what each programme funds per fiscal year (also written by the coordinators'
 *   pipeline when a joint research agreement is recorded: seed_id and match_id without foreign
 *   keys for the same reason), and duplication_reviews: an officer's note on a flagged pair.
 *
 * Frozen history: never edit after it has shipped; add a new migration instead.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

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
  await withTracking(
    withId(db, db.schema.createTable('industrial_cluster_projects'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('name_ja', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      // One of METI's nine regional bureaus (src/domain/prefectures.ts REGIONS).
      .addColumn('bureau', 'text', (c) => c.notNull())
      .addColumn('description_ja', 'text', (c) => c.notNull())
      .addColumn('description_en', 'text', (c) => c.notNull())
      .addColumn('start_fy', 'integer', (c) => c.notNull())
      .addColumn('end_fy', 'integer')
      // active | ended | withdrawn
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('source', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('industrial_cluster_projects_bureau_idx')
    .on('industrial_cluster_projects')
    .column('bureau')
    .execute();

  await withId(db, db.schema.createTable('industrial_cluster_members'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('industrial_cluster_projects.id'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    // core_company | member_company | university | support_body | other
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_fy', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('industrial_cluster_members_uq', ['project_id', 'organization_id'])
    .execute();

  await db.schema
    .createTable('industrial_cluster_project_clusters')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('industrial_cluster_projects.id'))
    .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
    .addPrimaryKeyConstraint('industrial_cluster_project_clusters_pk', ['project_id', 'cluster_id'])
    .execute();

  // No foreign key to seeds: that table arrives in the matching module's migration.
  await db.schema
    .createTable('industrial_cluster_project_seeds')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('industrial_cluster_projects.id'))
    .addColumn('seed_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('industrial_cluster_project_seeds_pk', ['project_id', 'seed_id'])
    .execute();
  await db.schema
    .createIndex('industrial_cluster_project_seeds_seed_idx')
    .on('industrial_cluster_project_seeds')
    .column('seed_id')
    .execute();

  await withTracking(
    withId(db, db.schema.createTable('industrial_cluster_committees'))
      // national | regional (regional committees name their bureau)
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('bureau', 'text')
      .addColumn('name_ja', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('project_id', 'integer', (c) => c.references('industrial_cluster_projects.id')),
  ).execute();

  await withTracking(
    withId(db, db.schema.createTable('industrial_cluster_meetings'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('industrial_cluster_committees.id'))
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('agenda', 'text', (c) => c.notNull())
      .addColumn('attendees_json', 'text', (c) => c.notNull())
      .addColumn('minutes_ja', 'text', (c) => c.notNull())
      .addColumn('minutes_en', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('industrial_cluster_meetings_committee_idx')
    .on('industrial_cluster_meetings')
    .columns(['committee_id', 'held_on'])
    .execute();

  await withTracking(
    withId(db, db.schema.createTable('cluster_events'))
      // forum | joint_conference | cluster_forum | other
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title_ja', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('programme_json', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer')
      .addColumn('registration_deadline', 'text')
      .addColumn('registered_count', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema.createIndex('cluster_events_starts_idx').on('cluster_events').column('starts_on').execute();

  await db.schema
    .createTable('cluster_event_projects')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('cluster_events.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('industrial_cluster_projects.id'))
    .addPrimaryKeyConstraint('cluster_event_projects_pk', ['event_id', 'project_id'])
    .execute();
  await db.schema
    .createTable('cluster_event_clusters')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('cluster_events.id'))
    .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
    .addPrimaryKeyConstraint('cluster_event_clusters_pk', ['event_id', 'cluster_id'])
    .execute();

  // A registration: an account registering itself, or a guest (name, organization, e-mail) an
  // organizer registers. Cancelled registrations stay, with cancelled_at.
  await withId(db, db.schema.createTable('cluster_event_registrations'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('cluster_events.id'))
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  // One live registration per account per event (a cancelled one may be followed by a new one).
  await db.schema
    .createIndex('cluster_event_registrations_account_uq')
    .on('cluster_event_registrations')
    .columns(['event_id', 'account_id'])
    .unique()
    .where(sql.ref('cancelled_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('cluster_event_registrations_event_idx')
    .on('cluster_event_registrations')
    .column('event_id')
    .execute();

  await withTracking(
    withId(db, db.schema.createTable('funded_projects'))
      // mext_knowledge_cluster | meti_industrial_cluster | jst | other
      .addColumn('programme', 'text', (c) => c.notNull())
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('theme_ja', 'text', (c) => c.notNull())
      .addColumn('theme_en', 'text', (c) => c.notNull())
      .addColumn('principal_person_id', 'integer', (c) => c.references('people.id'))
      .addColumn('researcher_name', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('cluster_id', 'integer', (c) => c.references('clusters.id'))
      .addColumn('seed_id', 'integer')
      .addColumn('match_id', 'integer')
      .addColumn('amount_yen', 'bigint', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('accounts.id')),
  ).execute();
  await db.schema
    .createIndex('funded_projects_fy_idx')
    .on('funded_projects')
    .columns(['fiscal_year', 'programme'])
    .execute();
  await db.schema.createIndex('funded_projects_seed_idx').on('funded_projects').column('seed_id').execute();
  await db.schema.createIndex('funded_projects_match_idx').on('funded_projects').column('match_id').execute();

  // A reviewed flag: the pair (lower id first) with the officer's note; the flag stays computed.
  await withId(db, db.schema.createTable('duplication_reviews'))
    .addColumn('funded_project_a_id', 'integer', (c) => c.notNull().references('funded_projects.id'))
    .addColumn('funded_project_b_id', 'integer', (c) => c.notNull().references('funded_projects.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('duplication_reviews_uq', ['funded_project_a_id', 'funded_project_b_id'])
    .execute();

  await withTracking(
    withId(db, db.schema.createTable('meti_funds'))
      .addColumn('project_id', 'integer', (c) => c.references('industrial_cluster_projects.id'))
      .addColumn('cluster_id', 'integer', (c) => c.references('clusters.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('amount_yen', 'bigint', (c) => c.notNull())
      .addColumn('purpose_ja', 'text', (c) => c.notNull())
      .addColumn('purpose_en', 'text', (c) => c.notNull())
      .addColumn('seed_id', 'integer')
      .addColumn('budget_line_key', 'text', (c) => c.notNull())
      .addColumn('funded_project_id', 'integer', (c) => c.references('funded_projects.id'))
      .addColumn('created_by', 'integer', (c) => c.references('accounts.id')),
  ).execute();
  await db.schema
    .createIndex('meti_funds_project_idx')
    .on('meti_funds')
    .columns(['project_id', 'fiscal_year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'meti_funds',
    'duplication_reviews',
    'funded_projects',
    'cluster_event_registrations',
    'cluster_event_clusters',
    'cluster_event_projects',
    'cluster_events',
    'industrial_cluster_meetings',
    'industrial_cluster_committees',
    'industrial_cluster_project_seeds',
    'industrial_cluster_project_clusters',
    'industrial_cluster_members',
    'industrial_cluster_projects',
  ])
    await db.schema.dropTable(table).execute();
}
