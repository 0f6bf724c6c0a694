import type { Generated, Insertable, Selectable } from 'kysely';

export interface IndicatorTable {
  key: string;
  group_key: string;
  label_ja: string;
  label_en: string;
  group_label_ja: string;
  group_label_en: string;
  unit: string;
  sort_order: number;
}

export interface OutcomeReportTable {
  id: Generated<number>;
  cluster_id: number;
  fy_from: number;
  fy_to: number;
  status: string;
  report_version: number;
  supersedes_id: number | null;
  reason: string | null;
  source: string;
  submitted_at: string | null;
  accepted_at: string | null;
  researcher_count: number | null;
  return_comment: string | null;
  returned_at: string | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface OutcomeValueTable {
  report_id: number;
  indicator_key: string;
  value: number;
  note: string | null;
}

export type IndicatorRow = Selectable<IndicatorTable>;
export type OutcomeReportRow = Selectable<OutcomeReportTable>;
export type NewOutcomeReport = Insertable<OutcomeReportTable>;

/** Counters bumped by triggers when the data behind a read-model changes ('published'). */
export interface DataVersionTable {
  name: string;
  version: number;
}
