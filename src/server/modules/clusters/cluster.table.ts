import type { Generated, Insertable, Selectable } from 'kysely';

export interface ClusterTable {
  id: Generated<number>;
  programme_id: number;
  key: string;
  name_ja: string;
  name_en: string;
  theme_ja: string | null;
  theme_en: string | null;
  summary_ja: string | null;
  summary_en: string | null;
  key_field_key: string;
  start_fy: number;
  end_fy: number;
  status: string;
  core_organization_id: number | null;
  is_published: number;
  confidence: string | null;
  source: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ClusterPrefectureTable {
  cluster_id: number;
  prefecture_code: string;
  sort_order: number;
}

export interface ClusterMemberTable {
  id: Generated<number>;
  cluster_id: number;
  organization_id: number;
  role: string;
  from_fy: number;
  to_fy: number | null;
  note: string | null;
  withdrawn_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ClusterStaffTable {
  id: Generated<number>;
  cluster_id: number;
  person_id: number;
  role: string;
  from_fy: number;
  to_fy: number | null;
  note: string | null;
  withdrawn_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type ClusterRow = Selectable<ClusterTable>;
export type NewCluster = Insertable<ClusterTable>;
export type ClusterMemberRow = Selectable<ClusterMemberTable>;
export type ClusterStaffRow = Selectable<ClusterStaffTable>;
