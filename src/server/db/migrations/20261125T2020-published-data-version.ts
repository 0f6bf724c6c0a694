/**
 * A counter that moves whenever the data behind the public read-models (outcome table, analytics)
 * changes, so their cached answers can be checked with one primary-key lookup instead of
 * recomputing (src/server/http/published-cache.ts). Triggers bump it, so no writer — service,
 * importer, loader, restore, another process — can forget to. Values and items of accepted reports
 * are locked, and accepting a report updates its row, so the three tables below suffice.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

const TABLES = ['outcome_reports', 'clusters', 'cluster_prefectures', 'budget_lines'] as const;

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('data_versions').values({ name: 'published', version: 1 }).execute();

  if (isPostgres(db)) {
    await sql`create function kcp_bump_published_version() returns trigger language plpgsql as $$
      begin
        update data_versions set version = version + 1 where name = 'published';
        return null;
      end $$`.execute(db);
    for (const table of TABLES) {
      // Once per statement: a 40,000-line budget import bumps the counter once, not 40,000 times.
      await sql`create trigger ${sql.id(`${table}_published_version`)}
        after insert or update or delete on ${sql.table(table)}
        for each statement execute function kcp_bump_published_version()`.execute(db);
    }
    return;
  }
  for (const table of TABLES) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      await sql`create trigger ${sql.id(`${table}_published_version_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)}
        begin update data_versions set version = version + 1 where name = 'published'; end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of TABLES)
      await sql`drop trigger ${sql.id(`${table}_published_version`)} on ${sql.table(table)}`.execute(db);
    await sql`drop function kcp_bump_published_version()`.execute(db);
  } else {
    for (const table of TABLES)
      for (const event of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.id(`${table}_published_version_${event}`)}`.execute(db);
  }
  await db.schema.dropTable('data_versions').execute();
}
