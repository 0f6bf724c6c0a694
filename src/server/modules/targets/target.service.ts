/**
 * Numerical targets of the 5-year plan (the intermediate evaluation found clusters lacked them):
 * headquarters set them per indicator for each remaining fiscal year, officers for any year of the
 * funded period; everyone who can see the cluster reads them with the actuals of accepted reports.
 */
import type {
  ClusterTargetsQuery,
  ClusterTargetsResponse,
  PutTargetsBody,
  TargetSummaryResponse,
} from '../../../contracts/targets';
import { targetProgress } from '../../../domain/budget';
import { fiscalYearOf } from '../../../domain/fiscal-year';
import { INDICATOR_KEYS, isIndicatorKey } from '../../../domain/indicators';
import { can } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, type FieldError, notFound } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { listAllClusters } from '../clusters/cluster.repo';
import { getVisibleCluster, unpublishedVisibility } from '../clusters/cluster.service';
import { exportFileOf } from '../exports/export-file';
import type { ExportFile } from '../exports/table-export';
import type { ClusterRow } from '../clusters/cluster.table';
import { listIndicators } from '../programme/programme.repo';
import { clusterTargetsExportTable } from './target.export';
import { targetSnapshot, toTarget } from './target.presenter';
import {
  deleteTargetAtVersion,
  findTarget,
  insertTarget,
  listClusterActuals,
  listTargetFiscalYears,
  listTargets,
  listTargetsWithActualsOfYear,
  updateTargetAtVersion,
} from './target.repo';
import type { TargetRow } from './target.table';

/**
 * The first fiscal year the actor may set for this cluster, or null when they may not edit it.
 * Officers may set (or correct) any year of the funded period; headquarters only the remaining
 * years, from the current fiscal year on: a target set after the fact is no target.
 */
function editableFromFy(ctx: ServiceContext, cluster: ClusterRow): number | null {
  if (!can(ctx.actor, 'target:edit', { clusterId: cluster.id })) return null;
  // Without a cluster named, only programme-wide grants (officers, administrators) pass.
  if (can(ctx.actor, 'target:edit')) return cluster.start_fy;
  return Math.max(cluster.start_fy, fiscalYearOf(ctx.now()));
}

function tooEarlyMessage(cluster: ClusterRow, from: number): string {
  return from > cluster.start_fy
    ? `headquarters set targets for the remaining fiscal years only: FY${from}–FY${cluster.end_fy}`
    : `outside the cluster's funded period FY${cluster.start_fy}–FY${cluster.end_fy}`;
}

/** A cluster's targets with actuals and progress; visible to whoever can see the cluster. */
export async function getClusterTargets(ctx: ServiceContext, key: string): Promise<ClusterTargetsResponse> {
  const cluster = await getVisibleCluster(ctx, key);
  const [rows, actualRows] = await Promise.all([
    listTargets(ctx.db, cluster.id),
    listClusterActuals(ctx.db, cluster.id),
  ]);
  // One report per year: the newest current accepted version (rows come newest first per year).
  const reportOfYear = new Map<number, { reportId: number; values: Record<string, number> }>();
  for (const a of actualRows) {
    let entry = reportOfYear.get(a.fiscal_year);
    if (!entry) {
      entry = { reportId: a.report_id, values: {} };
      reportOfYear.set(a.fiscal_year, entry);
    }
    if (entry.reportId === a.report_id) entry.values[a.indicator_key] = a.value;
  }
  const from = editableFromFy(ctx, cluster);
  return {
    cluster: {
      id: cluster.id,
      key: cluster.key,
      name: { ja: cluster.name_ja, en: cluster.name_en },
      startFy: cluster.start_fy,
      endFy: cluster.end_fy,
    },
    canEdit: from !== null && from <= cluster.end_fy,
    editableFromFy: from !== null && from <= cluster.end_fy ? from : null,
    targets: rows
      .filter((r) => isIndicatorKey(r.indicator_key))
      .sort(
        (a, b) =>
          INDICATOR_KEYS.indexOf(a.indicator_key as never) -
            INDICATOR_KEYS.indexOf(b.indicator_key as never) || a.fiscal_year - b.fiscal_year,
      )
      .map((r) => {
        const report = reportOfYear.get(r.fiscal_year);
        const value = report?.values[r.indicator_key];
        return toTarget(r, report && value !== undefined ? { value, reportId: report.reportId } : undefined);
      }),
    actuals: [...reportOfYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([fiscalYear, r]) => ({ fiscalYear, reportId: r.reportId, values: r.values })),
  };
}

