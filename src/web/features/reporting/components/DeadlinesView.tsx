import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../../domain/fiscal-year';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { useFormatters } from '../../../lib/format';
import { useDeadlines } from '../api/reports-api';
import { DeadlineModal } from './DeadlineModal';

/** The programme's reporting deadlines, one per fiscal year, for officers to set and move. */
export function DeadlinesView() {
  const { t } = useTranslation();
  const f = useFormatters();
  const deadlines = useDeadlines();
  const [editing, setEditing] = useState<{ fy: number | null } | null>(null);
  const items = [...(deadlines.data?.items ?? [])].sort((a, b) => b.fiscalYear - a.fiscalYear);
  const today = new Date().toISOString().slice(0, 10);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('reporting.deadlines.help')}
        </Text>
        <Button onClick={() => setEditing({ fy: null })}>{t('reporting.deadlines.add')}</Button>
      </Group>
      {deadlines.error ? (
        <ErrorAlert error={deadlines.error} onRetry={() => void deadlines.refetch()} />
      ) : null}
      {deadlines.isPending ? <LoadingState /> : null}
      {deadlines.data && items.length === 0 ? <Text c="dimmed">{t('reporting.deadlines.none')}</Text> : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reporting.deadlines.fiscalYear')}</Table.Th>
                <Table.Th scope="col">{t('reporting.deadlines.dueOn')}</Table.Th>
                <Table.Th scope="col">{t('reporting.deadlines.note')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <FiscalYear fy={d.fiscalYear} />
                  </Table.Td>
                  <Table.Td className="kcp-nowrap">
                    {f.date(d.dueOn)}
                    {d.dueOn < today ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t('reporting.deadlines.passed')})
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{d.note ?? ''}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setEditing({ fy: d.fiscalYear })}
                      aria-label={t('reporting.deadlines.changeTitle', { fy: f.fy(d.fiscalYear) })}
                    >
                      {t('reporting.deadlines.change')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editing ? (
        <DeadlineModal
          fiscalYear={editing.fy ?? fiscalYearOf(new Date()) - 1}
          existing={items}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
