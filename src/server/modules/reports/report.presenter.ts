/** Report rows → API responses, item rows ↔ the domain's items, and the snapshots audit entries keep. */
import type {
  OutcomeItem as OutcomeItemResponse,
  OutcomeItemInput,
  OutcomeReport,
  ReportIssue,
  ReportSummary,
} from '../../../contracts/reports';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../domain/indicators';
import type {
  ItemKind,
  OutcomeItem,
  PaperScope,
  PatentOwnerKind,
  PatentStatus,
  PressMedium,
} from '../../../domain/outcome-items';
import type { EventRecord, ReportRecord, ValueRow } from './report.repo';
import type { NewOutcomeItem, OutcomeItemRow } from './report.table';

type ReportStatus = OutcomeReport['status'];
type EventAction = OutcomeReport['events'][number]['action'];

export function clusterRefOf(r: {
  cluster_id: number;
  cluster_key: string;
  cluster_name_ja: string;
  cluster_name_en: string;
}) {
  return { id: r.cluster_id, key: r.cluster_key, name: { ja: r.cluster_name_ja, en: r.cluster_name_en } };
}

export function toReportSummary(r: ReportRecord): ReportSummary {
  return {
    id: r.id,
    cluster: clusterRefOf(r),
    fyFrom: r.fy_from,
    fyTo: r.fy_to,
    status: r.status as ReportStatus,
    reportVersion: r.report_version,
    supersedesId: r.supersedes_id,
    supersededById: r.superseded_by_id,
    reason: r.reason,
    submittedAt: r.submitted_at,
    acceptedAt: r.accepted_at,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** An item row as the domain's rules read it. */
export function toDomainItem(row: OutcomeItemRow): OutcomeItem {
  return {
    kind: row.kind as ItemKind,
    title: row.title,
    authors: row.authors,
    venue: row.venue,
    pubYear: row.pub_year,
    doi: row.doi,
    scope: row.scope as PaperScope | null,
    applicationNumber: row.application_number,
    filingDate: row.filing_date,
    country: row.country,
    patentStatus: row.patent_status as PatentStatus | null,
    grantedDate: row.granted_date,
    ownerKind: row.owner_kind as PatentOwnerKind | null,
    ownerName: row.owner_name,
    recipient: row.recipient,
    company: row.company,
    launchDate: row.launch_date,
    media: row.media as PressMedium | null,
    outlet: row.outlet,
    itemDate: row.item_date,
    programmeName: row.programme_name,
    funder: row.funder,
    amountYen: row.amount_yen,
    periodFromFy: row.period_from_fy,
    periodToFy: row.period_to_fy,
    note: row.note,
  };
}

export function toItemResponse(row: OutcomeItemRow): OutcomeItemResponse {
  return {
    ...(toDomainItem(row) as OutcomeItemResponse),
    id: row.id,
    reportId: row.report_id,
    fiscalYear: row.fiscal_year,
    version: row.version,
  };
}

/** The columns an item input writes; blank text becomes null so "no DOI" is one value. */
export function itemColumns(
  input: OutcomeItemInput,
): Omit<
  NewOutcomeItem,
  'report_id' | 'cluster_id' | 'fiscal_year' | 'natural_key' | 'created_at' | 'updated_at'
> {
  const text = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v);
  return {
    kind: input.kind,
    title: input.title,
    authors: text(input.authors),
    venue: text(input.venue),
    pub_year: input.pubYear ?? null,
    doi: text(input.doi),
    scope: input.scope ?? null,
    application_number: text(input.applicationNumber),
    filing_date: input.filingDate ?? null,
    country: text(input.country),
    patent_status: input.patentStatus ?? null,
    granted_date: input.grantedDate ?? null,
    owner_kind: input.ownerKind ?? null,
    owner_name: text(input.ownerName),
    recipient: text(input.recipient),
    company: text(input.company),
    launch_date: input.launchDate ?? null,
    media: input.media ?? null,
    outlet: text(input.outlet),
    item_date: input.itemDate ?? null,
    programme_name: text(input.programmeName),
    funder: text(input.funder),
    amount_yen: input.amountYen ?? null,
    period_from_fy: input.periodFromFy ?? null,
    period_to_fy: input.periodToFy ?? null,
    note: text(input.note),
  };
}

export function toReportResponse(
  r: ReportRecord,
  parts: {
    values: ValueRow[];
    itemBacked: ReadonlySet<IndicatorKey>;
    items: OutcomeItemRow[];
    events: EventRecord[];
    issues: ReportIssue[];
    editable: boolean;
    openCorrectionId: number | null;
  },
): OutcomeReport {
  const byKey = new Map(parts.values.map((v) => [v.indicator_key, v]));
  return {
    ...toReportSummary(r),
    reason: r.reason,
    researcherCount: r.researcher_count,
    source: r.source,
    returnComment: r.return_comment,
    openCorrectionId: parts.openCorrectionId,
    // Every indicator of the catalogue, in its order, so a form can show the whole report.
    values: INDICATOR_KEYS.map((key) => ({
      indicator: key,
      value: byKey.get(key)?.value ?? null,
      itemBacked: parts.itemBacked.has(key),
      note: byKey.get(key)?.note ?? null,
    })),
    items: parts.items.map(toItemResponse),
    issues: parts.issues,
    events: parts.events.map((e) => ({
      action: e.action as EventAction,
      comment: e.comment,
      by: e.display_name,
      at: e.at,
    })),
    editable: parts.editable,
    createdAt: r.created_at,
  };
}

/** What the audit log keeps of a report: its workflow fields, not its cluster's names. */
export function reportSnapshot(r: {
  cluster_id: number;
  fy_from: number;
  fy_to: number;
  status: string;
  report_version: number;
  supersedes_id: number | null;
  reason: string | null;
  researcher_count: number | null;
  return_comment: string | null;
  version: number;
}) {
  return {
    clusterId: r.cluster_id,
    fyFrom: r.fy_from,
    fyTo: r.fy_to,
    status: r.status,
    reportVersion: r.report_version,
    supersedesId: r.supersedes_id,
    reason: r.reason,
    researcherCount: r.researcher_count,
    returnComment: r.return_comment,
    version: r.version,
  };
}

export function itemSnapshot(row: OutcomeItemRow) {
  return { ...toItemResponse(row), naturalKey: row.natural_key };
}
