/**
 * Proposals (提案) to a call and their attachments: the proposer's draft, edits, submission before
 * the deadline, withdrawal, an officer's reopening, and what the proposer and officers read.
 */
import { z } from 'zod';
import { Id, IdQuery, LocalizedText, localizedTextInput, Version } from './common';
import {
  BudgetPlanYear,
  CallStatus,
  Narratives,
  Participant,
  Prefectures,
  ProposalStatus,
  ProposalTarget,
  RequiredDocument,
} from './selection-common';

export const ProposalIdParam = z.strictObject({ id: IdQuery });
export const ProposalAttachmentParams = z.strictObject({ id: IdQuery, attachmentId: IdQuery });
export type ProposalAttachmentParams = z.infer<typeof ProposalAttachmentParams>;

/** The editable parts of a proposal; a draft may leave most of them empty until it is submitted. */
const proposalFields = {
  title: localizedTextInput(300),
  region: localizedTextInput(200),
  prefectures: Prefectures,
  keyField: z.string().min(1).max(60),
  coreOrganizationId: Id.nullable(),
  headquartersPlan: z.string().trim().max(20_000).nullable(),
  participants: z.array(Participant).max(500),
  /** One narrative per criterion group key of the call; unknown keys are refused. */
  narratives: Narratives,
  /** Empty, or five consecutive fiscal years from the call's fiscal year. */
  budgetPlan: z.array(BudgetPlanYear).max(5),
  targets: z.array(ProposalTarget).max(200),
};

export const CreateProposalBody = z.strictObject({
  title: proposalFields.title,
  region: proposalFields.region,
  keyField: proposalFields.keyField,
  prefectures: proposalFields.prefectures.default([]),
});
export type CreateProposalBody = z.input<typeof CreateProposalBody>;

export const UpdateProposalBody = z.strictObject(proposalFields).partial().extend({ version: Version });
export type UpdateProposalBody = z.infer<typeof UpdateProposalBody>;

export const ProposalVersionBody = z.strictObject({ version: Version });
export type ProposalVersionBody = z.infer<typeof ProposalVersionBody>;

export const ReopenProposalBody = z.strictObject({
  version: Version,
  reason: z.string().trim().min(1).max(2000),
});
export type ReopenProposalBody = z.infer<typeof ReopenProposalBody>;

export const ProposalAttachment = z.object({
  id: z.number().int(),
  documentKey: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type ProposalAttachment = z.infer<typeof ProposalAttachment>;

/** The call as a proposal's page needs it: deadlines, groups to write about, documents to attach. */
export const ProposalCall = z.object({
  key: z.string(),
  title: LocalizedText,
  fiscalYear: z.number().int(),
  status: CallStatus,
  stage: z.number().int(),
  submissionDeadline: z.string(),
  closesAt: z.string(),
  criteria: z.array(
    z.object({
      key: z.string(),
      label: LocalizedText,
      items: z.array(z.object({ key: z.string(), label: LocalizedText })),
    }),
  ),
  requiredDocuments: z.array(RequiredDocument),
});
export type ProposalCall = z.infer<typeof ProposalCall>;

export const ProposalSummary = z.object({
  id: z.number().int(),
  call: z.object({ key: z.string(), title: LocalizedText, fiscalYear: z.number().int(), status: CallStatus }),
  proposerOrganization: z.object({ id: z.number().int(), name: LocalizedText }),
  title: LocalizedText,
  region: LocalizedText,
  prefectures: z.array(z.string()),
  keyField: z.string(),
  requestedYen: z.number(),
  status: ProposalStatus,
  submittedAt: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  attachmentCount: z.number().int(),
  /** Required documents of the call with no attachment yet. */
  missingDocuments: z.array(z.string()),
  isDemo: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const ProposalListResponse = z.object({ items: z.array(ProposalSummary) });
export type ProposalListResponse = z.infer<typeof ProposalListResponse>;

export const ProposalDetail = ProposalSummary.extend({
  call: ProposalCall,
  coreOrganization: z.object({ id: z.number().int(), name: LocalizedText }).nullable(),
  headquartersPlan: z.string().nullable(),
  participants: z.array(Participant),
  narratives: Narratives,
  budgetPlan: z.array(BudgetPlanYear),
  targets: z.array(ProposalTarget),
  attachments: z.array(ProposalAttachment),
  withdrawnAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  previousProposalId: z.number().int().nullable(),
  /** The draft may be edited (and submitted) now: a draft before the deadline, or reopened. */
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canWithdraw: z.boolean(),
  /** An officer may reopen it (submitted, or a draft left past the deadline). */
  canReopen: z.boolean(),
  createdAt: z.string(),
});
export type ProposalDetail = z.infer<typeof ProposalDetail>;
