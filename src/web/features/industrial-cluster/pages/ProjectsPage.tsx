import { Anchor, Badge, Button, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { useCommittees, useEvents, useProjects } from '../api/industrial-cluster-api';
import { BUREAU_KEYS, isBureauKey } from '../components/bureau';
import { CommitteeModal } from '../components/CommitteeModal';
import { EventFormModal } from '../components/EventFormModal';
import { ProjectFormModal } from '../components/ProjectFormModal';

type Dialog = 'project' | 'committee' | 'event' | null;

/** The national and regional committees, each linked to its page. */
function CommitteeList() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const committees = useCommittees();
  if (committees.isPending) return <LoadingState />;
  if (committees.error) return <ErrorAlert error={committees.error} />;
  if (committees.data.items.length === 0) return <Text c="dimmed">{t('industrialCluster.none')}</Text>;
  return (
    <List>
      {committees.data.items.map((c) => (
        <List.Item key={c.id}>
          <Anchor component={Link} to={`/industrial-cluster/committees/${c.id}`}>
            {localize(c.name)}
          </Anchor>{' '}
          <Text span size="sm" c="dimmed">
            {c.level === 'regional' && c.bureau
              ? t('industrialCluster.bureauName', { name: t(`industrialCluster.bureau.${c.bureau}`) })
              : t('industrialCluster.committeeLevel.national')}
            {' · '}
            {t('industrialCluster.meetingCount', { count: c.meetingCount })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Industrial Cluster projects, filtered by METI regional bureau, the committees and the coming events;
 * managers (officers, administrators, coordinators) add projects, committees and events here.
 */
export function ProjectsPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const f = useFormatters();
  const [params, setParams] = useSearchParams();
  const raw = params.get('bureau');
  const bureau = isBureauKey(raw) ? raw : null;
  const projects = useProjects(bureau);
  const events = useEvents();
  const canManage = usePermission('industrial-cluster:manage');
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('industrialCluster.title')}
        subtitle={t('industrialCluster.intro')}
        actions={
          canManage ? (
            <Button onClick={() => setDialog('project')}>{t('industrialCluster.form.newProject')}</Button>
          ) : null
        }
      />
      {dialog === 'project' ? <ProjectFormModal onClose={close} /> : null}
      {dialog === 'committee' ? <CommitteeModal onClose={close} /> : null}
      {dialog === 'event' ? <EventFormModal onClose={close} /> : null}
      <Select
        label={t('industrialCluster.bureauFilter')}
        data={[
          { value: '', label: t('industrialCluster.allBureaus') },
          ...BUREAU_KEYS.map((k) => ({ value: k, label: t(`industrialCluster.bureau.${k}`) })),
        ]}
        value={bureau ?? ''}
        onChange={(value) => setParams(value ? { bureau: value } : {})}
        allowDeselect={false}
        maw={320}
      />
      {projects.isPending ? (
        <LoadingState />
      ) : projects.error ? (
        <ErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.data.items.length === 0 ? (
        <Text c="dimmed">{t('industrialCluster.noProjects')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('industrialCluster.col.project')}</Table.Th>
                <Table.Th>{t('industrialCluster.col.bureau')}</Table.Th>
                <Table.Th>{t('industrialCluster.col.period')}</Table.Th>
                <Table.Th ta="right">{t('industrialCluster.col.members')}</Table.Th>
                <Table.Th ta="right">{t('industrialCluster.col.clusters')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {projects.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/industrial-cluster/projects/${encodeURIComponent(p.key)}`}>
                      {localize(p.name)}
                    </Anchor>{' '}
                    {p.isPublished ? null : <Badge color="gray">{t('industrialCluster.unpublished')}</Badge>}
                  </Table.Td>
                  <Table.Td>{t(`industrialCluster.bureau.${p.bureau}`)}</Table.Td>
                  <Table.Td>{f.fyRange(p.startFy, p.endFy)}</Table.Td>
                  <Table.Td ta="right">{f.count(p.memberCount)}</Table.Td>
                  <Table.Td ta="right">{f.count(p.clusterCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="space-between">
        <Title order={2}>{t('industrialCluster.committees')}</Title>
        {canManage ? (
          <Button variant="light" onClick={() => setDialog('committee')}>
            {t('industrialCluster.form.newCommittee')}
          </Button>
        ) : null}
      </Group>
      <CommitteeList />
      <Group justify="space-between">
        <Title order={2}>{t('industrialCluster.events')}</Title>
        {canManage ? (
          <Button variant="light" onClick={() => setDialog('event')}>
            {t('industrialCluster.form.newEvent')}
          </Button>
        ) : null}
      </Group>
      {events.isPending ? (
        <LoadingState />
      ) : events.error ? (
        <ErrorAlert error={events.error} />
      ) : events.data.items.length === 0 ? (
        <Text c="dimmed">{t('industrialCluster.noEvents')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
          {events.data.items.map((e) => (
            <li key={e.id}>
              <Anchor component={Link} to={`/events/${e.id}`}>
                {localize(e.title)}
              </Anchor>{' '}
              <Text span c="dimmed" size="sm">
                {t(`industrialCluster.eventKind.${e.kind}`)} · {f.date(e.startsOn)} · {e.place}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
