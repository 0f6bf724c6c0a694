import { useTranslation } from 'react-i18next';
import type { BudgetSummaryResponse } from '../../../../contracts/budgets';
import { BUDGET_KIND_LABELS, BUDGET_KINDS } from '../../../../domain/budget';
import { EChart, type ChartOption } from '../../../components/EChart';
import { BUDGET_KIND_COLORS } from '../../../lib/chart-colors';
import { useFormatters } from '../../../lib/format';
import { type DisplayUnit, scaleYen } from './money-units';

interface Props {
  summary: BudgetSummaryResponse;
  unit: DisplayUnit;
}

/** Each fiscal year's cluster money stacked by kind, with the programme-level budget beside it. */
export function BudgetChart({ summary, unit }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const years: number[] = [];
  for (let fy = summary.period.from; fy <= summary.period.to; fy++) years.push(fy);
  const byYear = new Map(summary.fiscalYears.map((y) => [y.fiscalYear, y]));
  const programme = new Map(summary.programme.map((y) => [y.fiscalYear, y.total]));
  const unitLabel = t(`budgets.units.${unit}`);

  const option: ChartOption = {
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) =>
        `${typeof value === 'number' ? value.toLocaleString() : String(value)} ${unitLabel}`,
    },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: years.map((fy) => f.fy(fy)) },
    yAxis: { type: 'value', name: unitLabel, nameLocation: 'end' },
    series: [
      ...BUDGET_KINDS.map((kind) => ({
        type: 'bar' as const,
        name: BUDGET_KIND_LABELS[kind][f.locale],
        stack: 'clusters',
        barMaxWidth: 36,
        itemStyle: { color: BUDGET_KIND_COLORS[kind] },
        data: years.map((fy) => scaleYen(byYear.get(fy)?.byKind[kind] ?? 0, unit)),
      })),
      {
        type: 'bar' as const,
        name: t('budgets.chart.programmeBudget'),
        stack: 'programme',
        barMaxWidth: 36,
        itemStyle: { color: '#c9d3df', borderColor: '#1b4f8a', borderType: 'dashed' as const },
        data: years.map((fy) => scaleYen(programme.get(fy) ?? 0, unit)),
      },
    ],
  };
  return (
    <EChart
      option={option}
      label={t('budgets.chart.label', { period: f.fyRange(summary.period.from, summary.period.to) })}
      height={340}
    />
  );
}
