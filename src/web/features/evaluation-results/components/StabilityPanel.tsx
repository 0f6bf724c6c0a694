import { Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterScoreEntry } from '../../../../contracts/evaluation-results';
import { type ChartOption, EChart } from '../../../components/EChart';
import { PRIMARY_CHART_COLOR } from '../../../lib/chart-colors';
import { useLocale, useLocalize } from '../../../lib/format';
import { formatNumber, formatShare } from './result-format';
import { scrollRegion } from '../../../lib/scroll-region';

const RANGE_COLOR = '#74c0fc';
const BASELINE_COLOR = '#1b365d';

/**
 * How firm the ranking is when every weight moves by up to ±perturbation: per cluster the share of
 * trials in which it kept its rank, and the best and worst rank it reached (with its own rank
 * marked), side by side in one chart and in a table.
 */
export function StabilityPanel({ clusters }: { clusters: readonly ClusterScoreEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const ranked = useMemo(() => clusters.filter((c) => c.stability !== null), [clusters]);
  const option = useMemo<ChartOption>(() => {
    const names = ranked.map((c) => `${c.rank ?? ''}. ${localize(c.cluster.name)}`);
    const maxRank = Math.max(1, ...ranked.map((c) => c.stability!.maxRank));
    return {
      aria: { enabled: true },
      legend: { top: 0 },
      tooltip: { trigger: 'item' },
      grid: [
        { left: 8, right: '50%', top: 40, bottom: 40, containLabel: true },
        { left: '54%', right: 24, top: 40, bottom: 40 },
      ],
      yAxis: [
        {
          type: 'category',
          gridIndex: 0,
          inverse: true,
          data: names,
          axisLabel: { width: 180, overflow: 'truncate' },
        },
        { type: 'category', gridIndex: 1, inverse: true, data: names, axisLabel: { show: false } },
      ],
      xAxis: [
        {
          type: 'value',
          gridIndex: 0,
          min: 0,
          max: 100,
          name: t('evaluationResults.stability.keptAxis'),
          nameLocation: 'middle',
          nameGap: 26,
          axisLabel: { formatter: '{value}%' },
        },
        {
          type: 'value',
          gridIndex: 1,
          // Ticks on whole ranks (rank r's bar spans r − 0.5…r + 0.5); the outer 0 and maxRank + 1
          // are only margin and stay unlabelled.
          min: 0,
          max: maxRank + 1,
          interval: 1,
          name: t('evaluationResults.stability.rangeAxis'),
          nameLocation: 'middle',
          nameGap: 26,
          axisLabel: {
            formatter: (v: number) => (Number.isInteger(v) && v >= 1 && v <= maxRank ? String(v) : ''),
          },
        },
      ],
      series: [
        {
          type: 'bar',
          name: t('evaluationResults.stability.kept'),
          xAxisIndex: 0,
          yAxisIndex: 0,
          barMaxWidth: 22,
          itemStyle: { color: PRIMARY_CHART_COLOR },
          data: ranked.map((c) => Math.round(c.stability!.keptRankShare * 1000) / 10),
          tooltip: { valueFormatter: (v) => `${String(v)}%` },
        },
        // The range is a floating bar: an invisible run up to the best rank, then best…worst.
        {
          type: 'bar',
          stack: 'range',
          xAxisIndex: 1,
          yAxisIndex: 1,
          silent: true,
          itemStyle: { color: 'transparent' },
          tooltip: { show: false },
          data: ranked.map((c) => c.stability!.minRank - 0.5),
        },
        {
          type: 'bar',
          stack: 'range',
          name: t('evaluationResults.stability.range'),
          xAxisIndex: 1,
          yAxisIndex: 1,
          barMaxWidth: 22,
          itemStyle: { color: RANGE_COLOR },
          tooltip: {
            formatter: (p) => {
              const s = ranked[(p as { dataIndex: number }).dataIndex]!.stability!;
              return t('evaluationResults.stability.rangeValue', { min: s.minRank, max: s.maxRank });
            },
          },
          data: ranked.map((c) => c.stability!.maxRank - c.stability!.minRank + 1),
        },
        {
          type: 'line',
          name: t('evaluationResults.stability.baseline'),
          xAxisIndex: 1,
          yAxisIndex: 1,
          lineStyle: { width: 0 },
          symbol: 'diamond',
          symbolSize: 12,
          itemStyle: { color: BASELINE_COLOR },
          data: ranked.map((c) => c.stability!.baselineRank),
        },
      ],
    };
  }, [ranked, localize, t]);

  if (ranked.length === 0) return <Text c="dimmed">{t('evaluationResults.stability.none')}</Text>;
  return (
    <Stack gap="sm">
      <EChart
        option={option}
        label={t('evaluationResults.stability.chartLabel')}
        height={Math.max(220, ranked.length * 34 + 90)}
      />
      <Table.ScrollContainer minWidth={560} scrollAreaProps={scrollRegion()}>
        <Table withTableBorder striped fz="sm">
          <Table.Caption>{t('evaluationResults.stability.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="kcp-num">{t('evaluationResults.table.rank')}</Table.Th>
              <Table.Th>{t('evaluationResults.table.cluster')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.stability.kept')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.stability.range')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.stability.meanRank')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ranked.map((c) => {
              const s = c.stability!;
              return (
                <Table.Tr key={c.cluster.key}>
                  <Table.Td className="kcp-num">{s.baselineRank}</Table.Td>
                  <Table.Td>{localize(c.cluster.name)}</Table.Td>
                  <Table.Td className="kcp-num">{formatShare(s.keptRankShare, locale)}</Table.Td>
                  <Table.Td className="kcp-num">
                    {s.minRank === s.maxRank
                      ? s.minRank
                      : t('evaluationResults.stability.rangeValue', { min: s.minRank, max: s.maxRank })}
                  </Table.Td>
                  <Table.Td className="kcp-num">{formatNumber(s.meanRank, locale, 2)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
