/**
 * Needs (technology requests): a partner company posts one for its own organization, or a
 * coordinator on a company's behalf; a coordinator reviews and publishes it with an expiry date.
 * A confidential need's company stays hidden from everyone but coordinators and the company until
 * the company agrees to disclose (`confidential: false`, recorded with its date and audited).
 */
import type { Page } from '../../../contracts/common';
import type {
  CreateNeedBody,
  ListingActionBody,
  Need,
  NeedListQuery,
  UpdateNeedBody,
} from '../../../contracts/seeds-needs';
import { CreateNeedBody as CreateNeedSchema } from '../../../contracts/seeds-needs';
import { partnerCompanyOrganizationIds } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { AppError, notFound, unknownReference, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import {
  canReadNeed,
  isCoordinator,
  needActions,
  needEditable,
  ownsNeed,
  todayInJapan,
} from './listing-access';
import { needSnapshot, toNeed } from './listing.presenter';
import {
  bumpRevision,
  findNeed,
  insertNeed,
  listNeeds,
  type NeedWithCompany,
  organizationExists,
  updateNeedAtVersion,
} from './listing.repo';
import { applyListingAction } from './listing-transition';
import type { NeedRow } from './matching.table';

function textOrNull(text: string | undefined): string | null {
  return text === undefined || text.trim() === '' ? null : text.trim();
}

/** The needs the actor may read, newest change first. */
export async function listNeedsFor(ctx: ServiceContext, query: NeedListQuery): Promise<Page<Need>> {
  const coordinator = isCoordinator(ctx);
  const own = partnerCompanyOrganizationIds(ctx.actor);
  const { rows, total } = await listNeeds(ctx.db, {
    ...query,
    statuses: coordinator ? undefined : ['published'],
    ownOrganizationIds: own,
    expired: coordinator || own.length > 0 ? query.expired : 'exclude',
    // Filtering by a confidential company would reveal which needs are its own.
    organizationId:
      coordinator || (query.organizationId && own.includes(query.organizationId))
        ? query.organizationId
        : undefined,
    today: todayInJapan(ctx),
  });
  if (query.organizationId && !coordinator && !own.includes(query.organizationId)) {
    const visible = rows.filter((r) => r.organization_id === query.organizationId && r.confidential === 0);
    return {
      items: visible.map((r) => toNeed(ctx, r)),
      total: visible.length,
      limit: query.limit,
      offset: query.offset,
    };
  }
  return { items: rows.map((r) => toNeed(ctx, r)), total, limit: query.limit, offset: query.offset };
}

export async function loadReadableNeed(ctx: ServiceContext, id: number): Promise<NeedWithCompany> {
  const row = await findNeed(ctx.db, id);
  if (!row || !canReadNeed(ctx, row)) throw notFound('need', id);
  return row;
}

export async function getNeed(ctx: ServiceContext, id: number): Promise<Need> {
  return toNeed(ctx, await loadReadableNeed(ctx, id));
}

export async function createNeed(ctx: ServiceContext, input: CreateNeedBody): Promise<Need> {
  requirePermission(ctx.actor, 'need:edit');
  const body = CreateNeedSchema.parse(input);
  if (!(await organizationExists(ctx.db, body.organizationId)))
    throw unknownReference('body.organizationId', 'organization', body.organizationId);
  if (!isCoordinator(ctx) && !partnerCompanyOrganizationIds(ctx.actor).includes(body.organizationId))
    throw new AppError('FORBIDDEN', 'you may post needs for your own company only', {
      errors: [{ field: 'body.organizationId', message: 'not your organization' }],
    });
  const at = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertNeed(trx, {
      organization_id: body.organizationId,
      title_ja: textOrNull(body.title.ja),
      title_en: textOrNull(body.title.en),
      description_ja: textOrNull(body.description.ja),
      description_en: textOrNull(body.description.en),
      key_field: body.keyField,
      prefecture_code: body.prefectureCode,
      wanted_by: body.wantedBy,
      confidential: body.confidential ? 1 : 0,
      status: 'draft',
      created_by: actorAccountId(ctx.actor),
      created_at: at,
      updated_at: at,
    });
    await bumpRevision(trx, 'needs');
    await audit(ctx, trx, {
      action: 'need.create',
      entityType: 'need',
      entityId: row.id,
      after: needSnapshot(row),
    });
    return row.id;
  });
  return toNeed(ctx, (await findNeed(ctx.db, id))!);
}

