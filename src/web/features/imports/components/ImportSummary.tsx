import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportSummary as Summary } from '../../../../contracts/imports';
import { formatCount } from '../../../lib/format';

/** Rows to insert, update and leave unchanged per table: what the commit will do (or did). */
export function ImportSummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const tables = Object.entries(summary.tables);
  return (
    <>
      <Text size="sm">
        {t('imports.summary.rows', { rows: formatCount(summary.rows) })}
        {summary.reportsCreated > 0
          ? ` ${t('imports.summary.reportsCreated', { count: summary.reportsCreated })}`
          : ''}
      </Text>
      {tables.length > 0 ? (
        <Table withTableBorder striped mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.summary.table')}</Table.Th>
              <Table.Th ta="right">{t('imports.summary.insert')}</Table.Th>
              <Table.Th ta="right">{t('imports.summary.update')}</Table.Th>
              <Table.Th ta="right">{t('imports.summary.unchanged')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tables.map(([table, counts]) => (
              <Table.Tr key={table}>
                <Table.Td>{t(`imports.tables.${table}`, { defaultValue: table })}</Table.Td>
                <Table.Td ta="right">{formatCount(counts.insert)}</Table.Td>
                <Table.Td ta="right">{formatCount(counts.update)}</Table.Td>
                <Table.Td ta="right">{formatCount(counts.unchanged)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </>
  );
}
