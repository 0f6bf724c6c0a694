/** Writes of proposal_decisions: a new decision row, and superseding the current one. */
import type { Insertable } from 'kysely';
import type { Db } from '../../context';
import type { ProposalDecisionTable } from './selection.table';

export async function insertDecision(db: Db, row: Insertable<ProposalDecisionTable>): Promise<number> {
  const inserted = await db
    .insertInto('proposal_decisions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Marks a decision as replaced; the row stays for the record. */
export async function supersedeDecision(db: Db, id: number, at: string): Promise<void> {
  await db
    .updateTable('proposal_decisions')
    .set({ superseded_at: at })
    .where('id', '=', id)
    .where('superseded_at', 'is', null)
    .execute();
}

/**
 * Takes the call's row lock for the rest of the transaction (a no-op update), so decisions,
 * publication and cluster creation on one call run one after another: two officers deciding the
 * same proposal at once cannot leave two current decisions, nor publish past a late change.
 */
export async function lockCall(db: Db, key: string): Promise<void> {
  await db
    .updateTable('calls')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('key', '=', key)
    .execute();
}
