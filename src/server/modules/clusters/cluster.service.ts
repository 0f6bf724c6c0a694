/** Clusters: the public read them when published; officers create them; headquarters and officers edit them. */
import type {
  ClusterDetail,
  ClusterSummary,
  CreateClusterBody,
  UpdateClusterBody,
} from '../../../contracts/clusters';
import type { Page } from '../../../contracts/common';
import { planEndFiscalYear } from '../../../domain/network';
import { can, headquartersClusterIds } from '../../../domain/permissions';
import type { Db, ServiceContext } from '../../context';
import { AppError, notFound, unknownReference, versionConflict } from '../../http/app-error';
import { isUniqueViolation } from '../../db/errors';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { organizationRefsByIds, requireOrganization } from '../organizations/organization.service';
import {
  type ClusterFilter,
  existingPrefectureCodes,
  findClusterByKey,
  findFirstProgrammeId,
  insertCluster,
  listClusterPrefectures,
  listClusters,
  listMembers,
  listStaff,
  replaceClusterPrefectures,
  updateClusterAtVersion,
} from './cluster.repo';
import { clusterSnapshot, toClusterSummary, toMemberResponse, toStaffResponse } from './cluster.presenter';
import type { ClusterRow } from './cluster.table';

/** Which unpublished clusters the actor may see: all for officers, their own for headquarters. */
export function unpublishedVisibility(ctx: ServiceContext): ClusterFilter['unpublished'] {
  if (can(ctx.actor, 'unpublished:read')) return true;
  const own = headquartersClusterIds(ctx.actor);
  return own.length > 0 ? own : false;
}

function isVisible(ctx: ServiceContext, row: ClusterRow): boolean {
  const visibility = unpublishedVisibility(ctx);
  return (
    row.is_published === 1 ||
    visibility === true ||
    (Array.isArray(visibility) && visibility.includes(row.id))
  );
}

/** The cluster with this key if the actor may see it; an unpublished cluster is "not found" to the public. */
export async function getVisibleCluster(ctx: ServiceContext, key: string): Promise<ClusterRow> {
  const row = await findClusterByKey(ctx.db, key);
  if (!row || !isVisible(ctx, row)) throw notFound('cluster', key);
  return row;
}

async function toSummaries(db: Db, rows: ClusterRow[]): Promise<ClusterSummary[]> {
  const [prefectures, orgs] = await Promise.all([
    listClusterPrefectures(
      db,
      rows.map((r) => r.id),
    ),
    organizationRefsByIds(
      db,
      rows.flatMap((r) => (r.core_organization_id ? [r.core_organization_id] : [])),
    ),
  ]);
  return rows.map((r) =>
    toClusterSummary(
      r,
      prefectures,
      r.core_organization_id ? (orgs.get(r.core_organization_id) ?? null) : null,
    ),
  );
}

export async function listClustersPage(
  ctx: ServiceContext,
  filter: Omit<ClusterFilter, 'unpublished'>,
  page: { limit: number; offset: number },
): Promise<Page<ClusterSummary>> {
  requirePermission(ctx.actor, 'published:read');
  const { rows, total } = await listClusters(
    ctx.db,
    { ...filter, unpublished: unpublishedVisibility(ctx) },
    page,
  );
  return { items: await toSummaries(ctx.db, rows), total, ...page };
}

export async function getCluster(ctx: ServiceContext, key: string): Promise<ClusterDetail> {
  const row = await getVisibleCluster(ctx, key);
  const [[summary], members, staff] = await Promise.all([
    toSummaries(ctx.db, [row]),
    listMembers(ctx.db, row.id),
    listStaff(ctx.db, row.id),
  ]);
  return {
    ...summary!,
    summary: { ja: row.summary_ja ?? '', en: row.summary_en ?? '' },
    members: members.map(toMemberResponse),
    staff: staff.map(toStaffResponse),
    canEdit: can(ctx.actor, 'cluster:update', { clusterId: row.id }),
  };
}

async function checkPrefectures(db: Db, codes: string[] | undefined): Promise<void> {
  if (!codes) return;
  const unique = [...new Set(codes)];
  if (unique.length !== codes.length) {
    throw new AppError('VALIDATION_FAILED', 'A prefecture is listed twice', {
      errors: [{ field: 'body.prefectureCodes', message: 'duplicate prefecture' }],
    });
  }
  const known = await existingPrefectureCodes(db, unique);
  const missing = codes.findIndex((c) => !known.has(c));
  if (missing >= 0) throw unknownReference(`body.prefectureCodes.${missing}`, 'prefecture', codes[missing]!);
}

