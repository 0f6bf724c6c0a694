import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfEvaluationClusterData } from '../../../../contracts/evaluation-self-evaluations';
import { BUDGET_KIND_LABELS, BUDGET_KINDS, type BudgetKind } from '../../../../domain/budget';
import { EChart, type ChartOption } from '../../../components/EChart';
import { BUDGET_KIND_COLORS } from '../../../lib/chart-colors';
import { useFormatters } from '../../../lib/format';

/** The cluster's money per fiscal year of the period, stacked by kind, in millions of yen. */
export function ClusterBudgetChart({ data }: { data: SelfEvaluationClusterData }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const option = useMemo<ChartOption>(() => {
    const years: number[] = [];
    for (let fy = data.fromFiscalYear; fy <= data.toFiscalYear; fy++) years.push(fy);
    const kinds = BUDGET_KINDS.filter((k) => data.budgets.some((b) => b.kind === k));
    const amount = (fy: number, kind: BudgetKind) =>
      data.budgets.find((b) => b.fiscalYear === fy && b.kind === kind)?.amountYen ?? 0;
    const unit = t('evaluationSelf.data.millionYen');
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => `${typeof v === 'number' ? v.toLocaleString() : String(v)} ${unit}`,
      },
      legend: { top: 0, type: 'scroll' },
      xAxis: { type: 'category', data: years.map((fy) => f.fy(fy)) },
      yAxis: { type: 'value', name: unit, nameLocation: 'end' },
      series: kinds.map((kind) => ({
        type: 'bar' as const,
        name: BUDGET_KIND_LABELS[kind][f.locale],
        stack: 'money',
        barMaxWidth: 36,
        itemStyle: { color: BUDGET_KIND_COLORS[kind] },
        data: years.map((fy) => Math.round(amount(fy, kind) / 100_000) / 10),
      })),
    };
  }, [data, f, t]);
  return (
    <EChart
      option={option}
      label={t('evaluationSelf.data.budgetChartLabel', {
        period: f.fyRange(data.fromFiscalYear, data.toFiscalYear),
      })}
      height={240}
    />
  );
}
