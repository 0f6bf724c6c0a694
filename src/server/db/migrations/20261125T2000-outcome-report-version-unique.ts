/**
 * One report per cluster, period and report version. The reports service checks before it creates
 * a yearly report or opens a correction, but two requests at the same moment would both pass that
 * check on PostgreSQL; this index makes the second one fail (answered as 409) instead of leaving two
 * drafts for the same fiscal year.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('outcome_reports_period_version_uq')
    .on('outcome_reports')
    .columns(['cluster_id', 'fy_from', 'fy_to', 'report_version'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outcome_reports_period_version_uq').execute();
}
