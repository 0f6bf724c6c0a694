/** Finding rows → the API's shape, and what the audit log keeps of them. */
import type { Finding, FindingTag, FollowUpStatus } from '../../../contracts/evaluation-findings';
import type { RoundStatus } from '../../../contracts/evaluation-rounds';
import type { FindingRow } from './evaluation.table';
import type { FindingWithRefs } from './finding.repo';

export function toFinding(
  row: FindingWithRefs,
  parts: { canEdit: boolean; canRespond: boolean; showDraftFollowUp: boolean },
): Finding {
  const followUp =
    row.follow_up_round_key !== null && (parts.showDraftFollowUp || row.follow_up_round_status !== 'draft')
      ? {
          key: row.follow_up_round_key,
          title: { ja: row.follow_up_round_title_ja ?? '', en: row.follow_up_round_title_en ?? '' },
          fiscalYear: Number(row.follow_up_round_fiscal_year),
          status: row.follow_up_round_status as RoundStatus,
        }
      : null;
  return {
    id: row.id,
    round: {
      key: row.round_key,
      title: { ja: row.round_title_ja, en: row.round_title_en },
      fiscalYear: row.round_fiscal_year,
      status: row.round_status as RoundStatus,
    },
    cluster: {
      id: row.cluster_id,
      key: row.cluster_key,
      name: { ja: row.cluster_name_ja, en: row.cluster_name_en },
    },
    tag: row.tag as FindingTag,
    text: { ja: row.text_ja, en: row.text_en },
    response: row.response,
    respondedAt: row.responded_at,
    followUpStatus: row.follow_up_status as FollowUpStatus,
    followUpRound: followUp,
    canEdit: parts.canEdit,
    canRespond: parts.canRespond,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a finding. */
export function findingSnapshot(row: FindingRow) {
  return {
    roundId: row.round_id,
    clusterId: row.cluster_id,
    tag: row.tag,
    text: { ja: row.text_ja, en: row.text_en },
    response: row.response,
    respondedBy: row.responded_by,
    followUpStatus: row.follow_up_status,
    followUpRoundId: row.follow_up_round_id,
    version: row.version,
  };
}
