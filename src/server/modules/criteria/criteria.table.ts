import type { Generated, Selectable } from 'kysely';

export interface CriteriaTemplateTable {
  id: Generated<number>;
  key: string;
  kind: string;
  title_ja: string;
  title_en: string;
  grades_json: string | null;
  scheme_json: string | null;
  source: string;
  created_at: string;
}

export interface CriteriaItemTable {
  id: Generated<number>;
  template_id: number;
  key: string;
  parent_key: string | null;
  label_ja: string;
  label_en: string;
  aspects_json: string | null;
  sort_order: number;
}

export type CriteriaTemplateRow = Selectable<CriteriaTemplateTable>;
export type CriteriaItemRow = Selectable<CriteriaItemTable>;
