/** A cluster's network: member organizations and staff, added, edited and withdrawn (never deleted). */
import type {
  AddMemberBody,
  AddStaffBody,
  ClusterMemberResponse,
  ClusterStaffResponse,
  UpdateMemberBody,
  UpdateStaffBody,
} from '../../../contracts/clusters';
import { isValidParticipation } from '../../../domain/network';
import type { Db, ServiceContext } from '../../context';
import { AppError, notFound, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { requireOrganization } from '../organizations/organization.service';
import { requirePerson } from '../people/person.service';
import {
  findMember,
  findStaff,
  insertMember,
  insertStaff,
  listMembers,
  listStaff,
  updateMemberAtVersion,
  updateStaffAtVersion,
} from './cluster.repo';
import { toMemberResponse, toStaffResponse } from './cluster.presenter';
import { getVisibleCluster } from './cluster.service';
import type { ClusterMemberRow, ClusterRow, ClusterStaffRow } from './cluster.table';

async function editableCluster(ctx: ServiceContext, key: string): Promise<ClusterRow> {
  const cluster = await getVisibleCluster(ctx, key);
  requirePermission(ctx.actor, 'cluster-member:manage', { clusterId: cluster.id });
  return cluster;
}

function checkParticipation(fromFy: number, toFy: number | null): void {
  if (!isValidParticipation(fromFy, toFy)) {
    throw new AppError('VALIDATION_FAILED', `FY${toFy} is before FY${fromFy}`, {
      errors: [{ field: 'body.toFy', message: 'must not be before fromFy' }],
    });
  }
}

function memberSnapshot(m: ClusterMemberRow) {
  return {
    organizationId: m.organization_id,
    role: m.role,
    fromFy: m.from_fy,
    toFy: m.to_fy,
    note: m.note,
    withdrawnAt: m.withdrawn_at,
    version: m.version,
  };
}

function staffSnapshot(s: ClusterStaffRow) {
  return {
    personId: s.person_id,
    role: s.role,
    fromFy: s.from_fy,
    toFy: s.to_fy,
    note: s.note,
    withdrawnAt: s.withdrawn_at,
    version: s.version,
  };
}

async function memberResponse(
  ctx: ServiceContext,
  clusterId: number,
  id: number,
): Promise<ClusterMemberResponse> {
  const member = (await listMembers(ctx.db, clusterId)).find((m) => m.id === id);
  if (!member) throw notFound('member', id);
  return toMemberResponse(member);
}

async function staffResponse(
  ctx: ServiceContext,
  clusterId: number,
  id: number,
): Promise<ClusterStaffResponse> {
  const staff = (await listStaff(ctx.db, clusterId)).find((s) => s.id === id);
  if (!staff) throw notFound('staff', id);
  return toStaffResponse(staff);
}

export async function addMember(
  ctx: ServiceContext,
  key: string,
  body: AddMemberBody,
): Promise<ClusterMemberResponse> {
  const cluster = await editableCluster(ctx, key);
  checkParticipation(body.fromFy, body.toFy);
  await requireOrganization(ctx.db, body.organizationId, 'body.organizationId');
  const at = ctx.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertMember(trx, {
      cluster_id: cluster.id,
      organization_id: body.organizationId,
      role: body.role,
      from_fy: body.fromFy,
      to_fy: body.toFy,
      note: body.note,
      withdrawn_at: null,
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, {
      action: 'cluster-member.add',
      entityType: 'cluster-member',
      entityId: inserted.id,
      after: { cluster: key, ...memberSnapshot(inserted) },
    });
    return inserted;
  });
  return memberResponse(ctx, cluster.id, row.id);
}

export async function addStaff(
  ctx: ServiceContext,
  key: string,
  body: AddStaffBody,
): Promise<ClusterStaffResponse> {
  const cluster = await editableCluster(ctx, key);
  checkParticipation(body.fromFy, body.toFy);
  await requirePerson(ctx.db, body.personId, 'body.personId');
  const at = ctx.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertStaff(trx, {
      cluster_id: cluster.id,
      person_id: body.personId,
      role: body.role,
      from_fy: body.fromFy,
      to_fy: body.toFy,
      note: body.note,
      withdrawn_at: null,
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, {
      action: 'cluster-staff.add',
      entityType: 'cluster-staff',
      entityId: inserted.id,
      after: { cluster: key, ...staffSnapshot(inserted) },
    });
    return inserted;
  });
  return staffResponse(ctx, cluster.id, row.id);
}

