/**
 * The budget ledger and its per-cluster summary as tables for download. Amounts stay integer yen
 * (the ledger's unit); each fiscal year also carries its 和暦 label (平成16年度), as ministry
 * documents print it.
 */
import type { BudgetLine, BudgetSummaryResponse } from '../../../contracts/budgets';
import { BUDGET_KIND_LABELS, BUDGET_KINDS } from '../../../domain/budget';
import { formatFiscalYear, formatFiscalYearRange } from '../../../domain/fiscal-year';
import type {
  Bilingual,
  ExportColumn,
  ExportLanguage,
  ExportRow,
  ExportTable,
} from '../exports/export-table';

const UNIT_YEN: Bilingual = { ja: '円', en: 'yen' };
const PROGRAMME: Bilingual = { ja: '事業全体', en: 'Programme level' };
/** Programme-level lines already contain the clusters' subsidies: a total over both counts them twice. */
const MIXED_SCOPES_NOTE: Bilingual = {
  ja: '注：事業全体の行には各クラスターの補助金が含まれるため、両方を含む合計は重複を含みます。',
  en: "Note: programme-level lines already include the clusters' subsidies, so a total over both counts them twice.",
};

function nameOf(name: Bilingual, lang: ExportLanguage): string {
  return name[lang] || name.ja || name.en;
}

export interface LedgerExportContext {
  /** The filters as the reader chose them, for the file name and title. */
  filter: { cluster?: string | undefined; from?: number | undefined; to?: number | undefined };
}

function rangeStem(from: number | undefined, to: number | undefined): string {
  if (from === undefined && to === undefined) return '';
  if (from === to) return `-fy${from}`;
  return `${from !== undefined ? `-fy${from}` : '-up'}${to !== undefined ? `-fy${to}` : '-on'}`;
}

/** Every matching ledger line (fiscal year, scope, kind, amount, source, note) and the Total of the amounts. */
export function budgetLedgerExportTable(
  lines: BudgetLine[],
  lang: ExportLanguage,
  context: LedgerExportContext,
): ExportTable {
  const { cluster, from, to } = context.filter;
  const columns: ExportColumn[] = [
    { key: 'fiscal_year', label: { ja: '年度', en: 'Fiscal year' }, type: 'number', width: 9 },
    {
      key: 'fiscal_year_ja',
      label: { ja: '年度（和暦）', en: 'Fiscal year (Japanese era)' },
      type: 'text',
      width: 13,
    },
    { key: 'cluster_key', label: { ja: 'クラスターキー', en: 'Cluster key' }, type: 'text', width: 14 },
    { key: 'cluster', label: { ja: 'クラスター', en: 'Cluster' }, type: 'text', width: 22 },
    { key: 'kind', label: { ja: '種別キー', en: 'Kind key' }, type: 'text', width: 16 },
    { key: 'kind_label', label: { ja: '種別', en: 'Kind' }, type: 'text', width: 24 },
    { key: 'amount_yen', label: { ja: '金額', en: 'Amount' }, unit: UNIT_YEN, type: 'number', width: 16 },
    { key: 'source', label: { ja: '出典', en: 'Source' }, type: 'text', width: 36 },
    { key: 'note', label: { ja: '備考', en: 'Note' }, type: 'text', width: 30 },
  ];
  const rows: ExportRow[] = lines.map((l) => ({
    fiscal_year: l.fiscalYear,
    fiscal_year_ja: formatFiscalYear(l.fiscalYear, 'ja'),
    cluster_key: l.cluster?.key ?? 'programme',
    cluster: l.cluster ? nameOf(l.cluster.name, lang) : PROGRAMME[lang],
    kind: l.kind,
    kind_label: BUDGET_KIND_LABELS[l.kind][lang],
    amount_yen: l.amountYen,
    source: l.source,
    note: l.note,
  }));
  const mixed = lines.some((l) => l.cluster === null) && lines.some((l) => l.cluster !== null);
  const range =
    from !== undefined && to !== undefined
      ? { ja: formatFiscalYearRange(from, to, 'ja'), en: formatFiscalYearRange(from, to, 'en') }
      : null;
  return {
    fileStem: `budget-ledger${cluster ? `-${cluster}` : ''}${rangeStem(from, to)}`,
    title: {
      ja: `予算台帳${range ? `（${range.ja}）` : ''}`,
      en: `Budget ledger${range ? ` (${range.en})` : ''}`,
    },
    columns,
    rows,
    total: {
      cluster_key: 'total',
      cluster: lang === 'ja' ? '合計' : 'Total',
      amount_yen: lines.reduce((sum, l) => sum + l.amountYen, 0),
    },
    // Each line names its own source, so the only note is the double-counting warning.
    notes: mixed ? [MIXED_SCOPES_NOTE[lang]] : [],
  };
}

