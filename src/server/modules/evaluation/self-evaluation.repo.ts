/** Self-evaluation reports: Kysely only, portable across SQLite and PostgreSQL. */
import type { Db } from '../../context';
import type { SelfEvaluationRow } from './evaluation.table';

export async function findSelfEvaluation(
  db: Db,
  roundId: number,
  clusterId: number,
): Promise<SelfEvaluationRow | undefined> {
  return db
    .selectFrom('self_evaluations')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('cluster_id', '=', clusterId)
    .executeTakeFirst();
}

export async function listSelfEvaluationRows(db: Db, roundId: number): Promise<SelfEvaluationRow[]> {
  return db.selectFrom('self_evaluations').selectAll().where('round_id', '=', roundId).execute();
}

/**
 * The report of the round's cluster, created as an empty draft at version 1 when it has none yet
 * (a concurrent creation is absorbed by the unique round × cluster pair); `created` tells which.
 */
export async function ensureSelfEvaluation(
  db: Db,
  roundId: number,
  clusterId: number,
  at: string,
): Promise<{ row: SelfEvaluationRow; created: boolean }> {
  const inserted = await db
    .insertInto('self_evaluations')
    .values({
      round_id: roundId,
      cluster_id: clusterId,
      status: 'draft',
      narratives_json: '{}',
      submitted_at: null,
      submitted_by: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['round_id', 'cluster_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  const row = await findSelfEvaluation(db, roundId, clusterId);
  if (!row) throw new Error(`self-evaluation of round ${roundId} × cluster ${clusterId} vanished`);
  return { row, created: false };
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateSelfEvaluationAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<SelfEvaluationRow, 'id' | 'version'>>,
): Promise<SelfEvaluationRow | undefined> {
  return db
    .updateTable('self_evaluations')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
