/**
 * The analytics as a table for download: one row per group with its rank, its figure per reporting
 * period (grouped under one heading in XLSX) and its range total, raw and normalised.
 */
import type { AnalyticsIndicatorResponse } from '../../../contracts/analytics';
import { formatFiscalYearRange } from '../../../domain/fiscal-year';
import type { Bilingual, ExportColumn, ExportLanguage, ExportTable } from '../exports/export-table';

const NORMALISATION_LABELS: Record<AnalyticsIndicatorResponse['normalise'], Bilingual> = {
  raw: { ja: '実数', en: 'Raw' },
  per100m: { ja: '補助金1億円あたり', en: 'Per ¥100M of subsidy' },
  perResearcher: { ja: '研究者1人あたり', en: 'Per researcher' },
};

function periodLabel(p: { fyFrom: number; fyTo: number }, lang: ExportLanguage): string {
  return formatFiscalYearRange(p.fyFrom, p.fyTo, lang);
}

export function analyticsExportTable(a: AnalyticsIndicatorResponse, lang: ExportLanguage): ExportTable {
  const unit: Bilingual = a.indicator.unit === 'yen' ? { ja: '円', en: 'yen' } : { ja: '件', en: 'items' };
  const normalisedUnit: Bilingual =
    a.normalise === 'raw'
      ? unit
      : {
          ja: `${unit.ja}／${NORMALISATION_LABELS[a.normalise].ja}`,
          en: `${unit.en} ${NORMALISATION_LABELS[a.normalise].en.toLowerCase()}`,
        };
  const periodGroup = {
    key: 'periods',
    label: { ja: '報告期間別（実数）', en: 'By reporting period (raw)' },
  };
  const columns: ExportColumn[] = [
    { key: 'rank', label: { ja: '順位', en: 'Rank' }, type: 'number', width: 7 },
    { key: 'key', label: { ja: 'キー', en: 'Key' }, type: 'text', width: 16 },
    { key: 'name', label: { ja: '名称', en: 'Name' }, type: 'text', width: 24 },
    ...a.periods.map((p): ExportColumn => ({
      key: `fy${p.fyFrom}_${p.fyTo}`,
      label: { ja: periodLabel(p, 'ja'), en: periodLabel(p, 'en') },
      group: periodGroup,
      unit,
      type: 'number',
      width: 14,
    })),
    { key: 'total', label: { ja: '期間合計', en: 'Total' }, unit, type: 'number', width: 12 },
    {
      key: 'normalised',
      label: NORMALISATION_LABELS[a.normalise],
      unit: normalisedUnit,
      type: 'number',
      width: 16,
    },
  ];
  const rowOf = (
    base: { rank: number | null; key: string; name: string },
    points: AnalyticsIndicatorResponse['overall']['points'],
    total: AnalyticsIndicatorResponse['overall']['total'],
  ) => ({
    ...base,
    ...Object.fromEntries(
      a.periods.map((p) => [
        `fy${p.fyFrom}_${p.fyTo}`,
        points.find((q) => q.fyFrom === p.fyFrom && q.fyTo === p.fyTo)?.value ?? null,
      ]),
    ),
    total: total?.value ?? null,
    // Ratios keep four decimals: enough to rank by eye, short enough to read.
    normalised:
      total?.normalised === null || total === null ? null : Math.round(total.normalised * 1e4) / 1e4,
  });
  const range = {
    ja: formatFiscalYearRange(a.from, a.to, 'ja'),
    en: formatFiscalYearRange(a.from, a.to, 'en'),
  };
  return {
    fileStem: `analytics-${a.indicator.key}-${a.groupBy}-${a.normalise}-fy${a.from}-fy${a.to}`,
    title: {
      ja: `${a.indicator.label.ja}（${NORMALISATION_LABELS[a.normalise].ja}、${range.ja}）`,
      en: `${a.indicator.label.en} (${NORMALISATION_LABELS[a.normalise].en}, ${range.en})`,
    },
    columns,
    rows: a.groups.map((g) =>
      rowOf({ rank: g.rank, key: g.key, name: g.label[lang] || g.label.ja }, g.points, g.total),
    ),
    total: rowOf(
      { rank: null, key: 'total', name: lang === 'ja' ? '合計' : 'Total' },
      a.overall.points,
      a.overall.total,
    ),
    notes: a.notes.map((n) => n.message[lang]),
  };
}
