/** Accounts and role grants: administrators manage them; everyone manages their own name, language and password. */
import type { AccountResponse, CreateAccountBody, GrantInput } from '../../../contracts/accounts';
import type { Page } from '../../../contracts/common';
import type { SelfResponse } from '../../../contracts/auth';
import { isValidGrant, type Role, ROLE_SCOPES, type ScopeType } from '../../../domain/permissions';
import type { Db, ServiceContext } from '../../context';
import { AppError, notFound, unknownReference, versionConflict } from '../../http/app-error';
import { isUniqueViolation } from '../../db/errors';
import { audit } from '../audit/audit.service';
import { grantResponsesByAccount } from './grant-responses';
import { requireOrganization } from '../organizations/organization.service';
import { requirePerson } from '../people/person.service';
import { revokeAccountSessions } from '../auth/auth.repo';
import { toSelfResponse } from '../auth/auth.service';
import { requirePermission } from '../auth/authorize';
import { generatePassword, hashPassword, verifyPassword } from '../auth/password';
import {
  clusterKeysByIds,
  countAccounts,
  findAccountByEmail,
  findAccountById,
  findAccountOfPerson,
  findClusterIdByKey,
  insertAccount,
  insertGrant,
  listAccountPeople,
  listAccounts,
  listActiveGrants,
  revokeGrant,
  setAccountPassword,
  updateAccountAtVersion,
} from './account.repo';
import type { AccountRow, RoleGrantRow } from './account.table';

async function toAccountResponses(db: Db, rows: AccountRow[]): Promise<AccountResponse[]> {
  const [grants, people] = await Promise.all([
    grantResponsesByAccount(
      db,
      rows.map((r) => r.id),
    ),
    listAccountPeople(db, [...new Set(rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])))]),
  ]);
  const personById = new Map(
    people.map((p) => [
      p.id,
      {
        id: p.id,
        name: { ja: p.name_ja, en: p.name_en },
        organization:
          p.organization_id === null
            ? null
            : {
                id: p.organization_id,
                kind: p.organization_kind!,
                name: { ja: p.organization_name_ja!, en: p.organization_name_en! },
              },
      },
    ]),
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    locale: r.locale === 'en' ? 'en' : 'ja',
    status: r.status === 'disabled' ? 'disabled' : 'active',
    grants: grants.get(r.id) ?? [],
    person: r.person_id === null ? null : (personById.get(r.person_id) ?? null),
    lastSignInAt: r.last_sign_in_at,
    version: r.version,
    createdAt: r.created_at,
  }));
}

async function toAccountResponse(db: Db, row: AccountRow): Promise<AccountResponse> {
  const [response] = await toAccountResponses(db, [row]);
  return response!;
}

/** Resolves a grant input (a cluster key for headquarters) into a valid role/scope pair, or a 4xx naming the field. */
async function resolveGrant(
  db: Db,
  input: GrantInput,
  field: string,
): Promise<{ role: Role; scopeType: ScopeType; scopeId: number | null }> {
  let scopeType = input.scopeType ?? ROLE_SCOPES[input.role][0]!;
  let scopeId = input.scopeId ?? null;
  if (input.clusterKey !== undefined) {
    const clusterId = await findClusterIdByKey(db, input.clusterKey);
    if (clusterId === undefined) throw unknownReference(`${field}.clusterKey`, 'cluster', input.clusterKey);
    scopeType = 'cluster';
    scopeId = clusterId;
  } else if (scopeType === 'cluster' && scopeId !== null) {
    if ((await clusterKeysByIds(db, [scopeId])).size === 0)
      throw unknownReference(`${field}.scopeId`, 'cluster', scopeId);
  } else if (scopeType === 'organization' && scopeId !== null) {
    await requireOrganization(db, scopeId, `${field}.scopeId`);
  }
  // Round and call scopes are checked once those tables exist (evaluation and selection issues).
  if (!isValidGrant(input.role, scopeType, scopeId)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `A ${input.role} grant needs scope ${ROLE_SCOPES[input.role].join(' or ')}`,
      {
        errors: [
          {
            field,
            message:
              input.role === 'cluster_headquarters'
                ? 'a cluster headquarters grant names its cluster (clusterKey)'
                : `scope must be one of ${ROLE_SCOPES[input.role].join(', ')}${scopeType === 'programme' ? '' : ' with an id'}`,
          },
        ],
      },
    );
  }
  return { role: input.role, scopeType, scopeId };
}

function grantSnapshot(g: RoleGrantRow) {
  return { id: g.id, role: g.role, scopeType: g.scope_type, scopeId: g.scope_id };
}

function accountSnapshot(a: AccountRow) {
  return {
    email: a.email,
    displayName: a.display_name,
    locale: a.locale,
    status: a.status,
    personId: a.person_id,
    version: a.version,
  };
}

function duplicateEmail(email: string): AppError {
  return new AppError('DUPLICATE', `An account for ${email} already exists`, {
    errors: [{ field: 'body.email', message: 'already in use' }],
  });
}

