/** The audit chain's hash: each entry commits to its content and to the previous entry's hash. */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
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
}

/** SHA-256 over a fixed-order JSON array of the entry's fields, so any edit changes the hash. */
export function auditEntryHash(e: HashedFields): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.actor_account_id,
    e.actor_label,
    e.action,
    e.entity_type,
    e.entity_id,
    e.before_json,
    e.after_json,
    e.request_id,
    e.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
