import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResults } from '../../../../contracts/selection-results';
import { type ChartOption, EChart } from '../../../components/EChart';
import { PRIMARY_CHART_COLOR } from '../../../lib/chart-colors';
import { useLocale, useLocalize } from '../../../lib/format';
import { formatScore } from './score-format';

const REVIEWER_COLORS = ['#c2410c', '#7c3aed', '#047857', '#b91c1c', '#0e7490', '#a16207'];

/**
 * Scores of the ranked proposals as bars, each reviewer's weighted score as a point on its bar, so a
 * score carried by one generous reviewer stands out. The table beside it holds the same figures.
 */
export function ScoreChart({ results }: { results: CallResults }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const option = useMemo<ChartOption>(() => {
    const scored = results.proposals.filter((p) => p.score !== null);
    const maxReviewers = Math.max(0, ...scored.map((p) => p.reviewers.length));
    const labelOf = (label: string) => t('selectionResults.chart.reviewer', { label });
    return {
      aria: { enabled: true },
      grid: { left: 48, right: 16, top: 40, bottom: 90 },
      legend: { top: 0, type: 'scroll' },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => formatScore(typeof v === 'number' ? v : null, locale),
      },
      xAxis: {
        type: 'category',
        data: scored.map((p) => `${p.rankLabel ?? ''} ${localize(p.region)}`),
        axisLabel: { rotate: 35, interval: 0 },
      },
      yAxis: { type: 'value', min: results.call.scale.min, max: results.call.scale.max },
      series: [
        {
          type: 'bar',
          name: t('selectionResults.chart.score'),
          itemStyle: { color: PRIMARY_CHART_COLOR },
          data: scored.map((p) => ({
            value: p.score,
            itemStyle: p.group === 'ineligible' ? { color: '#adb5bd' } : undefined,
          })),
        },
        ...Array.from({ length: maxReviewers }, (_, i) => ({
          type: 'line' as const,
          name: labelOf(String(i + 1)),
          data: scored.map((p) => p.reviewers[i]?.weighted ?? null),
          lineStyle: { width: 0 },
          symbol: 'circle',
          symbolSize: 8,
          itemStyle: { color: REVIEWER_COLORS[i % REVIEWER_COLORS.length] },
          connectNulls: false,
        })),
      ],
    };
  }, [results, t, locale, localize]);
  return <EChart option={option} label={t('selectionResults.chart.label')} height={360} />;
}
