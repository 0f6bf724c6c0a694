import { type Insertable, sql, type Updateable } from 'kysely';
import { budgetLineKey, type BudgetKind } from '../../../domain/budget';
import type { Db } from '../../context';
import type { Database } from '../../db/schema';
import type { BudgetLineRow } from './budget.table';

export interface BudgetLineFilter {
  clusterId?: number | undefined;
  level?: 'programme' | 'cluster' | undefined;
  fyFrom?: number | undefined;
  fyTo?: number | undefined;
  kind?: string | undefined;
  /**
   * Lines of unpublished clusters the reader may see: all (true), none (false) or these clusters'.
   * Programme lines and published clusters' lines are public.
   */
  unpublished: boolean | number[];
}

export interface BudgetLineWithCluster extends BudgetLineRow {
  cluster_key: string | null;
  cluster_name_ja: string | null;
  cluster_name_en: string | null;
}

function filtered(db: Db, filter: BudgetLineFilter) {
  let query = db.selectFrom('budget_lines as b').leftJoin('clusters as c', 'c.id', 'b.cluster_id');
  if (filter.unpublished !== true) {
    const ids = filter.unpublished === false ? [] : filter.unpublished;
    query = query.where((eb) =>
      eb.or([
        eb('b.cluster_id', 'is', null),
        eb('c.is_published', '=', 1),
        ...(ids.length > 0 ? [eb('b.cluster_id', 'in', ids)] : []),
      ]),
    );
  }
  if (filter.clusterId !== undefined) query = query.where('b.cluster_id', '=', filter.clusterId);
  if (filter.level === 'programme') query = query.where('b.cluster_id', 'is', null);
  if (filter.level === 'cluster') query = query.where('b.cluster_id', 'is not', null);
  if (filter.fyFrom !== undefined) query = query.where('b.fiscal_year', '>=', filter.fyFrom);
  if (filter.fyTo !== undefined) query = query.where('b.fiscal_year', '<=', filter.fyTo);
  if (filter.kind !== undefined) query = query.where('b.kind', '=', filter.kind);
  return query;
}

