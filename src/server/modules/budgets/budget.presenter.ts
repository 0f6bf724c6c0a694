import type { BudgetLine } from '../../../contracts/budgets';
import { isBudgetKind } from '../../../domain/budget';
import type { BudgetLineWithCluster } from './budget.repo';
import type { BudgetLineRow } from './budget.table';

/** A ledger line as the API shows it: the cluster named, money as integer yen. */
export function toBudgetLine(row: BudgetLineWithCluster): BudgetLine {
  if (!isBudgetKind(row.kind)) throw new Error(`unknown budget kind ${row.kind}`);
  return {
    id: row.id,
    cluster:
      row.cluster_id === null
        ? null
        : {
            id: row.cluster_id,
            key: row.cluster_key ?? '',
            name: { ja: row.cluster_name_ja ?? '', en: row.cluster_name_en ?? '' },
          },
    fiscalYear: row.fiscal_year,
    kind: row.kind,
    amountYen: Number(row.amount_yen),
    source: row.source,
    note: row.note,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a ledger line. */
export function budgetLineSnapshot(row: BudgetLineRow) {
  return {
    clusterId: row.cluster_id,
    fiscalYear: row.fiscal_year,
    kind: row.kind,
    amountYen: Number(row.amount_yen),
    source: row.source,
    note: row.note,
    lineKey: row.line_key,
    version: row.version,
  };
}
