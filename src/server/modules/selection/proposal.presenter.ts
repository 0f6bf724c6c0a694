/** Proposal rows → the JSON of src/contracts/selection-proposals.ts, and the audit snapshot. */
import type {
  ProposalAttachment,
  ProposalDetail,
  ProposalSummary,
} from '../../../contracts/selection-proposals';
import {
  BudgetPlanYear,
  CallStatus,
  Narratives,
  Participant,
  ProposalStatus,
  ProposalTarget,
} from '../../../contracts/selection-common';
import { callClosesAt, parseCallJson } from './call.presenter';
import type { AttachmentRow, CallRow, ProposalRow } from './selection.table';

type Name = { ja: string; en: string };

export function toAttachment(a: AttachmentRow): ProposalAttachment {
  return {
    id: a.id,
    documentKey: a.document_key,
    fileName: a.file_name,
    mediaType: a.media_type,
    sizeBytes: Number(a.size_bytes),
    sha256: a.sha256,
    uploadedAt: a.uploaded_at,
  };
}

/** The call's required documents that have no attachment yet. */
export function missingDocuments(call: CallRow, attachments: AttachmentRow[]): string[] {
  const attached = new Set(attachments.map((a) => a.document_key));
  return parseCallJson(call)
    .requiredDocuments.filter((d) => d.required && !attached.has(d.key))
    .map((d) => d.key);
}

export function toProposalSummary(
  p: ProposalRow,
  call: CallRow,
  organization: Name,
  attachments: AttachmentRow[],
): ProposalSummary {
  return {
    id: p.id,
    call: {
      key: call.key,
      title: { ja: call.title_ja, en: call.title_en },
      fiscalYear: call.fiscal_year,
      status: CallStatus.parse(call.status),
    },
    proposerOrganization: { id: p.proposer_organization_id, name: organization },
    title: { ja: p.title_ja, en: p.title_en },
    region: { ja: p.region_ja, en: p.region_en },
    prefectures: JSON.parse(p.prefectures_json) as string[],
    keyField: p.key_field_key,
    requestedYen: Number(p.requested_yen),
    status: ProposalStatus.parse(p.status),
    submittedAt: p.submitted_at,
    reopenedAt: p.reopened_at,
    attachmentCount: attachments.length,
    missingDocuments: missingDocuments(call, attachments),
    isDemo: Number(p.is_demo) === 1,
    version: p.version,
    updatedAt: p.updated_at,
  };
}

export function toProposalDetail(
  p: ProposalRow,
  call: CallRow,
  names: { organization: Name; core: Name | null },
  attachments: AttachmentRow[],
  rights: Pick<ProposalDetail, 'canEdit' | 'canSubmit' | 'canWithdraw' | 'canReopen'>,
): ProposalDetail {
  const json = parseCallJson(call);
  return {
    ...toProposalSummary(p, call, names.organization, attachments),
    call: {
      key: call.key,
      title: { ja: call.title_ja, en: call.title_en },
      fiscalYear: call.fiscal_year,
      status: CallStatus.parse(call.status),
      stage: Number(call.stage),
      submissionDeadline: call.submission_deadline,
      closesAt: callClosesAt(call).toISOString(),
      criteria: json.criteria.map((g) => ({
        key: g.key,
        label: g.label,
        items: g.items.map((i) => ({ key: i.key, label: i.label })),
      })),
      requiredDocuments: json.requiredDocuments,
    },
    coreOrganization:
      p.core_organization_id === null || !names.core
        ? null
        : { id: p.core_organization_id, name: names.core },
    headquartersPlan: p.headquarters_plan,
    participants: Participant.array().parse(JSON.parse(p.participants_json)),
    narratives: Narratives.parse(JSON.parse(p.narratives_json)),
    budgetPlan: BudgetPlanYear.array().parse(JSON.parse(p.budget_plan_json)),
    targets: ProposalTarget.array().parse(JSON.parse(p.targets_json)),
    attachments: attachments.map(toAttachment),
    withdrawnAt: p.withdrawn_at,
    reopenReason: p.reopen_reason,
    previousProposalId: p.previous_proposal_id,
    ...rights,
    createdAt: p.created_at,
  };
}

/** What the audit log keeps of a proposal: its columns with JSON parsed. */
export function proposalSnapshot(p: ProposalRow) {
  const { prefectures_json, participants_json, narratives_json, budget_plan_json, targets_json, ...rest } = p;
  return {
    ...rest,
    requested_yen: Number(p.requested_yen),
    prefectures: JSON.parse(prefectures_json) as unknown,
    participants: JSON.parse(participants_json) as unknown,
    narratives: JSON.parse(narratives_json) as unknown,
    budgetPlan: JSON.parse(budget_plan_json) as unknown,
    targets: JSON.parse(targets_json) as unknown,
  };
}
