/**
 * The budget ledger: the ministry's record of money per cluster (or the programme) and fiscal year,
 * by kind and with its source. Officers keep it; everyone reads the lines of published clusters and
 * the programme's own lines.
 */
import {
  type BudgetExportQuery,
  type BudgetLine,
  type BudgetListQuery,
  type BudgetPage,
  type BudgetSummaryQuery,
  type BudgetSummaryResponse,
  type CreateBudgetLineBody,
  MAX_BUDGET_EXPORT_LINES,
  type UpdateBudgetLineBody,
} from '../../../contracts/budgets';
import { BUDGET_KINDS, type BudgetKind, budgetLineKey, isBudgetKind } from '../../../domain/budget';
import { fiscalYearOf } from '../../../domain/fiscal-year';
import type { Db, ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, notFound, unknownReference } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { findClusterByKey, listAllClusters } from '../clusters/cluster.repo';
import { getVisibleCluster, unpublishedVisibility } from '../clusters/cluster.service';
import { exportFileOf } from '../exports/export-file';
import type { ExportFile } from '../exports/table-export';
import { findFirstProgramme } from '../programme/programme.repo';
import { budgetLedgerExportTable, budgetSummaryExportTable } from './budget.export';
import { budgetLineSnapshot, toBudgetLine } from './budget.presenter';
import {
  budgetFiscalYearSpan,
  type BudgetLineFilter,
  countBudgetLines,
  deleteBudgetLineAtVersion,
  findBudgetLine,
  findBudgetLineByKey,
  insertBudgetLine,
  listBudgetLines,
  sumBudgetLines,
  updateBudgetLineAtVersion,
} from './budget.repo';

/** The ledger, filtered; `totalYen` is the sum of every matching line, not just this page. */
export async function listBudgetLinesPage(ctx: ServiceContext, query: BudgetListQuery): Promise<BudgetPage> {
  requirePermission(ctx.actor, 'published:read');
  const cluster = query.cluster ? await getVisibleCluster(ctx, query.cluster) : undefined;
  const { rows, total, totalYen } = await listBudgetLines(
    ctx.db,
    {
      unpublished: unpublishedVisibility(ctx),
      clusterId: cluster?.id,
      level: query.level,
      fyFrom: query.fy ?? query.from,
      fyTo: query.fy ?? query.to,
      kind: query.kind,
    },
    { limit: query.limit, offset: query.offset },
  );
  return { items: rows.map(toBudgetLine), total, totalYen, limit: query.limit, offset: query.offset };
}

/**
 * Every ledger line the filters match, as one file, under the same visibility as the page (the
 * public gets programme lines and published clusters' lines; notes are public there too). More
 * than `maxLines` lines answers 422 asking for a narrower filter instead of building a huge file.
 */
export async function exportBudgetLines(
  ctx: ServiceContext,
  query: BudgetExportQuery,
  maxLines: number = MAX_BUDGET_EXPORT_LINES,
): Promise<ExportFile> {
  requirePermission(ctx.actor, 'published:read');
  const cluster = query.cluster ? await getVisibleCluster(ctx, query.cluster) : undefined;
  const filter: BudgetLineFilter = {
    unpublished: unpublishedVisibility(ctx),
    clusterId: cluster?.id,
    level: query.level,
    fyFrom: query.fy ?? query.from,
    fyTo: query.fy ?? query.to,
    kind: query.kind,
  };
  const count = await countBudgetLines(ctx.db, filter);
  if (count > maxLines) {
    // The fiscal-year range is the filter that narrows a ledger most predictably.
    const field = query.fy !== undefined ? 'query.fy' : query.from === undefined ? 'query.from' : 'query.to';
    const message = `${count} lines match; one download holds at most ${maxLines}: narrow the fiscal years (from, to) or choose a cluster or kind`;
    throw new AppError('RULE_VIOLATION', message, { errors: [{ field, message }] });
  }
  const { rows } = await listBudgetLines(ctx.db, filter, { limit: Math.max(count, 1), offset: 0 });
  const table = budgetLedgerExportTable(rows.map(toBudgetLine), query.lang, {
    filter: {
      cluster: cluster?.key,
      from: query.fy ?? query.from,
      to: query.fy ?? query.to,
    },
  });
  return exportFileOf(table, query);
}

/** The line already holding this scope, year, kind and source: 409 naming it. */
function clash(existing: { id: number; fiscal_year: number; kind: string; source: string }): AppError {
  const message = `line ${existing.id} already records ${existing.kind} for FY${existing.fiscal_year} from "${existing.source}"; edit that line instead`;
  return new AppError('DUPLICATE', message, { errors: [{ field: 'body.source', message }] });
}

