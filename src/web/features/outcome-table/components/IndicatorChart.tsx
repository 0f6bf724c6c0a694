import { Paper, Select, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeTableResponse } from '../../../../contracts/outcomes';
import { EChart, type ChartOption } from '../../../components/EChart';
import { PRIMARY_CHART_COLOR } from '../../../lib/chart-colors';
import { useLocalize } from '../../../lib/format';
import { displayValue } from './outcome-columns';

interface Props {
  table: OutcomeTableResponse;
  indicatorKey: string;
  onIndicatorChange: (key: string) => void;
}

/** One indicator across all clusters, largest first. */
export function IndicatorChart({ table, indicatorKey, onIndicatorChange }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const indicator = table.indicators.find((i) => i.key === indicatorKey) ?? table.indicators[0];
  if (!indicator) return null;

  const unit = indicator.unit === 'yen' ? t('outcomes.unitThousandYen') : t('outcomes.unitCount');
  const rows = [...table.rows]
    .map((row) => ({
      name: localize(row.cluster.name),
      value: displayValue(indicator, row.values[indicator.key] ?? 0),
    }))
    .sort((a, b) => b.value - a.value);
  const title = t('outcomes.chartTitle', { indicator: localize(indicator.label), unit });

  const option: ChartOption = {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', name: unit, nameLocation: 'end', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { interval: 0 } },
    series: [
      {
        type: 'bar',
        name: localize(indicator.label),
        data: rows.map((r) => r.value),
        barMaxWidth: 18,
        itemStyle: { color: PRIMARY_CHART_COLOR },
        label: { show: true, position: 'right', fontSize: 11 },
      },
    ],
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('outcomes.chartHeading')}
        </Title>
        <Select
          label={t('outcomes.chooseIndicator')}
          data={table.indicators.map((i) => ({ value: i.key, label: localize(i.label) }))}
          value={indicator.key}
          allowDeselect={false}
          onChange={(v) => v && onIndicatorChange(v)}
          maw={360}
        />
        <EChart option={option} label={title} height={Math.max(240, rows.length * 26 + 40)} />
      </Stack>
    </Paper>
  );
}
