import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../context';

export interface ReportValueRow {
  report_id: number;
  cluster_id: number;
  fy_from: number;
  fy_to: number;
  status: string;
  report_version: number;
  source: string;
  indicator_key: string;
  value: number;
}

/**
 * The report aliased `r` is current: no later ACCEPTED version supersedes it (a correction still in
 * draft or under review leaves the accepted version current). The one statement of this rule for
 * every read-model; the partial index outcome_reports_supersedes_idx answers it per report.
 */
export const isCurrentVersion = sql<SqlBool>`not exists (select 1 from outcome_reports as newer
  where newer.supersedes_id = r.id and newer.status = 'accepted')`;

/** Reports the public may count (aliased r, with their cluster c): accepted, current, of a published cluster. */
export function currentAcceptedReports(db: Db) {
  return db
    .selectFrom('outcome_reports as r')
    .innerJoin('clusters as c', 'c.id', 'r.cluster_id')
    .where('c.is_published', '=', 1)
    .where('r.status', '=', 'accepted')
    .where(isCurrentVersion);
}

/** The current accepted reports of published clusters (or of one) whose period lies within [from, to]. */
function currentAcceptedReportsWithin(db: Db, from: number, to: number, clusterId?: number) {
  const query = currentAcceptedReports(db).where('r.fy_from', '>=', from).where('r.fy_to', '<=', to);
  return clusterId === undefined ? query : query.where('r.cluster_id', '=', clusterId);
}

export interface ReportPeriodRow {
  report_id: number;
  cluster_id: number;
  fy_from: number;
  fy_to: number;
  source: string;
}

/** The reports the outcome table counts: their cluster, period and source. */
export async function listCurrentAcceptedReportsWithin(
  db: Db,
  from: number,
  to: number,
  clusterId?: number,
): Promise<ReportPeriodRow[]> {
  return currentAcceptedReportsWithin(db, from, to, clusterId)
    .select(['r.id as report_id', 'r.cluster_id', 'r.fy_from', 'r.fy_to', 'r.source'])
    .orderBy('r.cluster_id')
    .orderBy('r.fy_from')
    .execute();
}

/**
 * Each cluster's sum per indicator over those reports, added up by the database: at national scale
 * this returns clusters × indicators rows instead of every value (bench/README.md).
 */
export async function sumCurrentAcceptedValuesWithin(
  db: Db,
  from: number,
  to: number,
  clusterId?: number,
): Promise<{ cluster_id: number; indicator_key: string; total: number }[]> {
  const rows = await currentAcceptedReportsWithin(db, from, to, clusterId)
    .innerJoin('outcome_values as v', 'v.report_id', 'r.id')
    .select(['r.cluster_id', 'v.indicator_key', (eb) => eb.fn.sum<number>('v.value').as('total')])
    .groupBy(['r.cluster_id', 'v.indicator_key'])
    .execute();
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}

/** Every report of one cluster with its values, newest period first. */
export async function listClusterReportValues(
  db: Db,
  clusterId: number,
  statuses: string[],
): Promise<ReportValueRow[]> {
  return db
    .selectFrom('outcome_reports as r')
    .innerJoin('outcome_values as v', 'v.report_id', 'r.id')
    .select([
      'r.id as report_id',
      'r.cluster_id',
      'r.fy_from',
      'r.fy_to',
      'r.status',
      'r.report_version',
      'r.source',
      'v.indicator_key',
      'v.value',
    ])
    .where('r.cluster_id', '=', clusterId)
    .where('r.status', 'in', statuses)
    .orderBy('r.fy_to', 'desc')
    .orderBy('r.report_version', 'desc')
    .execute();
}
