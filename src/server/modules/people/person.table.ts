import type { Generated, Insertable, Selectable } from 'kysely';

export interface PersonTable {
  id: Generated<number>;
  name_ja: string;
  name_en: string;
  organization_id: number | null;
  title_ja: string | null;
  title_en: string | null;
  email: string | null;
  source: string;
  withdrawn_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
