/** Reads and writes of reviewer profiles and call pools. */
import type { Db } from '../../context';

export interface ProfileRow {
  accountId: number;
  displayName: string;
  email: string;
  organizationId: number | null;
  organizationNameJa: string | null;
  organizationNameEn: string | null;
  organizationPrefecture: string | null;
  keyFieldsJson: string | null;
  collaboratorsJson: string | null;
  prefectureCode: string | null;
  version: number | null;
}

function profileQuery(db: Db) {
  return db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('reviewer_profiles as rp', 'rp.account_id', 'a.id')
    .select([
      'a.id as accountId',
      'a.display_name as displayName',
      'a.email as email',
      'o.id as organizationId',
      'o.name_ja as organizationNameJa',
      'o.name_en as organizationNameEn',
      'o.prefecture_code as organizationPrefecture',
      'rp.key_fields_json as keyFieldsJson',
      'rp.collaborator_organization_ids_json as collaboratorsJson',
      'rp.prefecture_code as prefectureCode',
      'rp.version as version',
    ]);
}

export async function findProfile(db: Db, accountId: number): Promise<ProfileRow | undefined> {
  return profileQuery(db).where('a.id', '=', accountId).executeTakeFirst();
}

export async function listPool(
  db: Db,
  callId: number,
): Promise<(ProfileRow & { maxLoad: number | null; addedAt: string; load: number })[]> {
  const rows = await profileQuery(db)
    .innerJoin('call_reviewers as cr', 'cr.account_id', 'a.id')
    .select(['cr.max_load as maxLoad', 'cr.added_at as addedAt'])
    .select((eb) =>
      eb
        .selectFrom('review_assignments as ra')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('ra.reviewer_account_id', '=', 'a.id')
        .where('ra.call_id', '=', callId)
        .where('ra.removed_at', 'is', null)
        .as('load'),
    )
    .where('cr.call_id', '=', callId)
    .orderBy('a.display_name')
    .orderBy('a.id')
    .execute();
  // Counts come back as strings on PostgreSQL.
  return rows.map((r) => ({
    ...(r as unknown as ProfileRow),
    maxLoad: r.maxLoad,
    addedAt: r.addedAt,
    load: Number(r.load ?? 0),
  }));
}

/** Whether the account is active and holds an evaluator grant for the whole programme or this call. */
export async function holdsEvaluatorGrant(db: Db, accountId: number, callId: number): Promise<boolean> {
  const row = await db
    .selectFrom('role_grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select('g.id')
    .where('g.account_id', '=', accountId)
    .where('a.status', '=', 'active')
    .where('g.role', '=', 'evaluator')
    .where('g.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('g.scope_type', '=', 'programme'),
        eb.and([eb('g.scope_type', '=', 'call'), eb('g.scope_id', '=', callId)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function findPoolEntry(db: Db, callId: number, accountId: number) {
  return db
    .selectFrom('call_reviewers')
    .selectAll()
    .where('call_id', '=', callId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export async function countActiveAssignments(db: Db, callId: number, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('review_assignments')
    .select((e) => e.fn.countAll().as('n'))
    .where('call_id', '=', callId)
    .where('reviewer_account_id', '=', accountId)
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active evaluators (programme-wide or for this call) not yet in the call's pool. */
export async function listCandidates(db: Db, callId: number) {
  return db
    .selectFrom('accounts as a')
    .select(['a.id', 'a.display_name', 'a.email'])
    .where('a.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants as g')
          .select('g.id')
          .whereRef('g.account_id', '=', 'a.id')
          .where('g.role', '=', 'evaluator')
          .where('g.revoked_at', 'is', null)
          .where((w) =>
            w.or([
              w('g.scope_type', '=', 'programme'),
              w.and([w('g.scope_type', '=', 'call'), w('g.scope_id', '=', callId)]),
            ]),
          ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('call_reviewers as cr')
            .select('cr.account_id')
            .whereRef('cr.account_id', '=', 'a.id')
            .where('cr.call_id', '=', callId),
        ),
      ),
    )
    .orderBy('a.display_name')
    .orderBy('a.id')
    .execute();
}
