import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeightSetView } from '../../../../contracts/evaluation-grading';
import { type ChartOption, EChart } from '../../../components/EChart';
import { PRIMARY_CHART_COLOR } from '../../../lib/chart-colors';
import { useLocalize } from '../../../lib/format';

/**
 * One version's weights as horizontal bars, items numbered in the round's order (the table of
 * versions beside it holds the same figures). Bars use the shown tenths, which add up to 100.0.
 */
export function WeightSetChart({ set }: { set: WeightSetView }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const option = useMemo<ChartOption>(() => {
    const labels = set.weights.map((w, i) => `${i + 1}. ${localize(w.label)}`);
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels,
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('evaluationGrading.sets.weight'),
          itemStyle: { color: PRIMARY_CHART_COLOR },
          label: { show: true, position: 'right', formatter: (p) => set.weights[p.dataIndex]?.shown ?? '' },
          data: set.weights.map((w) => Number(w.shown)),
        },
      ],
    };
  }, [set, t, localize]);
  return (
    <EChart
      option={option}
      label={t('evaluationGrading.sets.chartLabel', { version: set.version })}
      height={Math.max(160, 36 * set.weights.length + 40)}
    />
  );
}
