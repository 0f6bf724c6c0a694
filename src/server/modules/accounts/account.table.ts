import type { Generated, Insertable, Selectable } from 'kysely';

export interface AccountTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  display_name: string;
  locale: string;
  status: string;
  person_id: number | null;
  last_sign_in_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantTable {
  id: Generated<number>;
  account_id: number;
  role: string;
  scope_type: string;
  scope_id: number | null;
  created_at: string;
  revoked_at: string | null;
}

export type AccountRow = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;
export type RoleGrantRow = Selectable<RoleGrantTable>;
