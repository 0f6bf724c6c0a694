/**
 * The office's reporting status of one fiscal year as a table for download: every cluster funded
 * in the year with its report's status, whether it is overdue, when it was submitted, and a Total
 * row counting clusters per status.
 */
import type { z } from 'zod';
import type { ReportingStatusResponse } from '../../../contracts/reports';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { Bilingual, ExportColumn, ExportLanguage, ExportTable } from '../exports/export-table';

type Status = z.infer<typeof ReportingStatusResponse>['clusters'][number]['status'];

const STATUS_ORDER: readonly Status[] = ['accepted', 'submitted', 'draft', 'returned', 'missing'];

export const REPORTING_STATUS_LABELS: Readonly<Record<Status, Bilingual>> = {
  accepted: { ja: '受理', en: 'Accepted' },
  submitted: { ja: '提出済み', en: 'Submitted' },
  draft: { ja: '作成中', en: 'Draft' },
  returned: { ja: '差戻し', en: 'Returned' },
  missing: { ja: '未着手', en: 'Not started' },
};
const OVERDUE: Bilingual = { ja: '期限超過', en: 'Overdue' };

export function reportingStatusExportTable(
  status: z.infer<typeof ReportingStatusResponse>,
  lang: ExportLanguage,
): ExportTable {
  const fy = status.fiscalYear;
  const columns: ExportColumn[] = [
    { key: 'fiscal_year', label: { ja: '年度', en: 'Fiscal year' }, type: 'number', width: 9 },
    { key: 'cluster_key', label: { ja: 'クラスターキー', en: 'Cluster key' }, type: 'text', width: 14 },
    { key: 'cluster', label: { ja: 'クラスター', en: 'Cluster' }, type: 'text', width: 24 },
    { key: 'status', label: { ja: '状態キー', en: 'Status key' }, type: 'text', width: 11 },
    { key: 'status_label', label: { ja: '状態', en: 'Status' }, type: 'text', width: 36 },
    { key: 'overdue', label: { ja: '期限超過', en: 'Overdue' }, type: 'text', width: 14 },
    { key: 'due_on', label: { ja: '提出期限', en: 'Deadline' }, type: 'text', width: 12 },
    { key: 'submitted_at', label: { ja: '提出日時', en: 'Submitted at' }, type: 'text', width: 22 },
    { key: 'report_id', label: { ja: '報告ID', en: 'Report ID' }, type: 'number', width: 10 },
  ];
  const counts = new Map<Status, number>();
  for (const c of status.clusters) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const overdue = status.clusters.filter((c) => c.overdue).length;
  const separator = lang === 'ja' ? '・' : ', ';
  return {
    fileStem: `reporting-status-fy${fy}`,
    title: {
      ja: `${formatFiscalYear(fy, 'ja')} 成果報告の提出状況`,
      en: `Reporting status, ${formatFiscalYear(fy, 'en')}`,
    },
    columns,
    rows: status.clusters.map((c) => ({
      fiscal_year: fy,
      cluster_key: c.cluster.key,
      cluster: c.cluster.name[lang] || c.cluster.name.ja,
      status: c.status,
      status_label: REPORTING_STATUS_LABELS[c.status][lang],
      overdue: c.overdue ? OVERDUE[lang] : '',
      due_on: status.dueOn,
      submitted_at: c.submittedAt,
      report_id: c.reportId,
    })),
    total: {
      cluster_key: 'total',
      cluster:
        lang === 'ja'
          ? `合計 ${status.clusters.length}クラスター`
          : `Total: ${status.clusters.length} clusters`,
      status_label: STATUS_ORDER.map((s) => `${REPORTING_STATUS_LABELS[s][lang]} ${counts.get(s) ?? 0}`).join(
        separator,
      ),
      overdue: `${OVERDUE[lang]} ${overdue}`,
    },
    notes: [
      lang === 'ja' ? `提出期限：${status.dueOn ?? '未設定'}` : `Deadline: ${status.dueOn ?? 'not set'}`,
    ],
  };
}
