import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { useEvents } from '../api/industrial-cluster-api';
import { EventFormModal } from '../components/EventFormModal';

/**
 * Forums, joint conferences and the Cluster Forum, soonest first, with their seats and whether
 * registration is open; managers add events here.
 */
export function EventsPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const f = useFormatters();
  const events = useEvents();
  const canManage = usePermission('industrial-cluster:manage');
  const [isCreating, setCreating] = useState(false);
  return (
    <Stack gap="lg">
      <PageTitle
        title={t('industrialCluster.events')}
        actions={
          canManage ? (
            <Button onClick={() => setCreating(true)}>{t('industrialCluster.form.newEvent')}</Button>
          ) : null
        }
      />
      {isCreating ? <EventFormModal onClose={() => setCreating(false)} /> : null}
      {events.isPending ? (
        <LoadingState />
      ) : events.error ? (
        <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <Text c="dimmed">{t('industrialCluster.noEvents')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('industrialCluster.col.date')}</Table.Th>
                <Table.Th>{t('industrialCluster.col.session')}</Table.Th>
                <Table.Th>{t('industrialCluster.col.place')}</Table.Th>
                <Table.Th>{t('industrialCluster.col.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{f.date(e.startsOn)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/events/${e.id}`}>
                      {localize(e.title)}
                    </Anchor>{' '}
                    <Text span size="sm" c="dimmed">
                      {t(`industrialCluster.eventKind.${e.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.place}</Table.Td>
                  <Table.Td>
                    <Badge color={e.isRegistrationOpen ? 'green' : 'gray'}>
                      {e.isRegistrationOpen ? t('industrialCluster.open') : t('industrialCluster.closed')}
                    </Badge>{' '}
                    {e.capacity === null
                      ? t('industrialCluster.noCapacity', { registered: e.registeredCount })
                      : t('industrialCluster.capacity', {
                          registered: e.registeredCount,
                          capacity: e.capacity,
                        })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
