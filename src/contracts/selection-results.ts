/**
 * The results of a call: the ranked list with every figure traceable to the reviews behind it
 * (officers), one proposal's own result (proposer, after publication) and the published list of
 * selected and trial regions (public). One shape serves the three audiences; fields an audience
 * may not see are null or empty for it. Reports (XLSX, PDF) are built from this shape, so it stays
 * stable.
 */
import { z } from 'zod';
import { LocalizedText } from './common';
import {
  Aggregation,
  CallStatus,
  DecisionOutcome,
  DisagreementRule,
  Scale,
  TieBreak,
} from './selection-common';

export const RESULT_AUDIENCES = ['officer', 'proposer', 'public'] as const;
export const ResultAudience = z.enum(RESULT_AUDIENCES);
export type ResultAudience = z.infer<typeof ResultAudience>;

/** The call as the results page heads it. */
export const ResultCallSummary = z.strictObject({
  id: z.number().int(),
  key: z.string(),
  fiscalYear: z.number().int(),
  stage: z.number().int(),
  title: LocalizedText,
  status: CallStatus,
  slots: z.number().int(),
  budgetPerClusterYen: z.number().int(),
  totalBudgetYen: z.number().int().nullable(),
  aggregation: Aggregation,
  scale: Scale,
  overallThreshold: z.number().nullable(),
  tieBreak: TieBreak,
  disagreement: DisagreementRule,
  publishOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  isDemo: z.boolean(),
});
export type ResultCallSummary = z.infer<typeof ResultCallSummary>;

/** A scored criterion of the call, flattened from its group, with its weight and threshold. */
export const ResultCriterion = z.strictObject({
  key: z.string(),
  groupKey: z.string(),
  groupLabel: LocalizedText,
  label: LocalizedText,
  weight: z.number(),
  threshold: z.number().nullable(),
});
export type ResultCriterion = z.infer<typeof ResultCriterion>;

/** How far reviewers' figures spread (see domain/selection/disagreement.ts). */
export const ResultSpread = z.strictObject({
  count: z.number().int(),
  min: z.number(),
  max: z.number(),
  range: z.number(),
  populationSd: z.number(),
  sampleSd: z.number().nullable(),
});
export type ResultSpread = z.infer<typeof ResultSpread>;

/** One criterion's figure for a proposal: the mean/median of reviewers, or the consensus score. */
export const ResultCriterionFigure = z.strictObject({
  key: z.string(),
  score: z.number().nullable(),
  /** True when the figure is the moderator's agreed (合議) score. */
  consensus: z.boolean(),
  consensusComment: z.string().nullable(),
  spread: ResultSpread.nullable(),
  threshold: z.number().nullable(),
  belowThreshold: z.boolean(),
});
export type ResultCriterionFigure = z.infer<typeof ResultCriterionFigure>;

/** One reviewer's score on one criterion; `used` is what counted (the consensus score where one replaced it). */
export const ResultReviewerScore = z.strictObject({
  key: z.string(),
  score: z.number().nullable(),
  used: z.number().nullable(),
  comment: z.string().nullable(),
});
export type ResultReviewerScore = z.infer<typeof ResultReviewerScore>;

/**
 * One reviewer's review of a proposal. `label` is "Reviewer 1", "Reviewer 2", … in a fixed order
 * (the assignment's order) for every audience; only officers get the account and name.
 * weighted = weightedSum / weightSum = Σ wᵢ·sᵢ / Σ wᵢ over the criteria scored.
 */
