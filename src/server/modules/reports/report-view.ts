/** Assembles a whole report (values, items, events, issues) and runs the domain checks on a stored report. */
import type { OutcomeReport, ReportIssue } from '../../../contracts/reports';
import { type IndicatorKey, isIndicatorKey } from '../../../domain/indicators';
import { checkReport } from '../../../domain/outcome-checks';
import {
  deriveIndicatorValues,
  normaliseApplicationNumber,
  normaliseDoi,
} from '../../../domain/outcome-items';
import type { Db, ServiceContext } from '../../context';
import { canEditReport, seesDraftsOf } from './report-access';
import { listItems } from './report-item.repo';
import {
  listAcceptedHistory,
  listEvents,
  listIdentifiersOutsidePeriod,
  listValues,
  type ReportRecord,
  type ValueRow,
} from './report.repo';
import { toDomainItem, toReportResponse } from './report.presenter';
import type { OutcomeItemRow } from './report.table';

/**
 * The checks of a stored report: duplicates are looked for in the cluster's reports for other
 * periods (not in earlier versions of this one, which a correction copies), and the history is the
 * cluster's current accepted single-year values of earlier fiscal years.
 */
export async function checkStoredReport(
  db: Db,
  r: ReportRecord,
  values: ValueRow[],
  items: OutcomeItemRow[],
): Promise<ReportIssue[]> {
  const [identifiers, history] = await Promise.all([
    listIdentifiersOutsidePeriod(db, r.cluster_id, r.fy_from, r.fy_to),
    listAcceptedHistory(db, r.cluster_id, r.fy_from),
  ]);
  const knownDois = new Set<string>();
  const knownApplications = new Set<string>();
  for (const row of identifiers) {
    if (row.doi) knownDois.add(normaliseDoi(row.doi));
    if (row.application_number) knownApplications.add(normaliseApplicationNumber(row.application_number));
  }
  const past: Partial<Record<IndicatorKey, number[]>> = {};
  for (const h of history) {
    if (isIndicatorKey(h.indicator_key)) (past[h.indicator_key] ??= []).push(h.value);
  }
  const manual: Partial<Record<IndicatorKey, number>> = {};
  const notes: Partial<Record<IndicatorKey, string | null>> = {};
  for (const v of values) {
    if (!isIndicatorKey(v.indicator_key)) continue;
    manual[v.indicator_key] = v.value;
    notes[v.indicator_key] = v.note;
  }
  return checkReport(
    { fyFrom: r.fy_from, fyTo: r.fy_to, values: manual, notes, items: items.map(toDomainItem) },
    { knownDois, knownApplications, history: past },
  );
}

/** The whole report as the actor may see it; issues only for those who see the cluster's drafts. */
export async function buildReportResponse(ctx: ServiceContext, r: ReportRecord): Promise<OutcomeReport> {
  const [values, items, events] = await Promise.all([
    listValues(ctx.db, r.id),
    listItems(ctx.db, r.id),
    listEvents(ctx.db, r.id),
  ]);
  // The public would otherwise learn from "already in another report" that an unpublished draft holds a DOI.
  const seesDrafts = seesDraftsOf(ctx.actor, r.cluster_id);
  const issues = seesDrafts ? await checkStoredReport(ctx.db, r, values, items) : [];
  const { itemBacked } = deriveIndicatorValues(items.map(toDomainItem), r.fy_from, r.fy_to);
  return toReportResponse(r, {
    values,
    itemBacked,
    items,
    events,
    issues,
    editable: canEditReport(ctx.actor, r),
    openCorrectionId: seesDrafts ? r.open_successor_id : null,
  });
}