/**
 * The per-cluster table of the budgets page: one row per cluster with its money per fiscal year
 * and per kind over the range; the programme-level budget first, on its own row; the Total row adds
 * up the clusters only (the programme budget already contains them).
 */
export function budgetSummaryExportTable(summary: BudgetSummaryResponse, lang: ExportLanguage): ExportTable {
  const { from, to } = summary.period;
  const years: number[] = [];
  for (let fy = from; fy <= to; fy++) years.push(fy);
  const yearGroup = { key: 'years', label: { ja: '年度別', en: 'By fiscal year' } };
  const kindGroup = { key: 'kinds', label: { ja: '種別（期間合計）', en: 'By kind (whole range)' } };
  const columns: ExportColumn[] = [
    { key: 'cluster_key', label: { ja: 'クラスターキー', en: 'Cluster key' }, type: 'text', width: 14 },
    { key: 'cluster', label: { ja: 'クラスター', en: 'Cluster' }, type: 'text', width: 24 },
    ...years.map((fy): ExportColumn => ({
      key: `fy${fy}`,
      label: { ja: formatFiscalYear(fy, 'ja'), en: formatFiscalYear(fy, 'en') },
      group: yearGroup,
      unit: UNIT_YEN,
      type: 'number',
      width: 16,
    })),
    ...BUDGET_KINDS.map((kind): ExportColumn => ({
      key: kind,
      label: BUDGET_KIND_LABELS[kind],
      group: kindGroup,
      unit: UNIT_YEN,
      type: 'number',
      width: 16,
    })),
    { key: 'total', label: { ja: '期間合計', en: 'Total' }, unit: UNIT_YEN, type: 'number', width: 17 },
  ];
  const perYear = (entries: { fiscalYear: number; total: number }[]) => {
    const byYear = new Map(entries.map((e) => [e.fiscalYear, e.total]));
    return Object.fromEntries(years.map((fy) => [`fy${fy}`, byYear.get(fy) ?? null]));
  };
  const addKinds = (entries: { byKind: Partial<Record<string, number>> }[]) =>
    Object.fromEntries(BUDGET_KINDS.map((k) => [k, entries.reduce((sum, e) => sum + (e.byKind[k] ?? 0), 0)]));

  const rows: ExportRow[] = [];
  if (summary.programme.length > 0) {
    rows.push({
      cluster_key: 'programme',
      cluster: PROGRAMME[lang],
      ...perYear(summary.programme),
      ...addKinds(summary.programme),
      total: summary.programme.reduce((sum, y) => sum + y.total, 0),
    });
  }
  for (const c of summary.clusters) {
    rows.push({
      cluster_key: c.cluster.key,
      cluster: nameOf(c.cluster.name, lang),
      ...perYear(c.fiscalYears),
      ...addKinds([c]),
      total: c.total,
    });
  }
  const range = { ja: formatFiscalYearRange(from, to, 'ja'), en: formatFiscalYearRange(from, to, 'en') };
  return {
    fileStem: `budget-summary-fy${from}-fy${to}`,
    title: {
      ja: `クラスター別・年度別予算（${range.ja}）`,
      en: `Budgets per cluster and fiscal year (${range.en})`,
    },
    columns,
    rows,
    total: {
      cluster_key: 'total',
      cluster: lang === 'ja' ? '合計（全クラスター）' : 'Total (all clusters)',
      ...perYear(summary.fiscalYears),
      ...addKinds(summary.fiscalYears),
      total: summary.fiscalYears.reduce((sum, y) => sum + y.total, 0),
    },
    notes: [
      ...(summary.programme.length > 0
        ? [
            lang === 'ja'
              ? '注：合計はクラスターのみの合計です。事業全体の予算には各クラスターの補助金が含まれます。'
              : "Note: the Total adds up the clusters only; the programme-level budget already includes the clusters' subsidies.",
          ]
        : []),
    ],
  };
}
