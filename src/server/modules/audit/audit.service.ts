import type { Page } from '../../../contracts/common';
import type { AuditEntryResponse, AuditVerifyResponse } from '../../../contracts/audit';
import type { Db, ServiceContext } from '../../context';
import { actorAccountId, actorLabel, requirePermission } from '../auth/authorize';
import {
  appendAuditEntry,
  type AuditFilter,
  listAuditEntries,
  readAuditBatch,
  readAuditHead,
} from './audit.repo';
import type { AuditLogRow } from './audit.table';
import { auditEntryHash, GENESIS_HASH } from './audit-hash';

/** Records a change made by the context's actor; call inside the change's transaction. */
export async function audit(
  ctx: ServiceContext,
  trx: Db,
  change: {
    action: string;
    entityType: string;
    entityId: string | number;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await appendAuditEntry(trx, {
    at: ctx.now().toISOString(),
    actorAccountId: actorAccountId(ctx.actor),
    actorLabel: actorLabel(ctx.actor),
    action: change.action,
    entityType: change.entityType,
    entityId: String(change.entityId),
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: ctx.requestId,
  });
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

function toAuditEntryResponse(row: AuditLogRow): AuditEntryResponse {
  return {
    seq: row.seq,
    at: row.at,
    actor: { id: row.actor_account_id, label: row.actor_label },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
    requestId: row.request_id,
    hash: row.hash,
  };
}

/** Administrators read the log, newest first, filtered by entity and actor. */
export async function listAudit(
  ctx: ServiceContext,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<Page<AuditEntryResponse>> {
  requirePermission(ctx.actor, 'audit:read');
  const { rows, total } = await listAuditEntries(ctx.db, filter, page);
  return { items: rows.map(toAuditEntryResponse), total, ...page };
}

/**
 * Walks the whole chain: sequence numbers must run 1, 2, 3 … without gaps, each entry must name
 * its predecessor's hash and hash to its stored value, and the last must match the head row.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResponse> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const bad = (seq: number, reason: string): AuditVerifyResponse => ({
    ok: false,
    checked,
    firstBadSeq: seq,
    reason,
  });
  for (;;) {
    const batch = await readAuditBatch(db, expectedSeq - 1, 1000);
    if (batch.length === 0) break;
    for (const row of batch) {
      if (row.seq !== expectedSeq)
        return bad(expectedSeq, `entry ${expectedSeq} is missing (next stored is ${row.seq})`);
      if (row.prev_hash !== prevHash)
        return bad(row.seq, `entry ${row.seq} does not follow entry ${row.seq - 1}`);
      if (auditEntryHash(row) !== row.hash)
        return bad(row.seq, `entry ${row.seq} was altered after it was written`);
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  const head = await readAuditHead(db);
  if (head.seq !== expectedSeq - 1) {
    return bad(expectedSeq, `entries ${expectedSeq}–${head.seq} were removed from the end of the log`);
  }
  if (head.hash !== prevHash)
    return bad(head.seq, `the last entry ${head.seq} does not match the chain head`);
  return { ok: true, checked, firstBadSeq: null, reason: null };
}

/** The verify endpoint: administrators only. */
export async function verifyAudit(ctx: ServiceContext): Promise<AuditVerifyResponse> {
  requirePermission(ctx.actor, 'audit:read');
  return verifyAuditChain(ctx.db);
}
