/** Yearly outcome reports: the workspace list, one report, starting a report, and its values. */
import type { z } from 'zod';
import type { Page } from '../../../contracts/common';
import type {
  CreateReportBody,
  OutcomeReport,
  ReportSummary,
  UpdateReportBody,
} from '../../../contracts/reports';
import { deriveIndicatorValues } from '../../../domain/outcome-items';
import type { ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, unknownReference } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { getVisibleCluster } from '../clusters/cluster.service';
import type { ClusterRow } from '../clusters/cluster.table';
import { assertEditable, canSeeReport, draftScope, getVisibleReport, staleOrLocked } from './report-access';
import { listItems } from './report-item.repo';
import { buildReportResponse } from './report-view';
import {
  EDITABLE_STATUSES,
  insertEvent,
  insertReport,
  listReportChain,
  listReports,
  listValues,
  type ReportFilter,
  deleteValues,
  updateReportWhere,
  upsertValue,
} from './report.repo';
import { reportSnapshot, toDomainItem, toReportSummary } from './report.presenter';

/** Where the figures of a yearly report come from, shown beside them in the outcome table. */
export const YEARLY_REPORT_SOURCE = 'Reported by headquarters';

/** The reports workspace: every cluster's reports for the office, their own clusters' for headquarters. */
export async function listReportsPage(
  ctx: ServiceContext,
  filter: Omit<ReportFilter, 'clusterIds'>,
  page: { limit: number; offset: number },
): Promise<Page<ReportSummary>> {
  requirePermission(ctx.actor, 'outcome-report:read-drafts');
  const { rows, total } = await listReports(ctx.db, { ...filter, clusterIds: draftScope(ctx.actor) }, page);
  return { items: rows.map(toReportSummary), total, ...page };
}

export async function getReport(ctx: ServiceContext, id: number): Promise<OutcomeReport> {
  return buildReportResponse(ctx, await getVisibleReport(ctx, id));
}

/** Every version of the report's cluster and period that the actor may see, oldest first. */
export async function listReportVersions(ctx: ServiceContext, id: number): Promise<ReportSummary[]> {
  const r = await getVisibleReport(ctx, id);
  const chain = await listReportChain(ctx.db, r.cluster_id, r.fy_from, r.fy_to);
  return chain.filter((v) => canSeeReport(ctx.actor, v)).map(toReportSummary);
}

async function clusterForReport(ctx: ServiceContext, key: string): Promise<ClusterRow> {
  try {
    return await getVisibleCluster(ctx, key);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      throw unknownReference('body.cluster', 'cluster', key);
    throw error;
  }
}

function reportExists(fy: number, id?: number): AppError {
  return new AppError(
    'DUPLICATE',
    `The cluster already has a report for FY${fy}${id ? ` (report ${id})` : ''}; edit or correct that one`,
    { errors: [{ field: 'body.fiscalYear', message: 'a report for this fiscal year exists' }] },
  );
}

/** Headquarters (or the office) start a cluster's single-year report as a draft. */
export async function createReport(
  ctx: ServiceContext,
  body: z.infer<typeof CreateReportBody>,
): Promise<OutcomeReport> {
  requirePermission(ctx.actor, 'outcome-report:read-drafts');
  const cluster = await clusterForReport(ctx, body.cluster);
  requirePermission(ctx.actor, 'outcome-report:edit', { clusterId: cluster.id });
  const fy = body.fiscalYear;
  if (fy < cluster.start_fy || fy > cluster.end_fy) {
    throw new AppError(
      'VALIDATION_FAILED',
      `FY${fy} is outside the cluster's funded period FY${cluster.start_fy}–FY${cluster.end_fy}`,
      {
        errors: [
          { field: 'body.fiscalYear', message: `must be from ${cluster.start_fy} to ${cluster.end_fy}` },
        ],
      },
    );
  }
  const [existing] = await listReportChain(ctx.db, cluster.id, fy, fy);
  if (existing) throw reportExists(fy, existing.id);
  const at = ctx.now().toISOString();
  let id: number;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      const row = await insertReport(trx, {
        cluster_id: cluster.id,
        fy_from: fy,
        fy_to: fy,
        status: 'draft',
        report_version: 1,
        supersedes_id: null,
        reason: null,
        source: YEARLY_REPORT_SOURCE,
        submitted_at: null,
        accepted_at: null,
        researcher_count: null,
        return_comment: null,
        returned_at: null,
        created_by: actorAccountId(ctx.actor),
        created_at: at,
        updated_at: at,
      });
      await insertEvent(trx, {
        report_id: row.id,
        action: 'created',
        comment: null,
        account_id: actorAccountId(ctx.actor),
        at,
      });
      await audit(ctx, trx, {
        action: 'outcome_report.create',
        entityType: 'outcome_report',
        entityId: row.id,
        after: reportSnapshot(row),
      });
      return row.id;
    });
  } catch (error) {
    // Two requests for the same cluster and year at once: the unique index lets one through.
    if (isUniqueViolation(error)) throw reportExists(fy);
    throw error;
  }
  return getReport(ctx, id);
}

/**
 * Headquarters set the researcher count and the values of indicators without items (with the note
 * behind each aggregate). A value for an item-backed indicator is refused: its items decide it.
 */
export async function updateReport(
  ctx: ServiceContext,
  id: number,
  body: z.infer<typeof UpdateReportBody>,
): Promise<OutcomeReport> {
  requirePermission(ctx.actor, 'outcome-report:read-drafts');
  const current = await getVisibleReport(ctx, id);
  requirePermission(ctx.actor, 'outcome-report:edit', { clusterId: current.cluster_id });
  assertEditable(current);
  const items = await listItems(ctx.db, id);
  const derived = deriveIndicatorValues(items.map(toDomainItem), current.fy_from, current.fy_to);
  const values = body.values ?? [];
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v.indicator))
      throw new AppError('VALIDATION_FAILED', `${v.indicator} is given twice`, {
        errors: [{ field: `body.values.${i}.indicator`, message: 'listed twice' }],
      });
    seen.add(v.indicator);
    // Sending back the derived figure unchanged is allowed (a form saves every line); changing it is not.
    if (derived.itemBacked.has(v.indicator) && v.value !== (derived.values[v.indicator] ?? 0))
      throw new AppError(
        'VALIDATION_FAILED',
        `${v.indicator} is counted from the report's items; add, change or remove items instead`,
        {
          errors: [
            { field: `body.values.${i}.value`, message: 'counted from the items; edit the items instead' },
          ],
        },
      );
  });

  await ctx.db.transaction().execute(async (trx) => {
    const before = await listValues(trx, id);
    const after = await updateReportWhere(
      trx,
      id,
      { version: body.version, statuses: EDITABLE_STATUSES },
      {
        ...(body.researcherCount !== undefined ? { researcher_count: body.researcherCount } : {}),
        updated_at: ctx.now().toISOString(),
      },
    );
    if (!after) throw await staleOrLocked(trx, id, body.version);
    const notes = new Map(before.map((v) => [v.indicator_key, v.note]));
    for (const v of values) {
      if (v.value === null) await deleteValues(trx, id, [v.indicator]);
      else
        await upsertValue(trx, id, {
          indicator_key: v.indicator,
          value: v.value,
          note: v.note === undefined ? (notes.get(v.indicator) ?? null) : v.note || null,
        });
    }
    await audit(ctx, trx, {
      action: 'outcome_report.update',
      entityType: 'outcome_report',
      entityId: id,
      before: { ...reportSnapshot(current), values: before },
      after: { ...reportSnapshot(after), values: await listValues(trx, id) },
    });
  });
  return getReport(ctx, id);
}
