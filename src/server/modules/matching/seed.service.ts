/**
 * Seeds (technology offers): a cluster's headquarters or a coordinator writes one, submits it for
 * review, a coordinator publishes it with an expiry date (or returns it with a note), and it is
 * renewed or withdrawn. Every write bumps the seeds index's revision in the same transaction.
 */
import type { Page } from '../../../contracts/common';
import type {
  CreateSeedBody,
  ListingActionBody,
  Seed,
  SeedListQuery,
  UpdateSeedBody,
} from '../../../contracts/seeds-needs';
import { CreateSeedBody as CreateSeedSchema } from '../../../contracts/seeds-needs';
import { can, headquartersClusterIds } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { AppError, type FieldError, notFound, unknownReference, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import {
  canReadSeed,
  isCoordinator,
  ownsSeed,
  seedActions,
  seedEditable,
  todayInJapan,
} from './listing-access';
import { seedSnapshot, toSeed } from './listing.presenter';
import {
  bumpRevision,
  findClusterRef,
  findOutcomeItems,
  findSeed,
  insertSeed,
  listCoordinatorAccounts,
  listSeeds,
  type SeedWithCluster,
  seedOutcomeItems,
  setSeedOutcomeItems,
  updateSeedAtVersion,
} from './listing.repo';
import { applyListingAction } from './listing-transition';
import type { SeedRow } from './matching.table';

/** Empty strings are kept as null, so "no Japanese title" reads the same everywhere. */
function textOrNull(text: string | undefined): string | null {
  return text === undefined || text.trim() === '' ? null : text.trim();
}

/** Keywords as kept: trimmed, NFKC, duplicates (ignoring case) dropped, order kept. */
function keptKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const k of keywords) {
    const word = k.normalize('NFKC').trim();
    const key = word.toLowerCase();
    if (word === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(word);
  }
  return kept;
}

async function present(ctx: ServiceContext, row: SeedWithCluster): Promise<Seed> {
  const items = await seedOutcomeItems(ctx.db, [row.id]);
  return toSeed(ctx, row, items.get(row.id) ?? []);
}

/** Checks the linked outcome items belong to the seed's cluster and the coordinator is one. */
async function referenceErrors(
  ctx: ServiceContext,
  clusterId: number,
  outcomeItemIds: number[] | undefined,
  coordinatorAccountId: number | null | undefined,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (outcomeItemIds && outcomeItemIds.length > 0) {
    const found = new Map((await findOutcomeItems(ctx.db, outcomeItemIds)).map((i) => [i.id, i]));
    outcomeItemIds.forEach((id, n) => {
      const item = found.get(id);
      if (!item) errors.push({ field: `body.outcomeItemIds.${n}`, message: `no outcome item ${id}` });
      else if (item.cluster_id !== clusterId)
        errors.push({
          field: `body.outcomeItemIds.${n}`,
          message: `outcome item ${id} belongs to another cluster`,
        });
    });
  }
  if (coordinatorAccountId !== undefined && coordinatorAccountId !== null) {
    const coordinators = await listCoordinatorAccounts(ctx.db);
    if (!coordinators.some((c) => c.id === coordinatorAccountId))
      errors.push({
        field: 'body.coordinatorAccountId',
        message: `account ${coordinatorAccountId} is not a coordinator`,
      });
  }
  return errors;
}

/** The seeds the actor may read, newest change first. */
export async function listSeedsFor(ctx: ServiceContext, query: SeedListQuery): Promise<Page<Seed>> {
  const coordinator = isCoordinator(ctx);
  const own = headquartersClusterIds(ctx.actor);
  const { rows, total } = await listSeeds(ctx.db, {
    ...query,
    clusterKey: query.cluster,
    statuses: coordinator ? undefined : ['published'],
    ownClusterIds: own,
    // The public never browses expired seeds; owners and coordinators may ask for them.
    expired: coordinator || own.length > 0 ? query.expired : 'exclude',
    today: todayInJapan(ctx),
  });
  const items = await seedOutcomeItems(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toSeed(ctx, r, items.get(r.id) ?? [])),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}

/** A seed the actor may read (404 for one they may not: an unpublished seed is not announced). */
export async function loadReadableSeed(ctx: ServiceContext, id: number): Promise<SeedWithCluster> {
  const row = await findSeed(ctx.db, id);
  if (!row || !canReadSeed(ctx, row)) throw notFound('seed', id);
  return row;
}

export async function getSeed(ctx: ServiceContext, id: number): Promise<Seed> {
  return present(ctx, await loadReadableSeed(ctx, id));
}