async function resolveCluster(ctx: ServiceContext, key: string | null): Promise<number | null> {
  if (key === null) return null;
  const cluster = await findClusterByKey(ctx.db, key);
  if (!cluster) throw unknownReference('body.cluster', 'cluster', key);
  return cluster.id;
}

async function presentLine(db: Db, id: number): Promise<BudgetLine> {
  const row = await findBudgetLine(db, id);
  if (!row) throw notFound('budget line', id);
  return toBudgetLine(row);
}

/** Officers add a line; the same scope, year, kind and source twice is a 409 naming the existing line. */
export async function createBudgetLine(ctx: ServiceContext, body: CreateBudgetLineBody): Promise<BudgetLine> {
  requirePermission(ctx.actor, 'budget:edit');
  const programme = await findFirstProgramme(ctx.db);
  if (!programme) throw new AppError('RULE_VIOLATION', 'Load the programme before recording budgets');
  const clusterId = await resolveCluster(ctx, body.cluster);
  const lineKey = budgetLineKey(clusterId, body.fiscalYear, body.kind, body.source);
  const existing = await findBudgetLineByKey(ctx.db, lineKey);
  if (existing) throw clash(existing);
  const at = ctx.now().toISOString();
  let id: number;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      const row = await insertBudgetLine(trx, {
        programme_id: programme.id,
        cluster_id: clusterId,
        fiscal_year: body.fiscalYear,
        kind: body.kind,
        amount_yen: body.amountYen,
        source: body.source,
        note: body.note ?? null,
        line_key: lineKey,
        created_at: at,
        updated_at: at,
      });
      await audit(ctx, trx, {
        action: 'budget-line.create',
        entityType: 'budget_line',
        entityId: row.id,
        after: budgetLineSnapshot(row),
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await findBudgetLineByKey(ctx.db, lineKey);
      if (winner) throw clash(winner);
    }
    throw error;
  }
  return presentLine(ctx.db, id);
}

/** Officers change a line at the version they read (409 when stale, or when it would clash with another line). */
export async function updateBudgetLine(
  ctx: ServiceContext,
  id: number,
  body: UpdateBudgetLineBody,
): Promise<BudgetLine> {
  requirePermission(ctx.actor, 'budget:edit');
  const current = await findBudgetLine(ctx.db, id);
  if (!current) throw notFound('budget line', id);
  const clusterId = body.cluster !== undefined ? await resolveCluster(ctx, body.cluster) : current.cluster_id;
  const fiscalYear = body.fiscalYear ?? current.fiscal_year;
  const kind: BudgetKind = body.kind ?? (isBudgetKind(current.kind) ? current.kind : 'other');
  const source = body.source ?? current.source;
  const lineKey = budgetLineKey(clusterId, fiscalYear, kind, source);
  if (lineKey !== current.line_key) {
    const other = await findBudgetLineByKey(ctx.db, lineKey);
    if (other && other.id !== id) throw clash(other);
  }
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const after = await updateBudgetLineAtVersion(trx, id, body.version, {
        cluster_id: clusterId,
        fiscal_year: fiscalYear,
        kind,
        source,
        line_key: lineKey,
        ...(body.amountYen !== undefined ? { amount_yen: body.amountYen } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
        updated_at: ctx.now().toISOString(),
      });
      if (!after) {
        const fresh = await findBudgetLine(trx, id);
        if (!fresh) throw notFound('budget line', id);
        throw new AppError(
          'VERSION_CONFLICT',
          `budget line ${id} was changed by someone else (now at version ${fresh.version}); reload and apply your change again`,
          {
            errors: [
              { field: 'body.version', message: `stale version; current version is ${fresh.version}` },
            ],
          },
        );
      }
      await audit(ctx, trx, {
        action: 'budget-line.update',
        entityType: 'budget_line',
        entityId: id,
        before: budgetLineSnapshot(current),
        after: budgetLineSnapshot(after),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await findBudgetLineByKey(ctx.db, lineKey);
      if (winner) throw clash(winner);
    }
    throw error;
  }
  return presentLine(ctx.db, id);
}

/** Officers remove a line entered by mistake, at the version they read; the audit log keeps it. */
export async function deleteBudgetLine(ctx: ServiceContext, id: number, version: number): Promise<void> {
  requirePermission(ctx.actor, 'budget:edit');
  const current = await findBudgetLine(ctx.db, id);
  if (!current) throw notFound('budget line', id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteBudgetLineAtVersion(trx, id, version))) {
      const fresh = await findBudgetLine(trx, id);
      if (!fresh) throw notFound('budget line', id);
      throw new AppError(
        'VERSION_CONFLICT',
        `budget line ${id} was changed by someone else (now at version ${fresh.version}); reload and try again`,
        {
          errors: [{ field: 'query.version', message: `stale version; current version is ${fresh.version}` }],
        },
      );
    }
    await audit(ctx, trx, {
      action: 'budget-line.delete',
      entityType: 'budget_line',
      entityId: id,
      before: budgetLineSnapshot(current),
    });
  });
}

