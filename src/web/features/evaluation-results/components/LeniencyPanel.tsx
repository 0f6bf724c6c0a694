import { Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundScoresResponse } from '../../../../contracts/evaluation-results';
import { type ChartOption, EChart } from '../../../components/EChart';
import { useLocale } from '../../../lib/format';
import { AGREEMENT_DIGITS } from '../../../lib/score-format';
import { formatNumber, formatOffset } from './result-format';
import { useEvaluatorLabel } from './evaluator-label';
import { scrollRegion } from '../../../lib/scroll-region';

type Leniency = NonNullable<RoundScoresResponse['leniency']>;

const LENIENT = '#099268';
const STRICT = '#d9480f';

/** Below this offset (points) an evaluator grades in line with colleagues. */
const IN_LINE = 0.05;

/**
 * Each evaluator's leniency: the mean offset of their points from colleagues' on the same cluster
 * and item (+ lenient, − strict), as a diverging bar chart around zero and as a table.
 */
export function LeniencyPanel({ leniency }: { leniency: Leniency }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useEvaluatorLabel();
  const option = useMemo<ChartOption>(() => {
    const values = leniency.map((l) => l.leniency ?? 0);
    const extent = Math.max(0.25, ...values.map((v) => Math.abs(v))) * 1.15;
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 32, top: 16, bottom: 32, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => formatOffset(typeof v === 'number' ? v : null, locale),
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: leniency.map((l) => label(l.evaluator)),
        axisLabel: { width: 220, overflow: 'truncate' },
        axisTick: { show: false },
      },
      xAxis: {
        type: 'value',
        min: -extent,
        max: extent,
        name: t('evaluationResults.leniency.axis'),
        nameLocation: 'middle',
        nameGap: 24,
        axisLabel: { formatter: (v: number) => formatOffset(Math.round(v * 100) / 100, locale) },
      },
      series: [
        {
          type: 'bar',
          name: t('evaluationResults.leniency.offset'),
          barMaxWidth: 24,
          data: leniency.map((l) => ({
            value: l.leniency,
            itemStyle: { color: (l.leniency ?? 0) >= 0 ? LENIENT : STRICT },
          })),
        },
      ],
    };
  }, [leniency, label, locale, t]);

  const reading = (value: number | null) => {
    if (value === null) return t('evaluationResults.leniency.reading.none');
    // The offset's size, to the same three decimals as the signed offset beside it.
    const size = formatNumber(Math.abs(value), locale, AGREEMENT_DIGITS);
    if (Math.abs(value) < IN_LINE) return t('evaluationResults.leniency.reading.inLine', { size });
    return value > 0
      ? t('evaluationResults.leniency.reading.lenient', { size })
      : t('evaluationResults.leniency.reading.strict', { size });
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('evaluationResults.leniency.explain')}</Text>
      <EChart
        option={option}
        label={t('evaluationResults.leniency.chartLabel')}
        height={Math.max(160, leniency.length * 36 + 64)}
      />
      <Table.ScrollContainer minWidth={520} scrollAreaProps={scrollRegion()}>
        <Table withTableBorder striped fz="sm">
          <Table.Caption>{t('evaluationResults.leniency.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluationResults.evaluator.heading')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.leniency.offset')}</Table.Th>
              <Table.Th>{t('evaluationResults.leniency.readingHeading')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.leniency.units')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {leniency.map((l) => (
              <Table.Tr key={l.evaluator.label}>
                <Table.Td>{label(l.evaluator)}</Table.Td>
                <Table.Td className="kcp-num">{formatOffset(l.leniency, locale)}</Table.Td>
                <Table.Td>{reading(l.leniency)}</Table.Td>
                <Table.Td className="kcp-num">{l.units}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
