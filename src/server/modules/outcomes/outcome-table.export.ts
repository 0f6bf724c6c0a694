/**
 * The outcome table as an export table: for CSV the platform's historical header (keys and both
 * languages, sales in yen); for XLSX the seed deck's layout (論文 over 国内/海外, 特許 over four
 * columns, 報道 over 新聞/TV/雑誌, counts in 件 and sales in 千円 as the deck prints them).
 */
import type { OutcomeTableResponse } from '../../../contracts/outcomes';
import { formatFiscalYearRange } from '../../../domain/fiscal-year';
import type { Bilingual, ExportColumn, ExportLanguage, ExportTable } from '../exports/export-table';

/** The short headings under a group, as the deck prints them. */
const SUB_LABELS: Readonly<Record<string, Bilingual>> = {
  papers_domestic: { ja: '国内', en: 'Domestic' },
  papers_abroad: { ja: '海外', en: 'Abroad' },
  patents_domestic_applied: { ja: '国内出願', en: 'Domestic, applied' },
  patents_domestic_acquired: { ja: '国内取得', en: 'Domestic, granted' },
  patents_abroad_applied: { ja: '海外出願', en: 'Abroad, applied' },
  patents_abroad_acquired: { ja: '海外取得', en: 'Abroad, granted' },
  news_newspaper: { ja: '新聞', en: 'Newspapers' },
  news_tv: { ja: 'TV', en: 'TV' },
  news_journal: { ja: '雑誌', en: 'Journals' },
};

const UNIT_COUNT: Bilingual = { ja: '件', en: 'items' };
const UNIT_YEN: Bilingual = { ja: '円', en: 'yen' };
const UNIT_THOUSAND_YEN: Bilingual = { ja: '千円', en: '¥ thousand' };

function fileStem(table: OutcomeTableResponse): string {
  return `outcomes-fy${table.period.from}-fy${table.period.to}`;
}

function title(table: OutcomeTableResponse): Bilingual {
  const { from, to } = table.period;
  return {
    ja: `知的クラスター創成事業 成果一覧（${formatFiscalYearRange(from, to, 'ja')}）`,
    en: `Knowledge Cluster Initiative: outcomes by cluster (${formatFiscalYearRange(from, to, 'en')})`,
  };
}

function sourceNotes(table: OutcomeTableResponse): string[] {
  return table.sources.map((s) => `Source / 出典: ${s}`);
}

/** CSV: cluster key and both names, then the 13 indicators (sales in yen), then the Total row. */
export function outcomeTableCsvExport(table: OutcomeTableResponse): ExportTable {
  const columns: ExportColumn[] = [
    { key: 'cluster_key', label: { ja: 'クラスターキー', en: 'Cluster key' }, type: 'text' },
    { key: 'cluster_ja', label: { ja: 'クラスター名', en: 'Cluster (Japanese)' }, type: 'text' },
    { key: 'cluster_en', label: { ja: 'クラスター名（英語）', en: 'Cluster' }, type: 'text' },
    ...table.indicators.map((i): ExportColumn => ({
      key: i.key,
      label: i.label,
      type: 'number',
      ...(i.unit === 'yen' ? { unit: UNIT_YEN } : {}),
    })),
  ];
  return {
    fileStem: fileStem(table),
    title: title(table),
    columns,
    rows: table.rows.map((r) => ({
      cluster_key: r.cluster.key,
      cluster_ja: r.cluster.name.ja,
      cluster_en: r.cluster.name.en,
      ...Object.fromEntries(table.indicators.map((i) => [i.key, r.values[i.key] ?? 0])),
    })),
    total: {
      cluster_key: 'total',
      cluster_ja: '合計',
      cluster_en: 'Total',
      ...Object.fromEntries(table.indicators.map((i) => [i.key, table.total.values[i.key] ?? 0])),
    },
    notes: sourceNotes(table),
  };
}

/** XLSX: the cluster's name in the reader's language and the indicators grouped as in the seed deck. */
export function outcomeTableXlsxExport(table: OutcomeTableResponse, lang: ExportLanguage): ExportTable {
  const inThousands = (key: string) => table.indicators.find((i) => i.key === key)?.unit === 'yen';
  const groupSizes = new Map<string, number>();
  for (const i of table.indicators) groupSizes.set(i.group, (groupSizes.get(i.group) ?? 0) + 1);
  const columns: ExportColumn[] = [
    { key: 'cluster', label: { ja: 'クラスター', en: 'Cluster' }, type: 'text', width: 22 },
    ...table.indicators.map((i): ExportColumn => {
      const grouped = (groupSizes.get(i.group) ?? 0) > 1;
      return {
        key: i.key,
        label: grouped ? (SUB_LABELS[i.key] ?? i.label) : i.label,
        group: grouped ? { key: i.group, label: i.groupLabel } : undefined,
        unit: i.unit === 'yen' ? UNIT_THOUSAND_YEN : UNIT_COUNT,
        type: 'number',
        width: i.unit === 'yen' ? 13 : 10,
      };
    }),
  ];
  const valuesOf = (values: Record<string, number>) =>
    Object.fromEntries(
      table.indicators.map((i) => {
        const v = values[i.key] ?? 0;
        return [i.key, inThousands(i.key) ? v / 1000 : v];
      }),
    );
  return {
    fileStem: fileStem(table),
    title: title(table),
    columns,
    rows: table.rows.map((r) => ({
      cluster: r.cluster.name[lang] || r.cluster.name.ja,
      ...valuesOf(r.values),
    })),
    total: { cluster: lang === 'ja' ? '合計' : 'Total', ...valuesOf(table.total.values) },
    notes: sourceNotes(table),
  };
}
