import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The selection tables (migration 20261205T1000-selection). JSON columns hold text; their shapes
 * are the zod schemas in src/contracts/selection-*.ts and are parsed when read.
 */

/** A call for proposals with a frozen copy of its criteria, scale, weights and thresholds. */
export interface CallTable {
  id: Generated<number>;
  programme_id: number;
  key: string;
  fiscal_year: number;
  title_ja: string;
  title_en: string;
  description_ja: string | null;
  description_en: string | null;
  /** draft | open | review | decision | published | closed */
  status: string;
  stage: Generated<number>;
  previous_call_id: number | null;
  slots: number;
  budget_per_cluster_yen: number;
  total_budget_yen: number | null;
  submission_deadline: string;
  grace_minutes: Generated<number>;
  review_deadline: string;
  decision_deadline: string;
  criteria_template_id: number | null;
  criteria_json: string;
  scale_json: string;
  overall_threshold: number | null;
  /** mean | median */
  aggregation: string;
  tie_break_json: string;
  disagreement_json: string;
  required_documents_json: string;
  reviewers_per_proposal: number;
  reviewer_cap: number;
  reviews_revealed_at: string | null;
  publish_on: string | null;
  published_at: string | null;
  is_demo: Generated<number>;
  source: string;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One region's cluster plan submitted to a call. */
export interface ProposalTable {
  id: Generated<number>;
  call_id: number;
  proposer_organization_id: number;
  title_ja: string;
  title_en: string;
  region_ja: string;
  region_en: string;
  prefectures_json: string;
  key_field_key: string;
  core_organization_id: number | null;
  headquarters_plan: string | null;
  participants_json: string;
  narratives_json: string;
  budget_plan_json: string;
  targets_json: string;
  requested_yen: number;
  /** draft | submitted | withdrawn */
  status: string;
  submitted_at: string | null;
  withdrawn_at: string | null;
  reopened_at: string | null;
  reopened_by: number | null;
  reopen_reason: string | null;
  previous_proposal_id: number | null;
  cluster_id: number | null;
  is_demo: Generated<number>;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A stored file; the bytes live under KCP_DATA_DIR at storage_key. */
export interface AttachmentTable {
  id: Generated<number>;
  owner_type: string;
  owner_id: number;
  document_key: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  uploaded_at: string;
  removed_at: string | null;
}

export interface ReviewerProfileTable {
  id: Generated<number>;
  account_id: number;
  key_fields_json: string;
  collaborator_organization_ids_json: string;
  prefecture_code: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CallReviewerTable {
  call_id: number;
  account_id: number;
  max_load: number | null;
  added_at: string;
}

export interface ReviewAssignmentTable {
  id: Generated<number>;
  call_id: number;
  proposal_id: number;
  reviewer_account_id: number;
  /** manual | automatic */
  method: string;
  assigned_by: number | null;
  assigned_at: string;
  /** When the reviewer declared their conflicts (or none); the proposal opens only after. */
  declared_at: string | null;
  removed_at: string | null;
  removed_reason: string | null;
}

export interface ConflictTable {
  id: Generated<number>;
  call_id: number;
  proposal_id: number;
  reviewer_account_id: number;
  /** organization | prefecture | collaborator | personal */
  kind: string;
  /** detected | declared */
  origin: string;
  detail: string | null;
  /** pending | confirmed | dismissed */
  status: string;
  created_at: string;
  ruled_by: number | null;
  ruled_at: string | null;
  ruling_note: string | null;
}

export interface ReviewTable {
  id: Generated<number>;
  assignment_id: number;
  call_id: number;
  proposal_id: number;
  reviewer_account_id: number;
  /** draft | submitted */
  status: string;
  overall_comment: string | null;
  submitted_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReviewScoreTable {
  review_id: number;
  criterion_key: string;
  score: number;
  comment: string | null;
}

export interface ConsensusScoreTable {
  proposal_id: number;
  criterion_key: string;
  score: number;
  comment: string | null;
  moderator_account_id: number | null;
  recorded_at: string;
}

export interface ProposalDecisionTable {
  id: Generated<number>;
  call_id: number;
  proposal_id: number;
  /** selected | trial | shortlisted | rejected */
  outcome: string;
  reason: string;
  consolidated_comment: string | null;
  decided_by: number | null;
  decided_at: string;
  superseded_at: string | null;
  /** Why a selection beyond the slots or budget was made (migration 20261205T1130); null within them. */
  override_reason: Generated<string | null>;
}

export type CallRow = Selectable<CallTable>;
export type NewCall = Insertable<CallTable>;
export type ProposalRow = Selectable<ProposalTable>;
export type NewProposal = Insertable<ProposalTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type ReviewAssignmentRow = Selectable<ReviewAssignmentTable>;
export type ConflictRow = Selectable<ConflictTable>;
export type ReviewRow = Selectable<ReviewTable>;
export type ProposalDecisionRow = Selectable<ProposalDecisionTable>;