async function loadEditableNeed(ctx: ServiceContext, id: number): Promise<NeedWithCompany> {
  requirePermission(ctx.actor, 'need:edit');
  const row = await loadReadableNeed(ctx, id);
  if (!isCoordinator(ctx) && !ownsNeed(ctx, row))
    throw new AppError('FORBIDDEN', `need ${id} is not yours to change`);
  return row;
}

async function writeNeed(
  ctx: ServiceContext,
  row: NeedRow,
  version: number,
  values: Partial<NeedRow>,
  action: string,
): Promise<Need> {
  if (version !== row.version) throw versionConflict('need', row.id, row.version);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateNeedAtVersion(trx, row.id, version, {
      ...values,
      updated_at: ctx.now().toISOString(),
    });
    if (!updated) throw versionConflict('need', row.id, (await findNeed(trx, row.id))?.version ?? version);
    await bumpRevision(trx, 'needs');
    await audit(ctx, trx, {
      action,
      entityType: 'need',
      entityId: row.id,
      before: needSnapshot(row),
      after: needSnapshot(updated),
    });
  });
  return toNeed(ctx, (await findNeed(ctx.db, row.id))!);
}

/**
 * Edits a need at the version read. Making a confidential need open records the company's consent
 * to disclose (only the company itself or a coordinator may); a disclosed need cannot be made
 * confidential again — its name has been shown.
 */
export async function updateNeed(ctx: ServiceContext, id: number, body: UpdateNeedBody): Promise<Need> {
  const row = await loadEditableNeed(ctx, id);
  if (!needEditable(ctx, row))
    throw new AppError('INVALID_TRANSITION', `a ${row.status} need cannot be edited`, {
      errors: [{ field: 'params.id', message: `the need is ${row.status}` }],
    });
  let confidentiality: Partial<NeedRow> = {};
  if (body.confidential !== undefined && body.confidential !== (row.confidential === 1)) {
    if (body.confidential && (row.disclosed_at !== null || row.published_at !== null))
      throw new AppError(
        'RULE_VIOLATION',
        'the company name has already been shown; it cannot be hidden again',
        {
          errors: [
            {
              field: 'body.confidential',
              message: 'the need was published or disclosed with its company name',
            },
          ],
        },
      );
    confidentiality = body.confidential
      ? { confidential: 1 }
      : {
          confidential: 0,
          disclosed_at: row.confidential === 1 ? ctx.now().toISOString() : row.disclosed_at,
        };
  }
  const values: Partial<NeedRow> = {
    ...(body.title ? { title_ja: textOrNull(body.title.ja), title_en: textOrNull(body.title.en) } : {}),
    ...(body.description
      ? { description_ja: textOrNull(body.description.ja), description_en: textOrNull(body.description.en) }
      : {}),
    ...(body.keyField ? { key_field: body.keyField } : {}),
    ...(body.prefectureCode !== undefined ? { prefecture_code: body.prefectureCode } : {}),
    ...(body.wantedBy !== undefined ? { wanted_by: body.wantedBy } : {}),
    ...confidentiality,
  };
  const action = confidentiality.disclosed_at && row.confidential === 1 ? 'need.disclose' : 'need.update';
  return writeNeed(ctx, row, body.version, values, action);
}

/** Submit, publish, return, renew or withdraw a need. */
export async function actOnNeed(ctx: ServiceContext, id: number, body: ListingActionBody): Promise<Need> {
  requirePermission(ctx.actor, 'need:edit');
  const row = await loadReadableNeed(ctx, id);
  const change = applyListingAction(ctx, 'need', row, body, needActions(ctx, row));
  return writeNeed(ctx, row, body.version, change, `need.${body.action}`);
}