/**
 * The person an account may be linked to: it exists and no other account is linked to it (422
 * UNKNOWN_REFERENCE / 409 DUPLICATE naming body.personId).
 */
async function checkPersonLink(db: Db, personId: number, accountId: number | null): Promise<void> {
  await requirePerson(db, personId, 'body.personId');
  const other = await findAccountOfPerson(db, personId, accountId);
  if (other)
    throw new AppError('DUPLICATE', `Person ${personId} is already linked to the account ${other.email}`, {
      errors: [{ field: 'body.personId', message: 'already linked to another account' }],
    });
}

/** Creates an account with its grants; without a password one is generated and returned once. */
export async function createAccount(
  ctx: ServiceContext,
  body: CreateAccountBody,
): Promise<{ account: AccountResponse; generatedPassword: string | null }> {
  requirePermission(ctx.actor, 'account:manage');
  const grants = await Promise.all(body.grants.map((g, i) => resolveGrant(ctx.db, g, `body.grants.${i}`)));
  if (await findAccountByEmail(ctx.db, body.email)) throw duplicateEmail(body.email);
  if (body.personId != null) await checkPersonLink(ctx.db, body.personId, null);
  const generatedPassword = body.password ? null : generatePassword();
  const passwordHash = await hashPassword(body.password ?? generatedPassword!);
  const at = ctx.now().toISOString();
  let row: AccountRow;
  try {
    row = await ctx.db.transaction().execute(async (trx) => {
      const account = await insertAccount(trx, {
        email: body.email,
        password_hash: passwordHash,
        display_name: body.displayName,
        locale: body.locale,
        status: 'active',
        person_id: body.personId ?? null,
        last_sign_in_at: null,
        created_at: at,
        updated_at: at,
      });
      const inserted = [];
      for (const g of grants) {
        inserted.push(
          await insertGrant(trx, {
            account_id: account.id,
            role: g.role,
            scope_type: g.scopeType,
            scope_id: g.scopeId,
            created_at: at,
          }),
        );
      }
      await audit(ctx, trx, {
        action: 'account.create',
        entityType: 'account',
        entityId: account.id,
        after: { ...accountSnapshot(account), grants: inserted.map(grantSnapshot) },
      });
      return account;
    });
  } catch (error) {
    // Two administrators adding the same e-mail at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicateEmail(body.email);
    throw error;
  }
  return { account: await toAccountResponse(ctx.db, row), generatedPassword };
}

/** True when no account exists yet: the first start creates the first administrator. */
export async function hasNoAccounts(db: Db): Promise<boolean> {
  return (await countAccounts(db)) === 0;
}

export async function listAccountsPage(
  ctx: ServiceContext,
  filter: { q?: string | undefined; role?: string | undefined },
  page: { limit: number; offset: number },
): Promise<Page<AccountResponse>> {
  requirePermission(ctx.actor, 'account:manage');
  const { rows, total } = await listAccounts(ctx.db, filter, page);
  return { items: await toAccountResponses(ctx.db, rows), total, ...page };
}

async function getAccountRow(db: Db, id: number): Promise<AccountRow> {
  const row = await findAccountById(db, id);
  if (!row) throw notFound('account', id);
  return row;
}

export async function getAccount(ctx: ServiceContext, id: number): Promise<AccountResponse> {
  requirePermission(ctx.actor, 'account:manage');
  return toAccountResponse(ctx.db, await getAccountRow(ctx.db, id));
}

/** Administrators rename, relocalise, disable or enable an account; disabling ends its sessions. */
export async function updateAccount(
  ctx: ServiceContext,
  id: number,
  body: {
    version: number;
    displayName?: string | undefined;
    locale?: 'ja' | 'en' | undefined;
    status?: 'active' | 'disabled' | undefined;
    personId?: number | null | undefined;
  },
): Promise<AccountResponse> {
  requirePermission(ctx.actor, 'account:manage');
  if (body.status === 'disabled' && ctx.actor.kind === 'account' && ctx.actor.accountId === id) {
    throw new AppError('RULE_VIOLATION', 'You cannot disable your own account', {
      errors: [{ field: 'body.status', message: 'cannot disable yourself' }],
    });
  }
  if (body.personId != null) await checkPersonLink(ctx.db, body.personId, id);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const before = await getAccountRow(trx, id);
    const at = ctx.now().toISOString();
    const after = await updateAccountAtVersion(trx, id, body.version, {
      ...(body.displayName !== undefined ? { display_name: body.displayName } : {}),
      ...(body.locale !== undefined ? { locale: body.locale } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
      ...(body.personId !== undefined ? { person_id: body.personId } : {}),
      updated_at: at,
    });
    if (!after) throw versionConflict('account', id, before.version);
    if (body.status === 'disabled') await revokeAccountSessions(trx, id, at);
    await audit(ctx, trx, {
      action: 'account.update',
      entityType: 'account',
      entityId: id,
      before: accountSnapshot(before),
      after: accountSnapshot(after),
    });
    return after;
  });
  return toAccountResponse(ctx.db, updated);
}

