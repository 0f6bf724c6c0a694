import type { Generated, Insertable, Selectable } from 'kysely';

export interface OrganizationTable {
  id: Generated<number>;
  kind: string;
  name_ja: string;
  name_en: string;
  prefecture_code: string | null;
  url: string | null;
  source: string;
  withdrawn_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