export async function createSeed(ctx: ServiceContext, input: CreateSeedBody): Promise<Seed> {
  requirePermission(ctx.actor, 'seed:edit');
  const body = CreateSeedSchema.parse(input);
  const cluster = await findClusterRef(ctx.db, body.clusterKey);
  if (!cluster) throw unknownReference('body.clusterKey', 'cluster', body.clusterKey);
  if (!isCoordinator(ctx) && !headquartersClusterIds(ctx.actor).includes(cluster.id))
    throw new AppError('FORBIDDEN', `you may offer seeds of your own cluster only, not ${cluster.key}`);
  const errors = await referenceErrors(ctx, cluster.id, body.outcomeItemIds, body.coordinatorAccountId);
  if (errors.length > 0)
    throw new AppError('UNKNOWN_REFERENCE', errors.map((e) => e.message).join('; '), { errors });
  const at = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertSeed(trx, {
      cluster_id: cluster.id,
      title_ja: textOrNull(body.title.ja),
      title_en: textOrNull(body.title.en),
      summary_ja: textOrNull(body.summary.ja),
      summary_en: textOrNull(body.summary.en),
      key_field: body.keyField,
      keywords_json: JSON.stringify(keptKeywords(body.keywords)),
      stage: body.stage,
      licensing_status: body.licensingStatus,
      coordinator_account_id: body.coordinatorAccountId,
      status: 'draft',
      created_by: actorAccountId(ctx.actor),
      created_at: at,
      updated_at: at,
    });
    await setSeedOutcomeItems(trx, row.id, [...new Set(body.outcomeItemIds)]);
    await bumpRevision(trx, 'seeds');
    await audit(ctx, trx, {
      action: 'seed.create',
      entityType: 'seed',
      entityId: row.id,
      after: seedSnapshot(row),
    });
    return row.id;
  });
  return present(ctx, (await findSeed(ctx.db, id))!);
}

async function loadEditableSeed(ctx: ServiceContext, id: number): Promise<SeedWithCluster> {
  requirePermission(ctx.actor, 'seed:edit');
  const row = await loadReadableSeed(ctx, id);
  if (!isCoordinator(ctx) && !ownsSeed(ctx, row))
    throw new AppError('FORBIDDEN', `seed ${id} is not yours to change`);
  return row;
}

async function writeSeed(
  ctx: ServiceContext,
  row: SeedRow,
  version: number,
  values: Partial<SeedRow>,
  action: string,
  outcomeItemIds?: number[],
): Promise<Seed> {
  if (version !== row.version) throw versionConflict('seed', row.id, row.version);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateSeedAtVersion(trx, row.id, version, {
      ...values,
      updated_at: ctx.now().toISOString(),
    });
    if (!updated) throw versionConflict('seed', row.id, (await findSeed(trx, row.id))?.version ?? version);
    if (outcomeItemIds) await setSeedOutcomeItems(trx, row.id, [...new Set(outcomeItemIds)]);
    await bumpRevision(trx, 'seeds');
    await audit(ctx, trx, {
      action,
      entityType: 'seed',
      entityId: row.id,
      before: seedSnapshot(row),
      after: seedSnapshot(updated),
    });
  });
  return present(ctx, (await findSeed(ctx.db, row.id))!);
}

/** Edits a seed at the version read; a published seed stays published and is re-indexed. */
export async function updateSeed(ctx: ServiceContext, id: number, body: UpdateSeedBody): Promise<Seed> {
  const row = await loadEditableSeed(ctx, id);
  if (!seedEditable(ctx, row))
    throw new AppError('INVALID_TRANSITION', `a ${row.status} seed cannot be edited`, {
      errors: [{ field: 'params.id', message: `the seed is ${row.status}` }],
    });
  const errors = await referenceErrors(ctx, row.cluster_id, body.outcomeItemIds, body.coordinatorAccountId);
  if (errors.length > 0)
    throw new AppError('UNKNOWN_REFERENCE', errors.map((e) => e.message).join('; '), { errors });
  const values: Partial<SeedRow> = {
    ...(body.title ? { title_ja: textOrNull(body.title.ja), title_en: textOrNull(body.title.en) } : {}),
    ...(body.summary
      ? { summary_ja: textOrNull(body.summary.ja), summary_en: textOrNull(body.summary.en) }
      : {}),
    ...(body.keyField ? { key_field: body.keyField } : {}),
    ...(body.keywords ? { keywords_json: JSON.stringify(keptKeywords(body.keywords)) } : {}),
    ...(body.stage ? { stage: body.stage } : {}),
    ...(body.licensingStatus ? { licensing_status: body.licensingStatus } : {}),
    ...(body.coordinatorAccountId !== undefined ? { coordinator_account_id: body.coordinatorAccountId } : {}),
  };
  return writeSeed(ctx, row, body.version, values, 'seed.update', body.outcomeItemIds);
}

/** Submit, publish, return, renew or withdraw a seed. */
export async function actOnSeed(ctx: ServiceContext, id: number, body: ListingActionBody): Promise<Seed> {
  requirePermission(ctx.actor, 'seed:edit');
  const row = await loadReadableSeed(ctx, id);
  const change = applyListingAction(ctx, 'seed', row, body, seedActions(ctx, row));
  return writeSeed(ctx, row, body.version, change, `seed.${body.action}`);
}

/** The programme's coordinators, for a seed's responsible coordinator. */
export async function listCoordinators(ctx: ServiceContext) {
  if (!can(ctx.actor, 'seed:edit') && !can(ctx.actor, 'need:edit')) requirePermission(ctx.actor, 'seed:edit');
  const rows = await listCoordinatorAccounts(ctx.db);
  return { items: rows.map((r) => ({ accountId: r.id, displayName: r.display_name })) };
}