function checkPeriod(startFy: number, endFy: number): void {
  if (endFy < startFy) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The end fiscal year FY${endFy} is before the start FY${startFy}`,
      {
        errors: [{ field: 'body.endFy', message: 'must not be before startFy' }],
      },
    );
  }
}

function duplicateKey(key: string): AppError {
  return new AppError('DUPLICATE', `A cluster with key "${key}" already exists`, {
    errors: [{ field: 'body.key', message: 'already in use' }],
  });
}

/** Officers create a cluster (e.g. after a selection decision). */
export async function createCluster(ctx: ServiceContext, body: CreateClusterBody): Promise<ClusterDetail> {
  requirePermission(ctx.actor, 'cluster:create');
  const programme = await findFirstProgrammeId(ctx.db);
  if (!programme) throw new AppError('RULE_VIOLATION', 'Load the programme before creating clusters');
  const endFy = body.endFy ?? planEndFiscalYear(body.startFy, programme.duration_years);
  checkPeriod(body.startFy, endFy);
  await checkPrefectures(ctx.db, body.prefectureCodes);
  if (body.coreOrganizationId !== null)
    await requireOrganization(ctx.db, body.coreOrganizationId, 'body.coreOrganizationId');
  if (await findClusterByKey(ctx.db, body.key)) throw duplicateKey(body.key);
  try {
    const at = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const row = await insertCluster(trx, {
        programme_id: programme.id,
        key: body.key,
        name_ja: body.name.ja,
        name_en: body.name.en,
        theme_ja: body.theme.ja || null,
        theme_en: body.theme.en || null,
        summary_ja: body.summary.ja || null,
        summary_en: body.summary.en || null,
        key_field_key: body.keyField,
        start_fy: body.startFy,
        end_fy: endFy,
        status: body.status,
        core_organization_id: body.coreOrganizationId,
        is_published: body.isPublished ? 1 : 0,
        confidence: body.confidence,
        source: body.source,
        created_at: at,
        updated_at: at,
      });
      await replaceClusterPrefectures(trx, row.id, body.prefectureCodes);
      await audit(ctx, trx, {
        action: 'cluster.create',
        entityType: 'cluster',
        entityId: row.id,
        after: clusterSnapshot(row, body.prefectureCodes),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateKey(body.key);
    throw error;
  }
  return getCluster(ctx, body.key);
}

/** Headquarters (own cluster) and officers edit the profile; a stale version changes nothing (409). */
export async function updateCluster(
  ctx: ServiceContext,
  key: string,
  body: UpdateClusterBody,
): Promise<ClusterDetail> {
  const current = await getVisibleCluster(ctx, key);
  requirePermission(ctx.actor, 'cluster:update', { clusterId: current.id });
  // Publishing, status and the funded period are the programme office's decisions, not the headquarters'.
  const changesOfficeFields =
    (body.isPublished !== undefined && body.isPublished !== (current.is_published === 1)) ||
    (body.status !== undefined && body.status !== current.status) ||
    (body.startFy !== undefined && body.startFy !== current.start_fy) ||
    (body.endFy !== undefined && body.endFy !== current.end_fy);
  if (changesOfficeFields) requirePermission(ctx.actor, 'cluster:create');
  checkPeriod(body.startFy ?? current.start_fy, body.endFy ?? current.end_fy);
  await checkPrefectures(ctx.db, body.prefectureCodes);
  if (body.coreOrganizationId)
    await requireOrganization(ctx.db, body.coreOrganizationId, 'body.coreOrganizationId');

  await ctx.db.transaction().execute(async (trx) => {
    const beforePrefectures = (await listClusterPrefectures(trx, [current.id])).map((p) => p.code);
    const after = await updateClusterAtVersion(trx, current.id, body.version, {
      ...(body.name !== undefined ? { name_ja: body.name.ja, name_en: body.name.en } : {}),
      ...(body.theme !== undefined
        ? { theme_ja: body.theme.ja || null, theme_en: body.theme.en || null }
        : {}),
      ...(body.summary !== undefined
        ? { summary_ja: body.summary.ja || null, summary_en: body.summary.en || null }
        : {}),
      ...(body.keyField !== undefined ? { key_field_key: body.keyField } : {}),
      ...(body.startFy !== undefined ? { start_fy: body.startFy } : {}),
      ...(body.endFy !== undefined ? { end_fy: body.endFy } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
      ...(body.coreOrganizationId !== undefined ? { core_organization_id: body.coreOrganizationId } : {}),
      ...(body.isPublished !== undefined ? { is_published: body.isPublished ? 1 : 0 } : {}),
      ...(body.confidence !== undefined ? { confidence: body.confidence } : {}),
      ...(body.source !== undefined ? { source: body.source } : {}),
      updated_at: ctx.now().toISOString(),
    });
    if (!after) {
      const fresh = await findClusterByKey(trx, key);
      throw versionConflict('cluster', key, fresh?.version ?? current.version);
    }
    if (body.prefectureCodes) await replaceClusterPrefectures(trx, current.id, body.prefectureCodes);
    await audit(ctx, trx, {
      action: 'cluster.update',
      entityType: 'cluster',
      entityId: current.id,
      before: clusterSnapshot(current, beforePrefectures),
      after: clusterSnapshot(after, body.prefectureCodes ?? beforePrefectures),
    });
  });
  return getCluster(ctx, key);
}
