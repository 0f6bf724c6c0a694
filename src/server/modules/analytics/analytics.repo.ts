/**
 * The analytics' reads, each one aggregated query whatever the number of clusters: at national
 * scale (1,000 clusters × 10 fiscal years) the database returns one row per cluster and period
 * instead of every report or ledger line.
 */
import { sql } from 'kysely';
import type { Db } from '../../context';
import { currentAcceptedReports } from '../outcomes/outcome.repo';

export interface ClusterPeriodRow {
  cluster_id: number;
  fy_from: number;
  fy_to: number;
  value: number;
  researchers: number | null;
  value_with_researchers: number;
}

/**
 * One indicator per cluster and reporting period, over current accepted reports lying wholly in
 * [from, to] (a multi-year report that crosses the range's edge cannot be split, so it is left out).
 */
export async function sumIndicatorByClusterPeriod(
  db: Db,
  indicator: string,
  from: number,
  to: number,
): Promise<ClusterPeriodRow[]> {
  const rows = await currentAcceptedReports(db)
    .innerJoin('outcome_values as v', (join) =>
      join.onRef('v.report_id', '=', 'r.id').on('v.indicator_key', '=', indicator),
    )
    .where('r.fy_from', '>=', from)
    .where('r.fy_to', '<=', to)
    .select((eb) => [
      'r.cluster_id',
      'r.fy_from',
      'r.fy_to',
      eb.fn.sum<number | string>('v.value').as('value'),
      eb.fn.sum<number | string | null>('r.researcher_count').as('researchers'),
      sql<number | string>`sum(case when r.researcher_count is not null then v.value else 0 end)`.as(
        'value_with_researchers',
      ),
    ])
    .groupBy(['r.cluster_id', 'r.fy_from', 'r.fy_to'])
    .execute();
  // PostgreSQL returns sums of bigint/integer as numeric strings.
  return rows.map((r) => ({
    cluster_id: r.cluster_id,
    fy_from: r.fy_from,
    fy_to: r.fy_to,
    value: Number(r.value),
    researchers: r.researchers === null ? null : Number(r.researchers),
    value_with_researchers: Number(r.value_with_researchers),
  }));
}

/** MEXT subsidy per published cluster and fiscal year in [from, to], summed over its ledger lines. */
export async function sumSubsidyByClusterYear(
  db: Db,
  from: number,
  to: number,
): Promise<{ cluster_id: number; fiscal_year: number; amount_yen: number }[]> {
  const rows = await db
    .selectFrom('budget_lines as b')
    .innerJoin('clusters as c', 'c.id', 'b.cluster_id')
    .where('c.is_published', '=', 1)
    .where('b.kind', '=', 'mext_subsidy')
    .where('b.fiscal_year', '>=', from)
    .where('b.fiscal_year', '<=', to)
    .select((eb) => [
      'b.cluster_id',
      'b.fiscal_year',
      eb.fn.sum<number | string>('b.amount_yen').as('amount'),
    ])
    .groupBy(['b.cluster_id', 'b.fiscal_year'])
    .execute();
  return rows.map((r) => ({
    cluster_id: r.cluster_id!,
    fiscal_year: r.fiscal_year,
    amount_yen: Number(r.amount),
  }));
}
