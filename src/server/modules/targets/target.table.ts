import type { Generated, Insertable, Selectable } from 'kysely';

/** A numerical target of a cluster's 5-year plan: one per indicator and fiscal year. */
export interface TargetTable {
  id: Generated<number>;
  cluster_id: number;
  indicator_key: string;
  fiscal_year: number;
  baseline: number | null;
  target: number;
  note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type TargetRow = Selectable<TargetTable>;
export type NewTarget = Insertable<TargetTable>;
