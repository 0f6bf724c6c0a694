/**
 * Who has reported: the office's view of one fiscal year (every funded cluster, missing and overdue
 * ones included) and a headquarters account's home page (its clusters' reports due, with deadlines).
 */
import type { z } from 'zod';
import type {
  MyReportingResponse,
  ReportingStatusQuery,
  ReportingStatusResponse,
} from '../../../contracts/reports';
import { fiscalYearOf } from '../../../domain/fiscal-year';
import { headquartersClusterIds } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../http/app-error';
import { requirePermission } from '../auth/authorize';
import type { ClusterRow } from '../clusters/cluster.table';
import { exportFileOf } from '../exports/export-file';
import type { ExportFile } from '../exports/table-export';
import { findFirstProgramme } from '../programme/programme.repo';
import { listClustersActiveIn, listClustersByIds, listDeadlines } from './report-deadline.repo';
import { listReportsCovering, type ReportRecord } from './report.repo';
import { reportingStatusExportTable } from './reporting-status.export';

type YearStatus = 'draft' | 'submitted' | 'returned' | 'accepted' | 'missing';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Today's date in Japan (deadlines are Japanese calendar dates), as yyyy-mm-dd. */
export function todayInJapan(now: Date): string {
  return new Date(now.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A report is overdue when its deadline has passed and it has been neither submitted nor accepted. */
export function isOverdue(status: YearStatus, dueOn: string | null, today: string): boolean {
  return dueOn !== null && today > dueOn && status !== 'submitted' && status !== 'accepted';
}

/**
 * The report that stands for a cluster's fiscal year: its yearly report (the current accepted
 * version if there is one, so an open correction does not make a reported year look unreported,
 * otherwise the newest version); failing that, an accepted multi-year report covering the year
 * (like the seed's FY2002–FY2004 figures).
 */
export function reportForYear(reports: readonly ReportRecord[], fy: number): ReportRecord | null {
  const newestFirst = (a: ReportRecord, b: ReportRecord) => b.report_version - a.report_version;
  const yearly = reports.filter((r) => r.fy_from === fy && r.fy_to === fy).sort(newestFirst);
  const current = (r: ReportRecord) => r.status === 'accepted' && r.superseded_by_id === null;
  if (yearly.length > 0) return yearly.find(current) ?? yearly[0]!;
  return reports.filter((r) => r.fy_from <= fy && fy <= r.fy_to && current(r)).sort(newestFirst)[0] ?? null;
}

function byCluster(reports: ReportRecord[]): Map<number, ReportRecord[]> {
  const map = new Map<number, ReportRecord[]>();
  for (const r of reports) {
    const list = map.get(r.cluster_id) ?? [];
    list.push(r);
    map.set(r.cluster_id, list);
  }
  return map;
}

async function deadlinesByYear(ctx: ServiceContext): Promise<Map<number, string>> {
  const programme = await findFirstProgramme(ctx.db);
  if (!programme) return new Map();
  return new Map((await listDeadlines(ctx.db, programme.id)).map((d) => [d.fiscal_year, d.due_on]));
}

const clusterRef = (c: ClusterRow) => ({ id: c.id, key: c.key, name: { ja: c.name_ja, en: c.name_en } });

/** Every cluster funded in the year (published or not, not withdrawn) with its report's status. */
export async function getReportingStatus(
  ctx: ServiceContext,
  fy: number,
): Promise<z.infer<typeof ReportingStatusResponse>> {
  requirePermission(ctx.actor, 'outcome-report:review');
  const [clusters, reports, deadlines] = await Promise.all([
    listClustersActiveIn(ctx.db, fy),
    listReportsCovering(ctx.db, 'all', fy, fy),
    deadlinesByYear(ctx),
  ]);
  const dueOn = deadlines.get(fy) ?? null;
  const today = todayInJapan(ctx.now());
  const reportsOf = byCluster(reports);
  return {
    fiscalYear: fy,
    dueOn,
    clusters: clusters.map((c) => {
      const r = reportForYear(reportsOf.get(c.id) ?? [], fy);
      const status = (r?.status ?? 'missing') as YearStatus;
      return {
        cluster: clusterRef(c),
        reportId: r?.id ?? null,
        status,
        submittedAt: r?.submitted_at ?? null,
        overdue: isOverdue(status, dueOn, today),
      };
    }),
  };
}

/** The same status as a file, for the programme office only (it names unpublished clusters too). */
export async function exportReportingStatus(
  ctx: ServiceContext,
  query: ReportingStatusQuery & { format: 'csv' | 'xlsx' },
): Promise<ExportFile> {
  const status = await getReportingStatus(ctx, query.fy);
  return exportFileOf(reportingStatusExportTable(status, query.lang), query);
}

/**
 * A headquarters account's reports due: for each of its clusters, each fiscal year of the funded
 * period up to the current one that has a deadline or a report, newest year first.
 */
export async function getMyReporting(ctx: ServiceContext): Promise<z.infer<typeof MyReportingResponse>> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  const ids = headquartersClusterIds(ctx.actor);
  if (ids.length === 0) return { items: [] };
  const currentFy = fiscalYearOf(ctx.now());
  const [clusters, deadlines] = await Promise.all([listClustersByIds(ctx.db, ids), deadlinesByYear(ctx)]);
  if (clusters.length === 0) return { items: [] };
  const from = Math.min(...clusters.map((c) => c.start_fy));
  const reportsOf = byCluster(await listReportsCovering(ctx.db, ids, from, currentFy));
  const today = todayInJapan(ctx.now());
  const items: z.infer<typeof MyReportingResponse>['items'] = [];
  for (const c of clusters) {
    const reports = reportsOf.get(c.id) ?? [];
    for (let fy = Math.min(c.end_fy, currentFy); fy >= c.start_fy; fy -= 1) {
      const dueOn = deadlines.get(fy) ?? null;
      const r = reportForYear(reports, fy);
      if (dueOn === null && r === null) continue;
      const status = (r?.status ?? 'missing') as YearStatus;
      items.push({
        cluster: clusterRef(c),
        fiscalYear: fy,
        dueOn,
        reportId: r?.id ?? null,
        status,
        overdue: isOverdue(status, dueOn, today),
        returnComment: r?.status === 'returned' ? r.return_comment : null,
      });
    }
  }
  items.sort((a, b) => b.fiscalYear - a.fiscalYear || a.cluster.key.localeCompare(b.cluster.key));
  return { items };
}
