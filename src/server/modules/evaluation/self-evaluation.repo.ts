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

/**
 * The officer's latest reopening of a report, when it has not been submitted since: read from the
 * audit log, where the reason is kept (the report row holds only its current state).
 */
export async function findOpenReopening(
  db: Db,
  selfEvaluationId: number,
): Promise<{ at: string; reason: string } | undefined> {
  const last = await db
    .selectFrom('audit_log')
    .select(['action', 'at', 'after_json'])
    .where('entity_type', '=', 'self_evaluation')
    .where('entity_id', '=', String(selfEvaluationId))
    .where('action', 'in', ['self-evaluation.reopen', 'self-evaluation.submit'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last?.action !== 'self-evaluation.reopen') return undefined;
  const after = JSON.parse(last.after_json ?? '{}') as { reason?: unknown };
  return { at: last.at, reason: typeof after.reason === 'string' ? after.reason : '' };
}
