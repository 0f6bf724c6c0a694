import type { Generated, Selectable } from 'kysely';

/** What a programme funds in a fiscal year (migration 20261206T1100-industrial-cluster). */
export interface FundedProjectTable {
  id: Generated<number>;
  /** mext_knowledge_cluster | meti_industrial_cluster | jst | other (FUNDING_PROGRAMMES) */
  programme: string;
  fiscal_year: number;
  theme_ja: string;
  theme_en: string;
  principal_person_id: number | null;
  researcher_name: string;
  organization_id: number | null;
  cluster_id: number | null;
  /** No foreign keys: seeds and matches are the matching module's tables. */
  seed_id: number | null;
  match_id: number | null;
  amount_yen: number;
  source: string;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type FundedProjectRow = Selectable<FundedProjectTable>;

/** An officer's review of a flagged pair (lower id first). */
export interface DuplicationReviewTable {
  id: Generated<number>;
  funded_project_a_id: number;
  funded_project_b_id: number;
  note: string;
  reviewed_by: number | null;
  reviewed_at: string;
}
export type DuplicationReviewRow = Selectable<DuplicationReviewTable>;
