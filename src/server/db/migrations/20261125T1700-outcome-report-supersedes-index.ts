/**
 * The outcome table asks, for every accepted report, whether a newer accepted version supersedes
 * it. Without an index on supersedes_id each report scans all reports (quadratic: 10.4 s for
 * 10,000 reports in bench/outcome-table.bench.ts); with it each check is one index lookup.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('outcome_reports_supersedes_idx')
    .on('outcome_reports')
    .column('supersedes_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outcome_reports_supersedes_idx').execute();
}
