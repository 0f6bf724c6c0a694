import type { Db } from '../../context';
import type { AuditLogRow } from './audit.table';
import { auditEntryHash } from './audit-hash';

export interface NewAuditEntry {
  at: string;
  actorAccountId: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/**
 * Appends one entry to the chain. Must run inside the transaction that made the change. Bumping
 * the head row first takes its row lock on PostgreSQL, so concurrent appends queue up in order.
 */
export async function appendAuditEntry(trx: Db, entry: NewAuditEntry): Promise<number> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row = {
    seq: head.seq,
    at: entry.at,
    actor_account_id: entry.actorAccountId,
    actor_label: entry.actorLabel,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before_json: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    request_id: entry.requestId,
    prev_hash: head.hash,
  };
  const hash = auditEntryHash(row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, hash })
    .execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return head.seq;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: number | undefined;
}

export async function listAuditEntries(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditLogRow[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorId) query = query.where('actor_account_id', '=', filter.actorId);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('seq', 'desc').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Reads the chain in seq order, a batch at a time. */
export async function readAuditBatch(db: Db, afterSeq: number, size: number): Promise<AuditLogRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(size)
    .execute();
}

export async function readAuditHead(db: Db): Promise<{ seq: number; hash: string }> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}