function zeroByKind(): Record<BudgetKind, number> {
  return Object.fromEntries(BUDGET_KINDS.map((k) => [k, 0])) as Record<BudgetKind, number>;
}

/**
 * Totals of the visible ledger over a fiscal-year range: per year by kind (cluster lines), the
 * programme-level budget per year, and per cluster per year. Without a range: the years the ledger
 * covers, or the visible clusters' funded periods when it is empty.
 */
export async function getBudgetSummary(
  ctx: ServiceContext,
  range: { from?: number | undefined; to?: number | undefined },
): Promise<BudgetSummaryResponse> {
  requirePermission(ctx.actor, 'published:read');
  const programme = await findFirstProgramme(ctx.db);
  if (!programme) throw new AppError('RULE_VIOLATION', 'The programme is not loaded');
  const unpublished = unpublishedVisibility(ctx);
  const clusters = await listAllClusters(ctx.db, { unpublished });

  let { from, to } = range;
  if (from === undefined || to === undefined) {
    const span =
      (await budgetFiscalYearSpan(ctx.db, { unpublished })) ??
      (clusters.length > 0
        ? {
            from: Math.min(...clusters.map((c) => c.start_fy)),
            to: Math.max(...clusters.map((c) => c.end_fy)),
          }
        : { from: fiscalYearOf(ctx.now()), to: fiscalYearOf(ctx.now()) });
    from ??= Math.min(span.from, to ?? span.from);
    to ??= Math.max(span.to, from);
  }

  const sums = await sumBudgetLines(ctx.db, { unpublished, fyFrom: from, fyTo: to });
  const years = new Map<number, { byKind: Record<BudgetKind, number>; total: number }>();
  const programmeYears = new Map<number, { byKind: Record<BudgetKind, number>; total: number }>();
  const perCluster = new Map<
    number,
    { years: Map<number, number>; byKind: Record<BudgetKind, number>; total: number }
  >();
  const yearOf = (map: typeof years, fy: number) => {
    let entry = map.get(fy);
    if (!entry) {
      entry = { byKind: zeroByKind(), total: 0 };
      map.set(fy, entry);
    }
    return entry;
  };
  for (const s of sums) {
    if (!isBudgetKind(s.kind)) continue;
    if (s.cluster_id === null) {
      const entry = yearOf(programmeYears, s.fiscal_year);
      entry.byKind[s.kind] += s.total;
      entry.total += s.total;
      continue;
    }
    const entry = yearOf(years, s.fiscal_year);
    entry.byKind[s.kind] += s.total;
    entry.total += s.total;
    let c = perCluster.get(s.cluster_id);
    if (!c) {
      c = { years: new Map(), byKind: zeroByKind(), total: 0 };
      perCluster.set(s.cluster_id, c);
    }
    c.years.set(s.fiscal_year, (c.years.get(s.fiscal_year) ?? 0) + s.total);
    c.byKind[s.kind] += s.total;
    c.total += s.total;
  }
  const byYear = (map: typeof years) =>
    [...map.entries()].sort(([a], [b]) => a - b).map(([fiscalYear, e]) => ({ fiscalYear, ...e }));

  return {
    period: { from, to },
    fiscalYears: byYear(years),
    programme: byYear(programmeYears),
    clusters: clusters
      .filter((c) => perCluster.has(c.id))
      .map((c) => {
        const entry = perCluster.get(c.id)!;
        return {
          cluster: { key: c.key, name: { ja: c.name_ja, en: c.name_en } },
          fiscalYears: [...entry.years.entries()]
            .sort(([a], [b]) => a - b)
            .map(([fiscalYear, total]) => ({ fiscalYear, total })),
          byKind: entry.byKind,
          total: entry.total,
        };
      }),
    reference: {
      annualBudgetPerClusterYen: Number(programme.annual_budget_per_cluster_yen),
      durationYears: programme.duration_years,
      yenPerUsd: Number(programme.yen_per_usd),
      source: programme.source,
    },
  };
}

/** The per-cluster table of the summary (what /budgets shows per cluster and fiscal year) as a file. */
export async function exportBudgetSummary(
  ctx: ServiceContext,
  query: BudgetSummaryQuery & { format: 'csv' | 'xlsx' },
): Promise<ExportFile> {
  const summary = await getBudgetSummary(ctx, query);
  return exportFileOf(budgetSummaryExportTable(summary, query.lang), query);
}
