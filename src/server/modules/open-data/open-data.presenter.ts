/** Open data records → responses and flat CSV tables (nested names become name_ja / name_en columns). */
import type {
  OpenBudgetLine,
  OpenCluster,
  OpenOrganization,
  OpenOutcome,
  OpenOutcomeItem,
} from '../../../contracts/open-data';
import type { ExportColumn, ExportRow, ExportTable } from '../exports/export-table';

function column(key: string, type: ExportColumn['type'] = 'text'): ExportColumn {
  return { key, label: { ja: key, en: key }, type };
}

function table(fileStem: string, title: string, columns: ExportColumn[], rows: ExportRow[]): ExportTable {
  return { fileStem, title: { ja: title, en: title }, columns, rows };
}

export function clustersTable(items: OpenCluster[], fileStem: string): ExportTable {
  const keys = ['key', 'name_ja', 'name_en', 'theme_ja', 'theme_en', 'summary_ja', 'summary_en', 'key_field'];
  return table(
    fileStem,
    'clusters',
    [
      ...keys.map((k) => column(k)),
      column('start_fy', 'number'),
      column('end_fy', 'number'),
      column('status'),
      column('prefecture_codes'),
      column('core_organization_id', 'number'),
      column('confidence'),
      column('source'),
      column('updated_at'),
    ],
    items.map((c) => ({
      key: c.key,
      name_ja: c.name.ja,
      name_en: c.name.en,
      theme_ja: c.theme.ja,
      theme_en: c.theme.en,
      summary_ja: c.summary.ja,
      summary_en: c.summary.en,
      key_field: c.keyField,
      start_fy: c.startFy,
      end_fy: c.endFy,
      status: c.status,
      // Several values in one cell, separated as JIS codes never are.
      prefecture_codes: c.prefectureCodes.join(';'),
      core_organization_id: c.coreOrganizationId,
      confidence: c.confidence,
      source: c.source,
      updated_at: c.updatedAt,
    })),
  );
}

export function organizationsTable(items: OpenOrganization[], fileStem: string): ExportTable {
  return table(
    fileStem,
    'organizations',
    [
      column('id', 'number'),
      column('kind'),
      column('name_ja'),
      column('name_en'),
      column('prefecture_code'),
      column('url'),
      column('cluster_keys'),
      column('withdrawn_at'),
      column('source'),
      column('updated_at'),
    ],
    items.map((o) => ({
      id: o.id,
      kind: o.kind,
      name_ja: o.name.ja,
      name_en: o.name.en,
      prefecture_code: o.prefectureCode,
      url: o.url,
      cluster_keys: o.clusterKeys.join(';'),
      withdrawn_at: o.withdrawnAt,
      source: o.source,
      updated_at: o.updatedAt,
    })),
  );
}

export function outcomesTable(items: OpenOutcome[], fileStem: string): ExportTable {
  return table(
    fileStem,
    'outcomes',
    [
      column('cluster'),
      column('fy_from', 'number'),
      column('fy_to', 'number'),
      column('indicator'),
      column('unit'),
      column('value', 'number'),
      column('report_id', 'number'),
      column('report_version', 'number'),
      column('accepted_at'),
      column('source'),
    ],
    items.map((o) => ({
      cluster: o.cluster,
      fy_from: o.fyFrom,
      fy_to: o.fyTo,
      indicator: o.indicator,
      unit: o.unit,
      value: o.value,
      report_id: o.reportId,
      report_version: o.reportVersion,
      accepted_at: o.acceptedAt,
      source: o.source,
    })),
  );
}

const ITEM_FIELDS = [
  'id',
  'cluster',
  'fiscalYear',
  'kind',
  'title',
  'authors',
  'venue',
  'pubYear',
  'doi',
  'scope',
  'applicationNumber',
  'filingDate',
  'country',
  'patentStatus',
  'grantedDate',
  'ownerKind',
  'ownerName',
  'recipient',
  'company',
  'launchDate',
  'media',
  'outlet',
  'itemDate',
  'programmeName',
  'funder',
  'amountYen',
  'periodFromFy',
  'periodToFy',
  'reportId',
] as const satisfies readonly (keyof OpenOutcomeItem)[];

const NUMERIC_ITEM_FIELDS = new Set<string>([
  'id',
  'fiscalYear',
  'pubYear',
  'amountYen',
  'periodFromFy',
  'periodToFy',
  'reportId',
]);

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function outcomeItemsTable(items: OpenOutcomeItem[], fileStem: string): ExportTable {
  return table(
    fileStem,
    'outcome items',
    ITEM_FIELDS.map((f) => column(snake(f), NUMERIC_ITEM_FIELDS.has(f) ? 'number' : 'text')),
    items.map((item) => Object.fromEntries(ITEM_FIELDS.map((f) => [snake(f), item[f]]))),
  );
}

export function budgetsTable(items: OpenBudgetLine[], fileStem: string): ExportTable {
  return table(
    fileStem,
    'budgets',
    [
      column('id', 'number'),
      column('scope'),
      column('cluster'),
      column('fiscal_year', 'number'),
      column('kind'),
      column('amount_yen', 'number'),
      column('source'),
    ],
    items.map((b) => ({
      id: b.id,
      scope: b.scope,
      cluster: b.cluster,
      fiscal_year: b.fiscalYear,
      kind: b.kind,
      amount_yen: b.amountYen,
      source: b.source,
    })),
  );
}
