/** Yearly outcome reports, their values and their workflow trail: the only SQL of the reports feature besides items and deadlines. */
import type { ExpressionBuilder, Updateable } from 'kysely';
import type { Db } from '../../context';
import type { Database } from '../../db/schema';
import type { NewOutcomeReport, OutcomeReportRow } from '../outcomes/outcome.table';
import type { OutcomeReportEventRow } from './report.table';

/** A report with its cluster and the accepted version that replaced it, if any. */
export interface ReportRecord extends OutcomeReportRow {
  cluster_key: string;
  cluster_name_ja: string;
  cluster_name_en: string;
  cluster_is_published: number;
  superseded_by_id: number | null;
  /** A newer version not yet accepted (an open correction): shown only to those who see drafts. */
  open_successor_id: number | null;
}

/** Statuses in which headquarters may still change a report. */
export const EDITABLE_STATUSES = ['draft', 'returned'] as const;

type ReportScope = ExpressionBuilder<Database & { r: Database['outcome_reports'] }, 'r'>;

/** The accepted report that names `r` as the version it supersedes. */
function acceptedSuccessor(eb: ReportScope) {
  return eb
    .selectFrom('outcome_reports as newer')
    .select('newer.id')
    .whereRef('newer.supersedes_id', '=', 'r.id')
    .where('newer.status', '=', 'accepted')
    .limit(1);
}

/** The newer version of `r` still being prepared or reviewed (at most one: see report-workflow.service). */
function openSuccessor(eb: ReportScope) {
  return eb
    .selectFrom('outcome_reports as newer')
    .select('newer.id')
    .whereRef('newer.supersedes_id', '=', 'r.id')
    .where('newer.status', '!=', 'accepted')
    .limit(1);
}

function reportsWithCluster(db: Db) {
  return db
    .selectFrom('outcome_reports as r')
    .innerJoin('clusters as c', 'c.id', 'r.cluster_id')
    .selectAll('r')
    .select([
      'c.key as cluster_key',
      'c.name_ja as cluster_name_ja',
      'c.name_en as cluster_name_en',
      'c.is_published as cluster_is_published',
      (eb) => acceptedSuccessor(eb).as('superseded_by_id'),
      (eb) => openSuccessor(eb).as('open_successor_id'),
    ]);
}

export async function findReport(db: Db, id: number): Promise<ReportRecord | undefined> {
  return reportsWithCluster(db).where('r.id', '=', id).executeTakeFirst();
}

export interface ReportFilter {
  clusterKey?: string | undefined;
  fy?: number | undefined;
  status?: string | undefined;
  /** Only these clusters' reports (headquarters), or every cluster's ('all'). */
  clusterIds: number[] | 'all';
}

