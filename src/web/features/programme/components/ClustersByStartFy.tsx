import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterSummary } from '../../../../contracts/clusters';
import type { KeyFieldResponse } from '../../../../contracts/reference';
import { EChart, type ChartOption } from '../../../components/EChart';
import { keyFieldColor } from '../../../lib/chart-colors';
import { useFormatters, useLocalize } from '../../../lib/format';

interface Props {
  clusters: readonly ClusterSummary[];
  keyFields: readonly KeyFieldResponse[];
}

/** Clusters by the fiscal year they started, stacked by key field: a chart and the same figures as a table. */
export function ClustersByStartFy({ clusters, keyFields }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();

  const { years, fields, counts } = useMemo(() => {
    const years = [...new Set(clusters.map((c) => c.startFy))].sort((a, b) => a - b);
    const used = new Set<string>(clusters.map((c) => c.keyField));
    const fields = keyFields.filter((k) => used.has(k.key));
    const counts = new Map<string, number>();
    for (const c of clusters)
      counts.set(`${c.startFy}|${c.keyField}`, (counts.get(`${c.startFy}|${c.keyField}`) ?? 0) + 1);
    return { years, fields, counts };
  }, [clusters, keyFields]);

  const count = (fy: number, field: string) => counts.get(`${fy}|${field}`) ?? 0;

  const option: ChartOption = {
    grid: { left: 40, right: 16, top: 56, bottom: 32, containLabel: true },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: years.map((fy) => f.fy(fy)) },
    yAxis: { type: 'value', minInterval: 1, name: t('programme.charts.clusterCountAxis') },
    series: fields.map((field) => ({
      type: 'bar',
      name: localize(field.name),
      stack: 'clusters',
      barMaxWidth: 64,
      itemStyle: { color: keyFieldColor(field.key) },
      data: years.map((fy) => count(fy, field.key)),
    })),
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('programme.charts.byStartFyTitle')}
        </Title>
        <EChart option={option} label={t('programme.charts.byStartFyTitle')} height={300} />
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder withColumnBorders striped={false}>
            <Table.Caption>{t('programme.charts.byStartFyCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clusters.fields.startFy')}</Table.Th>
                {fields.map((field) => (
                  <Table.Th key={field.key} scope="col" className="kcp-num">
                    {localize(field.name)}
                  </Table.Th>
                ))}
                <Table.Th scope="col" className="kcp-num">
                  {t('common.total')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {years.map((fy) => (
                <Table.Tr key={fy}>
                  <Table.Th scope="row">
                    <Text span size="sm" fw={500}>
                      {f.fy(fy)}
                    </Text>
                  </Table.Th>
                  {fields.map((field) => (
                    <Table.Td key={field.key} className="kcp-num">
                      {count(fy, field.key)}
                    </Table.Td>
                  ))}
                  <Table.Td className="kcp-num" fw={700}>
                    {clusters.filter((c) => c.startFy === fy).length}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
