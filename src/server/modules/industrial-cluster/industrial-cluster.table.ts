import type { Generated, Selectable } from 'kysely';

/**
 * METI Industrial Cluster cooperation (migration 20261206T1100-industrial-cluster). JSON columns
 * hold text; their shapes are the zod schemas in src/contracts/industrial-cluster.ts.
 */

export interface IndustrialClusterProjectTable {
  id: Generated<number>;
  key: string;
  name_ja: string;
  name_en: string;
  /** One of METI's nine regional bureaus (REGIONS of src/domain/prefectures.ts). */
  bureau: string;
  description_ja: string;
  description_en: string;
  start_fy: number;
  end_fy: number | null;
  /** active | ended | withdrawn */
  status: string;
  is_published: Generated<number>;
  source: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type IndustrialClusterProjectRow = Selectable<IndustrialClusterProjectTable>;

export interface IndustrialClusterMemberTable {
  id: Generated<number>;
  project_id: number;
  organization_id: number;
  role: string;
  joined_fy: number | null;
  created_at: string;
}
export type IndustrialClusterMemberRow = Selectable<IndustrialClusterMemberTable>;

export interface IndustrialClusterProjectClusterTable {
  project_id: number;
  cluster_id: number;
}

/** seed_id without a foreign key: seeds are the matching module's table. */
export interface IndustrialClusterProjectSeedTable {
  project_id: number;
  seed_id: number;
}

export interface IndustrialClusterCommitteeTable {
  id: Generated<number>;
  /** national | regional */
  level: string;
  bureau: string | null;
  name_ja: string;
  name_en: string;
  project_id: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type IndustrialClusterCommitteeRow = Selectable<IndustrialClusterCommitteeTable>;

export interface IndustrialClusterMeetingTable {
  id: Generated<number>;
  committee_id: number;
  held_on: string;
  place: string;
  agenda: string;
  attendees_json: string;
  minutes_ja: string;
  minutes_en: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type IndustrialClusterMeetingRow = Selectable<IndustrialClusterMeetingTable>;

export interface ClusterEventTable {
  id: Generated<number>;
  /** forum | joint_conference | cluster_forum | other */
  kind: string;
  title_ja: string;
  title_en: string;
  starts_on: string;
  ends_on: string;
  place: string;
  programme_json: string;
  capacity: number | null;
  registration_deadline: string | null;
  registered_count: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type ClusterEventRow = Selectable<ClusterEventTable>;

export interface ClusterEventProjectTable {
  event_id: number;
  project_id: number;
}

export interface ClusterEventClusterTable {
  event_id: number;
  cluster_id: number;
}

export interface ClusterEventRegistrationTable {
  id: Generated<number>;
  event_id: number;
  account_id: number | null;
  name: string;
  organization: string;
  email: string;
  registered_by: number | null;
  created_at: string;
  cancelled_at: string | null;
}
export type ClusterEventRegistrationRow = Selectable<ClusterEventRegistrationTable>;

/** METI money for the practical use of seeds; mirrored by a 'meti' budget line and a funded project. */
export interface MetiFundTable {
  id: Generated<number>;
  project_id: number | null;
  cluster_id: number | null;
  fiscal_year: number;
  amount_yen: number;
  purpose_ja: string;
  purpose_en: string;
  seed_id: number | null;
  budget_line_key: string;
  funded_project_id: number | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type MetiFundRow = Selectable<MetiFundTable>;