/** A page of the ledger (newest fiscal year first, programme lines before cluster lines), its size and sum. */
export async function listBudgetLines(
  db: Db,
  filter: BudgetLineFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: BudgetLineWithCluster[]; total: number; totalYen: number }> {
  const query = filtered(db, filter);
  const [rows, count] = await Promise.all([
    query
      .selectAll('b')
      .select(['c.key as cluster_key', 'c.name_ja as cluster_name_ja', 'c.name_en as cluster_name_en'])
      .orderBy('b.fiscal_year', 'desc')
      // NULLs sort differently on the two engines, so order by a flag.
      .orderBy(sql`case when b.cluster_id is null then 0 else 1 end`)
      .orderBy('c.start_fy')
      .orderBy('b.cluster_id')
      .orderBy('b.kind')
      .orderBy('b.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.coalesce(eb.fn.sum<number>('b.amount_yen'), sql<number>`0`).as('yen'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, amount_yen: Number(r.amount_yen) })),
    total: Number(count.n),
    totalYen: Number(count.yen),
  };
}

export async function findBudgetLine(db: Db, id: number): Promise<BudgetLineWithCluster | undefined> {
  const row = await db
    .selectFrom('budget_lines as b')
    .leftJoin('clusters as c', 'c.id', 'b.cluster_id')
    .selectAll('b')
    .select(['c.key as cluster_key', 'c.name_ja as cluster_name_ja', 'c.name_en as cluster_name_en'])
    .where('b.id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, amount_yen: Number(row.amount_yen) } : undefined;
}

export async function findBudgetLineByKey(db: Db, lineKey: string): Promise<BudgetLineRow | undefined> {
  return db.selectFrom('budget_lines').selectAll().where('line_key', '=', lineKey).executeTakeFirst();
}

export async function insertBudgetLine(
  db: Db,
  row: Insertable<Database['budget_lines']>,
): Promise<BudgetLineRow> {
  return db.insertInto('budget_lines').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateBudgetLineAtVersion(
  db: Db,
  id: number,
  version: number,
  changes: Updateable<Database['budget_lines']>,
): Promise<BudgetLineRow | undefined> {
  return db
    .updateTable('budget_lines')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteBudgetLineAtVersion(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('budget_lines')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export interface BudgetTotalRow {
  cluster_id: number | null;
  fiscal_year: number;
  kind: string;
  total: number;
}

/** Sums per scope, fiscal year and kind, added up by the database. */
export async function sumBudgetLines(db: Db, filter: BudgetLineFilter): Promise<BudgetTotalRow[]> {
  const rows = await filtered(db, filter)
    .select([
      'b.cluster_id',
      'b.fiscal_year',
      'b.kind',
      (eb) => eb.fn.sum<number>('b.amount_yen').as('total'),
    ])
    .groupBy(['b.cluster_id', 'b.fiscal_year', 'b.kind'])
    .execute();
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}

/** The first and last fiscal year in the visible ledger, or undefined when it is empty. */
export async function budgetFiscalYearSpan(
  db: Db,
  filter: BudgetLineFilter,
): Promise<{ from: number; to: number } | undefined> {
  const row = await filtered(db, filter)
    .select((eb) => [
      eb.fn.min<number>('b.fiscal_year').as('from'),
      eb.fn.max<number>('b.fiscal_year').as('to'),
    ])
    .executeTakeFirst();
  if (!row || row.from === null || row.to === null) return undefined;
  return { from: Number(row.from), to: Number(row.to) };
}

/** How many lines match, to refuse an oversized download before reading them. */
export async function countBudgetLines(db: Db, filter: BudgetLineFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------------------------------------
// Bulk import

/** A ledger line as the importer hands it over; its line_key is derived here. */
export interface BudgetLineUpsert {
  programmeId: number;
  clusterId: number | null;
  fiscalYear: number;
  kind: BudgetKind;
  amountYen: number;
  source: string;
  note: string | null;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 500;

/**
 * Writes ledger lines by line_key (scope|FY|kind|source), ~500 rows per statement: new lines are
 * inserted, changed ones (amount, note, source spelling) updated with their version bumped, equal
 * ones left alone, so the same file imported twice changes nothing. A later row with the same key
 * wins over an earlier one. No audit here: the caller audits the import as a whole inside `trx`.
 */
export async function upsertBudgetLines(
  trx: Db,
  rows: readonly BudgetLineUpsert[],
  at: string = new Date().toISOString(),
): Promise<UpsertCounts> {
  const latest = new Map<string, BudgetLineUpsert & { lineKey: string }>();
  for (const row of rows) {
    const lineKey = budgetLineKey(row.clusterId, row.fiscalYear, row.kind, row.source);
    latest.set(lineKey, { ...row, source: row.source.trim(), lineKey });
  }
  const unique = [...latest.values()];
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };

  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const existing = await trx
      .selectFrom('budget_lines')
      .select(['line_key', 'amount_yen', 'source', 'note'])
      .where(
        'line_key',
        'in',
        chunk.map((r) => r.lineKey),
      )
      .execute();
    const byKey = new Map(existing.map((e) => [e.line_key, e]));
    const writes = chunk.filter((row) => {
      const current = byKey.get(row.lineKey);
      if (!current) {
        counts.inserted += 1;
        return true;
      }
      const same =
        Number(current.amount_yen) === row.amountYen &&
        current.source === row.source &&
        (current.note ?? null) === (row.note ?? null);
      if (same) counts.unchanged += 1;
      else counts.updated += 1;
      return !same;
    });
    if (writes.length === 0) continue;
    await trx
      .insertInto('budget_lines')
      .values(
        writes.map((r) => ({
          programme_id: r.programmeId,
          cluster_id: r.clusterId,
          fiscal_year: r.fiscalYear,
          kind: r.kind,
          amount_yen: r.amountYen,
          source: r.source,
          note: r.note,
          line_key: r.lineKey,
          created_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.column('line_key').doUpdateSet((eb) => ({
          amount_yen: eb.ref('excluded.amount_yen'),
          source: eb.ref('excluded.source'),
          note: eb.ref('excluded.note'),
          updated_at: eb.ref('excluded.updated_at'),
          version: sql<number>`budget_lines.version + 1`,
        })),
      )
      .execute();
  }
  return counts;
}
