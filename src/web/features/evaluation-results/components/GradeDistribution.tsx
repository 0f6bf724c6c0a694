import { Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemDistribution, RoundScoresResponse } from '../../../../contracts/evaluation-results';
import type { GradeScaleInput } from '../../../../contracts/evaluation-rounds';
import { type ChartOption, EChart } from '../../../components/EChart';
import { useLocale, useLocalize } from '../../../lib/format';
import { formatScore, gradeColor, numberedItemLabels } from './result-format';
import { scrollRegion } from '../../../lib/scroll-region';

interface GradeDistributionProps {
  distribution: readonly ItemDistribution[];
  items: RoundScoresResponse['items'];
  scale: GradeScaleInput;
  /** Draw the stacked chart above the table (the round-wide view); a cluster's own view is the table only. */
  withChart?: boolean;
  caption: string;
}

function countOf(d: ItemDistribution, grade: string): number {
  return d.counts.find((c) => c.grade === grade)?.count ?? 0;
}

/**
 * How often each grade was given on each item (counted gradings only: submitted, not conflicted),
 * as a stacked bar per item and as a table with the mean points.
 */
export function GradeDistribution({
  distribution,
  items,
  scale,
  withChart = false,
  caption,
}: GradeDistributionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const labels = useMemo(() => numberedItemLabels(items, localize), [items, localize]);
  const groups = useMemo(() => new Map(items.map((i) => [i.key, localize(i.groupLabel)])), [items, localize]);
  const option = useMemo<ChartOption>(() => {
    // The axis ends at the most gradings any item got, not at the next round 20.
    const most = Math.max(1, ...distribution.map((d) => d.counts.reduce((sum, c) => sum + c.count, 0)));
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 40, bottom: 40, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      // Items read top to bottom in the round's order.
      yAxis: {
        type: 'category',
        inverse: true,
        data: distribution.map((d) => labels.get(d.item) ?? d.item),
        axisLabel: { width: 200, overflow: 'truncate' },
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: most,
        minInterval: 1,
        axisLabel: { hideOverlap: true },
        name: t('evaluationResults.distribution.gradings'),
        nameLocation: 'middle',
        nameGap: 26,
      },
      series: scale.map((s) => ({
        type: 'bar' as const,
        stack: 'grades',
        name: s.grade,
        itemStyle: { color: gradeColor(s.grade, scale).hex },
        data: distribution.map((d) => countOf(d, s.grade)),
      })),
    };
  }, [distribution, labels, scale, t]);
  return (
    <Stack gap="sm">
      {withChart ? (
        <EChart
          option={option}
          label={t('evaluationResults.distribution.chartLabel')}
          height={Math.max(220, distribution.length * 32 + 80)}
        />
      ) : null}
      <Table.ScrollContainer minWidth={480} scrollAreaProps={scrollRegion()}>
        <Table withTableBorder striped fz="sm">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluationResults.distribution.item')}</Table.Th>
              {scale.map((s) => (
                <Table.Th key={s.grade} className="kcp-num">
                  {t('evaluationResults.distribution.grade', { grade: s.grade, points: s.points })}
                </Table.Th>
              ))}
              <Table.Th className="kcp-num">{t('evaluationResults.distribution.graded')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.distribution.mean')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {distribution.map((d) => (
              <Table.Tr key={d.item}>
                <Table.Td>
                  {labels.get(d.item) ?? d.item}
                  <Text size="xs" c="dimmed">
                    {groups.get(d.item)}
                  </Text>
                </Table.Td>
                {scale.map((s) => (
                  <Table.Td key={s.grade} className="kcp-num">
                    {countOf(d, s.grade)}
                  </Table.Td>
                ))}
                <Table.Td className="kcp-num">{d.graded}</Table.Td>
                <Table.Td className="kcp-num">{formatScore(d.meanPoints, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
