import { Anchor, Group, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SelfEvaluationSummary } from '../../../../contracts/evaluation-self-evaluations';
import { useFormatters, useLocalize } from '../../../lib/format';
import { SelfEvaluationStatusBadge } from './SelfEvaluationStatusBadge';
import { scrollRegion } from '../../../lib/scroll-region';

interface SelfEvaluationTableProps {
  items: SelfEvaluationSummary[];
  reportPath: (clusterKey: string) => string;
  /** Whether a draft's counts reach this reader (officers and the cluster's own headquarters). */
  seesDrafts: boolean;
}

/** Each target cluster's report: status, items written, files, dates; the cluster's name links to it. */
export function SelfEvaluationTable({ items, reportPath, seesDrafts }: SelfEvaluationTableProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  return (
    <Table.ScrollContainer minWidth={760} scrollAreaProps={scrollRegion()}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('evaluationSelf.list.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('evaluationSelf.list.cluster')}</Table.Th>
            <Table.Th scope="col">{t('evaluationSelf.list.status')}</Table.Th>
            <Table.Th scope="col" w={200}>
              {t('evaluationSelf.list.written')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('evaluationSelf.list.files')}
            </Table.Th>
            <Table.Th scope="col">{t('evaluationSelf.list.submittedAt')}</Table.Th>
            <Table.Th scope="col">{t('evaluationSelf.list.updatedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const name = localize(item.cluster.name);
            // A draft's counts stay with its writers; a report not started has nothing to hide.
            const hidden = !seesDrafts && item.status === 'draft';
            return (
              <Table.Tr key={item.cluster.key}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={reportPath(item.cluster.key)}>
                    {name}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <SelfEvaluationStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>
                  {hidden ? (
                    <Text size="sm" c="dimmed">
                      {t('evaluationSelf.list.hiddenUntilSubmitted')}
                    </Text>
                  ) : (
                    <Group gap="xs" wrap="nowrap">
                      <Progress
                        style={{ flex: 1 }}
                        value={item.itemCount === 0 ? 0 : (item.writtenItemCount / item.itemCount) * 100}
                        color={item.writtenItemCount === item.itemCount ? 'green' : 'blue'}
                        aria-label={t('evaluationSelf.list.writtenOf', {
                          cluster: name,
                          written: item.writtenItemCount,
                          total: item.itemCount,
                        })}
                      />
                      <Text size="sm" className="kcp-num kcp-nowrap">
                        {`${item.writtenItemCount} / ${item.itemCount}`}
                      </Text>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td ta="right" className="kcp-num">
                  {hidden ? '—' : item.attachmentCount}
                </Table.Td>
                <Table.Td>{item.submittedAt ? f.dateTime(item.submittedAt) : '—'}</Table.Td>
                <Table.Td>{item.updatedAt && !hidden ? f.dateTime(item.updatedAt) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
