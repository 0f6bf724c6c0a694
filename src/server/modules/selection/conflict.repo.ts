/** Reads and writes of conflicts of interest, and the affiliations detection needs. */
import { Participant } from '../../../contracts/selection-common';
import type { Db } from '../../context';
import type { ConflictRow } from './selection.table';

export interface ReviewerAffiliation {
  accountId: number;
  organizationId: number | null;
  organizationPrefecture: string | null;
  prefectureOverride: string | null;
  collaboratorOrganizationIds: number[];
}

/** The reviewers' organizations (account → person → organization) and profiles. */
export async function listReviewerAffiliations(db: Db, accountIds: number[]): Promise<ReviewerAffiliation[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('reviewer_profiles as rp', 'rp.account_id', 'a.id')
    .select([
      'a.id as accountId',
      'o.id as organizationId',
      'o.prefecture_code as organizationPrefecture',
      'rp.prefecture_code as prefectureOverride',
      'rp.collaborator_organization_ids_json as collaborators',
    ])
    .where('a.id', 'in', accountIds)
    .execute();
  return rows.map((r) => ({
    accountId: r.accountId,
    organizationId: r.organizationId ?? null,
    organizationPrefecture: r.organizationPrefecture ?? null,
    prefectureOverride: r.prefectureOverride ?? null,
    collaboratorOrganizationIds: r.collaborators ? (JSON.parse(r.collaborators) as number[]) : [],
  }));
}

export interface ProposalPartiesRow {
  id: number;
  keyField: string;
  proposerOrganizationId: number;
  coreOrganizationId: number | null;
  participantOrganizationIds: number[];
  prefectureCodes: string[];
}

/** The submitted proposals of a call (optionally some of them) with the organizations they name. */
export async function listSubmittedProposalParties(
  db: Db,
  callId: number,
  proposalIds?: number[],
): Promise<ProposalPartiesRow[]> {
  if (proposalIds && proposalIds.length === 0) return [];
  let q = db
    .selectFrom('proposals')
    .select([
      'id',
      'key_field_key',
      'proposer_organization_id',
      'core_organization_id',
      'participants_json',
      'prefectures_json',
    ])
    .where('call_id', '=', callId)
    .where('status', '=', 'submitted');
  if (proposalIds) q = q.where('id', 'in', proposalIds);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    keyField: r.key_field_key,
    proposerOrganizationId: r.proposer_organization_id,
    coreOrganizationId: r.core_organization_id,
    participantOrganizationIds: Participant.array()
      .parse(JSON.parse(r.participants_json))
      .map((p) => p.organizationId)
      .filter((id): id is number => id !== null),
    prefectureCodes: JSON.parse(r.prefectures_json) as string[],
  }));
}

/** Prefecture codes of the organizations, by id. */
export async function organizationPrefectures(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'prefecture_code'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.filter((r) => r.prefecture_code !== null).map((r) => [r.id, r.prefecture_code!]));
}

/** Names for conflict reasons: organizations and prefectures as "日本語名 English name". */
export async function conflictNames(
  db: Db,
  organizationIds: number[],
  prefectureCodes: string[],
): Promise<{ organizations: Map<number, string>; prefectures: Map<string, string> }> {
  const [orgs, prefs] = await Promise.all([
    organizationIds.length === 0
      ? []
      : db
          .selectFrom('organizations')
          .select(['id', 'name_ja', 'name_en'])
          .where('id', 'in', [...new Set(organizationIds)])
          .execute(),
    prefectureCodes.length === 0
      ? []
      : db
          .selectFrom('prefectures')
          .select(['code', 'name_ja', 'name_en'])
          .where('code', 'in', [...new Set(prefectureCodes)])
          .execute(),
  ]);
  const both = (ja: string, en: string) => (ja === en ? ja : `${ja} ${en}`);
  return {
    organizations: new Map(orgs.map((o) => [o.id, both(o.name_ja, o.name_en)])),
    prefectures: new Map(prefs.map((p) => [p.code, both(p.name_ja, p.name_en)])),
  };
}

export async function listCallConflicts(db: Db, callId: number): Promise<ConflictRow[]> {
  return db.selectFrom('conflicts').selectAll().where('call_id', '=', callId).orderBy('id').execute();
}

export async function findConflict(db: Db, id: number): Promise<ConflictRow | undefined> {
  return db.selectFrom('conflicts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertConflict(
  db: Db,
  values: {
    callId: number;
    proposalId: number;
    reviewerId: number;
    kind: string;
    origin: 'detected' | 'declared';
    detail: string;
    at: string;
  },
): Promise<ConflictRow> {
  return db
    .insertInto('conflicts')
    .values({
      call_id: values.callId,
      proposal_id: values.proposalId,
      reviewer_account_id: values.reviewerId,
      kind: values.kind,
      origin: values.origin,
      detail: values.detail,
      status: 'pending',
      created_at: values.at,
      ruled_by: null,
      ruled_at: null,
      ruling_note: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Active (not removed) assignments of the call. */
export async function listActiveAssignmentPairs(
  db: Db,
  callId: number,
): Promise<{ id: number; proposal_id: number; reviewer_account_id: number }[]> {
  return db
    .selectFrom('review_assignments')
    .select(['id', 'proposal_id', 'reviewer_account_id'])
    .where('call_id', '=', callId)
    .where('removed_at', 'is', null)
    .execute();
}

export async function removeAssignment(db: Db, id: number, at: string, reason: string): Promise<void> {
  await db
    .updateTable('review_assignments')
    .set({ removed_at: at, removed_reason: reason })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .execute();
}
