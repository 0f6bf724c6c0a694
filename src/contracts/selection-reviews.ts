/**
 * The review part of selection: the reviewer pool and profiles, conflicts of interest, assignments
 * (manual and automatic), reviews with a score per criterion, the reveal and the consensus step.
 * Reviewers never see other reviewers' identities: their views name others only as "Reviewer A/B/C".
 */
import { z } from 'zod';
import { CONFLICT_KINDS } from '../domain/selection/conflicts';
import { Id, IdQuery, LocalizedText } from './common';
import { CallCriteria, Narratives, Participant, BudgetPlanYear, Scale } from './selection-common';

const Text = (max: number) => z.string().trim().max(max);
const PrefectureCode = z.string().regex(/^(0[1-9]|[1-3][0-9]|4[0-7])$/);
const KeyFieldKey = z.string().min(1).max(60);

export const ReviewCallParams = z.strictObject({ key: z.string().min(1).max(120) });
export const CallReviewerParams = z.strictObject({ key: z.string().min(1).max(120), accountId: IdQuery });
export const ReviewerAccountParams = z.strictObject({ accountId: IdQuery });
export const CallItemParams = z.strictObject({ key: z.string().min(1).max(120), id: IdQuery });
export const ConsensusParams = z.strictObject({ key: z.string().min(1).max(120), proposalId: IdQuery });
export const ConsensusCriterionParams = z.strictObject({
  key: z.string().min(1).max(120),
  proposalId: IdQuery,
  criterion: z.string().min(1).max(80),
});
export const MyAssignmentParams = z.strictObject({ id: IdQuery });
export const MyAttachmentParams = z.strictObject({ id: IdQuery, attachmentId: IdQuery });

export const ConflictKind = z.enum(CONFLICT_KINDS);

// ---------------------------------------------------------------------------------------------
// Reviewer profiles and the pool

