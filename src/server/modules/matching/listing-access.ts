/**
 * Who sees and may change which seeds and needs. Coordinators (with officers and administrators:
 * `matching:coordinate`) see every listing and every company's name; a cluster's headquarters see
 * their own cluster's seeds in any status; a partner company sees its own needs in any status;
 * everyone else sees published, unexpired listings — and a confidential need without its company.
 */
import {
  isEditable,
  isLive,
  type ListingAction,
  type ListingStatus,
  statusAfter,
} from '../../../domain/listing-lifecycle';
import { can, headquartersClusterIds, partnerCompanyOrganizationIds } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { japanDate } from '../../../domain/fiscal-year';
import type { NeedRow, SeedRow } from './matching.table';

export function todayInJapan(ctx: ServiceContext): string {
  return japanDate(ctx.now());
}

export function isCoordinator(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'matching:coordinate');
}

/** Whether the actor owns the seed's side: its cluster's headquarters. */
export function ownsSeed(ctx: ServiceContext, seed: Pick<SeedRow, 'cluster_id'>): boolean {
  return headquartersClusterIds(ctx.actor).includes(seed.cluster_id);
}

/** Whether the actor owns the need's side: the company's own account. */
export function ownsNeed(ctx: ServiceContext, need: Pick<NeedRow, 'organization_id'>): boolean {
  return partnerCompanyOrganizationIds(ctx.actor).includes(need.organization_id);
}

export function canReadSeed(ctx: ServiceContext, seed: SeedRow): boolean {
  return (
    isCoordinator(ctx) ||
    ownsSeed(ctx, seed) ||
    isLive(seed.status as ListingStatus, seed.expires_on, todayInJapan(ctx))
  );
}

export function canReadNeed(ctx: ServiceContext, need: NeedRow): boolean {
  return (
    isCoordinator(ctx) ||
    ownsNeed(ctx, need) ||
    isLive(need.status as ListingStatus, need.expires_on, todayInJapan(ctx))
  );
}

/** A confidential need's company is known to coordinators and to the company itself only. */
export function seesCompany(ctx: ServiceContext, need: NeedRow): boolean {
  return need.confidential === 0 || isCoordinator(ctx) || ownsNeed(ctx, need);
}

function canEditSeed(ctx: ServiceContext, seed: SeedRow): boolean {
  if (!can(ctx.actor, 'seed:edit')) return false;
  return isCoordinator(ctx) || ownsSeed(ctx, seed);
}

function canEditNeed(ctx: ServiceContext, need: NeedRow): boolean {
  if (!can(ctx.actor, 'need:edit')) return false;
  return isCoordinator(ctx) || ownsNeed(ctx, need);
}

/** Publishing and returning are the coordinator's review; the other actions are the owner's too. */
function mayTake(ctx: ServiceContext, action: ListingAction, isOwnerOrCoordinator: boolean): boolean {
  if (action === 'publish' || action === 'return') return isCoordinator(ctx);
  return isOwnerOrCoordinator;
}

export function seedActions(ctx: ServiceContext, seed: SeedRow): ListingAction[] {
  const editor = canEditSeed(ctx, seed);
  return (['submit', 'publish', 'return', 'renew', 'withdraw'] as const).filter(
    (a) => statusAfter(seed.status as ListingStatus, a) !== null && mayTake(ctx, a, editor),
  );
}

export function needActions(ctx: ServiceContext, need: NeedRow): ListingAction[] {
  const editor = canEditNeed(ctx, need);
  return (['submit', 'publish', 'return', 'renew', 'withdraw'] as const).filter(
    (a) => statusAfter(need.status as ListingStatus, a) !== null && mayTake(ctx, a, editor),
  );
}

export function seedEditable(ctx: ServiceContext, seed: SeedRow): boolean {
  return canEditSeed(ctx, seed) && isEditable(seed.status as ListingStatus);
}

export function needEditable(ctx: ServiceContext, need: NeedRow): boolean {
  return canEditNeed(ctx, need) && isEditable(need.status as ListingStatus);
}
