/** Proposals and their attachments: Kysely only, portable across SQLite and PostgreSQL. */
import type { Db } from '../../context';
import type { AttachmentRow, NewProposal, ProposalRow } from './selection.table';

export async function findProposalRow(db: Db, id: number): Promise<ProposalRow | undefined> {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listProposalRows(
  db: Db,
  filter: { callId?: number; organizationIds?: number[] },
): Promise<ProposalRow[]> {
  if (filter.organizationIds && filter.organizationIds.length === 0) return [];
  let query = db.selectFrom('proposals').selectAll();
  if (filter.callId !== undefined) query = query.where('call_id', '=', filter.callId);
  if (filter.organizationIds) query = query.where('proposer_organization_id', 'in', filter.organizationIds);
  return query.orderBy('id', 'desc').execute();
}

export async function insertProposalRow(db: Db, row: NewProposal): Promise<ProposalRow> {
  return db.insertInto('proposals').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateProposalAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<ProposalRow, 'id' | 'version'>>,
): Promise<ProposalRow | undefined> {
  return db
    .updateTable('proposals')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The organizations' names by id. */
export async function organizationNames(
  db: Db,
  ids: number[],
): Promise<Map<number, { ja: string; en: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name_ja', 'name_en'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { ja: r.name_ja, en: r.name_en }]));
}

export async function existingOrganizationIds(db: Db, ids: number[]): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db.selectFrom('organizations').select('id').where('id', 'in', unique).execute();
  return new Set(rows.map((r) => r.id));
}

export async function keyFieldExists(db: Db, key: string): Promise<boolean> {
  return (
    (await db.selectFrom('key_fields').select('key').where('key', '=', key).executeTakeFirst()) !== undefined
  );
}

/**
 * The organization's first-stage proposal that passed (a current shortlisted, selected or trial
 * decision) in the previous call, or undefined.
 */
export async function findPassedStageOneProposal(
  db: Db,
  previousCallId: number,
  organizationId: number,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('proposals as p')
    .innerJoin('proposal_decisions as d', 'd.proposal_id', 'p.id')
    .select('p.id')
    .where('p.call_id', '=', previousCallId)
    .where('p.proposer_organization_id', '=', organizationId)
    .where('d.superseded_at', 'is', null)
    .where('d.outcome', 'in', ['shortlisted', 'selected', 'trial'])
    .orderBy('p.id')
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Attachments

/** The attachments not removed of these owners (proposals unless `ownerType` names another owner). */
export async function listActiveAttachments(
  db: Db,
  ownerIds: number[],
  ownerType = 'proposal',
): Promise<AttachmentRow[]> {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', ownerIds)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function findActiveAttachment(
  db: Db,
  ownerId: number,
  attachmentId: number,
  ownerType = 'proposal',
): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}
