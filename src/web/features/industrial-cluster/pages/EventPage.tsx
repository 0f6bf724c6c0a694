import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EventDetail } from '../../../../contracts/industrial-cluster';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import {
  useCancelRegistration,
  useEvent,
  useRegister,
  useRegistrations,
} from '../api/industrial-cluster-api';
import { EventFormModal } from '../components/EventFormModal';
import { GuestRegistrationModal } from '../components/GuestRegistrationModal';

function RegistrationBox({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const [organization, setOrganization] = useState('');
  const register = useRegister(event.id);
  const cancel = useCancelRegistration(event.id);
  if (!event.canRegister) return <Alert variant="light">{t('industrialCluster.signInToRegister')}</Alert>;
  if (event.myRegistration)
    return (
      <Stack gap="xs">
        <Text role="status">{t('industrialCluster.registered')}</Text>
        {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
        <Button
          variant="outline"
          color="red"
          w="fit-content"
          loading={cancel.isPending}
          onClick={() => cancel.mutate(event.myRegistration!.id)}
        >
          {t('industrialCluster.cancelRegistration')}
        </Button>
      </Stack>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        register.mutate(organization);
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('industrialCluster.registerOrganization')}
          value={organization}
          onChange={(e) => setOrganization(e.currentTarget.value)}
          maw={400}
        />
        {register.error ? <ErrorAlert error={register.error} /> : null}
        <Button
          type="submit"
          w="fit-content"
          loading={register.isPending}
          disabled={!event.isRegistrationOpen}
        >
          {t('industrialCluster.register')}
        </Button>
      </Stack>
    </form>
  );
}

function RegistrationList({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const registrations = useRegistrations(eventId, true);
  if (registrations.isPending) return <LoadingState />;
  if (registrations.error) return <ErrorAlert error={registrations.error} />;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('industrialCluster.col.name')}</Table.Th>
            <Table.Th>{t('industrialCluster.col.organization')}</Table.Th>
            <Table.Th>{t('industrialCluster.col.email')}</Table.Th>
            <Table.Th>{t('industrialCluster.col.registeredAt')}</Table.Th>
            <Table.Th>{t('industrialCluster.col.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {registrations.data.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.organization}</Table.Td>
              <Table.Td>{r.email}</Table.Td>
              <Table.Td>{f.dateTime(r.createdAt)}</Table.Td>
              <Table.Td>
                {r.cancelledAt ? t('industrialCluster.cancelled') : t('industrialCluster.live')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * An event with its programme, the register/cancel button and, for organizers, the registrations,
 * editing the event and registering guests without an account.
 */
export function EventPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const f = useFormatters();
  const id = Number(useParams().id);
  const event = useEvent(id);
  const [dialog, setDialog] = useState<'edit' | 'guest' | null>(null);
  if (event.isPending) return <LoadingState />;
  if (event.error) return <ErrorAlert error={event.error} onRetry={() => void event.refetch()} />;
  const e = event.data;
  const close = () => setDialog(null);
  return (
    <Stack gap="lg">
      {dialog === 'edit' ? <EventFormModal event={e} onClose={close} /> : null}
      {dialog === 'guest' ? <GuestRegistrationModal eventId={e.id} onClose={close} /> : null}
      <PageTitle
        actions={
          e.canManage ? (
            <Button onClick={() => setDialog('edit')}>{t('industrialCluster.form.editEvent')}</Button>
          ) : null
        }
        title={localize(e.title)}
        subtitle={`${t(`industrialCluster.eventKind.${e.kind}`)} · ${e.startsOn === e.endsOn ? f.date(e.startsOn) : `${f.date(e.startsOn)} – ${f.date(e.endsOn)}`} · ${e.place}`}
      >
        <Group gap="xs">
          <Badge color={e.isRegistrationOpen ? 'green' : 'gray'}>
            {e.isRegistrationOpen ? t('industrialCluster.open') : t('industrialCluster.closed')}
          </Badge>
          <Text size="sm">
            {e.capacity === null
              ? t('industrialCluster.noCapacity', { registered: e.registeredCount })
              : t('industrialCluster.capacity', { registered: e.registeredCount, capacity: e.capacity })}
          </Text>
          {e.registrationDeadline ? (
            <Text size="sm">
              {t('industrialCluster.deadline', { at: f.dateTime(e.registrationDeadline) })}
            </Text>
          ) : null}
        </Group>
      </PageTitle>
      <Title order={2}>{t('industrialCluster.programme')}</Title>
      {e.programme.length === 0 ? (
        <Text c="dimmed">{t('industrialCluster.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('industrialCluster.col.time')}</Table.Th>
              <Table.Th>{t('industrialCluster.col.session')}</Table.Th>
              <Table.Th>{t('industrialCluster.col.speaker')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.programme.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>{s.time}</Table.Td>
                <Table.Td>{s.title}</Table.Td>
                <Table.Td>{s.speaker}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {e.projects.length + e.clusters.length > 0 ? (
        <Group gap="xs">
          {e.projects.map((p) => (
            <Anchor
              key={`p${p.id}`}
              component={Link}
              to={`/industrial-cluster/projects/${encodeURIComponent(p.key)}`}
            >
              {localize(p.name)}
            </Anchor>
          ))}
          {e.clusters.map((c) => (
            <Anchor key={`c${c.id}`} component={Link} to={`/clusters/${c.key}`}>
              {localize(c.name)}
            </Anchor>
          ))}
        </Group>
      ) : null}
      <RegistrationBox event={e} />
      {e.canManage ? (
        <>
          <Group justify="space-between">
            <Title order={2}>{t('industrialCluster.registrations')}</Title>
            <Button variant="light" size="sm" onClick={() => setDialog('guest')}>
              {t('industrialCluster.form.registerGuest')}
            </Button>
          </Group>
          <RegistrationList eventId={e.id} />
        </>
      ) : null}
    </Stack>
  );
}
