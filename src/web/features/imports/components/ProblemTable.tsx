import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProblemResponse } from '../../../../contracts/imports';
import { useLocalize } from '../../../lib/format';

/** Every problem with its row, column and message in the reader's language. */
export function ProblemTable({ problems }: { problems: ImportProblemResponse[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  if (problems.length === 0) return <Text c="dimmed">{t('imports.problems.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.problems.severity')}</Table.Th>
            <Table.Th ta="right">{t('imports.problems.row')}</Table.Th>
            <Table.Th>{t('imports.problems.column')}</Table.Th>
            <Table.Th>{t('imports.problems.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            <Table.Tr key={`${p.row}-${p.column}-${p.code}-${i}`}>
              <Table.Td>
                <Badge color={p.severity === 'error' ? 'red' : 'yellow'} variant="light">
                  {t(`imports.problems.${p.severity}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{p.row ?? '—'}</Table.Td>
              <Table.Td>{p.column ? `${p.column}${p.header ? ` (${p.header})` : ''}` : '—'}</Table.Td>
              <Table.Td>{localize(p.message)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
