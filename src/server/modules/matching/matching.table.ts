/** The seeds-to-business tables (migration 20261206T1000-seeds-needs); JSON columns hold text. */
import type { Generated, Selectable } from 'kysely';

interface ListingColumns {
  /** draft | in_review | returned | published | withdrawn (src/domain/listing-lifecycle.ts) */
  status: string;
  review_note: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  published_at: string | null;
  /** yyyy-mm-dd; valid through that day. */
  expires_on: string | null;
  is_demo: Generated<number>;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SeedTable extends ListingColumns {
  id: Generated<number>;
  cluster_id: number;
  title_ja: string | null;
  title_en: string | null;
  summary_ja: string | null;
  summary_en: string | null;
  key_field: string;
  keywords_json: string;
  stage: string;
  licensing_status: string;
  coordinator_account_id: number | null;
}
export type SeedRow = Selectable<SeedTable>;

export interface SeedOutcomeItemTable {
  seed_id: number;
  outcome_item_id: number;
}

export interface NeedTable extends ListingColumns {
  id: Generated<number>;
  organization_id: number;
  title_ja: string | null;
  title_en: string | null;
  description_ja: string | null;
  description_en: string | null;
  key_field: string;
  prefecture_code: string | null;
  wanted_by: string | null;
  confidential: number;
  disclosed_at: string | null;
}
export type NeedRow = Selectable<NeedTable>;

export interface MatchTable {
  id: Generated<number>;
  seed_id: number;
  need_id: number;
  note: string;
  explanation_json: string | null;
  proposed_by: number;
  seed_answer: string;
  seed_interest_json: string | null;
  seed_reason: string | null;
  seed_answered_by: number | null;
  seed_answered_at: string | null;
  need_answer: string;
  need_interest_json: string | null;
  need_reason: string | null;
  need_answered_by: number | null;
  need_answered_at: string | null;
  /** The board column, kept in step with stageOf() on every write (src/domain/match-pipeline.ts). */
  stage: string;
  closed_reason: string | null;
  closed_at: string | null;
  is_demo: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type MatchRow = Selectable<MatchTable>;

export interface MatchStepTable {
  id: Generated<number>;
  match_id: number;
  step: string;
  occurred_on: string;
  notes: string;
  attendees_json: string;
  joint_research_json: string | null;
  sales_yen: number | string | bigint | null;
  recorded_by: number;
  recorded_at: string;
}
export type MatchStepRow = Selectable<MatchStepTable>;

export interface MatchStepOutcomeItemTable {
  step_id: number;
  outcome_item_id: number;
}

export interface MatchingRevisionTable {
  name: string;
  revision: number;
}
