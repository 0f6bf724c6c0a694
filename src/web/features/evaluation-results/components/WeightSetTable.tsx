import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResultWeightSet, RoundResultsResponse } from '../../../../contracts/evaluation-results';
import { useFormatters, useLocalize } from '../../../lib/format';
import { scrollRegion } from '../../../lib/scroll-region';

interface WeightSetTableProps {
  weightSet: ResultWeightSet;
  items: RoundResultsResponse['items'];
}

/**
 * The locked weight set the scores used — version, how it was reached, when it was locked — and
 * each item's weight as shown (rounded so the column adds up to exactly 100).
 */
export function WeightSetTable({ weightSet, items }: WeightSetTableProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const byKey = new Map(items.map((i) => [i.key, i]));
  const total = weightSet.weights.reduce((sum, w) => sum + w.display, 0);
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('evaluationResults.weights.summary', {
          version: weightSet.version,
          method: t(
            `evaluationResults.weights.method.${weightSet.method === 'adjusted' ? 'adjusted' : 'mean'}`,
            {
              count: weightSet.memberCount,
            },
          ),
        })}
        {weightSet.lockedAt
          ? ` ${t('evaluationResults.weights.lockedAt', { date: f.dateTime(weightSet.lockedAt) })}`
          : ''}
      </Text>
      {weightSet.reason ? (
        <Text size="sm" c="dimmed">
          {t('evaluationResults.weights.reason', { reason: weightSet.reason })}
        </Text>
      ) : null}
      <Table.ScrollContainer
        minWidth={420}
        scrollAreaProps={scrollRegion(t('evaluationResults.weights.caption', { version: weightSet.version }))}
      >
        <Table withTableBorder striped fz="sm">
          <Table.Caption>
            {t('evaluationResults.weights.caption', { version: weightSet.version })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluationResults.weights.group')}</Table.Th>
              <Table.Th>{t('evaluationResults.weights.item')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.weights.weight')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weightSet.weights.map((w) => {
              const item = byKey.get(w.item);
              return (
                <Table.Tr key={w.item}>
                  <Table.Td>{item ? localize(item.groupLabel) : ''}</Table.Td>
                  <Table.Td>{item ? localize(item.label) : w.item}</Table.Td>
                  <Table.Td className="kcp-num">{w.text}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={2}>{t('common.total')}</Table.Th>
              <Table.Th className="kcp-num">{total.toFixed(1)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