/** Adds a role grant to an account. */
export async function addGrant(ctx: ServiceContext, id: number, input: GrantInput): Promise<AccountResponse> {
  requirePermission(ctx.actor, 'account:manage');
  const grant = await resolveGrant(ctx.db, input, 'body');
  await ctx.db.transaction().execute(async (trx) => {
    const account = await getAccountRow(trx, id);
    const existing = await listActiveGrants(trx, [id]);
    if (
      existing.some(
        (g) => g.role === grant.role && g.scope_type === grant.scopeType && g.scope_id === grant.scopeId,
      )
    ) {
      throw new AppError('DUPLICATE', 'The account already holds this grant', {
        errors: [{ field: 'body.role', message: 'already granted' }],
      });
    }
    const row = await insertGrant(trx, {
      account_id: account.id,
      role: grant.role,
      scope_type: grant.scopeType,
      scope_id: grant.scopeId,
      created_at: ctx.now().toISOString(),
    });
    await audit(ctx, trx, {
      action: 'grant.add',
      entityType: 'account',
      entityId: id,
      after: grantSnapshot(row),
    });
  });
  return getAccount(ctx, id);
}

/** Revokes a grant (kept, marked revoked); an administrator cannot remove their own administrator grant. */
export async function revokeAccountGrant(
  ctx: ServiceContext,
  id: number,
  grantId: number,
): Promise<AccountResponse> {
  requirePermission(ctx.actor, 'account:manage');
  await ctx.db.transaction().execute(async (trx) => {
    await getAccountRow(trx, id);
    const grants = await listActiveGrants(trx, [id]);
    const grant = grants.find((g) => g.id === grantId);
    if (!grant) throw notFound('grant', grantId);
    if (grant.role === 'administrator' && ctx.actor.kind === 'account' && ctx.actor.accountId === id) {
      throw new AppError('RULE_VIOLATION', 'You cannot revoke your own administrator role', {
        errors: [{ field: 'path.grantId', message: 'your own administrator grant' }],
      });
    }
    const revoked = await revokeGrant(trx, id, grantId, ctx.now().toISOString());
    await audit(ctx, trx, {
      action: 'grant.revoke',
      entityType: 'account',
      entityId: id,
      before: grantSnapshot(grant),
      after: revoked ? { revokedAt: revoked.revoked_at } : null,
    });
  });
  return getAccount(ctx, id);
}

/** Sets a new generated password, shown once, and ends the account's sessions. */
export async function resetPassword(ctx: ServiceContext, id: number): Promise<{ generatedPassword: string }> {
  requirePermission(ctx.actor, 'account:manage');
  const generatedPassword = generatePassword();
  const passwordHash = await hashPassword(generatedPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await getAccountRow(trx, id);
    const at = ctx.now().toISOString();
    await setAccountPassword(trx, id, passwordHash, at);
    await revokeAccountSessions(trx, id, at);
    await audit(ctx, trx, { action: 'account.reset-password', entityType: 'account', entityId: id });
  });
  return { generatedPassword };
}

function requireAccountActor(ctx: ServiceContext): number {
  if (ctx.actor.kind !== 'account') throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  return ctx.actor.accountId;
}

/** A signed-in person changes their own display name or language. */
export async function updateSelf(
  ctx: ServiceContext,
  body: { displayName?: string | undefined; locale?: 'ja' | 'en' | undefined },
): Promise<SelfResponse> {
  const id = requireAccountActor(ctx);
  const after = await ctx.db.transaction().execute(async (trx) => {
    const before = await getAccountRow(trx, id);
    const isChange =
      (body.displayName !== undefined && body.displayName !== before.display_name) ||
      (body.locale !== undefined && body.locale !== before.locale);
    if (!isChange) return before;
    const row = await updateAccountAtVersion(trx, id, before.version, {
      ...(body.displayName !== undefined ? { display_name: body.displayName } : {}),
      ...(body.locale !== undefined ? { locale: body.locale } : {}),
      updated_at: ctx.now().toISOString(),
    });
    if (!row) throw versionConflict('account', id, before.version);
    await audit(ctx, trx, {
      action: 'account.update-self',
      entityType: 'account',
      entityId: id,
      before: accountSnapshot(before),
      after: accountSnapshot(row),
    });
    return row;
  });
  return toSelfResponse(ctx.db, after);
}

/** A signed-in person changes their password; other sessions of the account end. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  body: { currentPassword: string; newPassword: string },
  currentSessionId: string | null,
): Promise<void> {
  const id = requireAccountActor(ctx);
  if (!currentSessionId) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  const account = await getAccountRow(ctx.db, id);
  if (!(await verifyPassword(account.password_hash, body.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'The current password is wrong', {
      errors: [{ field: 'body.currentPassword', message: 'wrong password' }],
    });
  }
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.now().toISOString();
    await setAccountPassword(trx, id, passwordHash, at);
    await revokeAccountSessions(trx, id, at, currentSessionId);
    await audit(ctx, trx, { action: 'account.change-password', entityType: 'account', entityId: id });
  });
}
