/**
 * Calls for proposals (公募): what an officer sends to create or edit one, the status transitions,
 * and what the list and the detail answer. The criteria, scale and weights are frozen into the call
 * when it is created (copied from a criteria template unless given) and cannot change once it is open.
 */
import { z } from 'zod';
import { FiscalYearValue, LocalizedText, localizedTextInput, Version } from './common';
import {
  Aggregation,
  CallCriteria,
  CallStatus,
  DisagreementRule,
  RequiredDocument,
  Scale,
  TieBreak,
} from './selection-common';

const Yen = z.number().int().nonnegative().max(1e13);
const Instant = z.iso.datetime({ offset: true });

export const CallKeyParam = z.strictObject({ key: z.string().min(1).max(120) });
export type CallKeyParam = z.infer<typeof CallKeyParam>;

export const CallListQuery = z.strictObject({
  status: CallStatus.optional(),
  fy: z.coerce.number().int().min(1950).max(2100).optional(),
});
export type CallListQuery = z.infer<typeof CallListQuery>;

/** Everything of a call an officer may set; the create body requires most of it. */
const callFields = {
  title: localizedTextInput(300),
  description: z
    .strictObject({
      ja: z.string().trim().max(5000).default(''),
      en: z.string().trim().max(5000).default(''),
    })
    .nullable(),
  fiscalYear: FiscalYearValue,
  slots: z.number().int().min(1).max(1000),
  budgetPerClusterYen: Yen,
  totalBudgetYen: Yen.nullable(),
  submissionDeadline: Instant,
  graceMinutes: z.number().int().min(0).max(10_080),
  reviewDeadline: Instant,
  decisionDeadline: Instant,
  criteria: CallCriteria,
  scale: Scale,
  overallThreshold: z.number().finite().nullable(),
  aggregation: Aggregation,
  tieBreak: TieBreak,
  disagreement: DisagreementRule,
  requiredDocuments: z.array(RequiredDocument).max(30),
  reviewersPerProposal: z.number().int().min(1).max(50),
  reviewerCap: z.number().int().min(1).max(10_000),
};

export const CreateCallBody = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'lower-case letters, digits and hyphens, 2–80 characters'),
  ...callFields,
  description: callFields.description.default(null),
  graceMinutes: callFields.graceMinutes.default(0),
  totalBudgetYen: callFields.totalBudgetYen.default(null),
  /** Omitted: the criteria are copied from `criteriaTemplateKey` (default selection-2001), weight 1 each. */
  criteria: CallCriteria.optional(),
  criteriaTemplateKey: z.string().min(1).max(80).default('selection-2001'),
  scale: Scale.default({ min: 1, max: 5, step: 1 }),
  overallThreshold: callFields.overallThreshold.default(null),
  aggregation: Aggregation.default('mean'),
  tieBreak: TieBreak.default([]),
  disagreement: DisagreementRule.default({ maxRange: 2, maxSd: 1 }),
  requiredDocuments: callFields.requiredDocuments.default([]),
  reviewersPerProposal: callFields.reviewersPerProposal.default(3),
  reviewerCap: callFields.reviewerCap.default(10),
  stage: z.union([z.literal(1), z.literal(2)]).default(1),
  /** The first-stage call whose shortlisted proposals may enter this second stage. */
  previousCallKey: z.string().min(1).max(120).nullable().default(null),
});
export type CreateCallBody = z.input<typeof CreateCallBody>;

/** Partial edit at the version read. Criteria, scale, weights and scoring rules only while draft. */
export const UpdateCallBody = z.strictObject(callFields).partial().extend({ version: Version });
export type UpdateCallBody = z.infer<typeof UpdateCallBody>;

/** The transitions this module owns; published belongs to the results. */
export const CALL_TRANSITION_TARGETS = ['open', 'review', 'decision', 'closed'] as const;
export const CallTransitionBody = z.strictObject({
  status: z.enum(CALL_TRANSITION_TARGETS),
  version: Version,
});
export type CallTransitionBody = z.infer<typeof CallTransitionBody>;

export const CallSummary = z.object({
  id: z.number().int(),
  key: z.string(),
  title: LocalizedText,
  fiscalYear: z.number().int(),
  status: CallStatus,
  stage: z.number().int(),
  slots: z.number().int(),
  submissionDeadline: z.string(),
  graceMinutes: z.number().int(),
  /** The submission deadline plus the grace period. */
  closesAt: z.string(),
  reviewDeadline: z.string(),
  decisionDeadline: z.string(),
  isDemo: z.boolean(),
  /** Proposals by status; null for those who may not see unpublished proposals. */
  proposalCounts: z
    .object({ draft: z.number().int(), submitted: z.number().int(), withdrawn: z.number().int() })
    .nullable(),
  version: z.number().int(),
});
export type CallSummary = z.infer<typeof CallSummary>;

export const CallListResponse = z.object({ items: z.array(CallSummary) });
export type CallListResponse = z.infer<typeof CallListResponse>;

export const CallDetail = CallSummary.extend({
  description: LocalizedText.nullable(),
  budgetPerClusterYen: z.number(),
  totalBudgetYen: z.number().nullable(),
  criteria: CallCriteria,
  scale: Scale,
  overallThreshold: z.number().nullable(),
  aggregation: Aggregation,
  tieBreak: TieBreak,
  disagreement: DisagreementRule,
  requiredDocuments: z.array(RequiredDocument),
  reviewersPerProposal: z.number().int(),
  reviewerCap: z.number().int(),
  previousCall: z.object({ key: z.string(), title: LocalizedText }).nullable(),
  criteriaTemplateKey: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** What the asking actor may do here (the web hides what the server would refuse). */
  canManage: z.boolean(),
  /** Whether the actor may start a proposal now (a proposer, the call open, before the deadline). */
  canPropose: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CallDetail = z.infer<typeof CallDetail>;
