import { Anchor, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart, type ChartOption } from '../../../components/EChart';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { YenAmount } from '../../../components/YenAmount';
import { formatCount, useFormatters, useLocalize } from '../../../lib/format';
import { useTargetSummary } from '../api/budgets-api';

/**
 * The programme view of the clusters' numerical targets for one fiscal year: per indicator the
 * actuals as a share of the targets, and per cluster how many targets are met.
 */
export function TargetProgressCard() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const [fy, setFy] = useState<number | undefined>(undefined);
  const summary = useTargetSummary(fy);

  const body = () => {
    if (summary.error) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
    if (summary.isPending) return <LoadingState />;
    const data = summary.data;
    if (data.fiscalYears.length === 0) return <Text c="dimmed">{t('budgets.progress.none')}</Text>;
    const rows = data.indicators.map((i) => ({
      ...i,
      percent: i.targetTotal > 0 ? Math.round((i.actualTotal / i.targetTotal) * 100) : null,
    }));
    const option: ChartOption = {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}%` },
      xAxis: { type: 'value', name: '%', max: (value) => Math.max(100, Math.ceil(value.max / 20) * 20) },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => localize(r.label)),
        axisLabel: { interval: 0 },
      },
      series: [
        {
          type: 'bar',
          name: t('budgets.progress.share'),
          barMaxWidth: 16,
          data: rows.map((r) => ({
            value: r.percent ?? 0,
            itemStyle: { color: (r.percent ?? 0) >= 100 ? '#2b7a4b' : '#1b4f8a' },
          })),
          label: { show: true, position: 'right', formatter: '{c}%', fontSize: 11 },
        },
      ],
    };
    return (
      <Stack gap="md">
        <Select
          label={t('budgets.progress.fiscalYear')}
          data={data.fiscalYears.map((y) => ({
            value: String(y),
            label: `${f.fy(y)} (${f.fyAlternate(y)})`,
          }))}
          value={String(data.fiscalYear)}
          onChange={(v) => v && setFy(Number(v))}
          allowDeselect={false}
          w={260}
        />
        {rows.length === 0 ? (
          <Text c="dimmed">{t('budgets.progress.noneThisYear', { fy: f.fy(data.fiscalYear) })}</Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <EChart
                option={option}
                label={t('budgets.progress.chartLabel', { fy: f.fy(data.fiscalYear) })}
                height={Math.max(200, rows.length * 28 + 40)}
              />
              <Table.ScrollContainer minWidth={420}>
                <Table striped withTableBorder>
                  <Table.Caption>
                    {t('budgets.progress.indicatorCaption', { fy: f.fy(data.fiscalYear) })}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('budgets.targets.indicator')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('budgets.progress.targetTotal')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('budgets.progress.actualTotal')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('budgets.progress.reportedOf')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.indicator}>
                        <Table.Td>{localize(r.label)}</Table.Td>
                        <Table.Td ta="right">
                          {r.unit === 'yen' ? <YenAmount yen={r.targetTotal} /> : formatCount(r.targetTotal)}
                        </Table.Td>
                        <Table.Td ta="right" fw={700}>
                          {r.unit === 'yen' ? <YenAmount yen={r.actualTotal} /> : formatCount(r.actualTotal)}
                        </Table.Td>
                        <Table.Td ta="right">
                          {t('budgets.progress.reportedOfValue', {
                            reported: r.reported,
                            clusters: r.clusters,
                          })}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </SimpleGrid>
            <Table.ScrollContainer minWidth={420}>
              <Table striped withTableBorder>
                <Table.Caption>{t('budgets.progress.caption', { fy: f.fy(data.fiscalYear) })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('budgets.fields.cluster')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('budgets.progress.targets')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('budgets.progress.reported')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('budgets.progress.met')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.clusters.map((c) => (
                    <Table.Tr key={c.cluster.key}>
                      <Table.Td>
                        <Anchor component={Link} to={`/clusters/${c.cluster.key}`}>
                          {localize(c.cluster.name)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">{formatCount(c.targets)}</Table.Td>
                      <Table.Td ta="right">{formatCount(c.withActual)}</Table.Td>
                      <Table.Td ta="right" fw={700}>
                        {formatCount(c.onTrack)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        <Text size="xs" c="dimmed">
          {t('budgets.progress.note')}
        </Text>
      </Stack>
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="target-progress-heading">
      <Stack gap="sm">
        <Title order={2} id="target-progress-heading">
          {t('budgets.progress.title')}
        </Title>
        {body()}
      </Stack>
    </Paper>
  );
}
