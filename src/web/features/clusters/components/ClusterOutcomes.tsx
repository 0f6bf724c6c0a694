import { Badge, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClusterOutcomesResponse } from '../../../../contracts/outcomes';
import type { IndicatorResponse } from '../../../../contracts/reference';
import { EChart, type ChartOption } from '../../../components/EChart';
import { SourceNote } from '../../../components/SourceNote';
import { YenAmount } from '../../../components/YenAmount';
import { PRIMARY_CHART_COLOR } from '../../../lib/chart-colors';
import { formatCount, useFormatters, useLocalize } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';

type Report = ClusterOutcomesResponse['reports'][number];

function ReportView({ report, indicators }: { report: Report; indicators: readonly IndicatorResponse[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const label = useCodeLabel();
  const ordered = [...indicators].sort((a, b) => a.order - b.order);
  const counts = ordered.filter((i) => i.unit === 'count');
  const period = f.fyRange(report.fyFrom, report.fyTo);

  const option: ChartOption = {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: counts.map((i) => localize(i.label)),
      axisLabel: { interval: 0 },
    },
    series: [
      {
        type: 'bar',
        name: period,
        data: counts.map((i) => report.values[i.key] ?? 0),
        itemStyle: { color: PRIMARY_CHART_COLOR },
        barMaxWidth: 16,
        label: { show: true, position: 'right', fontSize: 11 },
      },
    ],
  };

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Title order={3}>{t('clusters.outcomes.reportTitle', { period })}</Title>
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {label('reportStatus', report.status)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('clusters.outcomes.version', { version: report.reportVersion })}
        </Text>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Table withTableBorder fz="sm">
            <Table.Caption ta="left" c="dimmed">
              {t('clusters.outcomes.tableCaption', { period })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clusters.outcomes.indicator')}</Table.Th>
                <Table.Th scope="col" className="kcp-num">
                  {t('clusters.outcomes.value')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ordered.map((indicator) => {
                const value = report.values[indicator.key];
                return (
                  <Table.Tr key={indicator.key}>
                    <Table.Th scope="row" fw={400}>
                      {localize(indicator.label)}
                    </Table.Th>
                    <Table.Td className="kcp-num" data-indicator={indicator.key} data-value={value ?? ''}>
                      {value === undefined ? (
                        <Text span c="dimmed" size="sm">
                          {t('common.notReported')}
                        </Text>
                      ) : indicator.unit === 'yen' ? (
                        <YenAmount yen={value} unit="thousand" stacked />
                      ) : (
                        formatCount(value)
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <EChart
            option={option}
            label={t('clusters.outcomes.chartLabel', { period })}
            height={Math.max(260, counts.length * 26 + 30)}
          />
        </Grid.Col>
      </Grid>
      <SourceNote sources={report.source} />
    </Stack>
  );
}

/** A cluster's reported outcomes, one block per report (the seed's report covers FY2002–FY2004). */
export function ClusterOutcomes({
  outcomes,
  indicators,
}: {
  outcomes: ClusterOutcomesResponse;
  indicators: readonly IndicatorResponse[];
}) {
  const { t } = useTranslation();
  if (outcomes.reports.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('clusters.outcomes.none')}
      </Text>
    );
  }
  return (
    <Stack gap="xl">
      {outcomes.reports.map((report) => (
        <ReportView key={report.id} report={report} indicators={indicators} />
      ))}
    </Stack>
  );
}
