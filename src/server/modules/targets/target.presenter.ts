import type { Target } from '../../../contracts/targets';
import { targetProgress } from '../../../domain/budget';
import { isIndicatorKey } from '../../../domain/indicators';
import type { TargetRow } from './target.table';

/** A target with the actual of its year's accepted report (or none) and the progress toward it. */
export function toTarget(row: TargetRow, actual: { value: number; reportId: number } | undefined): Target {
  if (!isIndicatorKey(row.indicator_key)) throw new Error(`unknown indicator ${row.indicator_key}`);
  const baseline = row.baseline === null ? null : Number(row.baseline);
  const target = Number(row.target);
  const value = actual?.value ?? null;
  return {
    id: row.id,
    indicator: row.indicator_key,
    fiscalYear: row.fiscal_year,
    baseline,
    target,
    note: row.note,
    actual: value,
    actualReportId: actual?.reportId ?? null,
    progress: targetProgress(value, target, baseline),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a target. */
export function targetSnapshot(row: TargetRow) {
  return {
    clusterId: row.cluster_id,
    indicator: row.indicator_key,
    fiscalYear: row.fiscal_year,
    baseline: row.baseline === null ? null : Number(row.baseline),
    target: Number(row.target),
    note: row.note,
    version: row.version,
  };
}
