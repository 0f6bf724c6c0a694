import { Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_STATUSES, type Finding } from '../../../../contracts/evaluation-findings';
import { type ChartOption, EChart } from '../../../components/EChart';
import { useLocalize } from '../../../lib/format';
import { FindingTagBadge, FOLLOW_UP_COLORS, useTagLabel } from './FindingBadges';
import { summarizeByTag } from './finding-summary';
import { scrollRegion } from '../../../lib/scroll-region';

/**
 * Follow-up per issue across the round's clusters: a stacked bar per tag (open, responded, in
 * progress, resolved) and the same counts as a table, with the clusters where each is unresolved.
 */
export function TagSummary({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const tagLabel = useTagLabel();
  const rows = useMemo(() => summarizeByTag(findings), [findings]);
  const option = useMemo<ChartOption>(() => {
    // Bars read top-down in the table's order: a category axis draws its first entry at the bottom.
    const ordered = [...rows].reverse();
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => tagLabel(r.tag)),
        axisLabel: { width: 220, overflow: 'break' },
      },
      series: FOLLOW_UP_STATUSES.map((s) => ({
        type: 'bar' as const,
        stack: 'followUp',
        name: t(`evaluationFollowup.followUp.${s}`),
        itemStyle: { color: FOLLOW_UP_COLORS[s].chart },
        data: ordered.map((r) => r.counts[s]),
      })),
    };
  }, [rows, t, tagLabel]);
  if (rows.length === 0) return null;
  return (
    <>
      <EChart
        option={option}
        label={t('evaluationFollowup.summary.chartLabel')}
        height={64 + rows.length * 44}
      />
      <Table.ScrollContainer minWidth={720} scrollAreaProps={scrollRegion()}>
        <Table withTableBorder striped fz="sm">
          <Table.Caption>{t('evaluationFollowup.summary.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluationFollowup.finding.tag')}</Table.Th>
              {FOLLOW_UP_STATUSES.map((s) => (
                <Table.Th key={s} className="kcp-num">
                  {t(`evaluationFollowup.followUp.${s}`)}
                </Table.Th>
              ))}
              <Table.Th className="kcp-num">{t('common.total')}</Table.Th>
              <Table.Th>{t('evaluationFollowup.summary.unresolvedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.tag}>
                <Table.Td>
                  <FindingTagBadge tag={r.tag} />
                </Table.Td>
                {FOLLOW_UP_STATUSES.map((s) => (
                  <Table.Td key={s} className="kcp-num">
                    {r.counts[s]}
                  </Table.Td>
                ))}
                <Table.Td className="kcp-num" fw={600}>
                  {r.total}
                </Table.Td>
                <Table.Td>
                  {r.unresolvedClusters.length === 0 ? (
                    <Text size="sm" c="teal.8">
                      {t('evaluationFollowup.summary.allResolved')}
                    </Text>
                  ) : (
                    r.unresolvedClusters.map((c) => localize(c.name)).join(t('common.listSeparator'))
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
