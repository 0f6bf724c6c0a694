/** Budget lines by scope (cluster or programme), fiscal year, kind and source. */
import { budgetLineKey } from '../../../domain/budget';
import { type ImportProblem, problem } from '../../../domain/import/problems';
import type { BudgetLineRecord } from '../../../domain/import/rows';
import { count, firstOccurrence, type PassState, resolveCluster } from './import-plan';
import { type BudgetLineUpsert, upsertBudgetLines } from '../budgets/budget.repo';
import { findBudgetLines } from './import.repo';

export async function planBudgetLines(
  state: PassState,
  records: BudgetLineRecord[],
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const resolved = records.flatMap((record) => {
    const cluster = resolveCluster(state, record, problems, { programmeScope: true });
    if (!cluster) return [];
    const clusterId = cluster === 'programme' ? null : cluster.id;
    const programmeId = cluster === 'programme' ? state.programmeId : cluster.programmeId;
    if (programmeId === null) {
      problems.push(
        problem('no_programme', 'プログラムがありません', 'there is no programme to hold this line', {
          row: record.row,
        }),
      );
      return [];
    }
    return [
      {
        record,
        clusterId,
        programmeId,
        lineKey: budgetLineKey(clusterId, record.fiscalYear, record.budgetKind, record.source),
      },
    ];
  });
  const existing = new Map(
    (
      await findBudgetLines(
        state.db,
        resolved.map((r) => r.lineKey),
      )
    ).map((l) => [l.line_key, l]),
  );
  const writes: BudgetLineUpsert[] = [];
  for (const { record, clusterId, programmeId, lineKey } of resolved) {
    if (!firstOccurrence(state, lineKey, record.row, problems, record.clusterAt)) continue;
    const before = existing.get(lineKey);
    if (
      before &&
      Number(before.amount_yen) === record.amountYen &&
      (before.note ?? null) === record.note &&
      before.source === record.source.trim()
    ) {
      count(state, 'budget_lines', 'unchanged');
      continue;
    }
    count(state, 'budget_lines', before ? 'update' : 'insert');
    writes.push({
      programmeId,
      clusterId,
      fiscalYear: record.fiscalYear,
      kind: record.budgetKind,
      amountYen: record.amountYen,
      source: record.source,
      note: record.note,
    });
  }
  if (state.apply) await upsertBudgetLines(state.db, writes, state.now);
  return problems;
}
