import type { Generated, Insertable, Selectable } from 'kysely';

/** A line of the budget ledger; cluster_id null for the programme's own budget. */
export interface BudgetLineTable {
  id: Generated<number>;
  programme_id: number;
  cluster_id: number | null;
  fiscal_year: number;
  kind: string;
  amount_yen: number;
  source: string;
  note: string | null;
  /** scope|fiscal year|kind|source (src/domain/budget.ts budgetLineKey): unique, so re-imports update. */
  line_key: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type BudgetLineRow = Selectable<BudgetLineTable>;
export type NewBudgetLine = Insertable<BudgetLineTable>;
