/** Decides what of a cluster leaves the server. */
import type {
  ClusterMemberResponse,
  ClusterStaffResponse,
  ClusterSummary,
} from '../../../contracts/clusters';
import type { OrganizationRef } from '../../../contracts/organizations';
import type { KeyFieldKey } from '../../../domain/key-fields';
import type { ClusterStatus, MemberRole, StaffRole } from '../../../domain/network';
import type { ClusterPrefectureName, MemberWithOrganization, StaffWithPerson } from './cluster.repo';
import type { ClusterRow } from './cluster.table';

export function toClusterSummary(
  row: ClusterRow,
  prefectures: ClusterPrefectureName[],
  coreOrganization: OrganizationRef | null,
): ClusterSummary {
  return {
    id: row.id,
    key: row.key,
    name: { ja: row.name_ja, en: row.name_en },
    theme: { ja: row.theme_ja ?? '', en: row.theme_en ?? '' },
    keyField: row.key_field_key as KeyFieldKey,
    prefectures: prefectures
      .filter((p) => p.cluster_id === row.id)
      .map((p) => ({ code: p.code, name: { ja: p.name_ja, en: p.name_en } })),
    startFy: row.start_fy,
    endFy: row.end_fy,
    status: row.status as ClusterStatus,
    isPublished: row.is_published === 1,
    coreOrganization,
    confidence: row.confidence,
    source: row.source,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function toMemberResponse(m: MemberWithOrganization): ClusterMemberResponse {
  return {
    id: m.id,
    organization: { id: m.organization_id, kind: m.org_kind, name: { ja: m.org_name_ja, en: m.org_name_en } },
    role: m.role as MemberRole,
    fromFy: m.from_fy,
    toFy: m.to_fy,
    note: m.note,
    withdrawnAt: m.withdrawn_at,
    version: m.version,
  };
}

export function toStaffResponse(s: StaffWithPerson): ClusterStaffResponse {
  return {
    id: s.id,
    person: {
      id: s.person_id,
      name: { ja: s.person_name_ja, en: s.person_name_en },
      organization:
        s.org_id !== null
          ? {
              id: s.org_id,
              kind: s.org_kind ?? 'other',
              name: { ja: s.org_name_ja ?? '', en: s.org_name_en ?? '' },
            }
          : null,
    },
    role: s.role as StaffRole,
    fromFy: s.from_fy,
    toFy: s.to_fy,
    note: s.note,
    withdrawnAt: s.withdrawn_at,
    version: s.version,
  };
}

/** The audit log's picture of a cluster: every editable field. */
export function clusterSnapshot(row: ClusterRow, prefectureCodes: string[]) {
  return {
    key: row.key,
    nameJa: row.name_ja,
    nameEn: row.name_en,
    themeJa: row.theme_ja,
    themeEn: row.theme_en,
    summaryJa: row.summary_ja,
    summaryEn: row.summary_en,
    keyField: row.key_field_key,
    prefectures: prefectureCodes,
    startFy: row.start_fy,
    endFy: row.end_fy,
    status: row.status,
    coreOrganizationId: row.core_organization_id,
    isPublished: row.is_published === 1,
    confidence: row.confidence,
    source: row.source,
    version: row.version,
  };
}
