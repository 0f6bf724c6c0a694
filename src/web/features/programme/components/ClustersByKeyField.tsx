import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeResponse, KeyFieldResponse } from '../../../../contracts/reference';
import { EChart, type ChartOption } from '../../../components/EChart';
import { keyFieldColor } from '../../../lib/chart-colors';
import { useLocalize } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';

interface Props {
  rows: ProgrammeResponse['clustersByKeyField'];
  keyFields: readonly KeyFieldResponse[];
}

/** How many clusters work in each key field of the Second Basic Plan. */
export function ClustersByKeyField({ rows, keyFields }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const codeLabel = useCodeLabel();
  const nameOf = (key: string) => {
    const field = keyFields.find((k) => k.key === key);
    return field ? localize(field.name) : codeLabel('keyField', key);
  };
  const order = (key: string) => {
    const index = keyFields.findIndex((k) => k.key === key);
    return index === -1 ? keyFields.length : index;
  };
  const sorted = [...rows].sort((a, b) => order(a.keyField) - order(b.keyField));
  const total = sorted.reduce((sum, row) => sum + row.count, 0);
  const priorities = keyFields.filter((k) => k.isBasicPlanPriority).map((k) => localize(k.name));

  const option: ChartOption = {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: sorted.map((row) => nameOf(row.keyField)) },
    series: [
      {
        type: 'bar',
        name: t('programme.charts.clusterCountAxis'),
        barMaxWidth: 28,
        label: { show: true, position: 'right' },
        data: sorted.map((row) => ({ value: row.count, itemStyle: { color: keyFieldColor(row.keyField) } })),
      },
    ],
  };

  return (
    <Paper withBorder p="md" radius="md" h="100%">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('programme.charts.byKeyFieldTitle')}
        </Title>
        <EChart
          option={option}
          label={t('programme.charts.byKeyFieldTitle')}
          height={Math.max(160, sorted.length * 44)}
        />
        <List spacing={4} size="sm" listStyleType="none" ml={0} pl={0}>
          {sorted.map((row) => {
            return (
              <List.Item key={row.keyField}>
                <Group gap="xs" wrap="nowrap">
                  <span
                    aria-hidden="true"
                    style={{
                      width: 10,
                      height: 10,
                      borderRadius: 2,
                      background: keyFieldColor(row.keyField),
                      flex: 'none',
                    }}
                  />
                  <Text size="sm">{nameOf(row.keyField)}</Text>
                  <Text size="sm" fw={700} className="kcp-num">
                    {t('programme.figures.clustersValue', { count: row.count })}
                  </Text>
                </Group>
              </List.Item>
            );
          })}
        </List>
        <Text size="sm" c="dimmed">
          {t('programme.charts.byKeyFieldTotal', { count: total })}
        </Text>
        {priorities.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t('programme.basicPlanPriority', { fields: priorities.join(t('common.listSeparator')) })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
