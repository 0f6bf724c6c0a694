/** Outcome items into each cluster's draft (or returned) report, the same item found again by its natural key. */
import type { ImportProblem } from '../../../domain/import/problems';
import type { OutcomeItemRecord } from '../../../domain/import/rows';
import { itemNaturalKey, type OutcomeItem } from '../../../domain/outcome-items';
import {
  count,
  firstOccurrence,
  loadReports,
  type PassState,
  resolveCluster,
  writableReport,
} from './import-plan';
import type { PlanTuple } from './import-plan-file';
import { findItems, ITEM_DATA_COLUMNS, type ItemRow, listItemKeys, upsertItems } from './import.repo';

/**
 * Per pass, the `${kind}|${naturalKey}` of the items each report held when first met: rows whose
 * key is not there are inserts without a probe (most rows of a large first import). Rows the pass
 * writes need not be added, since a key repeated in the file is refused as a duplicate.
 */
const itemKeysOf = new WeakMap<PassState, Map<number, Set<string>>>();

/** How many items the report held when the pass first met it; undefined if the pass did not look. */
export function itemsWhenPlanned(state: PassState, reportId: number): number | undefined {
  return itemKeysOf.get(state)?.get(reportId)?.size;
}

async function existingItemKeys(state: PassState, reportIds: Iterable<number>) {
  let known = itemKeysOf.get(state);
  if (!known) itemKeysOf.set(state, (known = new Map<number, Set<string>>()));
  const missing = [...new Set(reportIds)].filter((id) => !known.has(id));
  for (const id of missing) known.set(id, new Set());
  for (const row of await listItemKeys(state.db, missing))
    known.get(Number(row.report_id))!.add(`${row.kind}|${row.natural_key}`);
  return known;
}

/** The item's columns as stored (unused ones null). */
export function itemColumns(
  item: OutcomeItem,
): Record<(typeof ITEM_DATA_COLUMNS)[number], string | number | null> {
  return {
    title: item.title,
    authors: item.authors ?? null,
    venue: item.venue ?? null,
    pub_year: item.pubYear ?? null,
    doi: item.doi ?? null,
    scope: item.scope ?? null,
    application_number: item.applicationNumber ?? null,
    filing_date: item.filingDate ?? null,
    country: item.country ?? null,
    patent_status: item.patentStatus ?? null,
    granted_date: item.grantedDate ?? null,
    owner_kind: item.ownerKind ?? null,
    owner_name: item.ownerName ?? null,
    recipient: item.recipient ?? null,
    company: item.company ?? null,
    launch_date: item.launchDate ?? null,
    media: item.media ?? null,
    outlet: item.outlet ?? null,
    item_date: item.itemDate ?? null,
    programme_name: item.programmeName ?? null,
    funder: item.funder ?? null,
    amount_yen: item.amountYen ?? null,
    period_from_fy: item.periodFromFy ?? null,
    period_to_fy: item.periodToFy ?? null,
    note: item.note ?? null,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}

export async function planOutcomeItems(
  state: PassState,
  records: OutcomeItemRecord[],
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const resolved = records.flatMap((record) => {
    const cluster = resolveCluster(state, record, problems);
    return cluster && cluster !== 'programme'
      ? [{ record, clusterId: cluster.id, naturalKey: itemNaturalKey(record.item) }]
      : [];
  });
  await loadReports(
    state,
    resolved.map((r) => ({ clusterId: r.clusterId, fiscalYear: r.record.fiscalYear })),
  );
  const candidates = resolved.flatMap((r) => {
    const id = state.reports.get(`${r.clusterId}|${r.record.fiscalYear}`)?.id ?? -1;
    return id > 0 ? [{ reportId: id, kind: r.record.item.kind, naturalKey: r.naturalKey }] : [];
  });
  const known = await existingItemKeys(
    state,
    candidates.map((c) => c.reportId),
  );
  const lookups = candidates.filter((c) => known.get(c.reportId)!.has(`${c.kind}|${c.naturalKey}`));
  const existing = new Map(
    (await findItems(state.db, lookups, state.sqlite)).map((row) => [
      `${String(row.report_id)}|${String(row.kind)}|${String(row.natural_key)}`,
      row,
    ]),
  );

  const writes: ItemRow[] = [];
  const planned: PlanTuple[] = [];
  for (const { record, clusterId, naturalKey } of resolved) {
    const report = await writableReport(state, record, clusterId, problems);
    if (!report) continue;
    const kindAt = { column: record.clusterAt.column, header: record.clusterAt.header };
    if (
      !firstOccurrence(
        state,
        `${clusterId}|${record.fiscalYear}|${record.item.kind}|${naturalKey}`,
        record.row,
        problems,
        kindAt,
      )
    )
      continue;
    const columns = itemColumns(record.item);
    const before =
      report.id === null ? undefined : existing.get(`${report.id}|${record.item.kind}|${naturalKey}`);
    if (before && Object.entries(columns).every(([column, value]) => same(value, before[column]))) {
      count(state, 'outcome_items', 'unchanged');
      continue;
    }
    count(state, 'outcome_items', before ? 'update' : 'insert');
    if (state.plan) {
      const tuple: PlanTuple = [clusterId, record.fiscalYear, record.item.kind, naturalKey];
      for (const column of ITEM_DATA_COLUMNS) tuple.push(columns[column]);
      planned.push(tuple);
    }
    if (state.apply && report.id !== null) {
      writes.push({
        report_id: report.id,
        cluster_id: clusterId,
        fiscal_year: record.fiscalYear,
        kind: record.item.kind,
        natural_key: naturalKey,
        ...(columns as Omit<
          ItemRow,
          'report_id' | 'cluster_id' | 'fiscal_year' | 'kind' | 'natural_key' | 'created_at' | 'updated_at'
        >),
        created_at: state.now,
        updated_at: state.now,
      });
      state.itemReports.add(report.id);
      state.touched.set(report.id, state.touched.get(report.id) ?? {});
    }
  }
  if (state.apply) await upsertItems(state.db, writes, state.sqlite);
  state.plan?.add(planned);
  return problems;
}