export async function listReports(
  db: Db,
  filter: ReportFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ReportRecord[]; total: number }> {
  if (filter.clusterIds !== 'all' && filter.clusterIds.length === 0) return { rows: [], total: 0 };
  let query = reportsWithCluster(db);
  let count = db
    .selectFrom('outcome_reports as r')
    .innerJoin('clusters as c', 'c.id', 'r.cluster_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  // The same conditions on both queries; kysely's builders are immutable, so apply them twice.
  const where = <Q extends typeof query | typeof count>(q: Q): Q => {
    let out = q as typeof query;
    if (filter.clusterIds !== 'all') out = out.where('r.cluster_id', 'in', filter.clusterIds);
    if (filter.clusterKey) out = out.where('c.key', '=', filter.clusterKey);
    if (filter.fy !== undefined)
      out = out.where('r.fy_from', '<=', filter.fy).where('r.fy_to', '>=', filter.fy);
    if (filter.status) out = out.where('r.status', '=', filter.status);
    return out as Q;
  };
  query = where(query);
  count = where(count);
  const [rows, n] = await Promise.all([
    query
      .orderBy('r.fy_to', 'desc')
      .orderBy('c.key')
      .orderBy('r.report_version', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(n.n) };
}

/** Every version of a cluster's report for one period, oldest first. */
export async function listReportChain(
  db: Db,
  clusterId: number,
  fyFrom: number,
  fyTo: number,
): Promise<ReportRecord[]> {
  return reportsWithCluster(db)
    .where('r.cluster_id', '=', clusterId)
    .where('r.fy_from', '=', fyFrom)
    .where('r.fy_to', '=', fyTo)
    .orderBy('r.report_version')
    .execute();
}

/** The reports of these clusters whose period contains the fiscal year (reporting status, home page). */
export async function listReportsCovering(
  db: Db,
  clusterIds: number[] | 'all',
  fromFy: number,
  toFy: number,
): Promise<ReportRecord[]> {
  if (clusterIds !== 'all' && clusterIds.length === 0) return [];
  let query = reportsWithCluster(db).where('r.fy_from', '<=', toFy).where('r.fy_to', '>=', fromFy);
  if (clusterIds !== 'all') query = query.where('r.cluster_id', 'in', clusterIds);
  return query.orderBy('r.report_version').execute();
}

/** Reports that name this one as the version they supersede (an open correction or the accepted successor). */
export async function listSuccessors(db: Db, id: number): Promise<OutcomeReportRow[]> {
  return db.selectFrom('outcome_reports').selectAll().where('supersedes_id', '=', id).execute();
}

export async function insertReport(db: Db, row: NewOutcomeReport): Promise<OutcomeReportRow> {
  return db.insertInto('outcome_reports').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Changes a report only at the expected version and in one of the given statuses; undefined means
 * someone else changed it first or its status no longer allows the change.
 */
export async function updateReportWhere(
  db: Db,
  id: number,
  expected: { version?: number; statuses: readonly string[] },
  changes: Updateable<Database['outcome_reports']>,
): Promise<OutcomeReportRow | undefined> {
  let query = db
    .updateTable('outcome_reports')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', [...expected.statuses]);
  if (expected.version !== undefined) query = query.where('version', '=', expected.version);
  return query.returningAll().executeTakeFirst();
}

export interface ValueRow {
  indicator_key: string;
  value: number;
  note: string | null;
}

export async function listValues(db: Db, reportId: number): Promise<ValueRow[]> {
  return db
    .selectFrom('outcome_values')
    .select(['indicator_key', 'value', 'note'])
    .where('report_id', '=', reportId)
    .execute();
}

/** Sets one indicator's value (and note) of a report, replacing what was there. */
export async function upsertValue(db: Db, reportId: number, row: ValueRow): Promise<void> {
  await db
    .insertInto('outcome_values')
    .values({ report_id: reportId, ...row })
    .onConflict((oc) =>
      oc.columns(['report_id', 'indicator_key']).doUpdateSet({ value: row.value, note: row.note }),
    )
    .execute();
}

export async function deleteValues(db: Db, reportId: number, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .deleteFrom('outcome_values')
    .where('report_id', '=', reportId)
    .where('indicator_key', 'in', keys)
    .execute();
}

export async function insertValues(db: Db, reportId: number, rows: ValueRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('outcome_values')
    .values(rows.map((r) => ({ report_id: reportId, ...r })))
    .execute();
}

export async function insertEvent(
  db: Db,
  row: { report_id: number; action: string; comment: string | null; account_id: number | null; at: string },
): Promise<void> {
  await db.insertInto('outcome_report_events').values(row).execute();
}

export interface EventRecord extends OutcomeReportEventRow {
  display_name: string | null;
}

export async function listEvents(db: Db, reportId: number): Promise<EventRecord[]> {
  return db
    .selectFrom('outcome_report_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.account_id')
    .selectAll('e')
    .select('a.display_name')
    .where('e.report_id', '=', reportId)
    .orderBy('e.id')
    .execute();
}

/**
 * The cluster's values from current accepted single-year reports of fiscal years before `fy`,
 * oldest first: the history a new value is compared with.
 */
export async function listAcceptedHistory(
  db: Db,
  clusterId: number,
  fy: number,
): Promise<{ fy_from: number; indicator_key: string; value: number }[]> {
  return db
    .selectFrom('outcome_reports as r')
    .innerJoin('outcome_values as v', 'v.report_id', 'r.id')
    .select(['r.fy_from', 'v.indicator_key', 'v.value'])
    .where('r.cluster_id', '=', clusterId)
    .where('r.status', '=', 'accepted')
    .whereRef('r.fy_from', '=', 'r.fy_to')
    .where('r.fy_from', '<', fy)
    .where((eb) => eb.not(eb.exists(acceptedSuccessor(eb))))
    .orderBy('r.fy_from')
    .execute();
}

/** DOIs and application numbers in the cluster's reports for other periods (duplicates across years). */
export async function listIdentifiersOutsidePeriod(
  db: Db,
  clusterId: number,
  fyFrom: number,
  fyTo: number,
): Promise<{ doi: string | null; application_number: string | null }[]> {
  return db
    .selectFrom('outcome_items as i')
    .innerJoin('outcome_reports as r', 'r.id', 'i.report_id')
    .select(['i.doi', 'i.application_number'])
    .distinct()
    .where('i.cluster_id', '=', clusterId)
    .where((eb) => eb.or([eb('r.fy_from', '!=', fyFrom), eb('r.fy_to', '!=', fyTo)]))
    .where((eb) => eb.or([eb('i.doi', 'is not', null), eb('i.application_number', 'is not', null)]))
    .execute();
}
