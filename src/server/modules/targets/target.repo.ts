import { sql } from 'kysely';
import type { Db } from '../../context';
import { isCurrentVersion } from '../outcomes/outcome.repo';
import type { TargetRow } from './target.table';

export async function listTargets(db: Db, clusterId: number): Promise<TargetRow[]> {
  return db
    .selectFrom('targets')
    .selectAll()
    .where('cluster_id', '=', clusterId)
    .orderBy('indicator_key')
    .orderBy('fiscal_year')
    .execute();
}

export async function findTarget(db: Db, id: number): Promise<TargetRow | undefined> {
  return db.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface TargetValues {
  baseline: number | null;
  target: number;
  note: string | null;
}

export async function insertTarget(
  db: Db,
  row: { clusterId: number; indicator: string; fiscalYear: number; at: string } & TargetValues,
): Promise<TargetRow> {
  return db
    .insertInto('targets')
    .values({
      cluster_id: row.clusterId,
      indicator_key: row.indicator,
      fiscal_year: row.fiscalYear,
      baseline: row.baseline,
      target: row.target,
      note: row.note,
      created_at: row.at,
      updated_at: row.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateTargetAtVersion(
  db: Db,
  id: number,
  version: number,
  values: TargetValues & { at: string },
): Promise<TargetRow | undefined> {
  return db
    .updateTable('targets')
    .set({
      baseline: values.baseline,
      target: values.target,
      note: values.note,
      updated_at: values.at,
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteTargetAtVersion(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('targets')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * The current accepted single-year reports of a fiscal-year range: accepted, covering exactly one
 * year, and not superseded by a later accepted version. Multi-year reports (the seed's
 * FY2002–FY2004 table) cannot be split by year, so they give no actual for a yearly target.
 */
function currentAcceptedYearReports(db: Db) {
  return db
    .selectFrom('outcome_reports as r')
    .where('r.status', '=', 'accepted')
    .whereRef('r.fy_from', '=', 'r.fy_to')
    .where(isCurrentVersion);
}

export interface ActualRow {
  cluster_id: number;
  fiscal_year: number;
  report_id: number;
  report_version: number;
  indicator_key: string;
  value: number;
}

/** Every value of the cluster's current accepted single-year reports, newest version first per year. */
export async function listClusterActuals(db: Db, clusterId: number): Promise<ActualRow[]> {
  const rows = await currentAcceptedYearReports(db)
    .innerJoin('outcome_values as v', 'v.report_id', 'r.id')
    .select([
      'r.cluster_id',
      'r.fy_from as fiscal_year',
      'r.id as report_id',
      'r.report_version',
      'v.indicator_key',
      'v.value',
    ])
    .where('r.cluster_id', '=', clusterId)
    .orderBy('r.fy_from')
    .orderBy('r.report_version', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

export interface TargetWithActualRow {
  cluster_id: number;
  indicator_key: string;
  baseline: number | null;
  target: number;
  /** The actual of the newest current accepted report, or null. */
  actual: number | null;
}

/**
 * Every target of a fiscal year with its actual, for the programme view. The actual is the value of
 * the highest current accepted report version of that cluster and year (there is normally one).
 */
export async function listTargetsWithActualsOfYear(
  db: Db,
  fiscalYear: number,
  clusterIds: number[] | true,
): Promise<TargetWithActualRow[]> {
  if (clusterIds !== true && clusterIds.length === 0) return [];
  let query = db
    .selectFrom('targets as t')
    .select(['t.cluster_id', 't.indicator_key', 't.baseline', 't.target'])
    .select((eb) =>
      currentAcceptedYearReports(db)
        .innerJoin('outcome_values as v', 'v.report_id', 'r.id')
        .select('v.value')
        .where('r.cluster_id', '=', eb.ref('t.cluster_id'))
        .where('v.indicator_key', '=', eb.ref('t.indicator_key'))
        .where('r.fy_from', '=', eb.ref('t.fiscal_year'))
        .orderBy('r.report_version', 'desc')
        .limit(1)
        .as('actual'),
    )
    .where('t.fiscal_year', '=', fiscalYear);
  if (clusterIds !== true) query = query.where('t.cluster_id', 'in', clusterIds);
  const rows = await query.orderBy('t.cluster_id').orderBy('t.indicator_key').execute();
  return rows.map((r) => ({
    cluster_id: r.cluster_id,
    indicator_key: r.indicator_key,
    baseline: r.baseline === null ? null : Number(r.baseline),
    target: Number(r.target),
    actual: r.actual === null || r.actual === undefined ? null : Number(r.actual),
  }));
}

/** The fiscal years that have any target among these clusters, ascending, and whether any of them has an actual. */
export async function listTargetFiscalYears(
  db: Db,
  clusterIds: number[] | true,
): Promise<{ fiscalYear: number; hasActual: boolean }[]> {
  if (clusterIds !== true && clusterIds.length === 0) return [];
  let query = db
    .selectFrom('targets as t')
    .select((eb) => [
      't.fiscal_year',
      eb.fn
        .max(
          eb
            .case()
            .when(
              eb.exists(
                currentAcceptedYearReports(db)
                  .select('r.id')
                  .where('r.cluster_id', '=', eb.ref('t.cluster_id'))
                  .where('r.fy_from', '=', eb.ref('t.fiscal_year')),
              ),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('has_actual'),
    ])
    .groupBy('t.fiscal_year');
  if (clusterIds !== true) query = query.where('t.cluster_id', 'in', clusterIds);
  const rows = await query.orderBy('t.fiscal_year').execute();
  return rows.map((r) => ({ fiscalYear: r.fiscal_year, hasActual: Number(r.has_actual) === 1 }));
}

// ---------------------------------------------------------------------------------------------
// Bulk import

/** A target as the importer hands it over. */
export interface TargetUpsert {
  clusterId: number;
  indicator: string;
  fiscalYear: number;
  baseline: number | null;
  target: number;
  note: string | null;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 500;

function targetIdentity(row: { clusterId: number; indicator: string; fiscalYear: number }): string {
  return `${row.clusterId}|${row.indicator}|${row.fiscalYear}`;
}

/**
 * Writes targets by their identity (cluster, indicator, fiscal year), ~500 rows per statement: new
 * ones are inserted, changed ones updated with their version bumped, equal ones left alone, so the
 * same file imported twice changes nothing. A later row with the same identity wins over an earlier
 * one. No audit here: the caller (the importer) audits the import as a whole inside `trx`.
 */
export async function upsertTargets(
  trx: Db,
  rows: readonly TargetUpsert[],
  at: string = new Date().toISOString(),
): Promise<UpsertCounts> {
  const latest = new Map<string, TargetUpsert>();
  for (const row of rows) latest.set(targetIdentity(row), row);
  const unique = [...latest.values()];
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };

  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const clusterIds = [...new Set(chunk.map((r) => r.clusterId))];
    const fiscalYears = [...new Set(chunk.map((r) => r.fiscalYear))];
    // A superset of the chunk's existing rows, read with two small IN lists.
    const existing = await trx
      .selectFrom('targets')
      .select(['cluster_id', 'indicator_key', 'fiscal_year', 'baseline', 'target', 'note'])
      .where('cluster_id', 'in', clusterIds)
      .where('fiscal_year', 'in', fiscalYears)
      .execute();
    const byIdentity = new Map(
      existing.map((e) => [
        targetIdentity({ clusterId: e.cluster_id, indicator: e.indicator_key, fiscalYear: e.fiscal_year }),
        e,
      ]),
    );
    const writes = chunk.filter((row) => {
      const current = byIdentity.get(targetIdentity(row));
      if (!current) {
        counts.inserted += 1;
        return true;
      }
      const same =
        (current.baseline === null ? null : Number(current.baseline)) === row.baseline &&
        Number(current.target) === row.target &&
        (current.note ?? null) === (row.note ?? null);
      if (same) counts.unchanged += 1;
      else counts.updated += 1;
      return !same;
    });
    if (writes.length === 0) continue;
    await trx
      .insertInto('targets')
      .values(
        writes.map((r) => ({
          cluster_id: r.clusterId,
          indicator_key: r.indicator,
          fiscal_year: r.fiscalYear,
          baseline: r.baseline,
          target: r.target,
          note: r.note,
          created_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cluster_id', 'indicator_key', 'fiscal_year']).doUpdateSet((eb) => ({
          baseline: eb.ref('excluded.baseline'),
          target: eb.ref('excluded.target'),
          note: eb.ref('excluded.note'),
          updated_at: eb.ref('excluded.updated_at'),
          version: sql<number>`targets.version + 1`,
        })),
      )
      .execute();
  }
  return counts;
}
