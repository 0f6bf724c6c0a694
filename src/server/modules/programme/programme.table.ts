import type { Generated, Insertable, Selectable } from 'kysely';

export interface ProgrammeTable {
  id: Generated<number>;
  key: string;
  name_ja: string;
  name_en: string;
  ministry_ja: string;
  ministry_en: string;
  yen_per_usd: number;
  annual_budget_per_cluster_yen: number;
  duration_years: number;
  candidate_regions: number | null;
  participant_organizations: number | null;
  participant_researchers: number | null;
  source: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface KeyFieldTable {
  key: string;
  name_ja: string;
  name_en: string;
  is_basic_plan_priority: number;
  sort_order: number;
}

export interface PrefectureTable {
  code: string;
  name_ja: string;
  name_en: string;
  region_key: string;
}

export type ProgrammeRow = Selectable<ProgrammeTable>;
export type NewProgramme = Insertable<ProgrammeTable>;
export type KeyFieldRow = Selectable<KeyFieldTable>;
export type PrefectureRow = Selectable<PrefectureTable>;
