/**
 * The open data lists. Anyone may read them; each answers one page of public records and the table
 * its CSV is written from.
 */
import type {
  OpenBudgetLine,
  OpenBudgetsQuery,
  OpenCluster,
  OpenClustersQuery,
  OpenOrganization,
  OpenOrganizationsQuery,
  OpenOutcome,
  OpenOutcomeItem,
  OpenOutcomeItemsQuery,
  OpenOutcomesQuery,
} from '../../../contracts/open-data';
import type { BudgetKind } from '../../../domain/budget';
import type {
  ItemKind,
  PaperScope,
  PatentOwnerKind,
  PatentStatus,
  PressMedium,
} from '../../../domain/outcome-items';
import type { ServiceContext } from '../../context';
import { requirePermission } from '../auth/authorize';
import { listClusterPrefectures } from '../clusters/cluster.repo';
import type { ExportTable } from '../exports/export-table';
import {
  listAcceptedOutcomeItems,
  listAcceptedOutcomeValues,
  listOrganizationsWithClusters,
  listPublicBudgetLines,
  listPublishedClusters,
  listPublishedMemberships,
  type PageWindow,
} from './open-data.repo';
import {
  budgetsTable,
  clustersTable,
  organizationsTable,
  outcomeItemsTable,
  outcomesTable,
} from './open-data.presenter';

export interface OpenList<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  /** The page as a flat table, for CSV. */
  toTable: () => ExportTable;
}

function windowOf(query: { page: number; pageSize: number }): PageWindow {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

function listOf<T>(
  query: { page: number; pageSize: number },
  dataset: string,
  items: T[],
  total: number,
  tableOf: (items: T[], fileStem: string) => ExportTable,
): OpenList<T> {
  return {
    items,
    page: query.page,
    pageSize: query.pageSize,
    total,
    toTable: () => tableOf(items, `${dataset}-page-${query.page}`),
  };
}

/** Published clusters (active in `fy` when given), with their prefectures. */
export async function listOpenClusters(
  ctx: ServiceContext,
  query: OpenClustersQuery,
): Promise<OpenList<OpenCluster>> {
  requirePermission(ctx.actor, 'published:read');
  const { rows, total } = await listPublishedClusters(ctx.db, query, windowOf(query));
  const prefectures = await listClusterPrefectures(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r): OpenCluster => ({
    key: r.key,
    name: { ja: r.name_ja, en: r.name_en },
    theme: { ja: r.theme_ja ?? '', en: r.theme_en ?? '' },
    summary: { ja: r.summary_ja ?? '', en: r.summary_en ?? '' },
    keyField: r.key_field_key,
    startFy: r.start_fy,
    endFy: r.end_fy,
    status: r.status,
    prefectureCodes: prefectures.filter((p) => p.cluster_id === r.id).map((p) => p.code),
    coreOrganizationId: r.core_organization_id,
    confidence: r.confidence,
    source: r.source,
    updatedAt: r.updated_at,
  }));
  return listOf(query, 'clusters', items, total, clustersTable);
}

/** Organizations with the published clusters they take part in; no people, no contact details. */
export async function listOpenOrganizations(
  ctx: ServiceContext,
  query: OpenOrganizationsQuery,
): Promise<OpenList<OpenOrganization>> {
  requirePermission(ctx.actor, 'published:read');
  const { rows, total } = await listOrganizationsWithClusters(ctx.db, query, windowOf(query));
  const memberships = await listPublishedMemberships(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r): OpenOrganization => ({
    id: r.id,
    kind: r.kind,
    name: { ja: r.name_ja, en: r.name_en },
    prefectureCode: r.prefecture_code,
    url: r.url,
    clusterKeys: memberships.filter((m) => m.organization_id === r.id).map((m) => m.key),
    withdrawnAt: r.withdrawn_at,
    source: r.source,
    updatedAt: r.updated_at,
  }));
  return listOf(query, 'organizations', items, total, organizationsTable);
}

/** Accepted values of current report versions: one record per cluster, period and indicator. */
export async function listOpenOutcomes(
  ctx: ServiceContext,
  query: OpenOutcomesQuery,
): Promise<OpenList<OpenOutcome>> {
  requirePermission(ctx.actor, 'published:read');
  const { rows, total } = await listAcceptedOutcomeValues(ctx.db, query, windowOf(query));
  const items = rows.map((r): OpenOutcome => ({
    cluster: r.cluster_key,
    fyFrom: r.fy_from,
    fyTo: r.fy_to,
    indicator: r.indicator_key,
    unit: r.unit,
    value: Number(r.value),
    reportId: r.report_id,
    reportVersion: r.report_version,
    acceptedAt: r.accepted_at,
    source: r.source,
  }));
  return listOf(query, 'outcomes', items, total, outcomesTable);
}

/** Items of evidence behind accepted current reports. */
export async function listOpenOutcomeItems(
  ctx: ServiceContext,
  query: OpenOutcomeItemsQuery,
): Promise<OpenList<OpenOutcomeItem>> {
  requirePermission(ctx.actor, 'published:read');
  const { rows, total } = await listAcceptedOutcomeItems(ctx.db, query, windowOf(query));
  const items = rows.map((r): OpenOutcomeItem => ({
    id: r.id,
    cluster: r.cluster_key,
    fiscalYear: r.fiscal_year,
    kind: r.kind as ItemKind,
    title: r.title,
    authors: r.authors,
    venue: r.venue,
    pubYear: r.pub_year,
    doi: r.doi,
    scope: r.scope as PaperScope | null,
    applicationNumber: r.application_number,
    filingDate: r.filing_date,
    country: r.country,
    patentStatus: r.patent_status as PatentStatus | null,
    grantedDate: r.granted_date,
    ownerKind: r.owner_kind as PatentOwnerKind | null,
    ownerName: r.owner_name,
    recipient: r.recipient,
    company: r.company,
    launchDate: r.launch_date,
    media: r.media as PressMedium | null,
    outlet: r.outlet,
    itemDate: r.item_date,
    programmeName: r.programme_name,
    funder: r.funder,
    amountYen: r.amount_yen === null ? null : Number(r.amount_yen),
    periodFromFy: r.period_from_fy,
    periodToFy: r.period_to_fy,
    reportId: r.report_id,
  }));
  return listOf(query, 'outcome-items', items, total, outcomeItemsTable);
}

/** Programme budget lines and the lines of published clusters. */
export async function listOpenBudgets(
  ctx: ServiceContext,
  query: OpenBudgetsQuery,
): Promise<OpenList<OpenBudgetLine>> {
  requirePermission(ctx.actor, 'published:read');
  const { rows, total } = await listPublicBudgetLines(ctx.db, query, windowOf(query));
  const items = rows.map((r): OpenBudgetLine => ({
    id: r.id,
    scope: r.cluster_id === null ? 'programme' : 'cluster',
    cluster: r.cluster_key,
    fiscalYear: r.fiscal_year,
    kind: r.kind as BudgetKind,
    amountYen: Number(r.amount_yen),
    source: r.source,
  }));
  return listOf(query, 'budgets', items, total, budgetsTable);
}
