import type { Generated, Insertable, Selectable } from 'kysely';

/** One step of a report's workflow: submitted, returned, accepted or corrected, with its comment. */
export interface OutcomeReportEventTable {
  id: Generated<number>;
  report_id: number;
  action: string;
  comment: string | null;
  account_id: number | null;
  at: string;
}

/** An item of evidence (paper, patent, award, product, transfer, press); unused columns stay null. */
export interface OutcomeItemTable {
  id: Generated<number>;
  report_id: number;
  cluster_id: number;
  fiscal_year: number;
  kind: string;
  title: string;
  natural_key: string;
  authors: string | null;
  venue: string | null;
  pub_year: number | null;
  doi: string | null;
  scope: string | null;
  application_number: string | null;
  filing_date: string | null;
  country: string | null;
  patent_status: string | null;
  granted_date: string | null;
  owner_kind: string | null;
  owner_name: string | null;
  recipient: string | null;
  company: string | null;
  launch_date: string | null;
  media: string | null;
  outlet: string | null;
  item_date: string | null;
  programme_name: string | null;
  funder: string | null;
  amount_yen: number | null;
  period_from_fy: number | null;
  period_to_fy: number | null;
  note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** The date by which every cluster's report for a fiscal year is due. */
export interface ReportDeadlineTable {
  id: Generated<number>;
  programme_id: number;
  fiscal_year: number;
  due_on: string;
  note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type OutcomeItemRow = Selectable<OutcomeItemTable>;
export type NewOutcomeItem = Insertable<OutcomeItemTable>;
export type OutcomeReportEventRow = Selectable<OutcomeReportEventTable>;
export type ReportDeadlineRow = Selectable<ReportDeadlineTable>;
