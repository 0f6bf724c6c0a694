import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WeightSetView, WeightsResponse } from '../../../../contracts/evaluation-grading';
import { useLocalize } from '../../../lib/format';
import { groupItems } from './criteria-items';
import { scrollRegion } from '../../../lib/scroll-region';

/**
 * The weights of every version item by item (the shown tenths, summing to 100.0), the version
 * charted above highlighted: the chart's data as a table, and the versions' differences at a glance.
 */
export function WeightsByVersionTable({ view, current }: { view: WeightsResponse; current: WeightSetView }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const sets = view.sets.length > 0 ? view.sets : [current];
  const shown = new Map(sets.map((s) => [s.version, new Map(s.weights.map((w) => [w.item, w.shown]))]));
  const highlight = (set: WeightSetView) =>
    set.version === current.version ? 'var(--mantine-color-blue-0)' : undefined;
  return (
    <Table.ScrollContainer minWidth={360 + sets.length * 90} scrollAreaProps={scrollRegion()}>
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('evaluationGrading.item')}</Table.Th>
            {sets.map((s) => (
              <Table.Th scope="col" key={s.id} ta="right" bg={highlight(s)}>
                {s.lockedAt
                  ? t('evaluationGrading.sets.versionLocked', { version: s.version })
                  : t('evaluationGrading.sets.versionN', { version: s.version })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {groupItems(view.items).map((g) => (
          <Table.Tbody key={g.items[0]!.item.key}>
            <Table.Tr>
              <Table.Th scope="colgroup" colSpan={sets.length + 1} bg="var(--mantine-color-gray-0)">
                {localize(g.label)}
              </Table.Th>
            </Table.Tr>
            {g.items.map(({ item, number }) => (
              <Table.Tr key={item.key}>
                <Table.Th scope="row" fw={400}>
                  {number}. {localize(item.label)}
                </Table.Th>
                {sets.map((s) => (
                  <Table.Td key={s.id} ta="right" bg={highlight(s)}>
                    {shown.get(s.version)?.get(item.key) ?? '—'}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        ))}
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('common.total')}</Table.Th>
            {sets.map((s) => (
              <Table.Td key={s.id} ta="right" bg={highlight(s)}>
                100.0
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
