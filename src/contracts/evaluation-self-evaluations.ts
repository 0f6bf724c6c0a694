/**
 * Self-evaluation reports (自己評価書): a round's target cluster's headquarters write a narrative per
 * criterion item, attach files, and submit while the round is in its self-evaluation phase; an
 * officer may reopen a submitted report with a reason. Readers see the cluster's outcomes, targets
 * and budget for the period beside it, pulled from the platform.
 */
import { z } from 'zod';
import { BudgetKindSchema } from './budgets';
import { IdQuery, LocalizedText, Version } from './common';
import { RoundStatus } from './evaluation-rounds';

/** The longest narrative of one item (about ten pages of Japanese). */
export const MAX_NARRATIVE_LENGTH = 20_000;

export const SELF_EVALUATION_STATUSES = ['not_started', 'draft', 'submitted'] as const;
export const SelfEvaluationStatus = z.enum(SELF_EVALUATION_STATUSES);
export type SelfEvaluationStatus = z.infer<typeof SelfEvaluationStatus>;

const Key = z.string().min(1).max(120);

export const SelfEvaluationParams = z.strictObject({ key: Key, clusterKey: Key });
export type SelfEvaluationParams = z.infer<typeof SelfEvaluationParams>;

export const SelfEvaluationAttachmentParams = SelfEvaluationParams.extend({ attachmentId: IdQuery });
export type SelfEvaluationAttachmentParams = z.infer<typeof SelfEvaluationAttachmentParams>;

/** Item key → narrative; keys must be the round's criterion items (others are refused by name). */
export const SelfEvaluationNarratives = z.record(z.string(), z.string().max(MAX_NARRATIVE_LENGTH));
export type SelfEvaluationNarratives = z.infer<typeof SelfEvaluationNarratives>;

/** The whole draft at the version read: items left out (or blank) have no narrative yet. */
export const SaveSelfEvaluationBody = z.strictObject({
  version: Version,
  narratives: SelfEvaluationNarratives,
});
export type SaveSelfEvaluationBody = z.infer<typeof SaveSelfEvaluationBody>;

export const SubmitSelfEvaluationBody = z.strictObject({ version: Version });
export type SubmitSelfEvaluationBody = z.infer<typeof SubmitSelfEvaluationBody>;

export const ReopenSelfEvaluationBody = z.strictObject({
  version: Version,
  reason: z.string().trim().min(1).max(2000),
});
export type ReopenSelfEvaluationBody = z.infer<typeof ReopenSelfEvaluationBody>;

export const SelfEvaluationAttachment = z.object({
  id: z.number().int(),
  /** The criterion item the file supports, or null for the report as a whole. */
  itemKey: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type SelfEvaluationAttachment = z.infer<typeof SelfEvaluationAttachment>;

export const SelfEvaluationAttachmentList = z.object({ items: z.array(SelfEvaluationAttachment) });
export type SelfEvaluationAttachmentList = z.infer<typeof SelfEvaluationAttachmentList>;

const ClusterRef = z.object({
  id: z.number().int(),
  key: z.string(),
  name: LocalizedText,
  startFiscalYear: z.number().int().nullable(),
});

/**
 * The cluster's figures for the period the report covers (its start fiscal year to the round's),
 * read live from the platform: accepted outcome totals per indicator (with the reports counted),
 * the numerical targets of those years and the budget ledger per fiscal year and kind.
 */
export const SelfEvaluationClusterData = z.object({
  fromFiscalYear: z.number().int(),
  toFiscalYear: z.number().int(),
  outcomes: z.array(z.object({ indicatorKey: z.string(), total: z.number() })),
  outcomeReports: z.array(z.object({ fyFrom: z.number().int(), fyTo: z.number().int(), source: z.string() })),
  targets: z.array(
    z.object({
      indicatorKey: z.string(),
      fiscalYear: z.number().int(),
      baseline: z.number().nullable(),
      target: z.number(),
    }),
  ),
  budgets: z.array(z.object({ fiscalYear: z.number().int(), kind: BudgetKindSchema, amountYen: z.number() })),
  budgetTotalYen: z.number(),
});
export type SelfEvaluationClusterData = z.infer<typeof SelfEvaluationClusterData>;

export const SelfEvaluationDetail = z.object({
  round: z.object({
    key: z.string(),
    title: LocalizedText,
    fiscalYear: z.number().int(),
    status: RoundStatus,
  }),
  cluster: ClusterRef,
  status: SelfEvaluationStatus,
  /**
   * True when the reader may not see a draft's text (an evaluator before submission): narratives
   * and attachments are then empty.
   */
  contentHidden: z.boolean(),
  narratives: SelfEvaluationNarratives,
  /** Criterion items, in tree order, that have no narrative yet (submission needs none missing). */
  missingItems: z.array(z.string()),
  attachments: z.array(SelfEvaluationAttachment),
  submittedAt: z.string().nullable(),
  /** When an officer returned the submitted report to draft, and why; null once submitted again. */
  reopened: z.object({ at: z.string(), reason: z.string() }).nullable(),
  clusterData: SelfEvaluationClusterData,
  canEdit: z.boolean(),
  canReopen: z.boolean(),
  /** 1 until the first save (the report is created then). */
  version: z.number().int(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type SelfEvaluationDetail = z.infer<typeof SelfEvaluationDetail>;

export const SelfEvaluationSummary = z.object({
  cluster: ClusterRef,
  status: SelfEvaluationStatus,
  itemCount: z.number().int(),
  writtenItemCount: z.number().int(),
  attachmentCount: z.number().int(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type SelfEvaluationSummary = z.infer<typeof SelfEvaluationSummary>;

export const SelfEvaluationListResponse = z.object({ items: z.array(SelfEvaluationSummary) });
export type SelfEvaluationListResponse = z.infer<typeof SelfEvaluationListResponse>;
