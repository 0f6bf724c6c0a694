/**
 * A cluster's numerical targets as a table for download: one row per indicator and fiscal year with
 * its baseline, target, the actual of the accepted report and the progress. No Total row: the rows
 * mix indicators with different units (counts and yen), which do not add up.
 */
import type { ClusterTargetsResponse } from '../../../contracts/targets';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { getIndicator } from '../../../domain/indicators';
import type { Bilingual, ExportColumn, ExportLanguage, ExportTable } from '../exports/export-table';

const UNITS: Record<'count' | 'yen', Bilingual> = {
  count: { ja: '件', en: 'items' },
  yen: { ja: '円', en: 'yen' },
};

export function clusterTargetsExportTable(data: ClusterTargetsResponse, lang: ExportLanguage): ExportTable {
  const name = data.cluster.name[lang] || data.cluster.name.ja || data.cluster.key;
  const columns: ExportColumn[] = [
    { key: 'indicator', label: { ja: '指標キー', en: 'Indicator key' }, type: 'text', width: 22 },
    { key: 'indicator_label', label: { ja: '指標', en: 'Indicator' }, type: 'text', width: 24 },
    { key: 'unit', label: { ja: '単位', en: 'Unit' }, type: 'text', width: 7 },
    { key: 'fiscal_year', label: { ja: '年度', en: 'Fiscal year' }, type: 'number', width: 9 },
    {
      key: 'fiscal_year_ja',
      label: { ja: '年度（和暦）', en: 'Fiscal year (Japanese era)' },
      type: 'text',
      width: 13,
    },
    { key: 'baseline', label: { ja: '基準値', en: 'Baseline' }, type: 'number', width: 12 },
    { key: 'target', label: { ja: '目標値', en: 'Target' }, type: 'number', width: 12 },
    { key: 'actual', label: { ja: '実績値', en: 'Actual' }, type: 'number', width: 12 },
    {
      key: 'progress_percent',
      label: { ja: '達成率', en: 'Progress' },
      unit: { ja: '%', en: '%' },
      type: 'number',
      width: 10,
    },
    { key: 'note', label: { ja: '備考', en: 'Note' }, type: 'text', width: 30 },
  ];
  return {
    fileStem: `targets-${data.cluster.key}`,
    title: { ja: `${name} 数値目標と実績`, en: `${name}: targets and actuals` },
    columns,
    rows: data.targets.map((target) => {
      const indicator = getIndicator(target.indicator);
      return {
        indicator: target.indicator,
        indicator_label: indicator.label[lang],
        unit: UNITS[indicator.unit][lang],
        fiscal_year: target.fiscalYear,
        fiscal_year_ja: formatFiscalYear(target.fiscalYear, 'ja'),
        baseline: target.baseline,
        target: target.target,
        actual: target.actual,
        // One decimal of a percent, as the page shows progress in whole percents.
        progress_percent: target.progress === null ? null : Math.round(target.progress * 1000) / 10,
        note: target.note,
      };
    }),
    notes: [
      lang === 'ja'
        ? '達成率 =（実績値 − 基準値）÷（目標値 − 基準値）。実績値はその年度の受理済み単年度報告の値です。'
        : 'Progress = (actual − baseline) ÷ (target − baseline). The actual is the value of the accepted single-year report of that fiscal year.',
    ],
  };
}