/** The same targets as a file (whoever may read them may download them). */
export async function exportClusterTargets(
  ctx: ServiceContext,
  key: string,
  query: ClusterTargetsQuery & { format: 'csv' | 'xlsx' },
): Promise<ExportFile> {
  const data = await getClusterTargets(ctx, key);
  return exportFileOf(clusterTargetsExportTable(data, query.lang), query);
}

function validationFailed(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
}

/**
 * Sets the listed targets (new ones added, existing ones changed at the version the client read;
 * unlisted ones untouched). All or nothing: one bad row or one stale version and nothing is written.
 */
export async function putClusterTargets(
  ctx: ServiceContext,
  key: string,
  body: PutTargetsBody,
): Promise<ClusterTargetsResponse> {
  const cluster = await getVisibleCluster(ctx, key);
  requirePermission(ctx.actor, 'target:edit', { clusterId: cluster.id });
  const from = editableFromFy(ctx, cluster)!;

  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  body.targets.forEach((row, i) => {
    if (row.fiscalYear < from || row.fiscalYear > cluster.end_fy) {
      errors.push({
        field: `body.targets.${i}.fiscalYear`,
        message:
          row.fiscalYear > cluster.end_fy
            ? `outside the cluster's funded period FY${cluster.start_fy}–FY${cluster.end_fy}`
            : tooEarlyMessage(cluster, from),
      });
    }
    const identity = `${row.indicator}|${row.fiscalYear}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      errors.push({
        field: `body.targets.${i}`,
        message: `${row.indicator} for FY${row.fiscalYear} is listed twice (also at ${earlier})`,
      });
    } else seen.set(identity, i);
  });
  if (errors.length > 0) throw validationFailed(errors);

  const at = ctx.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const existing = new Map(
        (await listTargets(trx, cluster.id)).map((r) => [`${r.indicator_key}|${r.fiscal_year}`, r]),
      );
      const conflicts: FieldError[] = [];
      body.targets.forEach((row, i) => {
        const current = existing.get(`${row.indicator}|${row.fiscalYear}`);
        if (current && row.version !== current.version) {
          conflicts.push({
            field: `body.targets.${i}.version`,
            message:
              row.version === undefined
                ? `a target for ${row.indicator} in FY${row.fiscalYear} already exists at version ${current.version}; send its version`
                : `stale version; current version is ${current.version}`,
          });
        } else if (!current && row.version !== undefined) {
          conflicts.push({
            field: `body.targets.${i}.version`,
            message: `the target for ${row.indicator} in FY${row.fiscalYear} was deleted by someone else`,
          });
        }
      });
      if (conflicts.length > 0) {
        throw new AppError(
          'VERSION_CONFLICT',
          'Some targets were changed by someone else; reload and apply your change again',
          { errors: conflicts },
        );
      }
      for (const row of body.targets) {
        const values = { baseline: row.baseline, target: row.target, note: row.note ?? null };
        const current = existing.get(`${row.indicator}|${row.fiscalYear}`);
        if (!current) {
          const inserted = await insertTarget(trx, {
            clusterId: cluster.id,
            indicator: row.indicator,
            fiscalYear: row.fiscalYear,
            at,
            ...values,
          });
          await audit(ctx, trx, {
            action: 'target.create',
            entityType: 'target',
            entityId: inserted.id,
            after: targetSnapshot(inserted),
          });
          continue;
        }
        const unchanged =
          (current.baseline === null ? null : Number(current.baseline)) === values.baseline &&
          Number(current.target) === values.target &&
          current.note === values.note;
        if (unchanged) continue;
        const updated = await updateTargetAtVersion(trx, current.id, current.version, { ...values, at });
        if (!updated) {
          throw new AppError(
            'VERSION_CONFLICT',
            'A target was changed by someone else; reload and try again',
          );
        }
        await audit(ctx, trx, {
          action: 'target.update',
          entityType: 'target',
          entityId: current.id,
          before: targetSnapshot(current),
          after: targetSnapshot(updated),
        });
      }
    });
  } catch (error) {
    // Someone added the same target between our read and our insert.
    if (isUniqueViolation(error)) {
      throw new AppError('VERSION_CONFLICT', 'A target was added by someone else; reload and try again');
    }
    throw error;
  }
  return getClusterTargets(ctx, key);
}

/** Removes a target, at the version the client read; headquarters only for the remaining years. */
export async function deleteClusterTarget(
  ctx: ServiceContext,
  key: string,
  id: number,
  version: number,
): Promise<void> {
  const cluster = await getVisibleCluster(ctx, key);
  requirePermission(ctx.actor, 'target:edit', { clusterId: cluster.id });
  const row: TargetRow | undefined = await findTarget(ctx.db, id);
  if (!row || row.cluster_id !== cluster.id) throw notFound('target', id);
  const from = editableFromFy(ctx, cluster)!;
  if (row.fiscal_year < from) {
    throw new AppError('RULE_VIOLATION', tooEarlyMessage(cluster, from), {
      errors: [{ field: 'params.id', message: tooEarlyMessage(cluster, from) }],
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteTargetAtVersion(trx, id, version))) {
      const fresh = await findTarget(trx, id);
      if (!fresh) throw notFound('target', id);
      throw new AppError(
        'VERSION_CONFLICT',
        `target ${id} was changed by someone else (now at version ${fresh.version}); reload and try again`,
        {
          errors: [{ field: 'query.version', message: `stale version; current version is ${fresh.version}` }],
        },
      );
    }
    await audit(ctx, trx, {
      action: 'target.delete',
      entityType: 'target',
      entityId: id,
      before: targetSnapshot(row),
    });
  });
}

/**
 * The programme view of one fiscal year: per indicator the targets of the visible clusters against
 * their actuals (only clusters that set a target count, so the sums compare like with like), and per
 * cluster how many targets are met (progress ≥ 1). Without `fy`: the latest year up to the current
 * one whose targets have an actual, else the latest year with targets up to the current one.
 */
export async function getTargetSummary(
  ctx: ServiceContext,
  fy: number | undefined,
): Promise<TargetSummaryResponse> {
  requirePermission(ctx.actor, 'published:read');
  const clusters = await listAllClusters(ctx.db, { unpublished: unpublishedVisibility(ctx) });
  const ids = clusters.map((c) => c.id);
  const years = await listTargetFiscalYears(ctx.db, ids);
  const current = fiscalYearOf(ctx.now());
  const fiscalYears = years.map((y) => y.fiscalYear);
  // Without a year asked for: the latest year with an actual to compare, then the latest begun.
  const latest = [...years].reverse().filter((y) => y.fiscalYear <= current);
  const fiscalYear =
    fy ??
    latest.find((y) => y.hasActual)?.fiscalYear ??
    latest[0]?.fiscalYear ??
    fiscalYears.at(-1) ??
    current;
  const [rows, indicators] = await Promise.all([
    listTargetsWithActualsOfYear(ctx.db, fiscalYear, ids),
    listIndicators(ctx.db),
  ]);

  const perIndicator = new Map<
    string,
    { clusters: number; reported: number; target: number; actual: number }
  >();
  const perCluster = new Map<number, { targets: number; withActual: number; onTrack: number }>();
  for (const r of rows) {
    const i = perIndicator.get(r.indicator_key) ?? { clusters: 0, reported: 0, target: 0, actual: 0 };
    i.clusters += 1;
    i.target += r.target;
    if (r.actual !== null) {
      i.reported += 1;
      i.actual += r.actual;
    }
    perIndicator.set(r.indicator_key, i);
    const c = perCluster.get(r.cluster_id) ?? { targets: 0, withActual: 0, onTrack: 0 };
    c.targets += 1;
    if (r.actual !== null) c.withActual += 1;
    if ((targetProgress(r.actual, r.target, r.baseline) ?? 0) >= 1) c.onTrack += 1;
    perCluster.set(r.cluster_id, c);
  }
  return {
    fiscalYear,
    fiscalYears,
    indicators: indicators
      .filter((i) => perIndicator.has(i.key) && isIndicatorKey(i.key))
      .map((i) => {
        const s = perIndicator.get(i.key)!;
        return {
          indicator: i.key as (typeof INDICATOR_KEYS)[number],
          label: { ja: i.label_ja, en: i.label_en },
          unit: i.unit,
          clusters: s.clusters,
          reported: s.reported,
          targetTotal: s.target,
          actualTotal: s.actual,
        };
      }),
    clusters: clusters
      .filter((c) => perCluster.has(c.id))
      .map((c) => ({
        cluster: { key: c.key, name: { ja: c.name_ja, en: c.name_en } },
        ...perCluster.get(c.id)!,
      })),
  };
}
