import type { Db } from '../../context';
import type { SessionRow } from './session.table';

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function findLiveSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every live session of the account, except `keepSessionId` when given. */
export async function revokeAccountSessions(
  db: Db,
  accountId: number,
  at: string,
  keepSessionId?: string,
): Promise<void> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}

export async function countAttemptsSince(db: Db, limiterKey: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('limiter_key', '=', limiterKey)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function oldestAttemptSince(
  db: Db,
  limiterKey: string,
  since: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select('attempted_at')
    .where('limiter_key', '=', limiterKey)
    .where('attempted_at', '>', since)
    .orderBy('attempted_at')
    .limit(1)
    .executeTakeFirst();
  return row?.attempted_at;
}

export async function recordAttempt(db: Db, limiterKey: string, at: string): Promise<void> {
  await db.insertInto('sign_in_attempts').values({ limiter_key: limiterKey, attempted_at: at }).execute();
}

export async function clearAttempts(db: Db, limiterKey: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('limiter_key', '=', limiterKey).execute();
}

/** Removes one recorded attempt (a sign-in that succeeded is not held against the address). */
export async function forgetAttempt(db: Db, limiterKey: string, at: string): Promise<void> {
  await db
    .deleteFrom('sign_in_attempts')
    .where('limiter_key', '=', limiterKey)
    .where('attempted_at', '=', at)
    .execute();
}

/** Old attempts carry no information once their window has passed. */
export async function pruneAttempts(db: Db, before: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('attempted_at', '<', before).execute();
}
