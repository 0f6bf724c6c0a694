/**
 * Selecting a region beyond the call's slots or budget needs an officer's explicit reason; it is
 * kept on the decision row beside the ordinary reason so the override stays visible and audited.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('proposal_decisions').addColumn('override_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('proposal_decisions').dropColumn('override_reason').execute();
}
