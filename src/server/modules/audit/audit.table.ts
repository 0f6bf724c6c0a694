import type { Selectable } from 'kysely';

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_account_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export type AuditLogRow = Selectable<AuditLogTable>;
