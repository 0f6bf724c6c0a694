/** Sign-in, sessions and sign-in rate limits. Sessions and limits live in the database so any app process can serve any request. */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Role, RoleGrant, ScopeType } from '../../../domain/permissions';
import { PERMISSIONS, POLICY } from '../../../domain/permissions';
import type { SelfResponse, SignInBody } from '../../../contracts/auth';
import type { Db, ServiceContext } from '../../context';
import { AppError, isDatabaseBusy } from '../../http/app-error';
import {
  findAccountByEmail,
  findAccountById,
  listActiveGrants,
  setLastSignIn,
} from '../accounts/account.repo';
import type { AccountRow, RoleGrantRow } from '../accounts/account.table';
import { audit } from '../audit/audit.service';
import { grantResponsesByAccount } from '../accounts/grant-responses';
import {
  clearAttempts,
  forgetAttempt,
  countAttemptsSince,
  findLiveSession,
  insertSession,
  oldestAttemptSince,
  pruneAttempts,
  recordAttempt,
  revokeSession,
  touchSession,
} from './auth.repo';
import { decoyPasswordHash, verifyPassword } from './password';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/**
 * Failed sign-ins allowed per 15-minute window before 429. The tight limit is per account *from one
 * address*, so a stranger cannot lock the owner out by failing on purpose; the looser per-account
 * limit stops guessing spread over many addresses, and the per-address one stops spraying many accounts.
 */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perAccountAndAddress: 5,
  perAccount: 50,
  perAddress: 30,
} as const;

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toRoleGrant(row: RoleGrantRow): RoleGrant {
  return { role: row.role as Role, scopeType: row.scope_type as ScopeType, scopeId: row.scope_id };
}

/** The actor an account acts as: its live grants. */
export async function actorOfAccount(db: Db, account: AccountRow): Promise<Actor> {
  const grants = await listActiveGrants(db, [account.id]);
  return {
    kind: 'account',
    accountId: account.id,
    email: account.email,
    displayName: account.display_name,
    grants: grants.map(toRoleGrant),
  };
}

/** What the signed-in person sees of themselves, including the permissions the web app uses to show or hide actions. */
export async function toSelfResponse(db: Db, account: AccountRow): Promise<SelfResponse> {
  const grants = (await grantResponsesByAccount(db, [account.id])).get(account.id) ?? [];
  return {
    id: account.id,
    email: account.email,
    displayName: account.display_name,
    locale: account.locale === 'en' ? 'en' : 'ja',
    grants,
    // Held through some grant; cluster-scoped ones still apply only to the grant's clusters.
    permissions: PERMISSIONS.filter((p) => grants.some((g) => POLICY[p].includes(g.role))),
  };
}

function minutesBefore(now: Date, minutes: number): string {
  return new Date(now.getTime() - minutes * 60_000).toISOString();
}

async function throwIfLimited(db: Db, key: string, limit: number, now: Date): Promise<void> {
  const since = minutesBefore(now, SIGN_IN_LIMITS.windowMinutes);
  // The count includes the attempt being made, recorded before the password is checked.
  if ((await countAttemptsSince(db, key, since)) <= limit) return;
  const oldest = await oldestAttemptSince(db, key, since);
  const retryAt = oldest ? new Date(oldest).getTime() + SIGN_IN_LIMITS.windowMinutes * 60_000 : now.getTime();
  const retryAfter = Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
  throw new AppError(
    'RATE_LIMITED',
    `Too many failed sign-in attempts; try again in ${Math.ceil(retryAfter / 60)} minutes`,
    {
      headers: { 'retry-after': String(retryAfter) },
    },
  );
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  account: SelfResponse;
  expiresAt: string;
}

/**
 * Checks the password and opens a new session (a fresh token each time: session rotation). The
 * previous session presented with the request, if any, is revoked. Failures count towards the
 * per-account and per-address limits.
 */
