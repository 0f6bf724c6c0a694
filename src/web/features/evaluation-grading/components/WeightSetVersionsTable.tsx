import { Badge, Button, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WeightSetView, WeightsResponse } from '../../../../contracts/evaluation-grading';
import { useFormatters, useLocalize } from '../../../lib/format';
import { formatWeight } from './weight-math';
import { scrollRegion } from '../../../lib/scroll-region';

interface Props {
  view: WeightsResponse;
  /** Offered on each version while an officer may still lock one; null hides the button. */
  onLock: ((set: WeightSetView) => void) | null;
}

/** Every version of the round's weights: how it was made, why, what moved, and which one is locked. */
export function WeightSetVersionsTable({ view, onLock }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const labels = new Map(view.items.map((i, n) => [i.key, `${n + 1}. ${localize(i.label)}`]));
  return (
    <Table.ScrollContainer minWidth={760} scrollAreaProps={scrollRegion()}>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('evaluationGrading.sets.version')}</Table.Th>
            <Table.Th scope="col">{t('evaluationGrading.sets.method')}</Table.Th>
            <Table.Th scope="col">{t('evaluationGrading.sets.reason')}</Table.Th>
            <Table.Th scope="col">{t('evaluationGrading.sets.changes')}</Table.Th>
            <Table.Th scope="col">{t('evaluationGrading.sets.created')}</Table.Th>
            <Table.Th scope="col">{t('evaluationGrading.sets.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.sets.map((set) => (
            <Table.Tr key={set.id}>
              <Table.Th scope="row">
                {t('evaluationGrading.sets.versionN', { version: set.version })}
              </Table.Th>
              <Table.Td>
                <Badge variant="light" color={set.method === 'mean' ? 'blue' : 'grape'}>
                  {t(`evaluationGrading.sets.methods.${set.method}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('evaluationGrading.sets.members', { count: set.memberCount })}
                </Text>
              </Table.Td>
              <Table.Td>{set.reason ?? '—'}</Table.Td>
              <Table.Td>
                {set.changes.length === 0 ? (
                  '—'
                ) : (
                  <List size="sm" spacing={2}>
                    {set.changes.map((c) => (
                      <List.Item key={c.item}>
                        {t('evaluationGrading.sets.change', {
                          item: labels.get(c.item) ?? c.item,
                          before: formatWeight(c.before),
                          after: formatWeight(c.after),
                        })}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              <Table.Td>{f.dateTime(set.createdAt)}</Table.Td>
              <Table.Td>
                {set.lockedAt ? (
                  <>
                    <Badge color="teal">{t('evaluationGrading.sets.locked')}</Badge>
                    <Text size="xs" c="dimmed">
                      {f.dateTime(set.lockedAt)}
                    </Text>
                  </>
                ) : onLock ? (
                  <Button
                    size="xs"
                    variant="outline"
                    onClick={() => onLock(set)}
                    aria-label={t('evaluationGrading.lock.buttonFor', { version: set.version })}
                  >
                    {t('evaluationGrading.lock.button')}
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('evaluationGrading.sets.notLocked')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
