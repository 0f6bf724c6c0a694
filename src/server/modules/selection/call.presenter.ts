/** Call rows → the JSON of src/contracts/selection-calls.ts, and what the audit log keeps of a call. */
import type { CallDetail, CallSummary } from '../../../contracts/selection-calls';
import {
  CallCriteria,
  CallStatus,
  DisagreementRule,
  RequiredDocument,
  Scale,
  TieBreak,
} from '../../../contracts/selection-common';
import type { ProposalCounts } from './call.repo';
import type { CallRow } from './selection.table';

/** The submission deadline with its grace period: proposals are accepted until then. */
export function callClosesAt(row: Pick<CallRow, 'submission_deadline' | 'grace_minutes'>): Date {
  return new Date(Date.parse(row.submission_deadline) + row.grace_minutes * 60_000);
}

export function parseCallJson(row: CallRow) {
  return {
    criteria: CallCriteria.parse(JSON.parse(row.criteria_json)),
    scale: Scale.parse(JSON.parse(row.scale_json)),
    tieBreak: TieBreak.parse(JSON.parse(row.tie_break_json)),
    disagreement: DisagreementRule.parse(JSON.parse(row.disagreement_json)),
    requiredDocuments: RequiredDocument.array().parse(JSON.parse(row.required_documents_json)),
  };
}

export function toCallSummary(row: CallRow, counts: ProposalCounts | null): CallSummary {
  return {
    id: row.id,
    key: row.key,
    title: { ja: row.title_ja, en: row.title_en },
    fiscalYear: row.fiscal_year,
    status: CallStatus.parse(row.status),
    stage: Number(row.stage),
    slots: row.slots,
    submissionDeadline: row.submission_deadline,
    graceMinutes: Number(row.grace_minutes),
    closesAt: callClosesAt(row).toISOString(),
    reviewDeadline: row.review_deadline,
    decisionDeadline: row.decision_deadline,
    isDemo: Number(row.is_demo) === 1,
    proposalCounts: counts,
    version: row.version,
  };
}

export function toCallDetail(
  row: CallRow,
  extra: {
    counts: ProposalCounts | null;
    previousCall: CallDetail['previousCall'];
    criteriaTemplateKey: string | null;
    canManage: boolean;
    canPropose: boolean;
  },
): CallDetail {
  const json = parseCallJson(row);
  return {
    ...toCallSummary(row, extra.counts),
    description:
      row.description_ja === null && row.description_en === null
        ? null
        : { ja: row.description_ja ?? '', en: row.description_en ?? '' },
    budgetPerClusterYen: Number(row.budget_per_cluster_yen),
    totalBudgetYen: row.total_budget_yen === null ? null : Number(row.total_budget_yen),
    ...json,
    overallThreshold: row.overall_threshold === null ? null : Number(row.overall_threshold),
    aggregation: row.aggregation === 'median' ? 'median' : 'mean',
    reviewersPerProposal: row.reviewers_per_proposal,
    reviewerCap: row.reviewer_cap,
    previousCall: extra.previousCall,
    criteriaTemplateKey: extra.criteriaTemplateKey,
    publishedAt: row.published_at,
    canManage: extra.canManage,
    canPropose: extra.canPropose,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a call: its columns, JSON parsed, money as numbers. */
export function callSnapshot(row: CallRow) {
  const { criteria_json, scale_json, tie_break_json, disagreement_json, required_documents_json, ...rest } =
    row;
  return {
    ...rest,
    budget_per_cluster_yen: Number(row.budget_per_cluster_yen),
    total_budget_yen: row.total_budget_yen === null ? null : Number(row.total_budget_yen),
    criteria: JSON.parse(criteria_json) as unknown,
    scale: JSON.parse(scale_json) as unknown,
    tieBreak: JSON.parse(tie_break_json) as unknown,
    disagreement: JSON.parse(disagreement_json) as unknown,
    requiredDocuments: JSON.parse(required_documents_json) as unknown,
  };
}