/** What differs between a cluster's member organizations and its staff; the rules are the same. */
interface ParticipationKind<Row extends ClusterMemberRow | ClusterStaffRow, Response> {
  noun: 'member' | 'staff';
  entityType: 'cluster-member' | 'cluster-staff';
  find(db: Db, clusterId: number, id: number): Promise<Row | undefined>;
  update(db: Db, id: number, version: number, changes: Partial<Row>): Promise<Row | undefined>;
  snapshot(row: Row): Record<string, unknown>;
  respond(ctx: ServiceContext, clusterId: number, id: number): Promise<Response>;
}

const MEMBERS: ParticipationKind<ClusterMemberRow, ClusterMemberResponse> = {
  noun: 'member',
  entityType: 'cluster-member',
  find: findMember,
  update: updateMemberAtVersion,
  snapshot: memberSnapshot,
  respond: memberResponse,
};

const STAFF: ParticipationKind<ClusterStaffRow, ClusterStaffResponse> = {
  noun: 'staff',
  entityType: 'cluster-staff',
  find: findStaff,
  update: updateStaffAtVersion,
  snapshot: staffSnapshot,
  respond: staffResponse,
};

/** Applies a versioned change to a member or staff row, checks its period, and audits it. */
async function changeParticipation<Row extends ClusterMemberRow | ClusterStaffRow, Response>(
  kind: ParticipationKind<Row, Response>,
  ctx: ServiceContext,
  key: string,
  id: number,
  version: number,
  action: 'update' | 'withdraw',
  changes: (before: Row) => Partial<Row>,
): Promise<Response> {
  const cluster = await editableCluster(ctx, key);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await kind.find(trx, cluster.id, id);
    if (!before) throw notFound(kind.noun, id);
    const patch = changes(before);
    checkParticipation(
      patch.from_fy ?? before.from_fy,
      patch.to_fy !== undefined ? patch.to_fy : before.to_fy,
    );
    const after = await kind.update(trx, id, version, { ...patch, updated_at: ctx.now().toISOString() });
    if (!after) throw versionConflict(kind.noun, id, before.version);
    await audit(ctx, trx, {
      action: `${kind.entityType}.${action}`,
      entityType: kind.entityType,
      entityId: id,
      before: kind.snapshot(before),
      after: kind.snapshot(after),
    });
  });
  return kind.respond(ctx, cluster.id, id);
}

/** The fields an edit of a member or staff row may change. */
function editPatch(body: UpdateMemberBody | UpdateStaffBody) {
  return {
    ...(body.role !== undefined ? { role: body.role } : {}),
    ...(body.fromFy !== undefined ? { from_fy: body.fromFy } : {}),
    ...(body.toFy !== undefined ? { to_fy: body.toFy } : {}),
    ...(body.note !== undefined ? { note: body.note } : {}),
  };
}

/** Withdrawal keeps the record, marked with when it left; withdrawing twice is refused. */
function withdrawal<Row extends ClusterMemberRow | ClusterStaffRow>(ctx: ServiceContext) {
  return (before: Row): Partial<Row> => {
    if (before.withdrawn_at) throw new AppError('RULE_VIOLATION', 'This record has already been withdrawn');
    return { withdrawn_at: ctx.now().toISOString() } as Partial<Row>;
  };
}

export function updateMember(ctx: ServiceContext, key: string, id: number, body: UpdateMemberBody) {
  return changeParticipation(MEMBERS, ctx, key, id, body.version, 'update', () => editPatch(body));
}

export function withdrawMember(ctx: ServiceContext, key: string, id: number, version: number) {
  return changeParticipation(MEMBERS, ctx, key, id, version, 'withdraw', withdrawal<ClusterMemberRow>(ctx));
}

export function updateStaff(ctx: ServiceContext, key: string, id: number, body: UpdateStaffBody) {
  return changeParticipation(STAFF, ctx, key, id, body.version, 'update', () => editPatch(body));
}

export function withdrawStaff(ctx: ServiceContext, key: string, id: number, version: number) {
  return changeParticipation(STAFF, ctx, key, id, version, 'withdraw', withdrawal<ClusterStaffRow>(ctx));
}
