/** The audit chain's hash: each entry commits to its content and to the previous entry's hash. */
import { createHash } from 'node:crypto';
import type { AuditLogRow } from './audit.table';

export const GENESIS_HASH = '0'.repeat(64);

/** Every stored field of an entry except the hash itself. */
export type HashedFields = Omit<AuditLogRow, 'hash'>;

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
