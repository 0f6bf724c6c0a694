/** People in the programme: researchers, S&T coordinators, headquarters staff. */
import type { Page } from '../../../contracts/common';
import type { CreatePersonBody, PersonResponse, UpdatePersonBody } from '../../../contracts/people';
import { can } from '../../../domain/permissions';
import type { Db, ServiceContext } from '../../context';
import { AppError, notFound, unknownReference, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { organizationRefsByIds, requireOrganization } from '../organizations/organization.service';
import type { PersonRow } from './person.table';
import { findPersonById, insertPerson, listPeople, updatePersonAtVersion } from './person.repo';

async function toPersonResponses(ctx: ServiceContext, rows: PersonRow[]): Promise<PersonResponse[]> {
  const orgs = await organizationRefsByIds(
    ctx.db,
    rows.flatMap((r) => (r.organization_id ? [r.organization_id] : [])),
  );
  // Contact details are personal data: only roles that contact people see them.
  const showEmail = can(ctx.actor, 'person:read-contact');
  return rows.map((r) => ({
    id: r.id,
    name: { ja: r.name_ja, en: r.name_en },
    organization: r.organization_id ? (orgs.get(r.organization_id) ?? null) : null,
    title: { ja: r.title_ja ?? '', en: r.title_en ?? '' },
    email: showEmail ? r.email : null,
    source: r.source,
    withdrawnAt: r.withdrawn_at,
    version: r.version,
    updatedAt: r.updated_at,
  }));
}

/** Throws UNKNOWN_REFERENCE naming `field` unless the person exists. */
export async function requirePerson(db: Db, id: number, field: string): Promise<PersonRow> {
  const row = await findPersonById(db, id);
  if (!row) throw unknownReference(field, 'person', id);
  return row;
}

export async function listPeoplePage(
  ctx: ServiceContext,
  filter: { q?: string | undefined; organizationId?: number | undefined },
  page: { limit: number; offset: number },
): Promise<Page<PersonResponse>> {
  requirePermission(ctx.actor, 'published:read');
  const { rows, total } = await listPeople(ctx.db, filter, page);
  return { items: await toPersonResponses(ctx, rows), total, ...page };
}

export async function getPerson(ctx: ServiceContext, id: number): Promise<PersonResponse> {
  requirePermission(ctx.actor, 'published:read');
  const row = await findPersonById(ctx.db, id);
  if (!row) throw notFound('person', id);
  const [response] = await toPersonResponses(ctx, [row]);
  return response!;
}

function snapshot(r: PersonRow) {
  return {
    nameJa: r.name_ja,
    nameEn: r.name_en,
    organizationId: r.organization_id,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    email: r.email,
    source: r.source,
    version: r.version,
  };
}

export async function createPerson(ctx: ServiceContext, body: CreatePersonBody): Promise<PersonResponse> {
  requirePermission(ctx.actor, 'person:create');
  if (body.organizationId !== null)
    await requireOrganization(ctx.db, body.organizationId, 'body.organizationId');
  const at = ctx.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertPerson(trx, {
      name_ja: body.name.ja,
      name_en: body.name.en,
      organization_id: body.organizationId,
      title_ja: body.title.ja || null,
      title_en: body.title.en || null,
      email: body.email,
      source: body.source,
      withdrawn_at: null,
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, {
      action: 'person.create',
      entityType: 'person',
      entityId: inserted.id,
      after: snapshot(inserted),
    });
    return inserted;
  });
  return getPerson(ctx, row.id);
}

export async function updatePerson(
  ctx: ServiceContext,
  id: number,
  body: UpdatePersonBody,
): Promise<PersonResponse> {
  requirePermission(ctx.actor, 'person:update');
  if (body.organizationId) await requireOrganization(ctx.db, body.organizationId, 'body.organizationId');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findPersonById(trx, id);
    if (!before) throw notFound('person', id);
    const after = await updatePersonAtVersion(trx, id, body.version, {
      ...(body.name !== undefined ? { name_ja: body.name.ja, name_en: body.name.en } : {}),
      ...(body.organizationId !== undefined ? { organization_id: body.organizationId } : {}),
      ...(body.title !== undefined
        ? { title_ja: body.title.ja || null, title_en: body.title.en || null }
        : {}),
      ...(body.email !== undefined ? { email: body.email } : {}),
      ...(body.source !== undefined ? { source: body.source } : {}),
      updated_at: ctx.now().toISOString(),
    });
    if (!after) throw versionConflict('person', id, before.version);
    await audit(ctx, trx, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  return getPerson(ctx, id);
}

/** Withdraws a person: the record stays readable (and in past staff lists), marked with when they left. */
export async function withdrawPerson(
  ctx: ServiceContext,
  id: number,
  version: number,
): Promise<PersonResponse> {
  requirePermission(ctx.actor, 'person:update');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findPersonById(trx, id);
    if (!before) throw notFound('person', id);
    if (before.withdrawn_at) throw new AppError('RULE_VIOLATION', 'This person has already been withdrawn');
    const at = ctx.now().toISOString();
    const after = await updatePersonAtVersion(trx, id, version, { withdrawn_at: at, updated_at: at });
    if (!after) throw versionConflict('person', id, before.version);
    await audit(ctx, trx, {
      action: 'person.withdraw',
      entityType: 'person',
      entityId: id,
      before: snapshot(before),
      after: { ...snapshot(after), withdrawnAt: at },
    });
  });
  return getPerson(ctx, id);
}
