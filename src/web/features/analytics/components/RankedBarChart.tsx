import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnalyticsIndicatorResponse } from '../../../../contracts/analytics';
import { EChart, type ChartOption } from '../../../components/EChart';
import { PRIMARY_CHART_COLOR } from '../../../lib/chart-colors';
import { useLocale, useLocalize } from '../../../lib/format';
import { formatFigure } from '../figure-format';

/** Most groups a bar chart shows; the table lists them all. */
const MAX_BARS = 30;

interface Props {
  data: AnalyticsIndicatorResponse;
  label: string;
}

/** Groups by rank on their range total in the chosen normalisation, highest first. */
export function RankedBarChart({ data, label }: Props) {
  const localize = useLocalize();
  const locale = useLocale();
  const { t } = useTranslation();
  const ranked = data.groups.filter((g) => g.total?.normalised != null).slice(0, MAX_BARS);
  const fmt = (v: number) => formatFigure(v, data.indicator.unit, data.normalise, locale) ?? '';
  const option: ChartOption = {
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : String(v)),
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map((g) => `${g.rank}. ${localize(g.label)}`),
      axisLabel: { interval: 0 },
    },
    series: [
      {
        type: 'bar',
        data: ranked.map((g) => g.total!.normalised!),
        barMaxWidth: 18,
        itemStyle: { color: PRIMARY_CHART_COLOR },
        label: { show: true, position: 'right', fontSize: 11, formatter: (p) => fmt(Number(p.value)) },
      },
    ],
  };
  if (ranked.length === 0) return <Text c="dimmed">{t('analytics.rankingEmpty')}</Text>;
  return <EChart option={option} label={label} height={Math.max(200, ranked.length * 26 + 40)} />;
}