export const ReviewerProfile = z.object({
  accountId: z.number().int(),
  displayName: z.string(),
  email: z.string(),
  organization: z
    .object({ id: z.number().int(), name: LocalizedText, prefectureCode: z.string().nullable() })
    .nullable(),
  keyFields: z.array(z.string()),
  collaboratorOrganizationIds: z.array(z.number().int()),
  /** Where the reviewer counts as being from, over their organization's prefecture. */
  prefectureCode: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type ReviewerProfile = z.infer<typeof ReviewerProfile>;

export const ReviewerProfileBody = z.strictObject({
  keyFields: z.array(KeyFieldKey).max(20),
  collaboratorOrganizationIds: z.array(Id).max(200),
  prefectureCode: PrefectureCode.nullable(),
});
export type ReviewerProfileBody = z.infer<typeof ReviewerProfileBody>;

export const CallReviewer = ReviewerProfile.extend({
  maxLoad: z.number().int().nullable(),
  /** max_load or else the call's cap. */
  cap: z.number().int(),
  load: z.number().int(),
  addedAt: z.string(),
});
export type CallReviewer = z.infer<typeof CallReviewer>;

export const CallReviewersResponse = z.object({
  call: z.object({ key: z.string(), reviewerCap: z.number().int(), reviewersPerProposal: z.number().int() }),
  reviewers: z.array(CallReviewer),
});
export type CallReviewersResponse = z.infer<typeof CallReviewersResponse>;

export const ReviewerCandidatesResponse = z.object({
  candidates: z.array(z.object({ accountId: z.number().int(), displayName: z.string(), email: z.string() })),
});
export type ReviewerCandidatesResponse = z.infer<typeof ReviewerCandidatesResponse>;

export const AddCallReviewerBody = z.strictObject({
  accountId: Id,
  maxLoad: z.number().int().min(0).max(10_000).nullable().default(null),
});
export type AddCallReviewerBody = z.input<typeof AddCallReviewerBody>;

// ---------------------------------------------------------------------------------------------
// Conflicts

export const ConflictItem = z.object({
  id: z.number().int(),
  proposal: z.object({ id: z.number().int(), title: LocalizedText }),
  reviewer: z.object({ accountId: z.number().int(), displayName: z.string() }),
  kind: ConflictKind,
  origin: z.enum(['detected', 'declared']),
  detail: z.string().nullable(),
  status: z.enum(['pending', 'confirmed', 'dismissed']),
  blocking: z.boolean(),
  createdAt: z.string(),
  ruledBy: z.number().int().nullable(),
  ruledAt: z.string().nullable(),
  rulingNote: z.string().nullable(),
});
export type ConflictItem = z.infer<typeof ConflictItem>;

export const ConflictsResponse = z.object({ conflicts: z.array(ConflictItem) });
export type ConflictsResponse = z.infer<typeof ConflictsResponse>;

export const DetectConflictsResponse = z.object({
  /** New conflict rows written. */
  found: z.number().int(),
  /** Active assignments removed because a blocking conflict was found. */
  removedAssignments: z.number().int(),
});
export type DetectConflictsResponse = z.infer<typeof DetectConflictsResponse>;

export const ConflictRulingBody = z.strictObject({
  status: z.enum(['confirmed', 'dismissed']),
  note: Text(2000).min(1),
});
export type ConflictRulingBody = z.infer<typeof ConflictRulingBody>;

// ---------------------------------------------------------------------------------------------
// Assignments (officers)

export const OfficerAssignment = z.object({
  id: z.number().int(),
  proposalId: z.number().int(),
  reviewerAccountId: z.number().int(),
  method: z.enum(['manual', 'automatic']),
  assignedAt: z.string(),
  declaredAt: z.string().nullable(),
  reviewStatus: z.enum(['none', 'draft', 'submitted']),
  submittedAt: z.string().nullable(),
});
export type OfficerAssignment = z.infer<typeof OfficerAssignment>;

export const ReviewerProgress = z.object({
  accountId: z.number().int(),
  displayName: z.string(),
  assigned: z.number().int(),
  declared: z.number().int(),
  submitted: z.number().int(),
  /** Assigned reviews not submitted although the review deadline has passed. */
  overdue: z.number().int(),
});
export type ReviewerProgress = z.infer<typeof ReviewerProgress>;

export const AssignmentsResponse = z.object({
  call: z.object({
    key: z.string(),
    status: z.string(),
    reviewDeadline: z.string(),
    reviewersPerProposal: z.number().int(),
    reviewerCap: z.number().int(),
    reviewsRevealedAt: z.string().nullable(),
    /** Whether assignments may change now (review, or open after the submission deadline). */
    assignable: z.boolean(),
  }),
  proposals: z.array(
    z.object({ id: z.number().int(), title: LocalizedText, region: LocalizedText, keyField: z.string() }),
  ),
  reviewers: z.array(z.object({ accountId: z.number().int(), displayName: z.string() })),
  assignments: z.array(OfficerAssignment),
  /** Blocking conflict pairs, so the matrix can mark them. */
  blocked: z.array(z.object({ proposalId: z.number().int(), reviewerAccountId: z.number().int() })),
  progress: z.array(ReviewerProgress),
});
export type AssignmentsResponse = z.infer<typeof AssignmentsResponse>;

export const ManualAssignmentBody = z.strictObject({ proposalId: Id, reviewerAccountId: Id });
export type ManualAssignmentBody = z.infer<typeof ManualAssignmentBody>;

export const AutoAssignBody = z.strictObject({
  perProposal: z.number().int().min(1).max(20),
  cap: z.number().int().min(1).max(10_000).nullable(),
  seed: z.number().int().min(0).max(2_147_483_647),
  /** false = preview (dry run): nothing is written. */
  commit: z.boolean(),
});
export type AutoAssignBody = z.infer<typeof AutoAssignBody>;

export const AutoAssignResponse = z.object({
  committed: z.boolean(),
  assignments: z.array(
    z.object({
      proposalId: z.number().int(),
      reviewerAccountId: z.number().int(),
      manual: z.boolean(),
      expertiseMatch: z.boolean(),
      /** New in this run (not already assigned). */
      added: z.boolean(),
    }),
  ),
  loads: z.array(z.object({ reviewerAccountId: z.number().int(), load: z.number().int() })),
  shortfalls: z.array(
    z.object({
      proposalId: z.number().int(),
      assigned: z.number().int(),
      needed: z.number().int(),
      code: z.enum(['too_few_unconflicted', 'capacity']),
      reason: z.string(),
    }),
  ),
  warnings: z.array(z.string()),
  balanced: z.boolean(),
});
export type AutoAssignResponse = z.infer<typeof AutoAssignResponse>;

export const RevealResponse = z.object({ reviewsRevealedAt: z.string() });

// ---------------------------------------------------------------------------------------------
// The reviewer's side

export const MyAssignment = z.object({
  id: z.number().int(),
  call: z.object({ key: z.string(), title: LocalizedText }),
  proposal: z.object({ id: z.number().int(), title: LocalizedText, region: LocalizedText }),
  due: z.string(),
  overdue: z.boolean(),
  declared: z.boolean(),
  status: z.enum(['to_declare', 'to_review', 'draft', 'submitted']),
});
export type MyAssignment = z.infer<typeof MyAssignment>;

export const MyAssignmentsResponse = z.object({ assignments: z.array(MyAssignment) });
export type MyAssignmentsResponse = z.infer<typeof MyAssignmentsResponse>;

export const RemindersResponse = z.object({
  pending: z.array(MyAssignment),
  overdue: z.number().int(),
  /** The earliest due date among pending work, or null. */
  nextDue: z.string().nullable(),
});
export type RemindersResponse = z.infer<typeof RemindersResponse>;

export const DeclareBody = z.discriminatedUnion('conflict', [
  z.strictObject({ conflict: z.literal(false) }),
  z.strictObject({ conflict: z.literal(true), kind: ConflictKind, detail: Text(2000).min(1) }),
]);
export type DeclareBody = z.infer<typeof DeclareBody>;

export const DeclareResponse = z.object({
  declaredAt: z.string(),
  /** true when the declaration removed the assignment (a declared conflict blocks it). */
  removed: z.boolean(),
});
export type DeclareResponse = z.infer<typeof DeclareResponse>;

export const ReviewAttachment = z.object({
  id: z.number().int(),
  documentKey: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});

export const ReviewProposalResponse = z.object({
  id: z.number().int(),
  title: LocalizedText,
  region: LocalizedText,
  prefectures: z.array(z.string()),
  keyField: z.string(),
  headquartersPlan: z.string().nullable(),
  participants: z.array(Participant),
  narratives: Narratives,
  budgetPlan: z.array(BudgetPlanYear),
  attachments: z.array(ReviewAttachment),
});
export type ReviewProposalResponse = z.infer<typeof ReviewProposalResponse>;

export const ScoreEntry = z.object({ score: z.number().nullable(), comment: z.string().nullable() });

export const MyReviewResponse = z.object({
  assignmentId: z.number().int(),
  status: z.enum(['draft', 'submitted']),
  version: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  due: z.string(),
  criteria: CallCriteria,
  scale: Scale,
  scores: z.record(z.string(), ScoreEntry),
  overallComment: z.string().nullable(),
  /** Other reviewers' submitted scores, anonymised; only after the own submission and the reveal. */
  others: z
    .array(
      z.object({
        label: z.string(),
        scores: z.record(z.string(), ScoreEntry),
        overallComment: z.string().nullable(),
      }),
    )
    .nullable(),
  revealed: z.boolean(),
});
export type MyReviewResponse = z.infer<typeof MyReviewResponse>;

export const ReviewDraftBody = z.strictObject({
  scores: z.record(z.string().max(80), z.number().finite().nullable()),
  comments: z.record(z.string().max(80), Text(5000)).default({}),
  overallComment: Text(10_000).nullable().default(null),
});
export type ReviewDraftBody = z.input<typeof ReviewDraftBody>;

// ---------------------------------------------------------------------------------------------
// Consensus (officers as moderators)

export const ConsensusListResponse = z.object({
  proposals: z.array(
    z.object({
      id: z.number().int(),
      title: LocalizedText,
      submittedReviews: z.number().int(),
      assignedReviews: z.number().int(),
      flagged: z.boolean(),
      /** Criteria with a flag (range or SD at or over the call's limit). */
      flaggedCriteria: z.array(z.string()),
      agreedCriteria: z.array(z.string()),
    }),
  ),
});
export type ConsensusListResponse = z.infer<typeof ConsensusListResponse>;

export const ConsensusProposalResponse = z.object({
  proposal: z.object({ id: z.number().int(), title: LocalizedText }),
  criteria: CallCriteria,
  scale: Scale,
  /** Submitted reviews, labelled Reviewer A, B, … in a stable order; officers also see the name. */
  reviews: z.array(
    z.object({
      label: z.string(),
      reviewerAccountId: z.number().int(),
      displayName: z.string(),
      scores: z.record(z.string(), ScoreEntry),
      weighted: z.number().nullable(),
      overallComment: z.string().nullable(),
    }),
  ),
  disagreement: z.object({
    flagged: z.boolean(),
    criteria: z.record(
      z.string(),
      z
        .object({
          count: z.number().int(),
          min: z.number(),
          max: z.number(),
          range: z.number(),
          sd: z.number(),
        })
        .nullable(),
    ),
    flags: z.array(
      z.object({
        criterion: z.string().nullable(),
        measure: z.enum(['range', 'sd']),
        value: z.number(),
        limit: z.number(),
        message: z.string(),
      }),
    ),
  }),
  consensus: z.record(
    z.string(),
    z.object({
      score: z.number(),
      comment: z.string().nullable(),
      moderatorAccountId: z.number().int().nullable(),
      recordedAt: z.string(),
    }),
  ),
});
export type ConsensusProposalResponse = z.infer<typeof ConsensusProposalResponse>;

export const ConsensusScoreBody = z.strictObject({
  score: z.number().finite(),
  comment: Text(5000).nullable().default(null),
});
export type ConsensusScoreBody = z.input<typeof ConsensusScoreBody>;