export const ResultReviewer = z.strictObject({
  label: z.string(),
  index: z.number().int().positive(),
  reviewerAccountId: z.number().int().nullable(),
  reviewerName: z.string().nullable(),
  weighted: z.number().nullable(),
  weightedSum: z.number().nullable(),
  weightSum: z.number().nullable(),
  scores: z.array(ResultReviewerScore),
  overallComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type ResultReviewer = z.infer<typeof ResultReviewer>;

export const ResultDisagreementFlag = z.strictObject({
  scope: z.enum(['overall', 'criterion']),
  criterion: z.string().nullable(),
  measure: z.enum(['range', 'sd']),
  value: z.number(),
  limit: z.number(),
  message: z.string(),
});
export type ResultDisagreementFlag = z.infer<typeof ResultDisagreementFlag>;

export const ResultThresholdFailure = z.strictObject({
  scope: z.enum(['overall', 'criterion']),
  criterion: z.string().nullable(),
  score: z.number().nullable(),
  threshold: z.number(),
  message: z.string(),
});
export type ResultThresholdFailure = z.infer<typeof ResultThresholdFailure>;

export const SELECTION_LINE_STATUSES = [
  'selected',
  'tie_at_cutoff',
  'no_slot',
  'over_budget',
  'below_cutoff',
  'ineligible',
  'unscored',
] as const;
export const SelectionLineStatus = z.enum(SELECTION_LINE_STATUSES);
export type SelectionLineStatus = z.infer<typeof SelectionLineStatus>;

/** Where `selectWithinLimits` puts the proposal: the suggestion, not the decision. */
export const ResultSelectionLine = z.strictObject({
  status: SelectionLineStatus,
  costYen: z.number().int(),
  reason: z.string(),
});
export type ResultSelectionLine = z.infer<typeof ResultSelectionLine>;

/** The current (not superseded) decision on a proposal. */
export const ResultDecision = z.strictObject({
  id: z.number().int(),
  outcome: DecisionOutcome,
  reason: z.string(),
  consolidatedComment: z.string().nullable(),
  /** Why an officer selected beyond the slots or the budget; null when within them. Officers only. */
  overrideReason: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
});
export type ResultDecision = z.infer<typeof ResultDecision>;

export const RESULT_GROUPS = ['eligible', 'ineligible', 'unscored'] as const;
export const ResultGroup = z.enum(RESULT_GROUPS);
export type ResultGroup = z.infer<typeof ResultGroup>;

export const ResultProposal = z.strictObject({
  proposalId: z.number().int(),
  title: LocalizedText,
  region: LocalizedText,
  prefectures: z.array(z.string()),
  keyFieldKey: z.string(),
  coreOrganization: z.strictObject({ id: z.number().int(), name: LocalizedText }).nullable(),
  proposerOrganization: z.strictObject({ id: z.number().int(), name: LocalizedText }),
  requestedYen: z.number().int(),
  /** The cluster created from this proposal, if any. */
  cluster: z.strictObject({ id: z.number().int(), key: z.string() }).nullable(),
  group: ResultGroup,
  /** Competition rank within the group (1, 2, 2, 4); null when unscored or hidden from the audience. */
  rank: z.number().int().nullable(),
  /** "1", "=2" for a shared rank; null with rank. */
  rankLabel: z.string().nullable(),
  rankIgnoringThresholds: z.number().int().nullable(),
  tiedWith: z.array(z.number().int()),
  /** The tie-break criterion that set this proposal apart, if any. */
  decidedByCriterion: z.string().nullable(),
  score: z.number().nullable(),
  /** Reviews counted: submitted, of active assignments, with no blocking conflict. */
  reviewCount: z.number().int(),
  /** Submitted reviews left out because the reviewer has a conflict that is not dismissed. Officers only (else 0). */
  excludedConflictedReviews: z.number().int(),
  criteria: z.array(ResultCriterionFigure),
  consensusCriteria: z.array(z.string()),
  reviewers: z.array(ResultReviewer),
  overallSpread: ResultSpread.nullable(),
  disagreementFlags: z.array(ResultDisagreementFlag),
  thresholdFailures: z.array(ResultThresholdFailure),
  selection: ResultSelectionLine.nullable(),
  decision: ResultDecision.nullable(),
});
export type ResultProposal = z.infer<typeof ResultProposal>;

/** Slots and budget against the suggestion and against the decisions taken. */
export const ResultLimits = z.strictObject({
  slots: z.number().int(),
  totalBudgetYen: z.number().int().nullable(),
  budgetPerClusterYen: z.number().int(),
  suggested: z.strictObject({
    selected: z.array(z.number().int()),
    slotsUsed: z.number().int(),
    slotsLeft: z.number().int(),
    budgetUsedYen: z.number().int(),
    budgetLeftYen: z.number().int().nullable(),
    decisionNeeded: z
      .strictObject({
        proposalIds: z.array(z.number().int()),
        rank: z.number().int(),
        slotsLeft: z.number().int(),
        budgetLeftYen: z.number().int().nullable(),
      })
      .nullable(),
  }),
  /** Counting selected decisions; trial regions (試行地域) are funded outside the call's slots. Negative left = overridden. */
  decided: z.strictObject({
    slotsUsed: z.number().int(),
    slotsLeft: z.number().int(),
    budgetUsedYen: z.number().int(),
    budgetLeftYen: z.number().int().nullable(),
  }),
});
export type ResultLimits = z.infer<typeof ResultLimits>;

export const CallResults = z.strictObject({
  audience: ResultAudience,
  call: ResultCallSummary,
  criteria: z.array(ResultCriterion),
  /** Null for the public. */
  limits: ResultLimits.nullable(),
  /** Submitted proposals in list order: eligible by rank, then ineligible by rank, then unscored. */
  proposals: z.array(ResultProposal),
  /** Submitted proposals without a decision (publication needs 0). */
  undecidedCount: z.number().int(),
  generatedAt: z.string(),
});
export type CallResults = z.infer<typeof CallResults>;

/** The public view of a published call: who was selected or made a trial region, never scores. */
export const PublicSelectedRegion = z.strictObject({
  proposalId: z.number().int(),
  outcome: z.enum(['selected', 'trial']),
  region: LocalizedText,
  title: LocalizedText,
  coreOrganization: LocalizedText.nullable(),
  keyFieldKey: z.string(),
  prefectures: z.array(z.string()),
  cluster: z.strictObject({ key: z.string() }).nullable(),
});
export type PublicSelectedRegion = z.infer<typeof PublicSelectedRegion>;

export const PublicCallSelection = z.strictObject({
  key: z.string(),
  fiscalYear: z.number().int(),
  stage: z.number().int(),
  title: LocalizedText,
  description: LocalizedText,
  publishedAt: z.string(),
  isDemo: z.boolean(),
  /** Submitted proposals the call received. */
  proposalCount: z.number().int(),
  regions: z.array(PublicSelectedRegion),
});
export type PublicCallSelection = z.infer<typeof PublicCallSelection>;

export const PublicSelectionList = z.strictObject({ items: z.array(PublicCallSelection) });
export type PublicSelectionList = z.infer<typeof PublicSelectionList>;

/** The proposer's result for one proposal after publication: its line of the results, anonymised. */
export const ProposalResult = z.strictObject({
  call: ResultCallSummary,
  criteria: z.array(ResultCriterion),
  proposal: ResultProposal,
  /** Number of ranked proposals in the same group, for "rank 3 of 12". */
  rankedCount: z.number().int(),
});
export type ProposalResult = z.infer<typeof ProposalResult>;
