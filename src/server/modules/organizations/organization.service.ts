/** Organizations that take part in clusters: universities, institutes, companies, local governments, core organizations. */
import type { Page } from '../../../contracts/common';
import type {
  CreateOrganizationBody,
  OrganizationRef,
  OrganizationResponse,
  UpdateOrganizationBody,
} from '../../../contracts/organizations';
import type { OrganizationKind } from '../../../domain/network';
import type { Db, ServiceContext } from '../../context';
import { AppError, notFound, unknownReference, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import type { OrganizationRow } from './organization.table';
import {
  findOrganizationById,
  findOrganizationsByIds,
  insertOrganization,
  listOrganizations,
  prefectureNames,
  updateOrganizationAtVersion,
} from './organization.repo';

export function toOrganizationRef(
  row: Pick<OrganizationRow, 'id' | 'kind' | 'name_ja' | 'name_en'>,
): OrganizationRef {
  return { id: row.id, kind: row.kind, name: { ja: row.name_ja, en: row.name_en } };
}

async function toOrganizationResponses(db: Db, rows: OrganizationRow[]): Promise<OrganizationResponse[]> {
  const names = await prefectureNames(db, [
    ...new Set(rows.flatMap((r) => (r.prefecture_code ? [r.prefecture_code] : []))),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as OrganizationKind,
    name: { ja: r.name_ja, en: r.name_en },
    prefecture: r.prefecture_code
      ? { code: r.prefecture_code, name: names.get(r.prefecture_code) ?? { ja: '', en: '' } }
      : null,
    url: r.url,
    source: r.source,
    withdrawnAt: r.withdrawn_at,
    version: r.version,
    updatedAt: r.updated_at,
  }));
}

/** Organizations referenced by id, keyed by id (for members and core organizations). */
export async function organizationRefsByIds(db: Db, ids: number[]): Promise<Map<number, OrganizationRef>> {
  const rows = await findOrganizationsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toOrganizationRef(r)]));
}

/** Throws UNKNOWN_REFERENCE naming `field` unless the organization exists. */
export async function requireOrganization(db: Db, id: number, field: string): Promise<OrganizationRow> {
  const row = await findOrganizationById(db, id);
  if (!row) throw unknownReference(field, 'organization', id);
  return row;
}

async function requirePrefecture(db: Db, code: string | null | undefined, field: string): Promise<void> {
  if (code && !(await prefectureNames(db, [code])).has(code))
    throw unknownReference(field, 'prefecture', code);
}

export async function listOrganizationsPage(
  ctx: ServiceContext,
  filter: { q?: string | undefined; kind?: string | undefined },
  page: { limit: number; offset: number },
): Promise<Page<OrganizationResponse>> {
  requirePermission(ctx.actor, 'published:read');
  const { rows, total } = await listOrganizations(ctx.db, filter, page);
  return { items: await toOrganizationResponses(ctx.db, rows), total, ...page };
}

export async function getOrganization(ctx: ServiceContext, id: number): Promise<OrganizationResponse> {
  requirePermission(ctx.actor, 'published:read');
  const row = await findOrganizationById(ctx.db, id);
  if (!row) throw notFound('organization', id);
  const [response] = await toOrganizationResponses(ctx.db, [row]);
  return response!;
}

function snapshot(r: OrganizationRow) {
  return {
    kind: r.kind,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    prefecture: r.prefecture_code,
    url: r.url,
    source: r.source,
    version: r.version,
  };
}

export async function createOrganization(
  ctx: ServiceContext,
  body: CreateOrganizationBody,
): Promise<OrganizationResponse> {
  requirePermission(ctx.actor, 'organization:create');
  await requirePrefecture(ctx.db, body.prefectureCode, 'body.prefectureCode');
  const at = ctx.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertOrganization(trx, {
      kind: body.kind,
      name_ja: body.name.ja,
      name_en: body.name.en,
      prefecture_code: body.prefectureCode,
      url: body.url,
      source: body.source,
      withdrawn_at: null,
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, {
      action: 'organization.create',
      entityType: 'organization',
      entityId: inserted.id,
      after: snapshot(inserted),
    });
    return inserted;
  });
  return getOrganization(ctx, row.id);
}

export async function updateOrganization(
  ctx: ServiceContext,
  id: number,
  body: UpdateOrganizationBody,
): Promise<OrganizationResponse> {
  requirePermission(ctx.actor, 'organization:update');
  await requirePrefecture(ctx.db, body.prefectureCode, 'body.prefectureCode');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findOrganizationById(trx, id);
    if (!before) throw notFound('organization', id);
    const after = await updateOrganizationAtVersion(trx, id, body.version, {
      ...(body.kind !== undefined ? { kind: body.kind } : {}),
      ...(body.name !== undefined ? { name_ja: body.name.ja, name_en: body.name.en } : {}),
      ...(body.prefectureCode !== undefined ? { prefecture_code: body.prefectureCode } : {}),
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.source !== undefined ? { source: body.source } : {}),
      updated_at: ctx.now().toISOString(),
    });
    if (!after) throw versionConflict('organization', id, before.version);
    await audit(ctx, trx, {
      action: 'organization.update',
      entityType: 'organization',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  return getOrganization(ctx, id);
}

/** Withdraws an organization: it stays readable (and in past memberships), marked with when it left. */
export async function withdrawOrganization(
  ctx: ServiceContext,
  id: number,
  version: number,
): Promise<OrganizationResponse> {
  requirePermission(ctx.actor, 'organization:update');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findOrganizationById(trx, id);
    if (!before) throw notFound('organization', id);
    if (before.withdrawn_at)
      throw new AppError('RULE_VIOLATION', 'This organization has already been withdrawn');
    const at = ctx.now().toISOString();
    const after = await updateOrganizationAtVersion(trx, id, version, { withdrawn_at: at, updated_at: at });
    if (!after) throw versionConflict('organization', id, before.version);
    await audit(ctx, trx, {
      action: 'organization.withdraw',
      entityType: 'organization',
      entityId: id,
      before: snapshot(before),
      after: { ...snapshot(after), withdrawnAt: at },
    });
  });
  return getOrganization(ctx, id);
}
