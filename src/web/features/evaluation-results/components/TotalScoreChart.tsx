import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BandsInput, GradeScaleInput } from '../../../../contracts/evaluation-rounds';
import { type ChartOption, EChart } from '../../../components/EChart';
import { useLocale } from '../../../lib/format';
import { bandColor, bandThresholds, formatScore, scaleRange } from './result-format';

export interface ChartCluster {
  /** What the axis shows: rank and name. */
  label: string;
  score: number | null;
  band: string | null;
}

interface TotalScoreChartProps {
  clusters: readonly ChartCluster[];
  bands: BandsInput;
  scale: GradeScaleInput;
  /** Spoken name of the chart (the ranked table on the page holds the same figures). */
  label: string;
}

/**
 * Total scores in rank order on the points scale, each bar in its band's colour, with every band's
 * minimum drawn across as a dashed line so the reader sees how close a cluster is to the next band.
 */
export function TotalScoreChart({ clusters, bands, scale, label }: TotalScoreChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const option = useMemo<ChartOption>(() => {
    const scored = clusters.filter((c) => c.score !== null);
    const range = scaleRange(scale);
    return {
      aria: { enabled: true },
      grid: { left: 48, right: 16, top: 48, bottom: 110 },
      legend: { top: 0, type: 'scroll' },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => formatScore(typeof v === 'number' ? v : null, locale),
      },
      xAxis: {
        type: 'category',
        data: scored.map((c) => c.label),
        axisLabel: { rotate: 35, interval: 0, width: 140, overflow: 'truncate' },
      },
      yAxis: { type: 'value', min: range.min, max: range.max, name: t('evaluationResults.chart.points') },
      series: [
        {
          type: 'bar',
          name: t('evaluationResults.chart.total'),
          barMaxWidth: 48,
          data: scored.map((c) => ({
            value: c.score,
            itemStyle: { color: bandColor(c.band, bands).hex },
          })),
        },
        ...bandThresholds(bands, scale).map((b) => ({
          type: 'line' as const,
          name: t('evaluationResults.chart.threshold', {
            band: b.band,
            min: formatScore(b.minScore, locale),
          }),
          data: scored.map(() => b.minScore),
          symbol: 'none',
          lineStyle: { type: 'dashed' as const, width: 1.5, color: bandColor(b.band, bands).hex },
          itemStyle: { color: bandColor(b.band, bands).hex },
          tooltip: { show: false },
        })),
      ],
    };
  }, [clusters, bands, scale, t, locale]);
  return <EChart option={option} label={label} height={380} />;
}
