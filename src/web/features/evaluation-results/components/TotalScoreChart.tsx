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
 * Total scores in rank order on the points scale, as horizontal bars (long cluster names fit on a
 * phone), each bar in its band's colour with one legend entry per band, and every band's minimum
 * drawn as a dashed line so the reader sees how close a cluster is to the next band.
 */
export function TotalScoreChart({ clusters, bands, scale, label }: TotalScoreChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const scored = useMemo(() => clusters.filter((c) => c.score !== null), [clusters]);
  const option = useMemo<ChartOption>(() => {
    const range = scaleRange(scale);
    // One series per band present (and one for clusters in none), so the legend's swatches are the
    // bars' colours; a cluster's bar is in its band's series only, all in the same slot.
    const groups: { band: string | null; name: string; color: string }[] = [
      ...bands.map((b) => ({
        band: b.band,
        name: t('evaluationResults.chart.band', { band: b.band }),
        color: bandColor(b.band, bands).hex,
      })),
      { band: null, name: t('evaluationResults.chart.noBand'), color: bandColor(null, bands).hex },
    ].filter((g) => scored.some((c) => c.band === g.band));
    const thresholds = bandThresholds(bands, scale);
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 40, bottom: 56, containLabel: true },
      legend: { top: 0, type: 'scroll', data: groups.map((g) => g.name) },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const { dataIndex, seriesName } = p as { dataIndex: number; seriesName: string };
          const c = scored[dataIndex];
          return c ? `${c.label}<br/>${seriesName}: ${formatScore(c.score, locale)}` : '';
        },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: scored.map((c) => c.label),
        axisLabel: { width: 170, overflow: 'break', lineHeight: 14 },
      },
      xAxis: {
        type: 'value',
        min: range.min,
        max: range.max,
        name: t('evaluationResults.chart.points'),
        nameLocation: 'middle',
        nameGap: 26,
      },
      series: [
        ...groups.map((g) => ({
          type: 'bar' as const,
          name: g.name,
          barMaxWidth: 24,
          // Every series in one slot: each category holds one bar only.
          barGap: '-100%',
          itemStyle: { color: g.color },
          data: scored.map((c) => (c.band === g.band ? c.score : '-')),
        })),
        // The band minimums as dashed lines across the clusters, each in its band's colour and
        // labelled at its end (not in the legend, which lists the bands).
        ...thresholds.map((b) => ({
          type: 'line' as const,
          name: t('evaluationResults.chart.thresholdShort', {
            band: b.band,
            min: formatScore(b.minScore, locale),
          }),
          data: scored.map(() => b.minScore),
          symbol: 'none',
          silent: true,
          z: 3,
          lineStyle: { type: 'dashed' as const, width: 1.5, color: bandColor(b.band, bands).hex },
          itemStyle: { color: bandColor(b.band, bands).hex },
          endLabel: {
            show: true,
            color: bandColor(b.band, bands).hex,
            formatter: t('evaluationResults.chart.thresholdShort', {
              band: b.band,
              min: formatScore(b.minScore, locale),
            }),
          },
          tooltip: { show: false },
        })),
      ],
    };
  }, [scored, bands, scale, t, locale]);
  return <EChart option={option} label={label} height={Math.max(240, scored.length * 34 + 110)} />;
}
