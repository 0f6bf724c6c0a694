/**
 * Evaluation results and allocation (issue 5), two additions to 20261205T1600-evaluation:
 *
 * - round_result_comments: the officers' consolidated comment (ja/en) per cluster, written while
 *   the round is scored and copied into round_results when it is published. round_results is the
 *   published snapshot (published_at NOT NULL), so drafts cannot live there.
 * - allocation_plans_committed_uq: at most one COMMITTED plan per round and fiscal year, so two
 *   officers committing at once cannot both write the ledger; a replacement marks the old plan
 *   'superseded' and commits the new one in one transaction.
 *
 * Frozen history: never edit after it has shipped; add a new migration instead.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('round_result_comments')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
    .addColumn('comment_ja', 'text')
    .addColumn('comment_en', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('accounts.id'))
    .addPrimaryKeyConstraint('round_result_comments_pk', ['round_id', 'cluster_id'])
    .execute();

  await db.schema
    .createIndex('allocation_plans_committed_uq')
    .on('allocation_plans')
    .columns(['round_id', 'fiscal_year'])
    .unique()
    .where(sql.ref('status'), '=', 'committed')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('allocation_plans_committed_uq').execute();
  await db.schema.dropTable('round_result_comments').execute();
}
