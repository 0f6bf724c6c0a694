import type { Db } from '../../context';
import { containsText } from '../../db/text-search';
import type { AccountRow, NewAccount, RoleGrantRow } from './account.table';

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findAccountById(db: Db, id: number): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAccount(db: Db, account: NewAccount): Promise<AccountRow> {
  return db.insertInto('accounts').values(account).returningAll().executeTakeFirstOrThrow();
}

/** Updates only when the stored version matches; returns undefined on a stale version. */
export async function updateAccountAtVersion(
  db: Db,
  id: number,
  version: number,
  changes: Partial<
    Pick<AccountRow, 'display_name' | 'locale' | 'status' | 'password_hash' | 'person_id' | 'updated_at'>
  >,
): Promise<AccountRow | undefined> {
  return db
    .updateTable('accounts')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function setLastSignIn(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('accounts').set({ last_sign_in_at: at }).where('id', '=', id).execute();
}

export async function countAccounts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listAccounts(
  db: Db,
  filter: { q?: string | undefined; role?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: AccountRow[]; total: number }> {
  let query = db.selectFrom('accounts');
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([containsText(eb.ref('email'), q), containsText(eb.ref('display_name'), q)]),
    );
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants')
          .select('role_grants.id')
          .whereRef('role_grants.account_id', '=', 'accounts.id')
          .where('role_grants.role', '=', role)
          .where('role_grants.revoked_at', 'is', null),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('email').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function listActiveGrants(db: Db, accountIds: number[]): Promise<RoleGrantRow[]> {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('role_grants')
    .selectAll()
    .where('account_id', 'in', accountIds)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function insertGrant(
  db: Db,
  grant: {
    account_id: number;
    role: string;
    scope_type: string;
    scope_id: number | null;
    created_at: string;
  },
): Promise<RoleGrantRow> {
  return db
    .insertInto('role_grants')
    .values({ ...grant, revoked_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function revokeGrant(
  db: Db,
  accountId: number,
  grantId: number,
  at: string,
): Promise<RoleGrantRow | undefined> {
  return db
    .updateTable('role_grants')
    .set({ revoked_at: at })
    .where('id', '=', grantId)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Cluster keys for grant scopes, to label them. */
export async function clusterKeysByIds(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('clusters').select(['id', 'key']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.key]));
}

export async function findClusterIdByKey(db: Db, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('clusters').select('id').where('key', '=', key).executeTakeFirst();
  return row?.id;
}

/** Sets a new password hash whatever the version (a password change must not lose to a rename). */
export async function setAccountPassword(
  db: Db,
  id: number,
  passwordHash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set((eb) => ({ password_hash: passwordHash, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** The people (with their organization) behind these person ids, for account answers. */
export async function listAccountPeople(db: Db, personIds: number[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('people as p')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .select([
      'p.id',
      'p.name_ja',
      'p.name_en',
      'o.id as organization_id',
      'o.kind as organization_kind',
      'o.name_ja as organization_name_ja',
      'o.name_en as organization_name_en',
    ])
    .where('p.id', 'in', personIds)
    .execute();
}

/** Another account already linked to this person, if any. */
export async function findAccountOfPerson(
  db: Db,
  personId: number,
  exceptAccountId: number | null,
): Promise<AccountRow | undefined> {
  let query = db.selectFrom('accounts').selectAll().where('person_id', '=', personId);
  if (exceptAccountId !== null) query = query.where('id', '!=', exceptAccountId);
  return query.executeTakeFirst();
}
