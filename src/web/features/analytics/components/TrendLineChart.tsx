import type { AnalyticsIndicatorResponse } from '../../../../contracts/analytics';
import { EChart, type ChartOption } from '../../../components/EChart';
import { useFormatters, useLocalize } from '../../../lib/format';
import { formatFigure } from '../figure-format';

export const TREND_SERIES = 8;

interface Props {
  data: AnalyticsIndicatorResponse;
  label: string;
}

/**
 * The top groups' raw figures per reporting period. A multi-year report is one point labelled with
 * its whole period (FY2002–FY2004), never spread over invented yearly values.
 */
export function TrendLineChart({ data, label }: Props) {
  const f = useFormatters();
  const localize = useLocalize();
  const groups = data.groups.filter((g) => g.points.length > 0).slice(0, TREND_SERIES);
  const periods = data.periods.map((p) => f.fyRange(p.fyFrom, p.fyTo));
  const fmt = (v: number) => formatFigure(v, data.indicator.unit, 'raw', f.locale) ?? '';
  const option: ChartOption = {
    // Room at the top for the legend.
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : '—') },
    xAxis: { type: 'category', data: periods, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v) } },
    series: groups.map((g) => ({
      type: 'line',
      name: localize(g.label),
      connectNulls: false,
      symbolSize: 7,
      data: data.periods.map(
        (p) => g.points.find((q) => q.fyFrom === p.fyFrom && q.fyTo === p.fyTo)?.value ?? null,
      ),
    })),
  };
  return <EChart option={option} label={label} height={340} />;
}
