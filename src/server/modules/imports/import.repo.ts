/**
 * Reads and writes of an import's rows: the existing state each chunk is compared with, and the
 * upserts of a commit (ON CONFLICT on the natural key). Outcome items on SQLite go through
 * better-sqlite3 statements prepared once per connection and run once per row, its fastest path
 * (a multi-row Kysely statement of 300 items spent more time compiling than SQLite spent writing).
 * Targets and budget lines are written by the targets and budgets repositories.
 */
import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../../context';
import type { NewOutcomeItem } from '../reports/report.table';

/** Rows per multi-row statement: well inside SQLite's 32,766 bound parameters for the widest table. */
export const BATCH_SIZE = 500;

function batches<T>(rows: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export interface ImportCluster {
  id: number;
  key: string;
  nameJa: string;
  nameEn: string;
  programmeId: number;
}

export async function listClustersForImport(db: Db): Promise<ImportCluster[]> {
  const rows = await db
    .selectFrom('clusters')
    .select(['id', 'key', 'name_ja', 'name_en', 'programme_id'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    programmeId: r.programme_id,
  }));
}

export async function firstProgrammeId(db: Db): Promise<number | null> {
  const row = await db.selectFrom('programmes').select('id').orderBy('id').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export interface ReportState {
  id: number;
  clusterId: number;
  fiscalYear: number;
  status: string;
  researcherCount: number | null;
  /** Goes up with every change of the report or its items (a validated plan checks it is unchanged). */
  version: number;
}

/** The newest version of each cluster's single-year report for the given years. */
export async function findSingleYearReports(
  db: Db,
  pairs: readonly { clusterId: number; fiscalYear: number }[],
): Promise<ReportState[]> {
  if (pairs.length === 0) return [];
  const clusterIds = [...new Set(pairs.map((p) => p.clusterId))];
  const years = [...new Set(pairs.map((p) => p.fiscalYear))];
  const rows = await db
    .selectFrom('outcome_reports')
    .select(['id', 'cluster_id', 'fy_from', 'status', 'researcher_count', 'report_version', 'version'])
    .where('cluster_id', 'in', clusterIds)
    .where('fy_from', 'in', years)
    .whereRef('fy_to', '=', 'fy_from')
    .orderBy('report_version', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const newest = new Map<string, ReportState>();
  for (const r of rows)
    newest.set(`${r.cluster_id}|${r.fy_from}`, {
      id: r.id,
      clusterId: r.cluster_id,
      fiscalYear: r.fy_from,
      status: r.status,
      researcherCount: r.researcher_count,
      version: Number(r.version),
    });
  return [...newest.values()];
}

export async function insertDraftReport(
  db: Db,
  report: { clusterId: number; fiscalYear: number; source: string; createdBy: number | null; now: string },
): Promise<number> {
  const row = await db
    .insertInto('outcome_reports')
    .values({
      cluster_id: report.clusterId,
      fy_from: report.fiscalYear,
      fy_to: report.fiscalYear,
      status: 'draft',
      report_version: 1,
      supersedes_id: null,
      reason: null,
      source: report.source,
      submitted_at: null,
      accepted_at: null,
      researcher_count: null,
      return_comment: null,
      returned_at: null,
      created_by: report.createdBy,
      created_at: report.now,
      updated_at: report.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('outcome_report_events')
    .values({
      report_id: row.id,
      action: 'created',
      comment: report.source,
      account_id: report.createdBy,
      at: report.now,
    })
    .execute();
  return row.id;
}

/** A changed report gets a new version (so a stale edit in the browser is refused) and, if given, its researcher count. */
export async function touchReport(db: Db, id: number, now: string, researcherCount?: number): Promise<void> {
  await db
    .updateTable('outcome_reports')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: now,
      ...(researcherCount !== undefined ? { researcher_count: researcherCount } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function listValues(
  db: Db,
  reportIds: readonly number[],
): Promise<{ report_id: number; indicator_key: string; value: number }[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('outcome_values')
    .select(['report_id', 'indicator_key', 'value'])
    .where('report_id', 'in', [...reportIds])
    .execute();
}

/** Which item kinds each report already has (their indicators are item-backed). */
export async function listItemKinds(
  db: Db,
  reportIds: readonly number[],
): Promise<{ report_id: number; kind: string }[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('outcome_items')
    .select(['report_id', 'kind'])
    .distinct()
    .where('report_id', 'in', [...reportIds])
    .execute();
}

export async function upsertValues(
  db: Db,
  rows: readonly { report_id: number; indicator_key: string; value: number; note: string | null }[],
): Promise<void> {
  for (const batch of batches(rows)) {
    await db
      .insertInto('outcome_values')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['report_id', 'indicator_key']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
      )
      .execute();
  }
}

export type ItemRow = Omit<NewOutcomeItem, 'id' | 'version'>;

/** Existing items by report, kind and natural key; `sqlite` (the same connection's raw handle) takes the prepared path. */
export async function findItems(
  db: Db,
  keys: readonly { reportId: number; kind: string; naturalKey: string }[],
  sqlite: SqliteDatabase.Database | null = null,
): Promise<Record<string, unknown>[]> {
  if (keys.length === 0) return [];
  if (sqlite) {
    const find = itemStatements(sqlite).find;
    const found: Record<string, unknown>[] = [];
    for (const k of keys) {
      const row = find.get(k.reportId, k.kind, k.naturalKey) as Record<string, unknown> | undefined;
      if (row) found.push(row);
    }
    return found;
  }
  // Exact (report, kind, key) tuples: one probe of the unique index each, whatever the reports hold.
  const tuples = keys.map((k) => sql`(cast(${k.reportId} as integer), ${k.kind}, ${k.naturalKey})`);
  return db
    .selectFrom('outcome_items')
    .selectAll()
    .where(sql<boolean>`(report_id, kind, natural_key) in (values ${sql.join(tuples)})`)
    .execute();
}

export const ITEM_DATA_COLUMNS = [
  'title',
  'authors',
  'venue',
  'pub_year',
  'doi',
  'scope',
  'application_number',
  'filing_date',
  'country',
  'patent_status',
  'granted_date',
  'owner_kind',
  'owner_name',
  'recipient',
  'company',
  'launch_date',
  'media',
  'outlet',
  'item_date',
  'programme_name',
  'funder',
  'amount_yen',
  'period_from_fy',
  'period_to_fy',
  'note',
] as const;

/** The columns of an item write, in the order of the parameter arrays upsertItemParameters takes. */
export const ITEM_INSERT_COLUMNS = [
  'report_id',
  'cluster_id',
  'fiscal_year',
  'kind',
  'natural_key',
  ...ITEM_DATA_COLUMNS,
  'created_at',
  'updated_at',
] as const;

interface ItemStatements {
  find: SqliteDatabase.Statement;
  upsert: SqliteDatabase.Statement;
}

const preparedItems = new WeakMap<SqliteDatabase.Database, ItemStatements>();

/** The item statements of one SQLite connection, prepared on first use. */
function itemStatements(sqlite: SqliteDatabase.Database): ItemStatements {
  let statements = preparedItems.get(sqlite);
  if (!statements) {
    statements = {
      find: sqlite.prepare(
        'select * from outcome_items where report_id = ? and kind = ? and natural_key = ?',
      ),
      upsert: sqlite.prepare(
        `insert into outcome_items (${ITEM_INSERT_COLUMNS.join(', ')})
         values (${ITEM_INSERT_COLUMNS.map(() => '?').join(', ')})
         on conflict (report_id, kind, natural_key) do update set
           ${ITEM_DATA_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')},
           version = outcome_items.version + 1, updated_at = excluded.updated_at`,
      ),
    };
    preparedItems.set(sqlite, statements);
  }
  return statements;
}

/**
 * Writes items given as parameter arrays in ITEM_INSERT_COLUMNS order (a validated plan's rows):
 * on SQLite straight into the prepared statement, elsewhere as multi-row upserts.
 */
export async function upsertItemParameters(
  db: Db,
  rows: readonly (readonly unknown[])[],
  sqlite: SqliteDatabase.Database | null,
): Promise<void> {
  if (sqlite) {
    const upsert = itemStatements(sqlite).upsert;
    for (const row of rows) upsert.run(row);
    return;
  }
  await upsertItems(
    db,
    rows.map((row) => Object.fromEntries(ITEM_INSERT_COLUMNS.map((c, i) => [c, row[i] ?? null])) as ItemRow),
    null,
  );
}

/** Writes items (insert, or update by natural key); `sqlite` takes the prepared path. */
export async function upsertItems(
  db: Db,
  rows: readonly ItemRow[],
  sqlite: SqliteDatabase.Database | null = null,
): Promise<void> {
  if (sqlite) {
    const upsert = itemStatements(sqlite).upsert;
    const parameters: unknown[] = new Array(ITEM_INSERT_COLUMNS.length);
    for (const row of rows) {
      for (let i = 0; i < ITEM_INSERT_COLUMNS.length; i += 1)
        parameters[i] = (row as Record<string, unknown>)[ITEM_INSERT_COLUMNS[i]!] ?? null;
      upsert.run(parameters);
    }
    return;
  }
  for (const batch of batches(rows, 300)) {
    await db
      .insertInto('outcome_items')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['report_id', 'kind', 'natural_key']).doUpdateSet((eb) => ({
          ...Object.fromEntries(ITEM_DATA_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
          version: sql<number>`outcome_items.version + 1`,
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** The fields of the reports' items that decide their item-backed indicator values. */
export async function listCountingFieldsOfItems(db: Db, reportIds: readonly number[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('outcome_items')
    .select([
      'report_id',
      'kind',
      'scope',
      'media',
      'patent_status',
      'country',
      'filing_date',
      'granted_date',
      'launch_date',
      'amount_yen',
    ])
    .where('report_id', 'in', [...reportIds])
    .execute();
}

export async function reportPeriods(db: Db, reportIds: readonly number[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('outcome_reports')
    .select(['id', 'fy_from', 'fy_to'])
    .where('id', 'in', [...reportIds])
    .execute();
}

export async function findTargets(
  db: Db,
  keys: readonly { clusterId: number; indicator: string; fiscalYear: number }[],
) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('targets')
    .select(['cluster_id', 'indicator_key', 'fiscal_year', 'baseline', 'target', 'note'])
    .where('cluster_id', 'in', [...new Set(keys.map((k) => k.clusterId))])
    .where('fiscal_year', 'in', [...new Set(keys.map((k) => k.fiscalYear))])
    .execute();
}

export async function findBudgetLines(db: Db, lineKeys: readonly string[]) {
  if (lineKeys.length === 0) return [];
  return db
    .selectFrom('budget_lines')
    .select(['line_key', 'amount_yen', 'note', 'source'])
    .where('line_key', 'in', [...lineKeys])
    .execute();
}

interface FinishStatements {
  upsertValue: SqliteDatabase.Statement;
  touch: SqliteDatabase.Statement;
  touchWithCount: SqliteDatabase.Statement;
}

const preparedFinish = new WeakMap<SqliteDatabase.Database, FinishStatements>();

/**
 * The statements the end of a commit runs once per changed report, prepared once per SQLite
 * connection: with thousands of reports, compiling each through Kysely cost more than running it.
 */
function finishStatements(sqlite: SqliteDatabase.Database): FinishStatements {
  let statements = preparedFinish.get(sqlite);
  if (!statements) {
    statements = {
      upsertValue: sqlite.prepare(
        `insert into outcome_values (report_id, indicator_key, value, note) values (?, ?, ?, null)
         on conflict (report_id, indicator_key) do update set value = excluded.value`,
      ),
      touch: sqlite.prepare('update outcome_reports set version = version + 1, updated_at = ? where id = ?'),
      touchWithCount: sqlite.prepare(
        'update outcome_reports set version = version + 1, updated_at = ?, researcher_count = ? where id = ?',
      ),
    };
    preparedFinish.set(sqlite, statements);
  }
  return statements;
}

export async function upsertValuesOn(
  db: Db,
  rows: readonly { report_id: number; indicator_key: string; value: number; note: string | null }[],
  sqlite: SqliteDatabase.Database | null,
): Promise<void> {
  if (!sqlite) return upsertValues(db, rows);
  const upsert = finishStatements(sqlite).upsertValue;
  for (const row of rows) upsert.run(row.report_id, row.indicator_key, row.value);
}

export async function touchReportOn(
  db: Db,
  id: number,
  now: string,
  researcherCount: number | undefined,
  sqlite: SqliteDatabase.Database | null,
): Promise<void> {
  if (!sqlite) return touchReport(db, id, now, researcherCount);
  const statements = finishStatements(sqlite);
  if (researcherCount === undefined) statements.touch.run(now, id);
  else statements.touchWithCount.run(now, researcherCount, id);
}

/** The (kind, natural key) of every item of the given reports, to probe only items that exist. */
export async function listItemKeys(
  db: Db,
  reportIds: readonly number[],
): Promise<{ report_id: number; kind: string; natural_key: string }[]> {
  const found: { report_id: number; kind: string; natural_key: string }[] = [];
  for (const batch of batches(reportIds)) {
    found.push(
      ...(await db
        .selectFrom('outcome_items')
        .select(['report_id', 'kind', 'natural_key'])
        .where('report_id', 'in', batch)
        .execute()),
    );
  }
  return found;
}
