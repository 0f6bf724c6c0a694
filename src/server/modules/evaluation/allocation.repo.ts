/** Allocation plans and the ledger figures they read: Kysely only, portable. */
import type { Insertable } from 'kysely';
import type { Db } from '../../context';
import type { Database } from '../../db/schema';
import type { AllocationPlanRow } from './evaluation.table';

/** Each cluster's MEXT subsidy in a fiscal year: the sum of its 'mext_subsidy' ledger lines (0 when none). */
export async function sumMextSubsidies(
  db: Db,
  clusterIds: number[],
  fiscalYear: number,
): Promise<Map<number, number>> {
  const out = new Map<number, number>(clusterIds.map((id) => [id, 0]));
  if (clusterIds.length === 0) return out;
  const rows = await db
    .selectFrom('budget_lines')
    .select((eb) => ['cluster_id', eb.fn.sum<number | string>('amount_yen').as('total')])
    .where('cluster_id', 'in', clusterIds)
    .where('fiscal_year', '=', fiscalYear)
    .where('kind', '=', 'mext_subsidy')
    .groupBy('cluster_id')
    .execute();
  for (const r of rows) if (r.cluster_id !== null) out.set(r.cluster_id, Number(r.total));
  return out;
}

function normalise(row: AllocationPlanRow): AllocationPlanRow {
  // bigint comes back as a string from PostgreSQL.
  return { ...row, total_yen: Number(row.total_yen) };
}

/** The round's committed plan for the fiscal year, if any (at most one: a partial unique index). */
export async function findCommittedPlan(
  db: Db,
  roundId: number,
  fiscalYear: number,
): Promise<AllocationPlanRow | undefined> {
  const row = await db
    .selectFrom('allocation_plans')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('fiscal_year', '=', fiscalYear)
    .where('status', '=', 'committed')
    .executeTakeFirst();
  return row ? normalise(row) : undefined;
}

/** Plans a later commit replaced, newest first. */
export async function listSupersededPlans(
  db: Db,
  roundId: number,
  fiscalYear: number,
): Promise<AllocationPlanRow[]> {
  const rows = await db
    .selectFrom('allocation_plans')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('fiscal_year', '=', fiscalYear)
    .where('status', '=', 'superseded')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(normalise);
}

export async function insertAllocationPlan(
  db: Db,
  row: Insertable<Database['allocation_plans']>,
): Promise<AllocationPlanRow> {
  return normalise(
    await db.insertInto('allocation_plans').values(row).returningAll().executeTakeFirstOrThrow(),
  );
}

/** Marks a committed plan superseded at its version; false when someone else moved it first. */
export async function supersedePlan(db: Db, plan: AllocationPlanRow, at: string): Promise<boolean> {
  const result = await db
    .updateTable('allocation_plans')
    .set({ status: 'superseded', updated_at: at, version: plan.version + 1 })
    .where('id', '=', plan.id)
    .where('version', '=', plan.version)
    .where('status', '=', 'committed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ledger lines by line_key, for naming what a commit wrote. */
export async function findBudgetLinesByKeys(
  db: Db,
  lineKeys: string[],
): Promise<Map<string, { id: number; amount_yen: number; version: number; note: string | null }>> {
  if (lineKeys.length === 0) return new Map();
  const rows = await db
    .selectFrom('budget_lines')
    .select(['id', 'line_key', 'amount_yen', 'version', 'note'])
    .where('line_key', 'in', lineKeys)
    .execute();
  return new Map(
    rows.map((r) => [
      r.line_key,
      { id: r.id, amount_yen: Number(r.amount_yen), version: r.version, note: r.note },
    ]),
  );
}
