/** Self-evaluation rows → the API's shapes, and what the audit log keeps of them. */
import {
  SelfEvaluationNarratives,
  type SelfEvaluationAttachment,
  type SelfEvaluationClusterData,
  type SelfEvaluationDetail,
  type SelfEvaluationStatus,
  type SelfEvaluationSummary,
} from '../../../contracts/evaluation-self-evaluations';
import type { RoundStatus } from '../../../contracts/evaluation-rounds';
import type { AttachmentRow } from '../selection/selection.table';
import type { EvaluationRoundRow, SelfEvaluationRow } from './evaluation.table';
import type { RoundClusterInfo } from './round.repo';

export function parseNarratives(row: SelfEvaluationRow | undefined): SelfEvaluationNarratives {
  return row ? SelfEvaluationNarratives.parse(JSON.parse(row.narratives_json)) : {};
}

/** The items, in tree order, with no narrative (blank counts as none). */
export function missingItems(itemKeys: string[], narratives: SelfEvaluationNarratives): string[] {
  return itemKeys.filter((key) => (narratives[key] ?? '').trim() === '');
}

export function statusOf(row: SelfEvaluationRow | undefined): SelfEvaluationStatus {
  return row ? (row.status as SelfEvaluationStatus) : 'not_started';
}

function clusterRef(c: RoundClusterInfo) {
  return { id: c.id, key: c.key, name: { ja: c.name_ja, en: c.name_en }, startFiscalYear: c.start_fy };
}

export function toSelfEvaluationAttachment(a: AttachmentRow): SelfEvaluationAttachment {
  return {
    id: a.id,
    itemKey: a.document_key,
    fileName: a.file_name,
    mediaType: a.media_type,
    sizeBytes: Number(a.size_bytes),
    sha256: a.sha256,
    uploadedAt: a.uploaded_at,
  };
}

export function toSelfEvaluationDetail(
  round: EvaluationRoundRow,
  cluster: RoundClusterInfo,
  row: SelfEvaluationRow | undefined,
  parts: {
    itemKeys: string[];
    attachments: AttachmentRow[];
    clusterData: SelfEvaluationClusterData;
    reopened: { at: string; reason: string } | null;
    contentHidden: boolean;
    canEdit: boolean;
    canReopen: boolean;
  },
): SelfEvaluationDetail {
  const narratives = parts.contentHidden ? {} : parseNarratives(row);
  return {
    round: {
      key: round.key,
      title: { ja: round.title_ja, en: round.title_en },
      fiscalYear: round.fiscal_year,
      status: round.status as RoundStatus,
    },
    cluster: clusterRef(cluster),
    status: statusOf(row),
    contentHidden: parts.contentHidden,
    narratives,
    missingItems: parts.contentHidden ? [] : missingItems(parts.itemKeys, narratives),
    attachments: parts.contentHidden ? [] : parts.attachments.map(toSelfEvaluationAttachment),
    submittedAt: row?.submitted_at ?? null,
    reopened: parts.reopened,
    clusterData: parts.clusterData,
    canEdit: parts.canEdit,
    canReopen: parts.canReopen,
    version: row?.version ?? 1,
    createdAt: row?.created_at ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

export function toSelfEvaluationSummary(
  cluster: RoundClusterInfo,
  row: SelfEvaluationRow | undefined,
  parts: { itemKeys: string[]; attachmentCount: number; contentHidden: boolean },
): SelfEvaluationSummary {
  const written = parts.contentHidden
    ? 0
    : parts.itemKeys.length - missingItems(parts.itemKeys, parseNarratives(row)).length;
  return {
    cluster: clusterRef(cluster),
    status: statusOf(row),
    itemCount: parts.itemKeys.length,
    writtenItemCount: written,
    attachmentCount: parts.contentHidden ? 0 : parts.attachmentCount,
    submittedAt: row?.submitted_at ?? null,
    updatedAt: row?.updated_at ?? null,
    version: row?.version ?? 1,
  };
}

/** What the audit log keeps of a report: its columns with the narratives parsed. */
export function selfEvaluationSnapshot(row: SelfEvaluationRow) {
  return {
    roundId: row.round_id,
    clusterId: row.cluster_id,
    status: row.status,
    narratives: parseNarratives(row),
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    version: row.version,
  };
}
