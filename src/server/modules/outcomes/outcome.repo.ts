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
 * Values of the current version of each accepted report whose period lies within [from, to], for
 * published clusters. A later version supersedes an earlier one through `supersedes_id`.
 */
export async function listAcceptedValuesWithin(db: Db, from: number, to: number): Promise<ReportValueRow[]> {
  return db
    .selectFrom('outcome_reports as r')
    .innerJoin('clusters as c', 'c.id', 'r.cluster_id')
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
    .where('c.is_published', '=', 1)
    .where('r.status', '=', 'accepted')
    .where('r.fy_from', '>=', from)
    .where('r.fy_to', '<=', to)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('outcome_reports as newer')
            .select('newer.id')
            .whereRef('newer.supersedes_id', '=', 'r.id')
            .where('newer.status', '=', 'accepted'),
        ),
      ),
    )
    .orderBy('r.cluster_id')
    .execute();
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
