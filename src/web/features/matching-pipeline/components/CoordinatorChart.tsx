import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinatorSummary } from '../../../../contracts/matches';
import { MATCH_STAGES } from '../../../../domain/match-pipeline';
import { type ChartOption, EChart } from '../../../components/EChart';
import { STAGE_COLORS } from './pipeline-labels';

/** Matches per coordinator stacked by their current stage (horizontal bars, one per coordinator). */
export function CoordinatorChart({ summary }: { summary: CoordinatorSummary }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    // A category axis draws its first entry at the bottom: reverse so bars read in the table's order.
    const rows = [...summary.items].reverse();
    const stages = MATCH_STAGES.filter((s) => summary.items.some((i) => (i.byStage[s] ?? 0) > 0));
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.displayName),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: stages.map((s) => ({
        type: 'bar' as const,
        stack: 'stage',
        name: t(`matchingPipeline.stage.${s}`),
        itemStyle: { color: STAGE_COLORS[s] },
        data: rows.map((r) => r.byStage[s] ?? 0),
      })),
    };
  }, [summary, t]);
  if (summary.items.length === 0) return null;
  return (
    <EChart
      option={option}
      label={t('matchingPipeline.summary.chartLabel')}
      height={96 + summary.items.length * 40}
    />
  );
}