export async function signIn(
  ctx: ServiceContext,
  body: SignInBody,
  meta: { ip: string; userAgent: string | null; previousToken: string | null },
  policy: SessionPolicy,
): Promise<SignInResult> {
  const now = ctx.now();
  const pairKey = `account:${body.email}|address:${meta.ip}`;
  const accountKey = `account:${body.email}`;
  const addressKey = `address:${meta.ip}`;
  const at = now.toISOString();
  // Record the attempt before checking anything, so guesses sent in parallel cannot all slip in
  // under the limit; a successful sign-in takes its own record back below.
  await ctx.db.transaction().execute(async (trx) => {
    for (const key of [pairKey, accountKey, addressKey]) await recordAttempt(trx, key, at);
    await pruneAttempts(trx, minutesBefore(now, SIGN_IN_LIMITS.windowMinutes * 4));
  });
  await throwIfLimited(ctx.db, pairKey, SIGN_IN_LIMITS.perAccountAndAddress, now);
  await throwIfLimited(ctx.db, accountKey, SIGN_IN_LIMITS.perAccount, now);
  await throwIfLimited(ctx.db, addressKey, SIGN_IN_LIMITS.perAddress, now);

  const account = await findAccountByEmail(ctx.db, body.email);
  const isValid = await verifyPassword(account?.password_hash ?? (await decoyPasswordHash()), body.password);
  if (!account || !isValid)
    throw new AppError('INVALID_CREDENTIALS', 'The e-mail address or the password is wrong');
  if (account.status !== 'active')
    throw new AppError('ACCOUNT_DISABLED', 'This account is disabled; ask an administrator');

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000).toISOString();
  const sessionId = sessionIdOf(token);
  const actorCtx: ServiceContext = { ...ctx, actor: await actorOfAccount(ctx.db, account) };
  await ctx.db.transaction().execute(async (trx) => {
    if (meta.previousToken) await revokeSession(trx, sessionIdOf(meta.previousToken), at);
    await insertSession(trx, {
      id: sessionId,
      account_id: account.id,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      revoked_at: null,
    });
    await setLastSignIn(trx, account.id, at);
    await clearAttempts(trx, pairKey);
    for (const key of [accountKey, addressKey]) await forgetAttempt(trx, key, at);
    // The session id is a hash of the cookie; only its prefix goes to the log.
    await audit(actorCtx, trx, {
      action: 'session.sign-in',
      entityType: 'account',
      entityId: account.id,
      after: { session: sessionId.slice(0, 12), ip: meta.ip },
    });
  });
  return { token, csrfToken, account: await toSelfResponse(ctx.db, account), expiresAt };
}

export interface ResolvedSession {
  actor: Actor;
  account: AccountRow;
  sessionId: string;
  csrfToken: string;
}

/** The session a cookie names, if it is live: not revoked, not past its absolute or idle expiry, account active. */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<ResolvedSession | null> {
  const sessionId = sessionIdOf(token);
  const session = await findLiveSession(db, sessionId);
  if (!session) return null;
  const nowMs = now.getTime();
  if (new Date(session.expires_at).getTime() <= nowMs) return null;
  if (new Date(session.last_seen_at).getTime() + policy.idleMinutes * 60_000 <= nowMs) return null;
  const account = await findAccountById(db, session.account_id);
  if (!account || account.status !== 'active') return null;
  // Writing last-seen on every request would make every read a write; a minute's precision is enough.
  // Skipped, not failed, while SQLite's write lock is held (a long import commit): a read stays a read.
  if (nowMs - new Date(session.last_seen_at).getTime() > 60_000)
    await touchSession(db, sessionId, now.toISOString()).catch((error: unknown) => {
      if (!isDatabaseBusy(error)) throw error;
    });
  return { actor: await actorOfAccount(db, account), account, sessionId, csrfToken: session.csrf_token };
}

/** The signed-in account as it sees itself, or null for the public. */
export async function getSignedInSelf(ctx: ServiceContext): Promise<SelfResponse | null> {
  if (ctx.actor.kind !== 'account') return null;
  const account = await findAccountById(ctx.db, ctx.actor.accountId);
  return account ? toSelfResponse(ctx.db, account) : null;
}

/** Ends the current session. */
export async function signOut(ctx: ServiceContext, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await revokeSession(trx, sessionId, ctx.now().toISOString());
    if (ctx.actor.kind === 'account') {
      await audit(ctx, trx, {
        action: 'session.sign-out',
        entityType: 'account',
        entityId: ctx.actor.accountId,
      });
    }
  });
}
