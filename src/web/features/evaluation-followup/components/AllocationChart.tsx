import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationPreviewResponse } from '../../../../contracts/evaluation-allocation';
import { type ChartOption, EChart } from '../../../components/EChart';
import { PRIMARY_CHART_COLOR } from '../../../lib/chart-colors';
import { useFormatters, useLocalize } from '../../../lib/format';
import { formatMillions, yenToChartMillions } from './followup-format';

const CURRENT_COLOR = '#9aa5b1';

/**
 * This year's subsidy beside next year's, per cluster in rank order (grouped bars in ¥M), so the
 * raises and cuts of the rule are seen at a glance. The table above holds the same figures.
 */
export function AllocationChart({ allocation }: { allocation: AllocationPreviewResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      grid: { left: 64, right: 16, top: 40, bottom: 100 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) =>
          typeof v === 'number' ? `${formatMillions(v)} ${t('evaluationFollowup.chart.unit')}` : '',
      },
      xAxis: {
        type: 'category',
        data: allocation.lines.map((l) => localize(l.cluster.name)),
        axisLabel: { rotate: 35, interval: 0 },
      },
      yAxis: { type: 'value', name: t('evaluationFollowup.chart.unit') },
      series: [
        {
          type: 'bar',
          name: t('evaluationFollowup.chart.current', { fy: f.fy(allocation.rule.baseFiscalYear) }),
          itemStyle: { color: CURRENT_COLOR },
          data: allocation.lines.map((l) => yenToChartMillions(l.currentYen)),
        },
        {
          type: 'bar',
          name: t('evaluationFollowup.chart.final', { fy: f.fy(allocation.fiscalYear) }),
          itemStyle: { color: PRIMARY_CHART_COLOR },
          data: allocation.lines.map((l) => yenToChartMillions(l.finalYen)),
        },
      ],
    }),
    [allocation, f, localize, t],
  );
  return (
    <EChart
      option={option}
      label={t('evaluationFollowup.chart.label', {
        current: f.fy(allocation.rule.baseFiscalYear),
        next: f.fy(allocation.fiscalYear),
      })}
      height={360}
    />
  );
}
