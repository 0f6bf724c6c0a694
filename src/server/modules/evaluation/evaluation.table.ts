import type { Generated, Selectable } from 'kysely';

/**
 * The evaluation tables (migration 20261205T1600-evaluation). JSON columns hold text; their shapes
 * are the zod schemas in src/contracts/evaluation-*.ts and are parsed when read.
 */

/** An evaluation round with its frozen criteria tree, grade scale, bands and planned phases. */
export interface EvaluationRoundTable {
  id: Generated<number>;
  programme_id: number;
  key: string;
  /** intermediate | ex_post */
  kind: string;
  fiscal_year: number;
  allocation_fiscal_year: number;
  title_ja: string;
  title_en: string;
  /** draft | self_evaluation | weighting | grading | scoring | published | closed */
  status: string;
  criteria_template_id: number | null;
  criteria_json: string;
  scale_json: string;
  bands_json: string;
  phases_json: string;
  announce_on: string | null;
  published_at: string | null;
  is_demo: Generated<number>;
  source: string;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RoundClusterTable {
  round_id: number;
  cluster_id: number;
}

export interface RoundMemberTable {
  round_id: number;
  account_id: number;
  /** evaluator | weighting_member */
  role: string;
  is_chair: Generated<number>;
  added_at: string;
}

export interface RoundAssignmentTable {
  id: Generated<number>;
  round_id: number;
  cluster_id: number;
  evaluator_account_id: number;
  /** organization | prefecture | personal; null when the pair is clear */
  conflict_kind: string | null;
  conflict_note: string | null;
  submitted_at: string | null;
  assigned_at: string;
}

export interface SelfEvaluationTable {
  id: Generated<number>;
  round_id: number;
  cluster_id: number;
  /** draft | submitted */
  status: string;
  narratives_json: string;
  submitted_at: string | null;
  submitted_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface WeightProposalTable {
  round_id: number;
  account_id: number;
  item_key: string;
  weight: number;
  updated_at: string;
}

export interface WeightSetTable {
  id: Generated<number>;
  round_id: number;
  version: number;
  weights_json: string;
  /** mean | adjusted */
  method: string;
  reason: string | null;
  member_count: number;
  created_by: number | null;
  created_at: string;
  locked_at: string | null;
  locked_by: number | null;
}

export interface InterviewTable {
  id: Generated<number>;
  round_id: number;
  cluster_id: number;
  held_at: string;
  place: string;
  attendees_json: string;
  minutes_json: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface GradeTable {
  assignment_id: number;
  item_key: string;
  grade: string;
  comment: string | null;
  updated_at: string;
}

export interface RoundResultTable {
  id: Generated<number>;
  round_id: number;
  cluster_id: number;
  weight_set_id: number;
  total_score: number | null;
  score_100: number | null;
  rank: number | null;
  band: string | null;
  evaluator_count: number;
  comment_ja: string | null;
  comment_en: string | null;
  published_at: string;
}

/**
 * The officers' consolidated comment on a cluster's result while the round is scored (migration
 * 20261205T1700); publishing copies it into round_results.
 */
export interface RoundResultCommentTable {
  round_id: number;
  cluster_id: number;
  comment_ja: string | null;
  comment_en: string | null;
  version: Generated<number>;
  updated_at: string;
  updated_by: number | null;
}

export interface FindingTable {
  id: Generated<number>;
  round_id: number;
  cluster_id: number;
  tag: string;
  text_ja: string;
  text_en: string;
  response: string | null;
  responded_at: string | null;
  responded_by: number | null;
  /** open | responded | in_progress | resolved */
  follow_up_status: string;
  follow_up_round_id: number | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AllocationPlanTable {
  id: Generated<number>;
  round_id: number;
  fiscal_year: number;
  rule_json: string;
  lines_json: string;
  total_yen: number;
  /** committed | superseded (a replacement commit supersedes the earlier plan; nothing is deleted) */
  status: string;
  committed_at: string | null;
  committed_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type EvaluationRoundRow = Selectable<EvaluationRoundTable>;
export type RoundAssignmentRow = Selectable<RoundAssignmentTable>;
export type SelfEvaluationRow = Selectable<SelfEvaluationTable>;
export type WeightSetRow = Selectable<WeightSetTable>;
export type InterviewRow = Selectable<InterviewTable>;
export type FindingRow = Selectable<FindingTable>;
export type AllocationPlanRow = Selectable<AllocationPlanTable>;
export type RoundResultRow = Selectable<RoundResultTable>;
export type RoundResultCommentRow = Selectable<RoundResultCommentTable>;
