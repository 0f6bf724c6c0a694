/** The programme's outcome table (the seed deck's table for any fiscal-year range) and a cluster's reported outcomes. */
import type {
  ClusterOutcomesResponse,
  OutcomeTableQuery,
  OutcomeTableResponse,
} from '../../../contracts/outcomes';
import {
  type IndicatorValues,
  INDICATOR_KEYS,
  type IndicatorKey,
  isIndicatorKey,
  totalIndicatorValues,
} from '../../../domain/indicators';
import { can, headquartersClusterIds } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { requirePermission } from '../auth/authorize';
import { listAllClusters } from '../clusters/cluster.repo';
import { getVisibleCluster } from '../clusters/cluster.service';
import { csvFile, type ExportFile, xlsxFile } from '../exports/table-export';
import { listIndicators } from '../programme/programme.repo';
import {
  listClusterReportValues,
  listCurrentAcceptedReportsWithin,
  sumCurrentAcceptedValuesWithin,
} from './outcome.repo';
import { publishedDataFingerprint } from './published-data.repo';
import { outcomeTableCsvExport, outcomeTableXlsxExport } from './outcome-table.export';

function zeroValues(): Record<IndicatorKey, number> {
  return Object.fromEntries(INDICATOR_KEYS.map((k) => [k, 0])) as Record<IndicatorKey, number>;
}

/**
 * Every published cluster active in [from, to] with the sum of its accepted reports lying wholly in
 * that range, and the column totals. Multi-year reports (like the seed's FY2002–FY2004 figures)
 * count only when the range contains their whole period: they cannot be split by year.
 */
/**
 * A fingerprint of the published data the outcome table and analytics are computed from: equal
 * fingerprints mean equal answers (src/server/http/published-cache.ts).
 */
export async function publishedDataVersion(ctx: ServiceContext): Promise<string> {
  requirePermission(ctx.actor, 'published:read');
  return publishedDataFingerprint(ctx.db);
}

export async function getOutcomeTable(
  ctx: ServiceContext,
  from: number,
  to: number,
): Promise<OutcomeTableResponse> {
  requirePermission(ctx.actor, 'published:read');
  const [indicators, clusters, reports, sums] = await Promise.all([
    listIndicators(ctx.db),
    listAllClusters(ctx.db, { unpublished: false, activeFrom: from, activeTo: to }),
    listCurrentAcceptedReportsWithin(ctx.db, from, to),
    sumCurrentAcceptedValuesWithin(ctx.db, from, to),
  ]);
  const byCluster = new Map<
    number,
    { values: Record<IndicatorKey, number>; reports: { fyFrom: number; fyTo: number; sourceIndex: number }[] }
  >();
  const entryOf = (clusterId: number) => {
    let entry = byCluster.get(clusterId);
    if (!entry) {
      entry = { values: zeroValues(), reports: [] };
      byCluster.set(clusterId, entry);
    }
    return entry;
  };
  // Each distinct source is listed once; a report names it by index (at national scale the same
  // source repeated on 10,000 reports was two thirds of a 1.5 MB answer).
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  for (const r of reports) {
    let index = sourceIndex.get(r.source);
    if (index === undefined) {
      index = sources.push(r.source) - 1;
      sourceIndex.set(r.source, index);
    }
    entryOf(r.cluster_id).reports.push({ fyFrom: r.fy_from, fyTo: r.fy_to, sourceIndex: index });
  }
  for (const s of sums) {
    if (isIndicatorKey(s.indicator_key)) entryOf(s.cluster_id).values[s.indicator_key] = s.total;
  }
  const rows = clusters.map((c) => {
    const entry = byCluster.get(c.id);
    return {
      cluster: { key: c.key, name: { ja: c.name_ja, en: c.name_en }, startFy: c.start_fy },
      values: entry?.values ?? zeroValues(),
      reports: entry?.reports ?? [],
    };
  });
  return {
    period: { from, to },
    indicators: indicators.map((i) => ({
      key: i.key,
      label: { ja: i.label_ja, en: i.label_en },
      groupLabel: { ja: i.group_label_ja, en: i.group_label_en },
      group: i.group_key,
      unit: i.unit,
    })),
    rows,
    total: { values: totalIndicatorValues(rows.map((r) => r.values as IndicatorValues)) },
    sources,
  };
}

/**
 * The outcome table as a download: CSV (UTF-8 with BOM or Shift_JIS; keys with both languages'
 * labels unless a language is asked for) or XLSX in the seed deck's layout.
 */
export async function exportOutcomeTable(
  ctx: ServiceContext,
  query: Pick<OutcomeTableQuery, 'from' | 'to' | 'encoding' | 'lang'> & { format: 'csv' | 'xlsx' },
): Promise<ExportFile> {
  const table = await getOutcomeTable(ctx, query.from, query.to);
  if (query.format === 'xlsx')
    return xlsxFile(outcomeTableXlsxExport(table, query.lang ?? 'ja'), query.lang ?? 'ja');
  return csvFile(outcomeTableCsvExport(table), {
    header: query.lang ?? 'bilingual',
    encoding: query.encoding,
  });
}

/** A cluster's reports with their values: accepted ones for everyone; drafts too for its headquarters and officers. */
export async function getClusterOutcomes(ctx: ServiceContext, key: string): Promise<ClusterOutcomesResponse> {
  const cluster = await getVisibleCluster(ctx, key);
  const seesDrafts =
    can(ctx.actor, 'unpublished:read') || headquartersClusterIds(ctx.actor).includes(cluster.id);
  const rows = await listClusterReportValues(
    ctx.db,
    cluster.id,
    seesDrafts ? ['draft', 'submitted', 'returned', 'accepted'] : ['accepted'],
  );
  const reports = new Map<number, ClusterOutcomesResponse['reports'][number]>();
  for (const r of rows) {
    let report = reports.get(r.report_id);
    if (!report) {
      report = {
        id: r.report_id,
        fyFrom: r.fy_from,
        fyTo: r.fy_to,
        status: r.status,
        reportVersion: r.report_version,
        source: r.source,
        values: {},
      };
      reports.set(r.report_id, report);
    }
    report.values[r.indicator_key] = r.value;
  }
  return {
    cluster: { key: cluster.key, name: { ja: cluster.name_ja, en: cluster.name_en } },
    reports: [...reports.values()],
  };
}
